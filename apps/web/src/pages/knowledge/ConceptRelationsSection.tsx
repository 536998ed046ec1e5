import { useMutation } from '@apollo/client/react';
import { App, Button, Descriptions, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { LinkConceptsDocument, UnlinkConceptsDocument, type ConceptDetailFragment, type ConceptSummaryFragment } from '../../gql/graphql';
import { useAction } from '../../lib/use-action';
import { ConceptLink } from './ConceptBridgesSection';
import { curationErrorText } from './concept-labels';
import { ConceptPicker } from './ConceptPicker';

type RelationType = 'BROADER' | 'RELATED';

const RELATION_NAMES: Record<RelationType, string> = { BROADER: '上位概念', RELATED: '相关概念' };

function ReadOnlyLinks({ concepts }: { concepts: readonly ConceptSummaryFragment[] }) {
  if (!concepts.length) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Space wrap size={[12, 4]}>
      {concepts.map((concept) => (
        <ConceptLink key={concept.id} concept={concept} />
      ))}
    </Space>
  );
}

/**
 * The broader or related concepts of one concept, each removable (after a confirmation), and a picker to add one.
 * Both link kinds are stored from this concept; `related` is symmetric, and the API unlinks it from either side.
 */
function EditableLinks({ concept, type, linked }: { concept: ConceptDetailFragment; type: RelationType; linked: readonly ConceptSummaryFragment[] }) {
  const { message } = App.useApp();
  const name = RELATION_NAMES[type];
  // The other side's page shows the link too (narrower, related): refetch whatever concept is open.
  const [link] = useMutation(LinkConceptsDocument, { refetchQueries: ['KnowledgeConcept'] });
  const [unlink] = useMutation(UnlinkConceptsDocument, { refetchQueries: ['KnowledgeConcept'] });
  const { run, busy } = useAction({ errorText: curationErrorText });
  const [target, setTarget] = useState<ConceptSummaryFragment | null>(null);
  // A new key empties the picker once its pick is linked.
  const [pickerKey, setPickerKey] = useState(0);

  async function add() {
    if (!target) return void message.error('请先从候选中选择一个概念');
    const added = await run(() => link({ variables: { input: { from: concept.id, to: target.id, type } } }), `已添加${name}「${target.prefLabel}」`, `link-${type}`);
    if (added) {
      setTarget(null);
      setPickerKey((key) => key + 1);
    }
  }

  const remove = (other: ConceptSummaryFragment) =>
    run(() => unlink({ variables: { input: { from: concept.id, to: other.id, type } } }), `已删除${name}「${other.prefLabel}」`);

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid={`relations-${type}`}>
      {linked.length ? (
        <Space wrap size={[12, 4]}>
          {linked.map((other) => (
            <Space key={other.id} size={4}>
              <ConceptLink concept={other} />
              <Popconfirm
                title={`删除${name}「${other.prefLabel}」？`}
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => void remove(other)}
              >
                <Button size="small" type="text" danger aria-label={`删除${name}「${other.prefLabel}」`}>
                  ×
                </Button>
              </Popconfirm>
            </Space>
          ))}
        </Space>
      ) : (
        <Typography.Text type="secondary">无</Typography.Text>
      )}
      <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
        <ConceptPicker
          key={pickerKey}
          onPick={setTarget}
          accepts={(candidate) => candidate.id !== concept.id && !linked.some((held) => held.id === candidate.id)}
          placeholder={`搜索要添加的${name}`}
          label={`搜索${name}`}
          style={{ flex: 1 }}
        />
        <Button loading={busy === `link-${type}`} onClick={() => void add()} aria-label={`添加${name}`}>
          添加
        </Button>
      </Space.Compact>
    </Space>
  );
}

/** 概念关系: broader and related concepts, editable; narrower ones are edited from the narrower concept. */
export function ConceptRelationsSection({ concept }: { concept: ConceptDetailFragment }) {
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="上位概念">
        <EditableLinks concept={concept} type="BROADER" linked={concept.broader} />
      </Descriptions.Item>
      <Descriptions.Item label="下位概念">
        <ReadOnlyLinks concepts={concept.narrower} />
      </Descriptions.Item>
      <Descriptions.Item label="相关概念">
        <EditableLinks concept={concept} type="RELATED" linked={concept.related} />
      </Descriptions.Item>
    </Descriptions>
  );
}
