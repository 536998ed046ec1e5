import { useQuery } from '@apollo/client/react';
import { Alert, Card, Col, Empty, List, Row, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { pageTitle } from '../../app/navigation';
import { DealColumnDocument, type DealStage } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { dateText, yuan } from '../../lib/labels';
import { LoadMore } from '../../lib/LoadMore';
import { useSession } from '../../lib/session';
import { DealDrawer } from './DealDrawer';
import { DEAL_STAGE_LABELS, DEAL_STAGES } from './labels';

/** One column of the board: a stage's deals, most recently changed first, 20 at a time, and how many there are in all. */
function StageColumn({ stage }: { stage: DealStage }) {
  const { data, loading, error, fetchMore } = useQuery(DealColumnDocument, { variables: { stage }, fetchPolicy: 'cache-and-network' });
  const deals = data?.deals.edges.map((edge) => edge.node) ?? [];
  const total = data?.deals.totalCount;
  const label = DEAL_STAGE_LABELS[stage];
  return (
    <Card
      size="small"
      title={
        <Tag color={label.color} style={{ fontSize: 14 }}>
          {label.text}（{total ?? '…'}）
        </Tag>
      }
      loading={loading && !data}
      data-testid={`deal-column-${stage}`}
    >
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      <List
        dataSource={deals}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" /> }}
        renderItem={(deal) => (
          <List.Item key={deal.id} data-testid="deal-card">
            <div style={{ minWidth: 0 }}>
              <Link to={`?deal=${deal.id}`}>{deal.match.need.title ?? '（已下线）'}</Link>
              <div style={{ color: '#666', fontSize: 12 }}>
                ↔ {deal.match.counterpart.title ?? '（已下线）'}
                {' · '}更新于 {dateText(deal.updatedAt)}
              </div>
              {deal.contract && <div style={{ fontSize: 12 }}>合同金额 {yuan(deal.contract.amount)}</div>}
              {deal.failureReason && (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  未成交原因：{deal.failureReason}
                </Typography.Text>
              )}
            </div>
          </List.Item>
        )}
      />
      <LoadMore connection={data?.deals} fetchMore={fetchMore} />
    </Card>
  );
}

/**
 * 交易看板 (brokers) / 我的交易 (the parties): the viewer's deals in columns by stage. Opening one (a link: ?deal=) shows its
 * parties, contacts, contract and activity, with the actions the API offers the viewer: the broker advances
 * it or marks it failed, registers the contract; a party rates the broker.
 */
export default function DealsPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const openId = params.get('deal');
  const close = () =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.delete('deal');
      return next;
    });

  return (
    <div className="page">
      <Typography.Title level={3}>{pageTitle('/deals', session?.user.roles ?? [])}</Typography.Title>
      <Row gutter={[12, 12]}>
        {DEAL_STAGES.map((stage) => (
          <Col key={stage} xs={24} md={12} xl={6}>
            <StageColumn stage={stage} />
          </Col>
        ))}
      </Row>
      <DealDrawer id={openId} onClose={close} />
    </div>
  );
}
