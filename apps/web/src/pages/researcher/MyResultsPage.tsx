import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { MyResultsDocument, SubmitResultDocument } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { dateText, IP_TYPE_LABELS, STATUS_LABELS, yuan } from '../../lib/labels';
import { EditListingButton } from '../../lib/ListingEditing';
import { canSubmitListing } from '../../lib/listing-editing';
import { LoadMore } from '../../lib/LoadMore';
import { useAction } from '../../lib/use-action';

/** 我的成果: my results with TRL, IP, patents, price, open licence and status; published ones link to their matching needs. */
export default function MyResultsPage() {
  const { data, loading, error, refetch, fetchMore } = useQuery(MyResultsDocument, { fetchPolicy: 'cache-and-network' });
  const [submitResult, submitting] = useMutation(SubmitResultDocument);
  const { run } = useAction({ afterSuccess: refetch });
  const results = data?.results.edges.map((edge) => edge.node) ?? [];

  const submit = (id: string) => run(() => submitResult({ variables: { id } }), '已提交审核');

  return (
    <div className="page">
      <div className="toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          我的成果
        </Typography.Title>
        <Link to="/researcher/results/new">
          <Button type="primary">发布成果</Button>
        </Link>
      </div>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        loading={loading && !data}
        dataSource={results}
        pagination={false}
        scroll={{ x: 940 }}
        locale={{ emptyText: <Empty description="还没有成果，点击「发布成果」开始" /> }}
        columns={[
          { title: '成果', dataIndex: 'title', render: (title: string, result) => <Link to={`/results/${result.id}`}>{title}</Link> },
          { title: 'TRL', dataIndex: 'trl', width: 60 },
          { title: '知识产权', width: 150, render: (_, result) => <Space direction="vertical" size={0}>{IP_TYPE_LABELS[result.ipType]}{result.patentNumbers.map((number) => <Typography.Text key={number} type="secondary">{number}</Typography.Text>)}</Space> },
          { title: '报价', width: 110, render: (_, result) => yuan(result.askingPrice) },
          { title: '开放许可', width: 80, render: (_, result) => (result.openLicense ? <Tag color="green">是</Tag> : '否') },
          { title: '更新', width: 100, render: (_, result) => dateText(result.updatedAt) },
          {
            title: '状态',
            width: 180,
            render: (_, result) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_LABELS[result.status]?.color}>{STATUS_LABELS[result.status]?.text ?? result.status}</Tag>
                {result.status === 'REJECTED' && result.rejectionReason && <Typography.Text type="danger">驳回原因：{result.rejectionReason}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 200,
            render: (_, result) => (
              <Space wrap size={8}>
                <EditListingButton to={`/researcher/results/${result.id}/edit`} status={result.status} />
                {canSubmitListing(result.status) && (
                  <Button size="small" loading={submitting.loading} onClick={() => void submit(result.id)}>
                    提交审核
                  </Button>
                )}
                {result.status === 'PUBLISHED' && <Link to={`/results/${result.id}`}>匹配需求</Link>}
              </Space>
            ),
          },
        ]}
      />
      <LoadMore connection={data?.results} fetchMore={fetchMore} />
    </div>
  );
}
