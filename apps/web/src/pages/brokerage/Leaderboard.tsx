import { useQuery } from '@apollo/client/react';
import { Alert, Card, Table, Tag, TreeSelect } from 'antd';
import { useState } from 'react';
import { BrokerLeaderboardDocument } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { yuan } from '../../lib/labels';
import { INDUSTRY_TREE } from '../../lib/taxonomy';
import { BROKER_LEVEL_LABELS } from './labels';

/** Brokers by score, best first, optionally within an industry. */
export function Leaderboard({ highlight }: { highlight?: string }) {
  const [industry, setIndustry] = useState<string | undefined>();
  const { data, loading, error } = useQuery(BrokerLeaderboardDocument, { variables: { industry: industry ?? null } });
  return (
    <Card
      title="经纪人排行榜"
      extra={<TreeSelect aria-label="按行业筛选" allowClear placeholder="全部行业" treeData={INDUSTRY_TREE} value={industry} onChange={(value?: string) => setIndustry(value)} style={{ width: 200 }} />}
    >
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      <Table
        data-testid="leaderboard"
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        scroll={{ x: true }}
        dataSource={data?.brokerLeaderboard ?? []}
        rowClassName={(row) => (row.user.id === highlight ? 'ant-table-row-selected' : '')}
        locale={{ emptyText: '该行业暂无经纪人' }}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 64 },
          { title: '经纪人', render: (_, row) => row.user.displayName },
          { title: '等级', render: (_, row) => <Tag>{BROKER_LEVEL_LABELS[row.level]}</Tag> },
          { title: '评分', render: (_, row) => row.score.toFixed(1) },
          { title: '完成交易', render: (_, row) => row.stats.dealsCompleted },
          { title: '合同金额', render: (_, row) => yuan(row.stats.contractValue) },
          { title: '评价', render: (_, row) => (row.stats.averageRating == null ? '—' : `${row.stats.averageRating.toFixed(1)}（${row.stats.ratingCount}）`) },
        ]}
      />
    </Card>
  );
}
