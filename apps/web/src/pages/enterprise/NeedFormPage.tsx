import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Cascader, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Switch, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  CreateNeedDocument,
  EditableNeedDocument,
  NeedAdviceDocument,
  NeedFormViewerDocument,
  SubmitNeedDocument,
  UpdateNeedDocument,
  type CooperationMode,
  type CreateNeedInput,
  type EditableNeedFragment,
  type NeedDraftInput,
} from '../../gql/graphql';
import { ContactFields } from '../../lib/ContactFields';
import { errorMessage } from '../../lib/errors';
import { COOPERATION_MODE_LABELS } from '../../lib/labels';
import { LIMITS } from '../../lib/limits';
import { ListingEditGate, ListingEditNotice, ListingSaveButtons } from '../../lib/ListingEditing';
import { canSubmitListing, savedMessage } from '../../lib/listing-editing';
import { INDUSTRY_TREE, regionPath, REGION_TREE } from '../../lib/taxonomy';
import { NeedAdvicePanel } from './NeedAdvicePanel';
import { descriptionWithIndicators, splitIndicators, type Indicator } from './need-writing';
import { useDebounced } from './useDebounced';

interface NeedValues {
  title: string;
  description: string;
  indicators: Indicator[];
  keywords: string[];
  industry: string;
  region: string[];
  budgetMinWan?: number | null;
  budgetMaxWan?: number | null;
  cooperationModes: CooperationMode[];
  deadline?: Dayjs | null;
  minTrl?: number | null;
  organizationName?: string;
  anonymous: boolean;
  contact: { name: string; phone: string; email: string };
}

const WAN = 10_000;
/** The form asks for advice once the text has stopped changing for this long. */
const ADVICE_DEBOUNCE_MS = 500;
/** Caps of needAdvice's input (DRAFT_LIMITS in libs/search/src/advice/need-advice.inputs.ts). */
const DRAFT_CAPS = { title: 200, description: 10_000, keywords: 20, keyword: 50, organizationName: 200 };

const NEW_NEED: Partial<NeedValues> = { indicators: [{}], keywords: [], cooperationModes: [], anonymous: false, region: ['330000', '330400', '330481'] };

/** The form's values for a saved need, to edit it. */
function needValues(need: EditableNeedFragment): NeedValues {
  const { description, indicators } = splitIndicators(need.description);
  return {
    title: need.title,
    description,
    indicators,
    keywords: [...need.keywords],
    industry: need.industry,
    region: regionPath(need.regionCode),
    budgetMinWan: need.budgetMin != null ? need.budgetMin / WAN : null,
    budgetMaxWan: need.budgetMax != null ? need.budgetMax / WAN : null,
    cooperationModes: [...need.cooperationModes],
    deadline: need.deadline ? dayjs(need.deadline) : null,
    minTrl: need.minTrl ?? null,
    organizationName: need.organizationName ?? undefined,
    anonymous: need.anonymous,
    contact: { name: need.contact?.name ?? '', phone: need.contact?.phone ?? '', email: need.contact?.email ?? '' },
  };
}

/** What the API takes, for a new need and for an edit alike. */
function needInput(values: NeedValues): CreateNeedInput {
  return {
    title: values.title.trim(),
    description: descriptionWithIndicators(values.description, values.indicators ?? []),
    keywords: values.keywords,
    industry: values.industry,
    regionCode: values.region[values.region.length - 1],
    budgetMin: values.budgetMinWan != null ? Math.round(values.budgetMinWan * WAN) : null,
    budgetMax: values.budgetMaxWan != null ? Math.round(values.budgetMaxWan * WAN) : null,
    cooperationModes: values.cooperationModes,
    deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : null,
    minTrl: values.minTrl ?? null,
    organizationName: values.organizationName?.trim() || null,
    anonymous: values.anonymous,
    contact: { name: values.contact.name, phone: values.contact.phone, email: values.contact.email },
  };
}

/**
 * The draft as needAdvice reads it, from the form's values while they are being filled in (any may be
 * missing); the organisation's name falls back on the account's, which is what an anonymous need hides.
 */
