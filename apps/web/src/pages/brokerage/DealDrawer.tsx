import { useQuery } from '@apollo/client/react';
import { Alert, Card, Descriptions, Drawer, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { DealDocument, type DealFieldsFragment } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { dateText, yuan } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { ContractForm, RateBrokerForm, StageActions } from './DealActions';
import { ACTIVITY_LABELS, CONTRACT_TYPE_LABELS, DEAL_STAGE_LABELS } from './labels';
import { MatchParties } from './MatchParties';

/** A deal's parties, contract, rating and activity, with the actions the API offers the viewer. */
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

/** The deal whose id is given, in a drawer over the board. */
export function DealDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data, loading, error } = useQuery(DealDocument, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'cache-and-network' });
  const deal = data?.deal;
  return (
    <Drawer open={!!id} onClose={onClose} size="min(640px, 100vw)" title={deal ? `交易：${deal.match.need.title ?? ''}` : '交易'} destroyOnHidden>
      {error && <Alert type="error" showIcon message={errorMessage(error)} />}
      {loading && !deal ? <Skeleton active /> : deal && <DealDetail deal={deal} />}
    </Drawer>
  );
}
