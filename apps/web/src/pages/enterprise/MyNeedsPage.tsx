import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { MyNeedsDocument, SubmitNeedDocument } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { budgetRange, dateText, STATUS_LABELS } from '../../lib/labels';
import { EditListingButton } from '../../lib/ListingEditing';
import { canSubmitListing } from '../../lib/listing-editing';
import { LoadMore } from '../../lib/LoadMore';
import { useAction } from '../../lib/use-action';

/** 我的需求: every need of mine with its status; open ones can be edited, drafts and rejected ones (re)submitted. */
export default function MyNeedsPage() {
  const { data, loading, error, refetch, fetchMore } = useQuery(MyNeedsDocument, { fetchPolicy: 'cache-and-network' });
  const [submitNeed, submitting] = useMutation(SubmitNeedDocument);
  const { run } = useAction({ afterSuccess: refetch });
  const needs = data?.needs.edges.map((edge) => edge.node) ?? [];

  const submit = (id: string) => run(() => submitNeed({ variables: { id } }), '已提交审核');

  return (
    <div className="page">
      <div className="toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          我的需求
        </Typography.Title>
        <Link to="/enterprise/needs/new">
          <Button type="primary">发布需求</Button>
        </Link>
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        loading={loading && !data}
        dataSource={needs}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description="还没有需求，点击「发布需求」开始" /> }}
        columns={[
          { title: '需求', dataIndex: 'title', render: (title: string, need) => <Link to={`/needs/${need.id}`}>{title}</Link> },
          { title: '行业', dataIndex: 'industryName', width: 110 },
          { title: '预算', width: 170, render: (_, need) => budgetRange(need.budgetMin, need.budgetMax) },
          { title: '更新', width: 110, render: (_, need) => dateText(need.updatedAt) },
          {
            title: '状态',
            width: 200,
            render: (_, need) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_LABELS[need.status]?.color}>{STATUS_LABELS[need.status]?.text ?? need.status}</Tag>
                {need.status === 'REJECTED' && need.rejectionReason && <Typography.Text type="danger">驳回原因：{need.rejectionReason}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 220,
            render: (_, need) => (
              <Space wrap size={8}>
                <EditListingButton to={`/enterprise/needs/${need.id}/edit`} status={need.status} />
                {canSubmitListing(need.status) && (
                  <Button size="small" loading={submitting.loading} onClick={() => void submit(need.id)}>
                    提交审核
                  </Button>
                )}
                {need.status === 'PUBLISHED' && <Link to={`/needs/${need.id}#matches`}>查看匹配</Link>}
              </Space>
            ),
          },
        ]}
      />
      <LoadMore connection={data?.needs} fetchMore={fetchMore} />
    </div>
  );
}