function needDraft(values: Partial<NeedValues>, accountOrganization: string | null): NeedDraftInput {
  const wan = (value: number | null | undefined) => (value != null ? Math.round(value * WAN) : null);
  const region = values.region?.[values.region.length - 1];
  return {
    title: (values.title ?? '').slice(0, DRAFT_CAPS.title),
    description: descriptionWithIndicators(values.description ?? '', values.indicators ?? []).slice(0, DRAFT_CAPS.description),
    keywords: (values.keywords ?? []).slice(0, DRAFT_CAPS.keywords).map((keyword) => keyword.slice(0, DRAFT_CAPS.keyword)),
    industry: values.industry ?? null,
    regionCode: region && /^\d{6}$/.test(region) ? region : null,
    budgetMin: wan(values.budgetMinWan),
    budgetMax: wan(values.budgetMaxWan),
    cooperationModes: values.cooperationModes ?? [],
    deadline: values.deadline ? values.deadline.format('YYYY-MM-DD') : null,
    minTrl: values.minTrl ?? null,
    anonymous: values.anonymous ?? false,
    organizationName: (values.organizationName?.trim() || accountOrganization || '').slice(0, DRAFT_CAPS.organizationName) || null,
  };
}

/** 发布技术需求 at /enterprise/needs/new, 编辑技术需求 at /enterprise/needs/:id/edit (prefilled from the saved need). */
export default function NeedFormPage() {
  const { id } = useParams();
  const editing = useQuery(EditableNeedDocument, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'network-only' });
  if (!id) return <NeedForm />;
  return (
    <ListingEditGate listing={editing.data?.need} loading={editing.loading} error={editing.error} backTo="/enterprise/needs">
      {(need) => <NeedForm need={need} />}
    </ListingEditGate>
  );
}

