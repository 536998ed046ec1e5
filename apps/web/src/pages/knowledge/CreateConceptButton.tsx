import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { CreateConceptDocument, type ConceptKind, type ConceptLabelInput, type ConceptSummaryFragment } from '../../gql/graphql';
import { INDUSTRY_TREE } from '../../lib/taxonomy';
import { useAction } from '../../lib/use-action';
import { CONCEPT_ID_PATTERN, CONCEPT_KIND_LABELS, CONCEPT_KINDS, curationErrorText, newConceptId } from './concept-labels';
import { ConceptPicker } from './ConceptPicker';

interface NewConceptValues {
  kind: ConceptKind;
  chineseName: string;
  englishName?: string;
  id?: string;
  industries?: string[];
}

/** The labels of a new concept: its Chinese standard name, and its English one when given. */
function prefLabels(values: NewConceptValues): ConceptLabelInput[] {
  const english = values.englishName?.trim();
  return [{ type: 'PREF', language: 'ZH', value: values.chineseName.trim() }, ...(english ? [{ type: 'PREF' as const, language: 'EN' as const, value: english }] : [])];
}

/** 新建概念: a dialog for the kind, names, industries and broader concept; the new concept opens once created. */
export function CreateConceptButton({ onCreated }: { onCreated: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewConceptValues>();
  const [broader, setBroader] = useState<ConceptSummaryFragment | null>(null);
  const [broaderText, setBroaderText] = useState('');
  const [create] = useMutation(CreateConceptDocument, { refetchQueries: ['KnowledgeConcepts', 'KnowledgeScheme'] });
  const { run, busy } = useAction({ errorText: curationErrorText });
  const { message } = App.useApp();

  async function submit(values: NewConceptValues) {
    // A broader name typed but not picked from the candidates would otherwise be dropped without a word.
    if (broaderText.trim() && !broader) return void message.error('请从候选中选择上位概念，或清空该栏');
    const id = values.id?.trim() || newConceptId(values.kind, values.englishName);
    const input = { id, kind: values.kind, labels: prefLabels(values), industries: values.industries ?? [], broader: broader ? [broader.id] : [] };
    const created = await run(() => create({ variables: { input } }), `已新建概念「${values.chineseName.trim()}」`, 'create');
    if (created) {
      setOpen(false);
      onCreated(id);
    }
  }

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        新建概念
      </Button>
      <Modal
        open={open}
        title="新建概念"
        okText="创建概念"
        cancelText="取消"
        confirmLoading={busy === 'create'}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        afterClose={() => {
          setBroader(null);
          setBroaderText('');
        }}
        destroyOnHidden
      >
        <Form<NewConceptValues> form={form} layout="vertical" preserve={false} initialValues={{ kind: 'PROBLEM' }} onFinish={(values) => void submit(values)}>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select<ConceptKind> options={CONCEPT_KINDS.map((value) => ({ value, label: CONCEPT_KIND_LABELS[value].text }))} aria-label="新概念类型" />
          </Form.Item>
          <Form.Item name="chineseName" label="中文名" rules={[{ required: true, whitespace: true, message: '请填写中文名' }, { max: 200, message: '最多 200 个字符' }]}>
            <Input placeholder="如：经编断纱" aria-label="新概念中文名" />
          </Form.Item>
          <Form.Item name="englishName" label="英文名" rules={[{ max: 200, message: '最多 200 个字符' }]}>
            <Input placeholder="可选，如：warp yarn breakage" aria-label="新概念英文名" />
          </Form.Item>
          <Form.Item
            name="id"
            label="概念 ID"
            extra="可选。留空则由英文名生成（如 warp-yarn-breakage），没有英文名时按类型自动编号。"
            rules={[{ pattern: CONCEPT_ID_PATTERN, message: '概念 ID 须为小写英文单词或数字，以连字符 - 连接' }, { max: 120, message: '最多 120 个字符' }]}
          >
            <Input placeholder="可选" aria-label="新概念 ID" />
          </Form.Item>
          <Form.Item name="industries" label="行业">
            <TreeSelect treeData={INDUSTRY_TREE} multiple showSearch treeNodeFilterProp="label" allowClear placeholder="可选，选择一个或多个行业" aria-label="新概念行业" />
          </Form.Item>
          <Form.Item label="上位概念" extra="可选，新概念归属的更宽泛概念，如「织物疵点」。">
            <ConceptPicker onPick={setBroader} onTextChange={setBroaderText} placeholder="搜索上位概念" label="新概念的上位概念" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
