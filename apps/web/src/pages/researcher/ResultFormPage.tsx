import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Card, Cascader, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isValidPatentNumber } from '@ttm/listing-rules/patent-number';
import {
  CreateResultDocument,
  EditableResultDocument,
  SubmitResultDocument,
  SuggestListingTagsDocument,
  UpdateResultDocument,
  type CooperationMode,
  type CreateResultInput,
  type EditableResultFragment,
  type IpType,
} from '../../gql/graphql';
import { ContactFields } from '../../lib/ContactFields';
import { errorMessage } from '../../lib/errors';
import { COOPERATION_MODE_LABELS, IP_TYPE_LABELS } from '../../lib/labels';
import { LIMITS } from '../../lib/limits';
import { ListingEditGate, ListingEditNotice, ListingSaveButtons } from '../../lib/ListingEditing';
import { canSubmitListing, savedMessage } from '../../lib/listing-editing';
import { INDUSTRY_TREE, regionPath, REGION_TREE } from '../../lib/taxonomy';
import { useDebounced } from '../enterprise/useDebounced';

interface ResultValues {
  title: string;
  description: string;
  keywords: string[];
  industry: string;
  region: string[];
  trl: number;
  ipType: IpType;
  patentNumbers: string[];
  askingPriceWan?: number | null;
  cooperationModes: CooperationMode[];
  openLicense: boolean;
  openLicenseTerms?: string;
  organizationName?: string;
  contact: { name: string; phone: string; email: string };
}

const WAN = 10_000;
const TRL_LEVELS = ['基本原理被发现', '形成技术概念', '关键功能验证', '实验室环境验证', '相关环境验证', '相关环境演示', '实际环境演示', '定型试验', '实际应用'];

const NEW_RESULT: Partial<ResultValues> = { keywords: [], patentNumbers: [], cooperationModes: [], openLicense: false, ipType: 'INVENTION_PATENT', region: ['330000', '330100'] };

/** The form's values for a saved result, to edit it. */
function resultValues(result: EditableResultFragment): ResultValues {
  return {
    title: result.title,
    description: result.description,
    keywords: [...result.keywords],
    industry: result.industry,
    region: regionPath(result.regionCode),
    trl: result.trl,
    ipType: result.ipType,
    patentNumbers: [...result.patentNumbers],
    askingPriceWan: result.askingPrice != null ? result.askingPrice / WAN : null,
    cooperationModes: [...result.cooperationModes],
    openLicense: result.openLicense,
    openLicenseTerms: result.openLicenseTerms ?? undefined,
    organizationName: result.organizationName ?? undefined,
    contact: { name: result.contact?.name ?? '', phone: result.contact?.phone ?? '', email: result.contact?.email ?? '' },
  };
}

/** What the API takes, for a new result and for an edit alike. */
function resultInput(values: ResultValues): CreateResultInput {
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    keywords: values.keywords,
    industry: values.industry,
    regionCode: values.region[values.region.length - 1],
    trl: values.trl,
    ipType: values.ipType,
    patentNumbers: values.patentNumbers,
    askingPrice: values.askingPriceWan != null ? Math.round(values.askingPriceWan * WAN) : null,
    cooperationModes: values.cooperationModes,
    openLicense: values.openLicense,
    openLicenseTerms: values.openLicense ? values.openLicenseTerms?.trim() : null,
    organizationName: values.organizationName?.trim() || null,
    contact: { name: values.contact.name, phone: values.contact.phone, email: values.contact.email },
  };
}

/** 发布科技成果 at /researcher/results/new, 编辑科技成果 at /researcher/results/:id/edit (prefilled from the saved result). */
export default function ResultFormPage() {
  const { id } = useParams();
  const editing = useQuery(EditableResultDocument, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'network-only' });
  if (!id) return <ResultForm />;
  return (
    <ListingEditGate listing={editing.data?.result} loading={editing.loading} error={editing.error} backTo="/researcher/results">
      {(result) => <ResultForm result={result} />}
    </ListingEditGate>
  );
}

