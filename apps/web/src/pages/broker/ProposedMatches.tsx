import { useQuery } from '@apollo/client/react';
import { Alert, Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { MyProposedMatchesDocument, type MatchStatus, type MyProposedMatchesQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { dateText } from '../../lib/labels';
import { LoadMore } from '../../lib/LoadMore';
import { DEAL_STAGE_LABELS, MATCH_STATUS_LABELS } from '../brokerage/labels';
import { declineText, ResponseTag } from '../brokerage/MatchParties';

type ProposedSide = MyProposedMatchesQuery['proposedMatches']['edges'][number]['node']['need'];

/** One side's answer: accepted, declined with the reason (in Chinese) and its words, or still waiting. */
function SideAnswer({ side }: { side: ProposedSide }) {
  const reason = declineText(side);
  return (
    <Space direction="vertical" size={0}>
      <Space size={4} wrap>
        <ResponseTag party={side} />
        {side.respondedAt && <Typography.Text type="secondary">{dateText(side.respondedAt)}</Typography.Text>}
      </Space>
      {reason && (
        <Typography.Text type="danger" data-testid="decline-reason">
          {reason}
        </Typography.Text>
      )}
    </Space>
  );
}

const FILTERS: { label: string; value: MatchStatus | 'ALL' }[] = [
  { label: '全部', value: 'ALL' },
  { label: MATCH_STATUS_LABELS.PROPOSED.text, value: 'PROPOSED' },
  { label: MATCH_STATUS_LABELS.ACCEPTED.text, value: 'ACCEPTED' },
  { label: MATCH_STATUS_LABELS.DECLINED.text, value: 'DECLINED' },
];

/** 我提议的撮合: each side's answer — for a decline, why — so the broker learns what to propose next. */
export function ProposedMatches() {
  const [status, setStatus] = useState<MatchStatus | 'ALL'>('ALL');
  const { data, loading, error, fetchMore } = useQuery(MyProposedMatchesDocument, { variables: { status: status === 'ALL' ? null : status }, fetchPolicy: 'cache-and-network' });
  const matches = data?.proposedMatches.edges.map((edge) => edge.node) ?? [];
  const total = data?.proposedMatches.totalCount;

  return (
    <Card
      title={`我提议的撮合${total !== undefined ? `（${total}）` : ''}`}
      extra={<Segmented size="small" options={FILTERS} value={status} onChange={(value) => setStatus(value)} aria-label="按状态筛选" />}
      data-testid="proposed-matches"
    >
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={loading && !data}
        dataSource={matches}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty description={status === 'ALL' ? '还没有提议过撮合：在上方选择需求和成果' : '没有这种状态的撮合'} /> }}
        columns={[
          { title: '需求', render: (_, match) => <Link to={`/needs/${match.need.listingId}`}>{match.need.title ?? '（已下线）'}</Link> },
          {
            title: '成果 / 专家',
            render: (_, match) => <Link to={`/${match.counterpartKind === 'EXPERT' ? 'experts' : 'results'}/${match.counterpart.listingId}`}>{match.counterpart.title ?? '（已下线）'}</Link>,
          },
          { title: '需求方答复', width: 200, render: (_, match) => <SideAnswer side={match.need} /> },
          { title: '供给方答复', width: 200, render: (_, match) => <SideAnswer side={match.counterpart} /> },
          {
            title: '状态',
            width: 110,
            render: (_, match) =>
              match.deal ? (
                <Link to={`/deals?deal=${match.deal.id}`}>交易：{DEAL_STAGE_LABELS[match.deal.stage].text}</Link>
              ) : (
                <Tag color={MATCH_STATUS_LABELS[match.status].color}>{MATCH_STATUS_LABELS[match.status].text}</Tag>
              ),
          },
          { title: '提议日期', width: 100, render: (_, match) => dateText(match.proposedAt) },
        ]}
      />
      <LoadMore connection={data?.proposedMatches} fetchMore={fetchMore} />
    </Card>
  );
}