/** A guided form: 需求诊断 (score, fix-it lines, leak warnings, duplicates, match counts) and suggested keywords and industry as the enterprise types. */
function NeedForm({ need }: { need?: EditableNeedFragment }) {
  const [form] = Form.useForm<NeedValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const values = Form.useWatch((all: Partial<NeedValues>) => all, form);
  const keywords = values?.keywords ?? [];
  const industry = values?.industry;
  const viewer = useQuery(NeedFormViewerDocument);
  const accountOrganization = viewer.data?.me?.organization?.name ?? null;
  // Debounced as JSON: the draft is a new object on every render, its text only changes as the author types.
  const draftJson = useDebounced(JSON.stringify(needDraft(values ?? {}, accountOrganization)), ADVICE_DEBOUNCE_MS);
  const draft = useMemo(() => JSON.parse(draftJson) as NeedDraftInput, [draftJson]);
  const adviceQuery = useQuery(NeedAdviceDocument, { variables: { input: draft }, skip: `${draft.title}${draft.description}`.trim().length < 5 });
  const advice = (adviceQuery.data ?? adviceQuery.previousData)?.needAdvice;
  const [createNeed] = useMutation(CreateNeedDocument);
  const [updateNeed] = useMutation(UpdateNeedDocument);
  const [submitNeed] = useMutation(SubmitNeedDocument);
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  // Terms of the knowledge graph first (with why), then the text's own telling words.
  const suggestedKeywords = [
    ...(advice?.suggestedTerms ?? []).map((term) => ({ keyword: term.label, why: term.why })),
    ...(advice?.textKeywords ?? []).map((keyword) => ({ keyword, why: '描述中的关键词' })),
  ].filter((suggestion) => !keywords.includes(suggestion.keyword));
  const suggestedIndustries = advice?.industries ?? [];

  /** Saves the need (creating it, or editing `need`) and returns its status afterwards. */
  async function saveNeed(input: CreateNeedInput, submit: boolean): Promise<string | undefined> {
    const saved = need ? (await updateNeed({ variables: { id: need.id, input } })).data?.updateNeed : (await createNeed({ variables: { input } })).data?.createNeed;
    if (!saved || !submit || !canSubmitListing(saved.status)) return saved?.status;
    return (await submitNeed({ variables: { id: saved.id } })).data?.submitNeed.status;
  }

  async function save(submit: boolean) {
    setFailure(null);
    let values: NeedValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(submit ? 'submit' : 'draft');
    try {
      const status = await saveNeed(needInput(values), submit);
      if (!status) return;
      message.success(savedMessage(status));
      void navigate('/enterprise/needs');
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(null);
    }
  }

  return (
    <div className="page">
      <Typography.Title level={3}>{need ? '编辑技术需求' : '发布技术需求'}</Typography.Title>
      {need && <ListingEditNotice status={need.status} rejectionReason={need.rejectionReason} />}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Form<NeedValues>
            form={form}
            layout="vertical"
            initialValues={need ? needValues(need) : NEW_NEED}
            scrollToFirstError
          >
            <Card title="1. 要解决的问题" style={{ marginBottom: 16 }}>
              <Form.Item
                label="需求标题"
                name="title"
                rules={[
                  { required: true, whitespace: true, message: '请填写需求标题' },
                  { min: LIMITS.title.min, max: LIMITS.title.max, message: `标题为 ${LIMITS.title.min}–${LIMITS.title.max} 个字` },
                ]}
              >
                <Input placeholder="如：经编机断纱在线视觉检测系统" maxLength={LIMITS.title.max} showCount />
              </Form.Item>
              <Form.Item
                label="问题描述"
                name="description"
                extra="写明现状、痛点、已尝试的方法、使用场景和约束条件"
                rules={[
                  { required: true, whitespace: true, message: '请描述要解决的问题' },
                  { min: LIMITS.description.min, max: LIMITS.description.max, message: `描述为 ${LIMITS.description.min}–${LIMITS.description.max} 个字` },
                ]}
              >
                <Input.TextArea rows={6} maxLength={LIMITS.description.max} showCount />
              </Form.Item>
              <Form.Item label="可量化的技术指标">
                <Form.List name="indicators">
                  {(fields, { add, remove }) => (
                    <Space direction="vertical" style={{ width: '100%' }}>
                      {fields.map((field, index) => (
                        <Space key={field.key} wrap align="start">
                          <Form.Item name={[field.name, 'name']} noStyle>
                            <Input placeholder="指标，如：检出率" aria-label={`指标 ${index + 1} 名称`} style={{ width: 180 }} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'target']} noStyle>
                            <Input placeholder="目标值，如：≥ 99%" aria-label={`指标 ${index + 1} 目标值`} style={{ width: 180 }} />
                          </Form.Item>
                          <Button onClick={() => remove(field.name)} aria-label={`删除指标 ${index + 1}`}>
                            删除
                          </Button>
                        </Space>
                      ))}
                      <Button type="dashed" onClick={() => add({})}>
                        添加指标
                      </Button>
                    </Space>
                  )}
                </Form.List>
              </Form.Item>
            </Card>
            <Card title="2. 分类与关键词" style={{ marginBottom: 16 }}>
              <Form.Item label="行业" name="industry" rules={[{ required: true, message: '请选择行业' }]}>
                <TreeSelect treeData={INDUSTRY_TREE} showSearch treeNodeFilterProp="label" placeholder="选择行业" treeDefaultExpandAll={false} />
              </Form.Item>
              {suggestedIndustries.length > 0 && (
                <div style={{ margin: '-12px 0 16px' }} data-testid="industry-suggestions">
                  <Typography.Text type="secondary">推荐行业：</Typography.Text>
                  {suggestedIndustries.map((suggestion) => (
                    <Tag.CheckableTag key={suggestion.code} checked={industry === suggestion.code} onChange={() => form.setFieldValue('industry', suggestion.code)}>
                      {suggestion.name}
                    </Tag.CheckableTag>
                  ))}
                </div>
              )}
              <Form.Item
                label="关键词"
                name="keywords"
                extra={`${LIMITS.keywords.min}–${LIMITS.keywords.max} 个，每个不超过 ${LIMITS.keywords.itemMax} 字；输入后回车`}
                rules={[
                  { required: true, type: 'array', min: LIMITS.keywords.min, message: '至少填写一个关键词' },
                  { type: 'array', max: LIMITS.keywords.max, message: `最多 ${LIMITS.keywords.max} 个关键词` },
                  {
                    validator: (_, value: string[] = []) =>
                      value.every((keyword) => keyword.trim().length >= 1 && keyword.trim().length <= LIMITS.keywords.itemMax)
                        ? Promise.resolve()
                        : Promise.reject(new Error(`每个关键词 1–${LIMITS.keywords.itemMax} 个字`)),
                  },
                ]}
              >
                <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} placeholder="如：机器视觉、断纱检测" />
              </Form.Item>
              {suggestedKeywords.length > 0 && (
                <div style={{ margin: '-12px 0 16px' }} data-testid="keyword-suggestions">
                  <Typography.Text type="secondary">推荐关键词：</Typography.Text>
                  {suggestedKeywords.map(({ keyword, why }) => (
                    <Tooltip key={keyword} title={why}>
                      <Tag color="blue" style={{ cursor: 'pointer' }} onClick={() => form.setFieldValue('keywords', [...keywords, keyword].slice(0, LIMITS.keywords.max))}>
                        + {keyword}
                      </Tag>
                    </Tooltip>
                  ))}
                </div>
              )}
            </Card>
            <Card title="3. 合作条件" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item label="预算下限（万元）" name="budgetMinWan" rules={[{ type: 'number', min: 0, message: '预算不能为负数' }]}>
                    <InputNumber min={0} precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    label="预算上限（万元）"
                    name="budgetMaxWan"
                    dependencies={['budgetMinWan']}
                    rules={[
                      { type: 'number', min: 0, message: '预算不能为负数' },
                      ({ getFieldValue }) => ({
                        validator: (_, value: number | null | undefined) => {
                          const min = getFieldValue('budgetMinWan') as number | null | undefined;
                          return value == null || min == null || value >= min ? Promise.resolve() : Promise.reject(new Error('预算上限不能低于下限'));
                        },
                      }),
                    ]}
                  >
                    <InputNumber min={0} precision={2} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="合作方式" name="cooperationModes" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一种合作方式' }]}>
                <Checkbox.Group options={Object.entries(COOPERATION_MODE_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item label="截止日期" name="deadline" rules={[{ validator: (_, value: Dayjs | null) => (!value || value.isAfter(dayjs(), 'day') ? Promise.resolve() : Promise.reject(new Error('截止日期须晚于今天'))) }]}>
                    <DatePicker style={{ width: '100%' }} disabledDate={(date) => !date.isAfter(dayjs(), 'day')} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item label="最低技术成熟度" name="minTrl">
                    <Select allowClear placeholder="不限" options={Array.from({ length: 9 }, (_, index) => ({ value: index + 1, label: `TRL ${index + 1}` }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="所在地区" name="region" rules={[{ required: true, message: '请选择地区' }]}>
                <Cascader options={REGION_TREE} changeOnSelect showSearch placeholder="省 / 市 / 区县" />
              </Form.Item>
            </Card>
            <Card title="4. 发布单位与联系人" style={{ marginBottom: 16 }}>
              <Form.Item label="单位名称" name="organizationName" rules={[{ max: LIMITS.organizationName.max, message: `最多 ${LIMITS.organizationName.max} 个字` }]}>
                <Input placeholder="默认使用账号所属单位" />
              </Form.Item>
              <Form.Item label="匿名发布（不公开单位名称）" name="anonymous" valuePropName="checked">
                <Switch />
              </Form.Item>
              <ContactFields />
              <Typography.Text type="secondary">联系方式仅对平台撮合后的对接方和管理员可见。</Typography.Text>
            </Card>
            {failure && <Alert type="error" showIcon message="提交失败" description={failure} style={{ marginBottom: 16 }} role="alert" />}
            <ListingSaveButtons status={need?.status} saving={saving} onSave={(submit) => void save(submit)} />
          </Form>
        </Col>
        <Col xs={24} lg={8}>
          <NeedAdvicePanel advice={advice} loading={adviceQuery.loading && !advice} />
        </Col>
      </Row>
    </div>
  );
}