/** TRL, IP type and patent numbers (check digit verified), price, open licence. */
function ResultForm({ result }: { result?: EditableResultFragment }) {
  const [form] = Form.useForm<ResultValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const title = Form.useWatch('title', form) ?? '';
  const description = Form.useWatch('description', form) ?? '';
  const keywords = Form.useWatch('keywords', form) ?? [];
  const industry = Form.useWatch('industry', form);
  const openLicense = Form.useWatch('openLicense', form) ?? false;
  const suggestText = useDebounced(`${title}\n${description}`.trim(), 600);
  const suggestions = useQuery(SuggestListingTagsDocument, { variables: { text: suggestText.slice(0, 5000) }, skip: suggestText.length < 10 });
  const [createResult] = useMutation(CreateResultDocument);
  const [updateResult] = useMutation(UpdateResultDocument);
  const [submitResult] = useMutation(SubmitResultDocument);
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const suggestedKeywords = (suggestions.data?.suggestListingTags.keywords ?? []).filter((keyword) => !keywords.includes(keyword));
  const suggestedIndustries = suggestions.data?.suggestListingTags.industries ?? [];

  /** Saves the result (creating it, or editing `result`) and returns its status afterwards. */
  async function saveResult(input: CreateResultInput, submit: boolean): Promise<string | undefined> {
    const saved = result ? (await updateResult({ variables: { id: result.id, input } })).data?.updateResult : (await createResult({ variables: { input } })).data?.createResult;
    if (!saved || !submit || !canSubmitListing(saved.status)) return saved?.status;
    return (await submitResult({ variables: { id: saved.id } })).data?.submitResult.status;
  }

  async function save(submit: boolean) {
    setFailure(null);
    let values: ResultValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(submit ? 'submit' : 'draft');
    try {
      const status = await saveResult(resultInput(values), submit);
      if (!status) return;
      message.success(savedMessage(status));
      void navigate('/researcher/results');
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(null);
    }
  }

  return (
    <div className="page">
      <Typography.Title level={3}>{result ? '编辑科技成果' : '发布科技成果'}</Typography.Title>
      {result && <ListingEditNotice status={result.status} rejectionReason={result.rejectionReason} />}
      <Form<ResultValues>
        form={form}
        layout="vertical"
        initialValues={result ? resultValues(result) : NEW_RESULT}
        scrollToFirstError
        style={{ maxWidth: 860 }}
      >
        <Card title="1. 成果介绍" style={{ marginBottom: 16 }}>
          <Form.Item label="成果名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写成果名称' }, { min: LIMITS.title.min, max: LIMITS.title.max, message: `名称为 ${LIMITS.title.min}–${LIMITS.title.max} 个字` }]}>
            <Input maxLength={LIMITS.title.max} showCount />
          </Form.Item>
          <Form.Item
            label="成果简介"
            name="description"
            extra="技术原理、主要性能指标、与现有技术相比的优势、应用领域、所处阶段"
            rules={[{ required: true, whitespace: true, message: '请填写成果简介' }, { min: LIMITS.description.min, max: LIMITS.description.max, message: `简介为 ${LIMITS.description.min}–${LIMITS.description.max} 个字` }]}
          >
            <Input.TextArea rows={6} maxLength={LIMITS.description.max} showCount />
          </Form.Item>
          <Form.Item label="行业" name="industry" rules={[{ required: true, message: '请选择行业' }]}>
            <TreeSelect treeData={INDUSTRY_TREE} showSearch treeNodeFilterProp="label" placeholder="选择行业" />
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
            extra={`${LIMITS.keywords.min}–${LIMITS.keywords.max} 个，输入后回车`}
            rules={[
              { required: true, type: 'array', min: LIMITS.keywords.min, message: '至少填写一个关键词' },
              { type: 'array', max: LIMITS.keywords.max, message: `最多 ${LIMITS.keywords.max} 个关键词` },
            ]}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
          </Form.Item>
          {suggestedKeywords.length > 0 && (
            <div style={{ margin: '-12px 0 16px' }} data-testid="keyword-suggestions">
              <Typography.Text type="secondary">推荐关键词：</Typography.Text>
              {suggestedKeywords.map((keyword) => (
                <Tag key={keyword} color="blue" style={{ cursor: 'pointer' }} onClick={() => form.setFieldValue('keywords', [...keywords, keyword].slice(0, LIMITS.keywords.max))}>
                  + {keyword}
                </Tag>
              ))}
            </div>
          )}
        </Card>
        <Card title="2. 成熟度与知识产权" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item label="技术成熟度（TRL）" name="trl" rules={[{ required: true, message: '请选择技术成熟度' }]}>
                <Select options={TRL_LEVELS.map((label, index) => ({ value: index + 1, label: `TRL ${index + 1} · ${label}` }))} placeholder="选择 TRL 1–9" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label="知识产权类型" name="ipType" rules={[{ required: true, message: '请选择知识产权类型' }]}>
                <Select options={Object.entries(IP_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            label="专利号"
            name="patentNumbers"
            extra="如 ZL202310123456.7，输入后回车；校验位会被核对"
            rules={[
              { type: 'array', max: LIMITS.patentNumbers.max, message: `最多 ${LIMITS.patentNumbers.max} 个专利号` },
              {
                validator: (_, value: string[] = []) => {
                  const invalid = value.filter((number) => !isValidPatentNumber(number));
                  return invalid.length ? Promise.reject(new Error(`专利号无效（格式、年份或校验位不对）：${invalid.join('、')}`)) : Promise.resolve();
                },
              },
            ]}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
          </Form.Item>
        </Card>
        <Card title="3. 转化方式与价格" style={{ marginBottom: 16 }}>
          <Form.Item label="报价（万元，不填为面议）" name="askingPriceWan" rules={[{ type: 'number', min: 0, message: '报价不能为负数' }]}>
            <InputNumber min={0} precision={2} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label="合作方式" name="cooperationModes" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一种合作方式' }]}>
            <Checkbox.Group options={Object.entries(COOPERATION_MODE_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label="开放许可" name="openLicense" valuePropName="checked" extra="以公开的许可条件向任何单位许可实施">
            <Switch />
          </Form.Item>
          {openLicense && (
            <Form.Item
              label="开放许可条件"
              name="openLicenseTerms"
              rules={[
                { required: true, whitespace: true, message: '开放许可须写明许可条件' },
                { min: LIMITS.openLicenseTerms.min, max: LIMITS.openLicenseTerms.max, message: `许可条件为 ${LIMITS.openLicenseTerms.min}–${LIMITS.openLicenseTerms.max} 个字` },
              ]}
            >
              <Input.TextArea rows={3} placeholder="如：许可期限3年，许可费每年5万元，普通许可，不得转许可" />
            </Form.Item>
          )}
          <Form.Item label="所在地区" name="region" rules={[{ required: true, message: '请选择地区' }]}>
            <Cascader options={REGION_TREE} changeOnSelect showSearch placeholder="省 / 市 / 区县" />
          </Form.Item>
        </Card>
        <Card title="4. 成果单位与联系人" style={{ marginBottom: 16 }}>
          <Form.Item label="单位名称" name="organizationName" rules={[{ max: LIMITS.organizationName.max, message: `最多 ${LIMITS.organizationName.max} 个字` }]}>
            <Input placeholder="默认使用账号所属单位" />
          </Form.Item>
          <ContactFields />
        </Card>
        {failure && <Alert type="error" showIcon message="提交失败" description={failure} style={{ marginBottom: 16 }} role="alert" />}
        <ListingSaveButtons status={result?.status} saving={saving} onSave={(submit) => void save(submit)} />
      </Form>
    </div>
  );
}
