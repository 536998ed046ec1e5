import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Descriptions, Progress, Row, Skeleton, Statistic, Typography } from 'antd';
import { BrokerScoreDocument } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { yuan } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { BROKER_LEVEL_LABELS } from '../brokerage/labels';

const COMPONENTS = { conversion: '转化率', deals: '成交量', rating: '评价', response: '响应速度', value: '合同金额' } as const;
const percent = (value: number | null | undefined) => (value == null ? '—' : `${Math.round(value * 100)}%`);

/** 我的评分: score, level and rank, the components the score is made of, and the figures behind them. */
export default function BrokerScorePage() {
  const session = useSession();
  const { data, loading, error } = useQuery(BrokerScoreDocument, { variables: { id: session?.user.id ?? '' }, skip: !session });
  const broker = data?.broker;
  if (loading) return <div className="page"><Skeleton active /></div>;
  if (error || !broker) return <div className="page"><Alert type="error" showIcon message={errorMessage(error)} /></div>;
  const { stats } = broker;
  return (
    <div className="page">
      <Typography.Title level={3}>我的评分</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card style={{ marginBottom: 16 }}>
            <Statistic title="综合评分" value={broker.score} precision={1} />
            <Statistic title="等级" value={BROKER_LEVEL_LABELS[broker.level] ?? broker.level} />
            <Statistic title="排名" value={broker.rank ?? '—'} />
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card title="评分构成" style={{ marginBottom: 16 }}>
            {(Object.keys(COMPONENTS) as (keyof typeof COMPONENTS)[]).map((key) => (
              <div key={key}>
                <Typography.Text>{COMPONENTS[key]}</Typography.Text>
                <Progress percent={Math.round(broker.components[key] * 100)} />
              </div>
            ))}
          </Card>
        </Col>
      </Row>
      <Card title="数据明细">
        <Descriptions
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            { key: 'p', label: '提议撮合', children: stats.matchesProposed },
            { key: 'a', label: '双方接受', children: stats.matchesAccepted },
            { key: 'd', label: '被拒绝', children: stats.matchesDeclined },
            { key: 'o', label: '进入交易', children: stats.dealsOpened },
            { key: 'c', label: '完成交易', children: stats.dealsCompleted },
            { key: 'f', label: '未成交', children: stats.dealsFailed },
            { key: 'r', label: '转化率', children: percent(stats.conversionRate) },
            { key: 'v', label: '合同金额', children: yuan(stats.contractValue) },
            { key: 'avg', label: '平均评价', children: stats.averageRating == null ? '暂无' : `${stats.averageRating.toFixed(1)}（${stats.ratingCount} 条）` },
            { key: 'h', label: '首次响应中位时长', children: stats.medianFirstResponseHours == null ? '—' : `${stats.medianFirstResponseHours.toFixed(1)} 小时` },
          ]}
        />
      </Card>
    </div>
  );
}
