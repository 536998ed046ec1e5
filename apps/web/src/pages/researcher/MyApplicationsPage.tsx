import { useQuery } from '@apollo/client/react';
import { Alert, Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { MyApplicationsDocument } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { LoadMore } from '../../lib/LoadMore';
import { APPLICATION_STATUS_LABELS as APPLICATION_STATUS, dateText, STAGE_LABELS, yuan } from '../../lib/labels';

/** 我的揭榜: the applications of my teams and where each stands. */
export default function MyApplicationsPage() {
  const { data, loading, error, fetchMore } = useQuery(MyApplicationsDocument, { fetchPolicy: 'cache-and-network' });
  const applications = data?.myApplications.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="page">
      <Typography.Title level={3}>我的揭榜</Typography.Title>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        loading={loading && !data}
        dataSource={applications}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <Empty description="还没有揭榜申请：在「揭榜挂帅」中找到榜单后点击「我要揭榜」" /> }}
        columns={[
          { title: '榜单', render: (_, application) => (application.challenge ? <Link to={`/challenges/${application.challenge.id}`}>{application.challenge.title}</Link> : '—') },
          { title: '团队', dataIndex: 'teamName', width: 160 },
          { title: '报价', width: 110, render: (_, application) => yuan(application.quote) },
          { title: '榜单阶段', width: 100, render: (_, application) => (application.challenge?.stage ? STAGE_LABELS[application.challenge.stage] : '—') },
          { title: '状态', width: 160, render: (_, application) => <><Tag color={APPLICATION_STATUS[application.status]?.color}>{APPLICATION_STATUS[application.status]?.text ?? application.status}</Tag>{application.rejectionReason && <Typography.Text type="secondary">{application.rejectionReason}</Typography.Text>}</> },
          { title: '提交日期', width: 110, render: (_, application) => dateText(application.createdAt) },
        ]}
      />
      <LoadMore connection={data?.myApplications} fetchMore={fetchMore} />
    </div>
  );
}
