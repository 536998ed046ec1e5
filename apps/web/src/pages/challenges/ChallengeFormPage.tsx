import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Cascader, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Switch, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { CreateChallengeDocument, PublishChallengeDocument } from '../../gql/graphql';
import { ContactFields } from '../../lib/ContactFields';
import { errorMessage } from '../../lib/errors';
import { CHALLENGE_LIMITS as C, LIMITS } from '../../lib/limits';
import { INDUSTRY_TREE, REGION_TREE } from '../../lib/taxonomy';

interface ChallengeValues {
  title: string;
  description: string;
  indicators: { name: string; targetValue: string; unit?: string; verificationMethod: string }[];
  keywords: string[];
  industry: string;
  region: string[];
  bountyWan: number;
  eligibility: string;
  window: [Dayjs, Dayjs];
  deliveryMonths: number;
  allowsMultipleWinners: boolean;
  maxWinners?: number;
  organizationName?: string;
  contact: { name: string; phone: string; email: string };
}

const WAN = 10_000;
const lengthRule = (min: number, max: number, what: string) => ({ min, max, message: `${what}为 ${min}–${max} 个字` });

/** 发榜: a challenge with measurable indicators, bounty, eligibility, application window and delivery period. */
export default function ChallengeFormPage() {
  const [form] = Form.useForm<ChallengeValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [createChallenge] = useMutation(CreateChallengeDocument);
  const [publishChallenge] = useMutation(PublishChallengeDocument);
  const [saving, setSaving] = useState<'draft' | 'publish' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const multiple = Form.useWatch('allowsMultipleWinners', form) ?? false;

  async function save(publish: boolean) {
    setFailure(null);
    let values: ChallengeValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(publish ? 'publish' : 'draft');
    try {
      const [opens, closes] = values.window;
      const { data } = await createChallenge({
        variables: {
          input: {
            title: values.title.trim(),
            description: values.description.trim(),
            indicators: values.indicators.map((indicator) => ({
              name: indicator.name.trim(),
              targetValue: indicator.targetValue.trim(),
              unit: indicator.unit?.trim() || null,
              verificationMethod: indicator.verificationMethod.trim(),
            })),
            keywords: values.keywords,
            industry: values.industry,
            regionCode: values.region[values.region.length - 1],
            bounty: Math.round(values.bountyWan * WAN),
            eligibility: values.eligibility.trim(),
            applicationOpensAt: opens.startOf('day').toISOString(),
            applicationClosesAt: closes.endOf('day').toISOString(),
            deliveryMonths: values.deliveryMonths,
            allowsMultipleWinners: values.allowsMultipleWinners,
            maxWinners: values.allowsMultipleWinners ? values.maxWinners : 1,
            organizationName: values.organizationName?.trim() || null,
            contact: values.contact,
          },
        },
      });
      const id = data?.createChallenge.id;
      if (!id) return;
      if (publish) await publishChallenge({ variables: { id } });
      message.success(publish ? '已提交审核，审核通过后公开发榜' : '草稿已保存');
      void navigate('/enterprise/challenges');
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(null);
    }
  }

  return (
    <div className="page">
      <Typography.Title level={3}>发布揭榜挂帅榜单</Typography.Title>
      <Form<ChallengeValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 900 }}
        scrollToFirstError
        initialValues={{ indicators: [{}], keywords: [], allowsMultipleWinners: false, maxWinners: 2, deliveryMonths: 12, region: ['330000', '330400', '330481'] }}
      >
        <Card title="1. 技术难题" style={{ marginBottom: 16 }}>
          <Form.Item label="榜单名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写榜单名称' }, lengthRule(LIMITS.title.min, LIMITS.title.max, '名称')]}>
            <Input placeholder="如：高速经编机断纱在线检测与自动停机技术攻关" maxLength={LIMITS.title.max} showCount />
          </Form.Item>
          <Form.Item
            label="问题描述"
            name="description"
            extra="写明现状、痛点、应用场景和约束条件"
            rules={[{ required: true, whitespace: true, message: '请描述要攻关的问题' }, lengthRule(LIMITS.description.min, LIMITS.description.max, '描述')]}
          >
            <Input.TextArea rows={6} maxLength={LIMITS.description.max} showCount />
          </Form.Item>
          <Form.Item label="行业" name="industry" rules={[{ required: true, message: '请选择行业' }]}>
            <TreeSelect treeData={INDUSTRY_TREE} showSearch treeNodeFilterProp="label" placeholder="选择行业" />
          </Form.Item>
          <Form.Item
            label="关键词"
            name="keywords"
            extra={`${LIMITS.keywords.min}–${LIMITS.keywords.max} 个，每个不超过 ${LIMITS.keywords.itemMax} 字；输入后回车`}
            rules={[
              { required: true, type: 'array', min: LIMITS.keywords.min, message: '至少填写一个关键词' },
              { type: 'array', max: LIMITS.keywords.max, message: `最多 ${LIMITS.keywords.max} 个关键词` },
            ]}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} placeholder="如：机器视觉、断纱检测" aria-label="关键词" />
          </Form.Item>
          <Form.Item label="所在地区" name="region" rules={[{ required: true, message: '请选择地区' }]}>
            <Cascader options={REGION_TREE} changeOnSelect showSearch placeholder="省 / 市 / 区县" />
          </Form.Item>
        </Card>
        <Card title={`2. 考核指标（${C.indicators.min}–${C.indicators.max} 项，评审按指标逐项打分）`} style={{ marginBottom: 16 }}>
          <Form.List
            name="indicators"
            rules={[{ validator: (_, value: unknown[]) => (value?.length >= C.indicators.min && value.length <= C.indicators.max ? Promise.resolve() : Promise.reject(new Error(`指标 ${C.indicators.min}–${C.indicators.max} 项`))) }]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Card size="small" key={field.key} title={`指标 ${index + 1}`} extra={<Button size="small" onClick={() => remove(field.name)} disabled={fields.length === 1}>删除</Button>}>
                    <Row gutter={8}>
                      <Col xs={24} sm={10}>
                        <Form.Item label={`指标 ${index + 1} 名称`} name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写指标名称' }, lengthRule(C.indicatorName.min, C.indicatorName.max, '名称')]}>
                          <Input placeholder="如：检出率" />
                        </Form.Item>
                      </Col>
                      <Col xs={14} sm={8}>
                        <Form.Item label={`指标 ${index + 1} 目标值`} name={[field.name, 'targetValue']} rules={[{ required: true, whitespace: true, message: '请填写目标值' }, lengthRule(C.targetValue.min, C.targetValue.max, '目标值')]}>
                          <Input placeholder="如：≥ 99.5" />
                        </Form.Item>
                      </Col>
                      <Col xs={10} sm={6}>
                        <Form.Item label={`指标 ${index + 1} 单位`} name={[field.name, 'unit']} rules={[{ max: C.unit.max, message: `单位最多 ${C.unit.max} 个字` }]}>
                          <Input placeholder="如：%、ms" />
                        </Form.Item>
                      </Col>
                    </Row>
                    <Form.Item
                      label={`指标 ${index + 1} 验证方式`}
                      name={[field.name, 'verificationMethod']}
                      rules={[{ required: true, whitespace: true, message: '请填写验证方式' }, lengthRule(C.verificationMethod.min, C.verificationMethod.max, '验证方式')]}
                    >
                      <Input placeholder="如：第三方检测机构现场测试" />
                    </Form.Item>
                  </Card>
                ))}
                <Button type="dashed" onClick={() => add({})} disabled={fields.length >= C.indicators.max}>
                  添加指标
                </Button>
                <Form.ErrorList errors={errors} />
              </Space>
            )}
          </Form.List>
        </Card>
        <Card title="3. 榜额与揭榜条件" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item label="榜额（万元）" name="bountyWan" rules={[{ required: true, message: '请填写榜额' }, { type: 'number', min: 0.0001, message: '榜额须大于 0' }]}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                label="交付周期（月，揭榜截止后起算）"
                name="deliveryMonths"
                rules={[{ required: true, message: '请填写交付周期' }, { type: 'number', min: C.deliveryMonths.min, max: C.deliveryMonths.max, message: `交付周期为 ${C.deliveryMonths.min}–${C.deliveryMonths.max} 个月` }]}
              >
                <InputNumber min={C.deliveryMonths.min} max={C.deliveryMonths.max} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="申报条件" name="eligibility" rules={[{ required: true, whitespace: true, message: '请填写申报条件' }, lengthRule(C.eligibility.min, C.eligibility.max, '申报条件')]}>
            <Input.TextArea rows={3} placeholder="如：高校、科研院所或科技型企业牵头申报，可联合申报" />
          </Form.Item>
          <Form.Item
            label="揭榜时间"
            name="window"
            rules={[
              { required: true, message: '请选择揭榜开始和截止日期' },
              { validator: (_, value: [Dayjs, Dayjs] | null) => (!value || value[1].isAfter(dayjs(), 'day') ? Promise.resolve() : Promise.reject(new Error('截止日期须晚于今天'))) },
            ]}
          >
            <DatePicker.RangePicker style={{ width: '100%' }} placeholder={['开始日期', '截止日期']} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item label="赛马制（允许多个团队并行揭榜）" name="allowsMultipleWinners" valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            {multiple && (
              <Col xs={24} sm={12}>
                <Form.Item label="最多授榜团队数" name="maxWinners" rules={[{ required: true, message: '请填写团队数' }, { type: 'number', min: 2, max: C.maxWinners.max, message: `赛马制为 2–${C.maxWinners.max} 个团队` }]}>
                  <InputNumber min={2} max={C.maxWinners.max} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
          </Row>
        </Card>
        <Card title="4. 发榜单位与联系人" style={{ marginBottom: 16 }}>
          <Form.Item label="发榜单位" name="organizationName" rules={[{ max: LIMITS.organizationName.max, message: `最多 ${LIMITS.organizationName.max} 个字` }]}>
            <Input placeholder="默认使用账号所属单位" />
          </Form.Item>
          <ContactFields />
        </Card>
        {failure && <Alert type="error" showIcon message="提交失败" description={failure} style={{ marginBottom: 16 }} role="alert" />}
        <Space>
          <Button type="primary" loading={saving === 'publish'} disabled={saving !== null} onClick={() => void save(true)}>
            提交发榜
          </Button>
          <Button loading={saving === 'draft'} disabled={saving !== null} onClick={() => void save(false)}>
            保存草稿
          </Button>
        </Space>
      </Form>
    </div>
  );
}
