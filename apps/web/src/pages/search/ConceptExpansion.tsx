import { Card, Space, Tag, Typography } from 'antd';
import type { SearchListingsQuery } from '../../gql/graphql';
import { HitCard } from './HitCard';

type Expansion = NonNullable<SearchListingsQuery['search']['expansion']>;
type Concept = Expansion['concepts'][number];

/** How a concept was reached from the query, in the words the page shows. */
export function expansionText(concept: Concept): string {
  switch (concept.relation) {
    case 'BRIDGE':
      return `${concept.fromLabel} → ${concept.label}`;
    case 'NARROWER':
      return `${concept.fromLabel} ⊃ ${concept.label}`;
    default:
      return concept.label;
  }
}

/**
 * Listings the query's words did not find on this page but its concepts did (the knowledge graph: what
 * the query names, the methods that address a problem it names): shown below the literal results, each
 * saying through which concept it was found.
 */
export function ConceptExpansion({ expansion }: { expansion: Expansion }) {
  return (
    <Card
      size="small"
      title="按技术概念扩展"
      style={{ marginTop: 16 }}
      data-testid="concept-expansion"
      extra={<Typography.Text type="secondary">用词不同、但技术上相关的内容</Typography.Text>}
    >
      <Space wrap size={[4, 8]} style={{ marginBottom: 12 }} data-testid="expansion-concepts">
        <Typography.Text type="secondary">扩展概念：</Typography.Text>
        {expansion.concepts.map((concept) => (
          <Tag key={concept.id} color={concept.relation === 'BRIDGE' ? 'purple' : 'geekblue'}>
            {expansionText(concept)}
          </Tag>
        ))}
      </Space>
      {expansion.hits.map(({ hit, concept }) => (
        <div key={`${hit.kind}:${hit.id}`} data-testid="expansion-hit">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            通过「{expansionText(concept)}」找到
          </Typography.Text>
          <HitCard hit={hit} />
        </div>
      ))}
    </Card>
  );
}
