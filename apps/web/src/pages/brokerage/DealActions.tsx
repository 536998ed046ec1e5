import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Rate, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { AdvanceDealStageDocument, DealColumnDocument, DealDocument, RateBrokerDocument, RegisterContractDocument, type ContractType, type DealFieldsFragment, type DealStage } from '../../gql/graphql';
import { errorCode, errorMessage } from '../../lib/errors';
import { BROKERAGE_LIMITS, CONTRACT_TYPE_LABELS, DEAL_STAGE_LABELS } from './labels';

// Every board column (one query per stage) and the open deal.
const refetchQueries = [DealColumnDocument, DealDocument];

/** Advance the stage (with the version last seen), or mark it failed with a reason. A CONFLICT shows the server's message and reloads the deal. */
export function StageActions({ deal }: { deal: DealFieldsFragment }) {
  const { message } = App.useApp();
  const client = useApolloClient();
  const [advance, { loading }] = useMutation(AdvanceDealStageDocument, { refetchQueries, awaitRefetchQueries: true });
  const [failing, setFailing] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  async function move(to: DealStage, reason?: string) {
    setConflict(null);
    try {
      await advance({ variables: { input: { dealId: deal.id, expectedVersion: deal.version, to, reason: reason ?? null } } });
      message.success(`已更新为「${DEAL_STAGE_LABELS[to].text}」`);
      return true;
    } catch (error) {
      if (errorCode(error) === 'CONFLICT') {
        setConflict(errorMessage(error));
        await client.refetchQueries({ include: refetchQueries });
      } else message.error(errorMessage(error));
      return false;
    }
  }

  async function confirmFailure() {
    const { reason } = await form.validateFields();
    if (await move('FAILED', reason.trim())) setFailing(false);
  }

  const forward = deal.nextStages.filter((stage) => stage !== 'FAILED');
  return (
    <>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          data-testid="deal-conflict"
          message="交易已被他人更新"
          description={`${conflict}。当前阶段：${DEAL_STAGE_LABELS[deal.stage].text}（版本 ${deal.version}），已刷新，请重新操作。`}
          style={{ marginBottom: 12 }}
          closable
          onClose={() => setConflict(null)}
        />
      )}
      <Space wrap>
        {forward.map((stage) => (
          <Button key={stage} type="primary" loading={loading} onClick={() => void move(stage)}>
            推进到「{DEAL_STAGE_LABELS[stage].text}」
          </Button>
        ))}
        {deal.nextStages.includes('FAILED') && (
          <Button danger disabled={loading} onClick={() => setFailing(true)}>
            标记未成交
          </Button>
        )}
      </Space>
      <Modal title="标记未成交" open={failing} okText="确认" okButtonProps={{ danger: true, loading }} onOk={() => void confirmFailure()} onCancel={() => setFailing(false)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item label="未成交原因" name="reason" rules={[{ required: true, whitespace: true, message: '请说明未成交的原因' }, { max: BROKERAGE_LIMITS.failureReason.max, message: `原因最多 ${BROKERAGE_LIMITS.failureReason.max} 个字` }]}>
            <Input.TextArea rows={3} maxLength={BROKERAGE_LIMITS.failureReason.max} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

interface ContractValues {
  type: ContractType;
  amountWan: number;
  signedOn: Dayjs;
  parties: { name: string; role: string }[];
}

/** 技术合同登记: type, amount, signing date (not in the future), at least two parties — as the API checks. */
export function ContractForm({ deal }: { deal: DealFieldsFragment }) {
  const { message } = App.useApp();
  const [register, { loading }] = useMutation(RegisterContractDocument, { refetchQueries, awaitRefetchQueries: true });
  const [failure, setFailure] = useState<string | null>(null);
  const initialParties = [
    { name: deal.match.need.organizationName ?? '', role: '委托方' },
    { name: deal.match.counterpart.organizationName ?? '', role: '受托方' },
  ];

  async function submit(values: ContractValues) {
    setFailure(null);
    try {
      await register({
        variables: {
          input: {
            dealId: deal.id,
            type: values.type,
            amount: Math.round(values.amountWan * 10_000 * 100) / 100,
            signedOn: values.signedOn.format('YYYY-MM-DD'),
            parties: values.parties.map((party) => ({ name: party.name.trim(), role: party.role.trim() })),
          },
        },
      });
      message.success('合同已登记');
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  return (
    <Form<ContractValues> layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ type: 'DEVELOPMENT', parties: initialParties }} data-testid="contract-form">
      <Space wrap align="start">
        <Form.Item label="合同类型" name="type" rules={[{ required: true, message: '请选择合同类型' }]}>
          <Select style={{ width: 140 }} options={Object.entries(CONTRACT_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="合同金额（万元）" name="amountWan" rules={[{ required: true, message: '请填写合同金额' }, { type: 'number', min: 0.0001, message: '金额须大于 0' }]}>
          <InputNumber min={0} max={1e9} precision={4} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label="签订日期"
          name="signedOn"
          rules={[
            { required: true, message: '请选择签订日期' },
            { validator: (_, value: Dayjs | undefined) => (value && value.isAfter(dayjs(), 'day') ? Promise.reject(new Error('签订日期不能晚于今天')) : Promise.resolve()) },
          ]}
        >
          <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Space>
      <Form.List
        name="parties"
        rules={[{ validator: (_, parties: unknown[]) => (parties.length >= BROKERAGE_LIMITS.parties.min ? Promise.resolve() : Promise.reject(new Error('合同至少有两方'))) }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} wrap align="start">
                <Form.Item label={`当事方 ${index + 1} 名称`} name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写名称' }, { min: BROKERAGE_LIMITS.partyName.min, max: BROKERAGE_LIMITS.partyName.max, message: `名称为 ${BROKERAGE_LIMITS.partyName.min}–${BROKERAGE_LIMITS.partyName.max} 个字` }]}>
                  <Input style={{ width: 240 }} maxLength={BROKERAGE_LIMITS.partyName.max} />
                </Form.Item>
                <Form.Item label={`当事方 ${index + 1} 角色`} name={[field.name, 'role']} rules={[{ required: true, whitespace: true, message: '请填写角色' }, { max: BROKERAGE_LIMITS.partyRole.max, message: `角色最多 ${BROKERAGE_LIMITS.partyRole.max} 个字` }]}>
                  <Input style={{ width: 120 }} maxLength={BROKERAGE_LIMITS.partyRole.max} placeholder="委托方 / 受托方" />
                </Form.Item>
                {fields.length > BROKERAGE_LIMITS.parties.min && (
                  <Button style={{ marginTop: 30 }} onClick={() => remove(field.name)}>
                    删除
                  </Button>
                )}
              </Space>
            ))}
            {fields.length < BROKERAGE_LIMITS.parties.max && (
              <Button type="dashed" onClick={() => add({ name: '', role: '' })} style={{ marginBottom: 12 }}>
                添加当事方
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={loading}>
        登记合同
      </Button>
    </Form>
  );
}

/** A party rates the broker of a closed deal, once. */
export function RateBrokerForm({ deal }: { deal: DealFieldsFragment }) {
  const { message } = App.useApp();
  const [rate, { loading }] = useMutation(RateBrokerDocument, { refetchQueries, awaitRefetchQueries: true });
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(values: { stars: number; comment?: string }) {
    setFailure(null);
    try {
      await rate({ variables: { input: { dealId: deal.id, stars: values.stars, comment: values.comment?.trim() || null } } });
      message.success('感谢评价');
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  return (
    <Form layout="vertical" onFinish={(values: { stars: number; comment?: string }) => void submit(values)} data-testid="rate-broker">
      <Form.Item label={`为经纪人 ${deal.broker.displayName} 评分`} name="stars" rules={[{ required: true, message: '请选择 1–5 星' }]}>
        <Rate />
      </Form.Item>
      <Form.Item label="评价" name="comment" rules={[{ max: BROKERAGE_LIMITS.comment.max, message: `评价最多 ${BROKERAGE_LIMITS.comment.max} 个字` }]}>
        <Input.TextArea rows={2} maxLength={BROKERAGE_LIMITS.comment.max} showCount />
      </Form.Item>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={loading}>
        提交评价
      </Button>
    </Form>
  );
}
