import { useQuery } from '@apollo/client/react';
import { Alert, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { AdminChallengesDocument, type ChallengeStage, type ListingStatus } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { dateText, STAGE_LABELS, STATUS_LABELS, yuan } from '../../lib/labels';
import { LoadMore } from '../../lib/LoadMore';

const STATUSES: ListingStatus[] = ['PENDING_REVIEW', 'PUBLISHED', 'REJECTED', 'DRAFT', 'CLOSED'];
const STAGES = Object.keys(STAGE_LABELS) as ChallengeStage[];
const isStatus = (value: string | null): value is ListingStatus => STATUSES.includes(value as ListingStatus);
const isStage = (value: string | null): value is ChallengeStage => STAGES.includes(value as ChallengeStage);

/**
 * 榜单管理: every challenge by status (the API lists one status at a time; published ones also by stage),
 * newest first, 20 at a time; each opens the review page, where the administrator approves or rejects one in
 * review, takes a published one down, reviews applications or withdraws it. The filters are in the URL.
 */
export default function AdminChallengesPage() {
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : 'PENDING_REVIEW';
  const stageParam = params.get('stage');
  const stage = status === 'PUBLISHED' && isStage(stageParam) ? stageParam : null;
  const { data, loading, error, fetchMore } = useQuery(AdminChallengesDocument, { variables: { status, stage }, fetchPolicy: 'cache-and-network' });
  const challenges = data?.challenges.edges.map((edge) => edge.node) ?? [];

  const show = (next: { status?: ListingStatus; stage?: ChallengeStage | null }) =>
    setParams(() => {
      const query = new URLSearchParams();
      const nextStatus = next.status ?? status;
      query.set('status', nextStatus);
      const nextStage = next.stage === undefined ? stage : next.stage;
      if (nextStatus === 'PUBLISHED' && nextStage) query.set('stage', nextStage);
      return query;
    });

  return (
    <div className="page">
      <div className="toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          榜单管理
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label="按状态筛选"
            style={{ width: 110 }}
            value={status}
            onChange={(value: ListingStatus) => show({ status: value, stage: null })}
            options={STATUSES.map((value) => ({ value, label: STATUS_LABELS[value]?.text ?? value }))}
          />
          {status === 'PUBLISHED' && (
            <Select
              aria-label="按阶段筛选"
              allowClear
              placeholder="全部阶段"
              style={{ width: 130 }}
              value={stage ?? undefined}
              onChange={(value?: ChallengeStage) => show({ stage: value ?? null })}
              options={STAGES.map((value) => ({ value, label: STAGE_LABELS[value] }))}
            />
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {data && (
        <Typography.Paragraph type="secondary">
          共 {data.challenges.totalCount} 个{STATUS_LABELS[status]?.text}榜单{stage ? `（${STAGE_LABELS[stage]}）` : ''}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="id"
        loading={loading && !data}
        dataSource={challenges}
        pagination={false}
        scroll={{ x: 860 }}
        data-testid="admin-challenges"
        locale={{ emptyText: <Empty description={`没有${STATUS_LABELS[status]?.text ?? ''}的榜单`} /> }}
        columns={[
          { title: '榜单', render: (_, challenge) => <Link to={`/enterprise/challenges/${challenge.id}`}>{challenge.title}</Link> },
          { title: '发榜单位', width: 180, render: (_, challenge) => challenge.organizationName ?? '匿名' },
          { title: '行业', dataIndex: 'industryName', width: 110 },
          { title: '榜额', width: 100, render: (_, challenge) => yuan(challenge.bounty) },
          {
            title: '状态',
            width: 150,
            render: (_, challenge) => (
              <Space size={4} wrap>
                <Tag color={STATUS_LABELS[challenge.status]?.color}>{STATUS_LABELS[challenge.status]?.text ?? challenge.status}</Tag>
                {challenge.stage && <Tag color="blue">{STAGE_LABELS[challenge.stage] ?? challenge.stage}</Tag>}
              </Space>
            ),
          },
          { title: status === 'PENDING_REVIEW' ? '提交日期' : '揭榜截止', width: 110, render: (_, challenge) => dateText(status === 'PENDING_REVIEW' ? challenge.submittedAt : challenge.applicationClosesAt) },
        ]}
      />
      <LoadMore connection={data?.challenges} fetchMore={fetchMore} />
    </div>
  );
}
