import { useMutation } from '@apollo/client/react';
import { App, Button, Empty, InputNumber, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LinkConceptsDocument, UnlinkConceptsDocument, type ConceptDetailFragment, type ConceptSummaryFragment } from '../../gql/graphql';
import { useAction } from '../../lib/use-action';
import { CONCEPT_KIND_LABELS, curationErrorText, hasSolutions } from './concept-labels';
import { ConceptPicker } from './ConceptPicker';
import { useConceptHref } from './use-concept-href';

type Bridge = ConceptDetailFragment['addressedBy'][number];

/** The API's bounds on a bridge weight (libs/search concept.inputs: above 0, at most 10; 1 by default). */
const WEIGHT = { min: 0.01, max: 10, default: 1 };

export function KindTag({ kind }: { kind: ConceptSummaryFragment['kind'] }) {
  const label = CONCEPT_KIND_LABELS[kind];
  return <Tag color={label.color}>{label.text}</Tag>;
}

/** A concept as a link that opens it on this page. */
export function ConceptLink({ concept }: { concept: ConceptSummaryFragment }) {
  const href = useConceptHref();
  return (
    <Link to={href(concept.id)}>
      {concept.prefLabel}
      {concept.englishLabel ? <Typography.Text type="secondary"> · {concept.englishLabel}</Typography.Text> : null}
    </Link>
  );
}

/** Finds the concept that addresses the problem by name (problems left out), with the bridge's weight. */
function AddSolution({ problem }: { problem: ConceptDetailFragment }) {
  const { message } = App.useApp();
  const [link] = useMutation(LinkConceptsDocument);
  const { run, busy } = useAction({ errorText: curationErrorText });
  const [target, setTarget] = useState<ConceptSummaryFragment | null>(null);
  const [weight, setWeight] = useState<number | null>(WEIGHT.default);
  // A new key empties the picker once its pick is linked.
  const [pickerKey, setPickerKey] = useState(0);

  async function add() {
    if (!target) return void message.error('请先从候选中选择一个概念');
    const added = await run(
      () => link({ variables: { input: { from: problem.id, to: target.id, type: 'ADDRESSED_BY', weight: weight ?? WEIGHT.default } } }),
      `已添加解决方法「${target.prefLabel}」`,
      'link',
    );
    if (added) {
      setTarget(null);
      setWeight(WEIGHT.default);
      setPickerKey((key) => key + 1);
    }
  }

  return (
    <Space.Compact style={{ width: '100%' }}>
      <ConceptPicker
        key={pickerKey}
        onPick={setTarget}
        accepts={(candidate) => candidate.id !== problem.id && !hasSolutions(candidate.kind)}
        placeholder="搜索方法、工艺、材料或设备"
        label="搜索解决方法"
        style={{ flex: 1 }}
      />
      <InputNumber min={WEIGHT.min} max={WEIGHT.max} step={0.1} value={weight} onChange={setWeight} aria-label="权重" style={{ width: 100 }} />
      <Button type="primary" loading={busy === 'link'} onClick={() => void add()}>
        添加
      </Button>
    </Space.Compact>
  );
}

/**
 * The bridges of a concept: for a problem (or property) 「解决方法」, what addresses it, with adding and removing;
 * for anything else 「可解决的问题」, the problems it addresses (removing a bridge there edits the problem).
 */
export function ConceptBridgesSection({ concept }: { concept: ConceptDetailFragment }) {
  const [unlink] = useMutation(UnlinkConceptsDocument, { refetchQueries: ['KnowledgeConcept'] });
  const { run } = useAction({ errorText: curationErrorText });
  const solutions = hasSolutions(concept.kind);
  const bridges: Bridge[] = solutions ? concept.addressedBy : concept.addresses;

  const remove = (bridge: Bridge) => {
    const [problem, target] = solutions ? [concept, bridge.concept] : [bridge.concept, concept];
    return run(
      () => unlink({ variables: { input: { from: problem.id, to: target.id, type: 'ADDRESSED_BY' } } }),
      `已删除关联「${problem.prefLabel} → ${target.prefLabel}」`,
    );
  };

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <List
        size="small"
        data-testid="concept-bridges"
        dataSource={[...bridges].sort((a, b) => b.weight - a.weight)}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={solutions ? '还没有解决方法' : '还没有关联的问题'} /> }}
        renderItem={(bridge) => (
          <List.Item
            key={bridge.concept.id}
            actions={[
              <Popconfirm
                key="remove"
                title={`删除与「${bridge.concept.prefLabel}」的关联？`}
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={() => void remove(bridge)}
              >
                <Button size="small" danger aria-label={`删除关联「${bridge.concept.prefLabel}」`}>
                  删除
                </Button>
              </Popconfirm>,
            ]}
          >
            <Space wrap size={4}>
              <KindTag kind={bridge.concept.kind} />
              <ConceptLink concept={bridge.concept} />
              <Tag title="权重">权重 {bridge.weight.toFixed(2)}</Tag>
            </Space>
          </List.Item>
        )}
      />
      {solutions && <AddSolution problem={concept} />}
    </Space>
  );
}
