import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { MarketStatsDocument } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { EChart, type ChartOption } from './EChart';

const wan = (value: number) => Math.round(value / 1000) / 10;

/** 市场统计: totals, the match → contract funnel, activity by month and by industry. */
export default function MarketStatsPage() {
  const { data, loading, error } = useQuery(MarketStatsDocument, { fetchPolicy: 'cache-and-network' });
  const stats = data?.marketStats;
  const charts = useMemo(() => {
    if (!stats) return null;
    const months = stats.byMonth.map((row) => row.month);
    const byMonth: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { data: ['需求', '成果', '撮合', '合同'], top: 0, left: 'center' },
      grid: { left: 40, right: 16, bottom: 30, top: 48 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: [
        { name: '需求', type: 'line', data: stats.byMonth.map((row) => row.needs) },
        { name: '成果', type: 'line', data: stats.byMonth.map((row) => row.results) },
        { name: '撮合', type: 'line', data: stats.byMonth.map((row) => row.matches) },
        { name: '合同', type: 'bar', data: stats.byMonth.map((row) => row.contracts) },
      ],
    };
    const industries = [...stats.byIndustry].sort((a, b) => b.needs + b.results - (a.needs + a.results)).slice(0, 10);
    const byIndustry: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { data: ['需求', '成果', '撮合'], top: 0, left: 'center' },
      grid: { left: 90, right: 16, bottom: 20, top: 48 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: industries.map((row) => row.industryName), inverse: true },
      series: [
        { name: '需求', type: 'bar', stack: 'listings', data: industries.map((row) => row.needs) },
        { name: '成果', type: 'bar', stack: 'listings', data: industries.map((row) => row.results) },
        { name: '撮合', type: 'bar', data: industries.map((row) => row.matches) },
      ],
    };
    const { funnel } = stats;
    const funnelChart: ChartOption = {
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'descending',
          left: '10%',
          width: '80%',
          label: { formatter: '{b} {c}' },
          data: [
            { name: '提议撮合', value: funnel.proposed },
            { name: '双方接受', value: funnel.accepted },
            { name: '签订合同', value: funnel.contractSigned },
            { name: '完成', value: funnel.completed },
          ],
        },
      ],
    };
    return { byMonth, byIndustry, funnelChart };
  }, [stats]);

  return (
    <div className="page">
      <Typography.Title level={3}>市场统计</Typography.Title>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      {!stats || !charts ? (
        loading && <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {[
              ['需求', stats.totals.needs],
              ['成果', stats.totals.results],
              ['榜单', stats.totals.challenges],
              ['撮合', stats.totals.matches],
              ['交易', stats.totals.deals],
              ['合同', stats.totals.contracts],
            ].map(([title, value]) => (
              <Col xs={12} sm={8} md={4} key={title}>
                <Card size="small">
                  <Statistic title={title} value={value} />
                </Card>
              </Col>
            ))}
            <Col xs={12} sm={8} md={6}>
              <Card size="small">
                <Statistic title="合同金额（万元）" value={wan(stats.totals.contractValue)} precision={1} />
              </Card>
            </Col>
            <Col xs={12} sm={8} md={6}>
              <Card size="small">
                <Statistic title="获得撮合的需求" value={stats.needsWithMatch} />
              </Card>
            </Col>
            <Col xs={12} sm={8} md={6}>
              <Card size="small">
                <Statistic title="首次撮合中位天数" value={stats.medianDaysToFirstMatch ?? '—'} precision={stats.medianDaysToFirstMatch == null ? undefined : 1} />
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <Card title="按月" style={{ marginBottom: 16 }}>
                <EChart option={charts.byMonth} label="按月的需求、成果、撮合与合同数" />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title="撮合漏斗" style={{ marginBottom: 16 }}>
                <EChart option={charts.funnelChart} label="从提议撮合到完成的漏斗" />
              </Card>
            </Col>
          </Row>
          <Card title="按行业（前 10）">
            <EChart option={charts.byIndustry} height={380} label="各行业的需求、成果与撮合数" />
          </Card>
        </>
      )}
    </div>
  );
}
