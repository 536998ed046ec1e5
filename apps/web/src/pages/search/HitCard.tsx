import { Card, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { SearchListingsQuery } from '../../gql/graphql';
import { Highlighted } from '../../lib/highlight';
import { listingPath } from '../../lib/listing-path';
import { budgetRange, COOPERATION_MODE_LABELS, dateText, IP_TYPE_LABELS, KIND_LABELS, STAGE_LABELS, yuan } from '../../lib/labels';

type Hit = SearchListingsQuery['search']['hits'][number];

const KIND_COLORS = { NEED: 'orange', RESULT: 'green', EXPERT: 'blue', CHALLENGE: 'red' } as const;

function snippetOf(hit: Hit, ...fields: string[]): string | undefined {
  for (const field of fields) {
    const snippet = hit.highlights.find((highlight) => highlight.field === field)?.snippets[0];
    if (snippet) return snippet;
  }
  return undefined;
}

/** One search hit: the highlighted title and snippet, and the facts a person compares listings by. */
export function HitCard({ hit }: { hit: Hit }) {
  const node = hit.node;
  if (!node) return null;
  const title = node.__typename === 'Expert' ? node.name : node.title;
  const titleSnippet = snippetOf(hit, 'title', 'name');
  const bodySnippet = snippetOf(hit, 'description', 'bio');
  const fallbackBody = node.__typename === 'Expert' ? node.bio : node.description;

  let facts: string[] = [];
  switch (node.__typename) {
    case 'Need':
      facts = [node.organizationName ?? '匿名企业', `预算 ${budgetRange(node.budgetMin, node.budgetMax)}`, ...node.cooperationModes.map((mode) => COOPERATION_MODE_LABELS[mode] ?? mode)];
      if (node.deadline) facts.push(`截止 ${dateText(node.deadline)}`);
      break;
    case 'Result':
      facts = [node.organizationName ?? '', `TRL ${node.trl}`, IP_TYPE_LABELS[node.ipType] ?? node.ipType, `报价 ${yuan(node.askingPrice)}`];
      if (node.openLicense) facts.push('开放许可');
      break;
    case 'Expert':
      facts = [node.institution, node.title, ...node.fields.slice(0, 3)];
      break;
    case 'Challenge':
      facts = [node.organizationName ?? '', `榜额 ${yuan(node.bounty)}`, node.stage ? (STAGE_LABELS[node.stage] ?? node.stage) : '', `揭榜截止 ${dateText(node.applicationClosesAt)}`];
      break;
  }

  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="search-hit">
      <Space size={8} wrap style={{ marginBottom: 4 }}>
        <Tag color={KIND_COLORS[hit.kind]}>{KIND_LABELS[hit.kind]}</Tag>
        <Link to={listingPath(hit.kind, hit.id)} className="hit-title">
          {titleSnippet ? <Highlighted snippet={titleSnippet} /> : title}
        </Link>
      </Space>
      <Typography.Paragraph className="snippet" ellipsis={{ rows: 2 }}>
        {bodySnippet ? <Highlighted snippet={bodySnippet} /> : fallbackBody}
      </Typography.Paragraph>
      <Space size={4} wrap>
        <Tag>{node.industryName}</Tag>
        <Tag>{node.regionName}</Tag>
        {facts.filter(Boolean).map((fact) => (
          <Typography.Text key={fact} type="secondary" style={{ fontSize: 13, marginRight: 8 }}>
            {fact}
          </Typography.Text>
        ))}
      </Space>
    </Card>
  );
}
