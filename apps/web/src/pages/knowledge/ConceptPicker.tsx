import { useQuery } from '@apollo/client/react';
import { AutoComplete, Space, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useState } from 'react';
import { KnowledgeConceptsDocument, type ConceptSummaryFragment } from '../../gql/graphql';
import { CONCEPT_KIND_LABELS } from './concept-labels';

/**
 * Picks one concept by typing its name: an AutoComplete over `concepts`. `onPick` hears the chosen concept, and null
 * as soon as the text is edited again; `accepts` leaves candidates out (the concept itself, kinds that do not fit).
 * `onTextChange` hears the typed text, so a form can tell a name typed but never picked. To start afresh after the
 * pick is used, the caller re-keys it.
 */
export function ConceptPicker({
  onPick,
  onTextChange,
  accepts = () => true,
  placeholder,
  label,
  style,
}: {
  onPick: (concept: ConceptSummaryFragment | null) => void;
  onTextChange?: (text: string) => void;
  accepts?: (concept: ConceptSummaryFragment) => boolean;
  placeholder: string;
  label: string;
  style?: CSSProperties;
}) {
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<ConceptSummaryFragment | null>(null);
  const query = text.trim();
  const { data, loading } = useQuery(KnowledgeConceptsDocument, { variables: { query, first: 10 }, skip: !query || picked !== null });
  const candidates = (data?.concepts.edges ?? []).map((edge) => edge.node).filter(accepts);

  return (
    <AutoComplete
      value={text}
      onChange={(value: string) => {
        setText(value);
        setPicked(null);
        onPick(null);
        onTextChange?.(value);
      }}
      onSelect={(id: string) => {
        const chosen = candidates.find((candidate) => candidate.id === id);
        if (!chosen) return;
        setPicked(chosen);
        setText(chosen.prefLabel);
        onPick(chosen);
        onTextChange?.(chosen.prefLabel);
      }}
      options={candidates.map((candidate) => ({
        value: candidate.id,
        label: (
          <Space size={4}>
            <Tag color={CONCEPT_KIND_LABELS[candidate.kind].color}>{CONCEPT_KIND_LABELS[candidate.kind].text}</Tag>
            {candidate.prefLabel}
            {candidate.englishLabel ? <Typography.Text type="secondary">{candidate.englishLabel}</Typography.Text> : null}
          </Space>
        ),
      }))}
      notFoundContent={query && !loading && !picked ? '没有找到概念' : null}
      placeholder={placeholder}
      aria-label={label}
      style={style}
    />
  );
}
