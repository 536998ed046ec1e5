import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Skeleton, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApplyToChallengeDocument, ChallengeDetailDocument } from '../../gql/graphql';
import { errorMessage } from '../../lib/errors';
import { dateText, yuan } from '../../lib/labels';

interface ApplyValues {
  teamName: string;
  members: { name: string; organization: string; title?: string }[];
  technicalRoute: string;
  priorResults?: string;
  quoteWan: number;
  milestones: { title: string; deliverable: string; dueDate: Dayjs; sharePercent: number }[];
}

const WAN = 10_000;

/** 揭榜: a team applies to an open challenge with its technical route, quote and milestone plan. */
export default function ApplyPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ApplyValues>();
  const { data, loading } = useQuery(ChallengeDetailDocument, { variables: { id } });
  const [apply] = useMutation(ApplyToChallengeDocument);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const challenge = data?.challenge;
  const milestones = Form.useWatch('milestones', form) ?? [];
  const shareTotal = milestones.reduce((sum, milestone) => sum + (milestone?.sharePercent ?? 0), 0);

  async function submit(values: ApplyValues) {
    setFailure(null);
    setSaving(true);
    try {
      await apply({
        variables: {
          input: {
            challengeId: id,
            teamName: values.teamName.trim(),
            members: values.members.map((member) => ({ name: member.name.trim(), organization: member.organization.trim(), title: member.title?.trim() || null })),
            technicalRoute: values.technicalRoute.trim(),
            priorResults: values.priorResults?.trim() || null,
            quote: Math.round(values.quoteWan * WAN),
            milestones: values.milestones.map((milestone) => ({ ...milestone, dueDate: milestone.dueDate.format('YYYY-MM-DD') })),
          },
        },
      });
      message.success('揭榜申请已提交');
      void navigate('/researcher/applications');
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  if (loading || !challenge) return <div className="page">{loading ? <Skeleton active /> : <Alert type="error" message="榜单不存在" />}</div>;
  return (
    <div className="page">
      <Typography.Title level={3}>揭榜：{challenge.title}</Typography.Title>
      <Typography.Paragraph type="secondary">
        榜额 {yuan(challenge.bounty)} · 揭榜截止 {dateText(challenge.applicationClosesAt)} · 交付周期 {challenge.deliveryMonths} 个月
      </Typography.Paragraph>
      <Form<ApplyValues> form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ members: [{}], milestones: [{ sharePercent: 100 }] }} style={{ maxWidth: 860 }} scrollToFirstError>
        <Card title="团队" style={{ marginBottom: 16 }}>
          <Form.Item label="团队名称" name="teamName" rules={[{ required: true, whitespace: true, message: '请填写团队名称' }]}>
            <Input />
          </Form.Item>
          <Form.List name="members" rules={[{ validator: (_, value: unknown[]) => (value?.length >= 1 && value.length <= 20 ? Promise.resolve() : Promise.reject(new Error('团队成员 1–20 人'))) }]}>
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Row gutter={8} key={field.key}>
                    <Col xs={24} sm={7}>
                      <Form.Item label={`成员 ${index + 1} 姓名`} name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={9}>
                      <Form.Item label="单位" name={[field.name, 'organization']} rules={[{ required: true, whitespace: true, message: '请填写单位' }]}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={16} sm={5}>
                      <Form.Item label="职称/角色" name={[field.name, 'title']}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={8} sm={3} style={{ paddingTop: 30 }}>
                      <Button onClick={() => remove(field.name)} disabled={fields.length === 1}>
                        删除
                      </Button>
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" onClick={() => add({})}>
                  添加成员
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </Card>
        <Card title="方案与报价" style={{ marginBottom: 16 }}>
          <Form.Item label="技术路线" name="technicalRoute" rules={[{ required: true, whitespace: true, message: '请描述技术路线' }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item label="前期成果（论文、专利、项目）" name="priorResults">
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item
            label={`报价（万元，不超过榜额 ${yuan(challenge.bounty)}）`}
            name="quoteWan"
            rules={[
              { required: true, message: '请填写报价' },
              { type: 'number', min: 0.0001, max: challenge.bounty / WAN, message: `报价须大于 0 且不超过榜额 ${yuan(challenge.bounty)}` },
            ]}
          >
            <InputNumber min={0} precision={2} style={{ width: 240 }} />
          </Form.Item>
        </Card>
        <Card title={`里程碑计划（付款比例合计 ${shareTotal}%，须为 100%）`} style={{ marginBottom: 16 }}>
          <Form.List
            name="milestones"
            rules={[
              {
                validator: (_, value: { sharePercent?: number }[]) => {
                  if (!value?.length || value.length > 10) return Promise.reject(new Error('里程碑 1–10 个'));
                  const total = value.reduce((sum, milestone) => sum + (milestone?.sharePercent ?? 0), 0);
                  return total === 100 ? Promise.resolve() : Promise.reject(new Error(`各里程碑付款比例合计须为 100%（当前 ${total}%）`));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Card size="small" key={field.key} title={`里程碑 ${index + 1}`} extra={<Button size="small" onClick={() => remove(field.name)} disabled={fields.length === 1}>删除</Button>}>
                    <Row gutter={8}>
                      <Col xs={24} sm={12}>
                        <Form.Item label="里程碑名称" name={[field.name, 'title']} rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col xs={12} sm={6}>
                        <Form.Item label="完成日期" name={[field.name, 'dueDate']} rules={[{ required: true, message: '请选择日期' }]}>
                          <DatePicker style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} sm={6}>
                        <Form.Item label="付款比例 %" name={[field.name, 'sharePercent']} rules={[{ required: true, message: '请填写比例' }]}>
                          <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                    </Row>
                    <Form.Item label="交付物" name={[field.name, 'deliverable']} rules={[{ required: true, whitespace: true, message: '请填写交付物' }]}>
                      <Input />
                    </Form.Item>
                  </Card>
                ))}
                <Button type="dashed" onClick={() => add({})}>
                  添加里程碑
                </Button>
                <Form.ErrorList errors={errors} />
              </Space>
            )}
          </Form.List>
        </Card>
        {failure && <Alert type="error" showIcon message="提交失败" description={failure} style={{ marginBottom: 16 }} role="alert" />}
        <Button type="primary" htmlType="submit" loading={saving}>
          提交揭榜申请
        </Button>
      </Form>
    </div>
  );
}
