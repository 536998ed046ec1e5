import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, Empty, Input, Modal, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { AdvanceDealDocument, DealPipelineDocument, type DealPipelineQuery, type DealStage } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { dateText, yuan } from '../../lib/labels';
import { DEAL_STAGE_LABELS, DEAL_STAGES } from './labels';

type Deal = DealPipelineQuery['deals']['edges'][number]['node'];

/** One column of the board: the latest 20 deals in a stage (a query per stage keeps each under the gateway's cost limit). */
function StageColumn({ stage, onMove, onFail }: { stage: DealStage; onMove: (deal: Deal, to: DealStage) => void; onFail: (deal: Deal) => void }) {
  const { data, loading, error } = useQuery(DealPipelineDocument, { variables: { stage }, fetchPolicy: 'cache-and-network' });
  const deals = data?.deals.edges.map((edge) => edge.node) ?? [];
  return (
    <Card title={`${DEAL_STAGE_LABELS[stage]}（${data?.deals.totalCount ?? '…'}）`} size="small" loading={loading && !data} style={{ marginBottom: 12 }} data-testid={`stage-${stage}`}>
      {error && <Alert type="error" message={errorMessage(error)} />}
      {deals.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />
      ) : (
        deals.map((deal) => (
          <Card key={deal.id} size="small" type="inner" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{deal.match.need.title ?? '—'}</Typography.Text>
            <div>
              <Typography.Text type="secondary">× {deal.match.counterpart.title ?? '—'}</Typography.Text>
            </div>
            {deal.contract && <div>合同金额 {yuan(deal.contract.amount)}</div>}
            {deal.failureReason && <Typography.Text type="danger">{deal.failureReason}</Typography.Text>}
            <div style={{ color: '#888', fontSize: 12 }}>更新 {dateText(deal.updatedAt)}</div>
            <Space wrap size={4} style={{ marginTop: 6 }}>
              {deal.nextStages.map((next) => (
                <Button key={next} size="small" danger={next === 'FAILED'} onClick={() => (next === 'FAILED' ? onFail(deal) : onMove(deal, next))}>
                  → {DEAL_STAGE_LABELS[next]}
                </Button>
              ))}
            </Space>
          </Card>
        ))
      )}
    </Card>
  );
}

/** 交易看板: my deals in columns by stage; each moves only to the stages the API offers (nextStages). */
export default function PipelinePage() {
  const { message } = App.useApp();
  const [advance] = useMutation(AdvanceDealDocument, { refetchQueries: ['DealPipeline'] });
  const [failing, setFailing] = useState<Deal | null>(null);
  const [reason, setReason] = useState('');

  async function move(deal: Deal, to: DealStage, why?: string): Promise<boolean> {
    try {
      await advance({ variables: { input: { dealId: deal.id, expectedVersion: deal.version, to, reason: why } } });
      message.success(`已移到「${DEAL_STAGE_LABELS[to]}」`);
      return true;
    } catch (failure) {
      message.error(errorMessage(failure));
      return false;
    }
  }

  return (
    <div className="page">
      <Typography.Title level={3}>交易看板</Typography.Title>
      <Row gutter={12}>
        {DEAL_STAGES.map((stage) => (
          <Col xs={24} sm={12} lg={6} key={stage}>
            <StageColumn stage={stage} onMove={(deal, to) => void move(deal, to)} onFail={setFailing} />
          </Col>
        ))}
      </Row>
      <Modal
        title="标记为未成交"
        open={!!failing}
        okText="确定"
        okButtonProps={{ danger: true }}
        onCancel={() => setFailing(null)}
        onOk={() => {
          if (failing) void move(failing, 'FAILED', reason.trim()).then((ok) => ok && setFailing(null));
        }}
      >
        <label htmlFor="fail-reason">原因</label>
        <Input.TextArea id="fail-reason" rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
      </Modal>
    </div>
  );
}
