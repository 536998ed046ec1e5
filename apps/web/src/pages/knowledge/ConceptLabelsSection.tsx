import { CloseOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { AddConceptLabelDocument, RemoveConceptLabelDocument, type ConceptDetailFragment, type ConceptLabelType } from '../../gql/graphql';
import { useAction } from '../../lib/use-action';
import { curationErrorText, LABEL_TYPE_LABELS, LABEL_TYPES, labelLanguage, LANGUAGE_LABELS } from './concept-labels';

type Label = ConceptDetailFragment['labels'][number];

/** The API's limit on a label (libs/search concept.inputs: 1–200 characters). */
const LABEL_MAX = 200;

/** One label: its text, its language, and 删除 behind a confirmation. */
function LabelTag({ label, onRemove }: { label: Label; onRemove: (label: Label) => Promise<boolean> }) {
  // The Chinese name is required: the graph refuses a concept without one, so it is not offered for removal.
  const removable = !(label.type === 'PREF' && label.language === 'ZH');
  return (
    <Tag data-testid="concept-label" style={{ marginInlineEnd: 0, paddingInlineEnd: removable ? 0 : undefined }}>
      {label.value}
      <Typography.Text type="secondary" style={{ fontSize: 11, marginInlineStart: 4 }}>
        {LANGUAGE_LABELS[label.language]}
      </Typography.Text>
      {removable && (
        <Popconfirm
          title={`删除${LABEL_TYPE_LABELS[label.type]}「${label.value}」？`}
          description="删除后搜索与匹配将不再识别这个词。"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => void onRemove(label)}
        >
          <Button type="text" size="small" icon={<CloseOutlined />} aria-label={`删除标签「${label.value}」`} style={{ height: 20, width: 20 }} />
        </Popconfirm>
      )}
    </Tag>
  );
}

/** 标签: the concept's labels grouped by type (标准名, 同义词, 口语与别称), with adding and removing. */
export function ConceptLabelsSection({ concept }: { concept: ConceptDetailFragment }) {
  const { message } = App.useApp();
  const [addLabel] = useMutation(AddConceptLabelDocument);
  const [removeLabel] = useMutation(RemoveConceptLabelDocument);
  const { run, busy } = useAction({ errorText: curationErrorText });
  const [type, setType] = useState<ConceptLabelType>('HIDDEN');
  const [text, setText] = useState('');
  const value = text.trim().replace(/\s+/g, ' ');
  const language = labelLanguage(value);

  async function add() {
    if (!value) return void message.error('请输入标签');
    if (value.length > LABEL_MAX) return void message.error(`标签不超过 ${LABEL_MAX} 个字`);
    const added = await run(
      () => addLabel({ variables: { id: concept.id, label: { type, language, value } } }),
      `已添加${LABEL_TYPE_LABELS[type]}「${value}」`,
      'add',
    );
    if (added) setText('');
  }

  const remove = (label: Label) =>
    run(
      () => removeLabel({ variables: { id: concept.id, label: { type: label.type, language: label.language, value: label.value } } }),
      `已删除「${label.value}」`,
    );

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {LABEL_TYPES.map((labelType) => {
        const labels = concept.labels.filter((label) => label.type === labelType);
        return (
          <div key={labelType} data-testid={`labels-${labelType}`}>
            <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
              {LABEL_TYPE_LABELS[labelType]} <Typography.Text type="secondary">{labels.length}</Typography.Text>
            </Typography.Text>
            {labels.length ? (
              <Space wrap size={6}>
                {labels.map((label) => (
                  <LabelTag key={`${label.language}|${label.value}`} label={label} onRemove={remove} />
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">无</Typography.Text>
            )}
          </div>
        );
      })}
      <Space.Compact style={{ width: '100%' }}>
        <Select<ConceptLabelType>
          value={type}
          onChange={setType}
          options={LABEL_TYPES.map((labelType) => ({ value: labelType, label: LABEL_TYPE_LABELS[labelType] }))}
          style={{ width: 130 }}
          aria-label="标签类型"
        />
        <Input
          value={text}
          onChange={(event) => setText(event.target.value)}
          onPressEnter={() => void add()}
          maxLength={LABEL_MAX}
          placeholder="新标签，如：布面起横"
          aria-label="新标签"
          suffix={value ? <Typography.Text type="secondary">{LANGUAGE_LABELS[language]}</Typography.Text> : null}
        />
        <Button type="primary" loading={busy === 'add'} onClick={() => void add()}>
          添加标签
        </Button>
      </Space.Compact>
    </Space>
  );
}
