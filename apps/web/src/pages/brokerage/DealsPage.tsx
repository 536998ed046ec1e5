import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Card, Col, Descriptions, Drawer, Empty, List, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { DealBoardDocument, DealDocument, type DealBoardQuery, type DealFieldsFragment } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { dateText, yuan } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { ContractForm, RateBrokerForm, StageActions } from './DealActions';
import { ACTIVITY_LABELS, CONTRACT_TYPE_LABELS, DEAL_STAGE_LABELS, DEAL_STAGES } from './labels';
import { MatchParties } from './MatchParties';

type DealCard = DealBoardQuery['deals']['edges'][number]['node'];

function DealDetail({ deal }: { deal: DealFieldsFragment }) {
  const session = useSession();
  const isBroker = session?.user.id === deal.broker.id;
  const open = deal.stage === 'NEGOTIATING' || deal.stage === 'CONTRACT_SIGNED';
  const canRegister = !deal.contract && (deal.stage === 'CONTRACT_SIGNED' || deal.stage === 'COMPLETED');
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Tag color={DEAL_STAGE_LABELS[deal.stage].color} data-testid="deal-stage">
          {DEAL_STAGE_LABELS[deal.stage].text}
        </Tag>
        <Typography.Text type="secondary">
          开启于 {dateText(deal.createdAt)} · 版本 {deal.version}
        </Typography.Text>
      </Space>
      {deal.failureReason && <Alert type="error" message={`未成交原因：${deal.failureReason}`} />}
      <MatchParties match={deal.match} />
      {open && <StageActions deal={deal} />}
      {deal.contract ? (
        <Descriptions title="技术合同登记" column={1} size="small" bordered data-testid="deal-contract">
          <Descriptions.Item label="合同类型">{CONTRACT_TYPE_LABELS[deal.contract.type]}</Descriptions.Item>
          <Descriptions.Item label="金额">{yuan(deal.contract.amount)}</Descriptions.Item>
          <Descriptions.Item label="签订日期">{deal.contract.signedOn}</Descriptions.Item>
          <Descriptions.Item label="当事方">{deal.contract.parties.map((party) => `${party.name}（${party.role}）`).join('、')}</Descriptions.Item>
        </Descriptions>
      ) : (
        canRegister && (
          <Card size="small" title="技术合同登记">
            <ContractForm deal={deal} />
          </Card>
        )
      )}
      {deal.canRateBroker && !isBroker && (
        <Card size="small" title="评价经纪人">
          <RateBrokerForm deal={deal} />
        </Card>
      )}
      {deal.ratings.length > 0 && (
        <Card size="small" title="对经纪人的评价">
          {deal.ratings.map((rating) => (
            <div key={rating.id}>
              {'★'.repeat(rating.stars)}
              {'☆'.repeat(5 - rating.stars)} {rating.rater.displayName} {rating.comment && `：${rating.comment}`}
            </div>
          ))}
        </Card>
      )}
      <div>
        <Typography.Title level={5}>动态</Typography.Title>
        <Timeline
          items={deal.activities.map((activity) => ({
            children: (
              <>
                <Typography.Text strong>{ACTIVITY_LABELS[activity.action]}</Typography.Text>{' '}
                {activity.toStage && `${activity.fromStage ? `${DEAL_STAGE_LABELS[activity.fromStage].text} → ` : ''}${DEAL_STAGE_LABELS[activity.toStage].text}`} {activity.detail}
                <br />
                <Typography.Text type="secondary">
                  {activity.actor.displayName} · {new Date(activity.at).toLocaleString('zh-CN')}
                </Typography.Text>
              </>
            ),
          }))}
        />
      </div>
    </Space>
  );
}

function DealDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data, loading, error } = useQuery(DealDocument, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'cache-and-network' });
  const deal = data?.deal;
  return (
    <Drawer open={!!id} onClose={onClose} width={640} title={deal ? `交易：${deal.match.need.title ?? ''}` : '交易'} destroyOnHidden>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      {loading && !deal ? <Skeleton active /> : deal && <DealDetail deal={deal} />}
    </Drawer>
  );
}

function Column({ stage, deals, count, onOpen }: { stage: string; deals: DealCard[]; count: number; onOpen: (id: string) => void }) {
  return (
    <Card size="small" title={<Badge color={DEAL_STAGE_LABELS[stage].color === 'error' ? 'red' : undefined} status={DEAL_STAGE_LABELS[stage].color === 'success' ? 'success' : 'processing'} text={`${DEAL_STAGE_LABELS[stage].text}（${count}）`} />} data-testid={`deal-column-${stage}`}>
      <List
        dataSource={deals}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" /> }}
        renderItem={(deal) => (
          <List.Item key={deal.id} data-testid="deal-card" style={{ cursor: 'pointer' }} onClick={() => onOpen(deal.id)}>
            <div>
              <Typography.Link>{deal.match.need.title ?? '（已下线）'}</Typography.Link>
              <div style={{ color: '#666', fontSize: 12 }}>
                ↔ {deal.match.counterpart.title ?? '（已下线）'}
                {' · '}更新于 {dateText(deal.updatedAt)}
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** 交易看板: my deals by stage; opening one shows its parties, contacts, activity and actions. The open deal is in the URL (?deal=). */
export default function DealsPage() {
  const [params, setParams] = useSearchParams();
  const { data, loading, error } = useQuery(DealBoardDocument, { fetchPolicy: 'cache-and-network' });
  const deals = data?.deals.edges.map((edge) => edge.node) ?? [];
  const counts = new Map(data?.dealPipeline.map((entry) => [entry.stage, entry.count]) ?? []);
  const openId = params.get('deal');
  const setOpen = (id: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set('deal', id);
      else next.delete('deal');
      return next;
    });

  return (
    <div className="page">
      <Typography.Title level={3}>我的交易</Typography.Title>
      {error && <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {data && deals.length < [...counts.values()].reduce((sum, count) => sum + count, 0) && (
        <Typography.Paragraph type="secondary">看板显示最近更新的 {deals.length} 笔交易；各阶段括号内为全部数量。</Typography.Paragraph>
      )}
      {loading && !data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[12, 12]}>
          {DEAL_STAGES.map((stage) => (
            <Col key={stage} xs={24} md={12} xl={6}>
              <Column stage={stage} count={counts.get(stage) ?? 0} deals={deals.filter((deal) => deal.stage === stage)} onOpen={setOpen} />
            </Col>
          ))}
        </Row>
      )}
      <DealDrawer id={openId} onClose={() => setOpen(null)} />
    </div>
  );
}
