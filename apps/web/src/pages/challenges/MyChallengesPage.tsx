import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { MyChallengesDocument, PublishChallengeDocument } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { dateText, STAGE_LABELS, STATUS_LABELS, yuan } from '../../lib/labels';
import { LoadMore } from '../../lib/LoadMore';
import { useAction } from '../../lib/use-action';

/** 我的榜单: every challenge of mine with its status and stage; published ones open the application review. */
export default function MyChallengesPage() {
  const { data, loading, error, refetch, fetchMore } = useQuery(MyChallengesDocument, { fetchPolicy: 'cache-and-network' });
  const [publishChallenge, publishing] = useMutation(PublishChallengeDocument);
  const { run } = useAction({ afterSuccess: refetch });
  const challenges = data?.challenges.edges.map((edge) => edge.node) ?? [];

  const publish = (id: string) => run(() => publishChallenge({ variables: { id } }), '已提交审核');

  return (
    <div className="page">
      <div className="toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          我的榜单
        </Typography.Title>
        <Link to="/enterprise/challenges/new">
          <Button type="primary">发布榜单</Button>
        </Link>
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        loading={loading && !data}
        dataSource={challenges}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty description="还没有榜单，点击「发布榜单」开始" /> }}
        columns={[
          { title: '榜单', dataIndex: 'title', render: (title: string, challenge) => <Link to={`/challenges/${challenge.id}`}>{title}</Link> },
          { title: '榜额', width: 120, render: (_, challenge) => yuan(challenge.bounty) },
          { title: '揭榜截止', width: 110, render: (_, challenge) => dateText(challenge.applicationClosesAt) },
          {
            title: '状态',
            width: 200,
            render: (_, challenge) => (
              <Space direction="vertical" size={0}>
                <Space size={4}>
                  <Tag color={STATUS_LABELS[challenge.status]?.color}>{STATUS_LABELS[challenge.status]?.text ?? challenge.status}</Tag>
                  {challenge.stage && <Tag color="blue">{STAGE_LABELS[challenge.stage] ?? challenge.stage}</Tag>}
                </Space>
                {challenge.status === 'REJECTED' && challenge.rejectionReason && <Typography.Text type="danger">驳回原因：{challenge.rejectionReason}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 140,
            render: (_, challenge) =>
              challenge.status === 'DRAFT' || challenge.status === 'REJECTED' ? (
                <Button size="small" loading={publishing.loading} onClick={() => void publish(challenge.id)}>
                  提交发榜
                </Button>
              ) : challenge.stage ? (
                <Link to={`/enterprise/challenges/${challenge.id}`}>评审揭榜申请</Link>
              ) : null,
          },
        ]}
      />
      <LoadMore connection={data?.challenges} fetchMore={fetchMore} />
    </div>
  );
}
