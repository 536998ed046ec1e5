import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ExportKnowledgeGraphDocument, KnowledgeConceptsDocument, KnowledgeSchemeDocument, type ConceptKind } from '../../gql/graphql';
import { LoadMore } from '../../lib/LoadMore';
import { hasRole, useSession } from '../../lib/session';
import { industryName } from '../../lib/taxonomy';
import { useAction } from '../../lib/use-action';
import { KindTag } from './ConceptBridgesSection';
import { ConceptDetailCard, NoConceptChosen } from './ConceptDetailCard';
import { CreateConceptButton } from './CreateConceptButton';
import { CONCEPT_KIND_LABELS, CONCEPT_KINDS, curationErrorText } from './concept-labels';
import { useConceptHref } from './use-concept-href';

/** Hands the browser a text as a file to save. */
function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  URL.revokeObjectURL(url);
}

/** 导出 SKOS (Turtle): the whole graph as a .ttl file (administrators). */
function ExportButton() {
  const client = useApolloClient();
  const { run, busy } = useAction({ errorText: curationErrorText });
  const exportTurtle = () =>
    run(
      async () => {
        const { data } = await client.query({ query: ExportKnowledgeGraphDocument, fetchPolicy: 'network-only' });
        if (!data) throw new Error('导出失败：服务器没有返回内容');
        download(data.exportKnowledgeGraph, `knowledge-graph-${new Date().toISOString().slice(0, 10)}.ttl`, 'text/turtle;charset=utf-8');
      },
      '已导出知识图谱',
      'export',
    );
  return (
    <Button loading={busy === 'export'} onClick={() => void exportTurtle()}>
      导出 SKOS (Turtle)
    </Button>
  );
}

/** Concepts by label (Chinese or English) and kind; the chosen one is highlighted. */
function ConceptSearch({ query, kind, chosen, onSearch }: { query: string; kind: ConceptKind | undefined; chosen: string | null; onSearch: (query: string, kind: ConceptKind | undefined) => void }) {
  const [text, setText] = useState(query);
  const href = useConceptHref();
  const { data, loading, error, fetchMore } = useQuery(KnowledgeConceptsDocument, { variables: { query: query || null, kind: kind ?? null, first: 20 }, fetchPolicy: 'cache-and-network' });
  const concepts = data?.concepts;
  return (
    <Card size="small">
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Input.Search
          value={text}
          onChange={(event) => setText(event.target.value)}
          onSearch={(value) => onSearch(value.trim(), kind)}
          allowClear
          enterButton="搜索"
          placeholder="概念名称，中英文均可，如：横条"
          aria-label="搜索概念"
        />
        <Select<ConceptKind>
          value={kind}
          onChange={(value) => onSearch(text.trim(), value)}
          allowClear
          placeholder="全部类型"
          options={CONCEPT_KINDS.map((value) => ({ value, label: CONCEPT_KIND_LABELS[value].text }))}
          style={{ width: '100%' }}
          aria-label="概念类型"
        />
        {error && <Alert type="error" showIcon message={curationErrorText(error)} />}
        {concepts && <Typography.Text type="secondary">共 {concepts.totalCount} 个概念</Typography.Text>}
        <List
          size="small"
          loading={loading && !data}
          dataSource={concepts?.edges.map((edge) => edge.node) ?? []}
          data-testid="concept-results"
          locale={{ emptyText: '没有找到概念' }}
          renderItem={(concept) => (
            <List.Item key={concept.id} style={concept.id === chosen ? { background: '#e6f4ff' } : undefined}>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <KindTag kind={concept.kind} />
                  <Link to={href(concept.id)}>{concept.prefLabel}</Link>
                </Space>
                {(concept.englishLabel || concept.industries.length > 0) && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[concept.englishLabel, concept.industries.map(industryName).join('、')].filter(Boolean).join(' · ')}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
        <LoadMore connection={concepts} fetchMore={fetchMore} />
      </Space>
    </Card>
  );
}

const isKind = (value: string | null): value is ConceptKind => value !== null && value in CONCEPT_KIND_LABELS;

/**
 * 知识图谱: administrators and brokers look up the domain concepts behind search and matching, and curate them —
 * new concepts, labels, broader and related links, and the 问题 → 方法 bridges. The chosen concept is in the address
 * (/knowledge?concept=<id>), so it can be shared.
 */
export default function KnowledgePage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const { data: scheme } = useQuery(KnowledgeSchemeDocument);
  const query = params.get('q') ?? '';
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const chosen = params.get('concept');

  function search(nextQuery: string, nextKind: ConceptKind | undefined) {
    const next = new URLSearchParams();
    if (nextQuery) next.set('q', nextQuery);
    if (nextKind) next.set('kind', nextKind);
    if (chosen) next.set('concept', chosen);
    setParams(next);
  }

  function open(id: string) {
    const next = new URLSearchParams(params);
    next.set('concept', id);
    setParams(next);
  }

  const stats = scheme?.conceptScheme;
  return (
    <div className="page">
      <div className="toolbar">
        <Typography.Title level={3} style={{ margin: 0 }}>
          知识图谱 {stats ? <Tag>{stats.concepts} 个概念 · {stats.labels} 个标签 · {stats.bridges} 条问题→方法关联</Tag> : null}
        </Typography.Title>
        <Space>
          {hasRole(session, 'ADMIN', 'BROKER') && <CreateConceptButton onCreated={open} />}
          {hasRole(session, 'ADMIN') && <ExportButton />}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">
        搜索与撮合匹配用知识图谱识别技术问题与解决方法。标准名与同义词会在页面上显示；口语与别称（如车间说法、常见错写）只用于识别，不会显示。修改立即生效。
      </Typography.Paragraph>
      <div className="knowledge-layout">
        {/* Keyed by the search: a search from the address (back, a shared link) starts the box afresh. */}
        <ConceptSearch key={`${query}|${kind ?? ''}`} query={query} kind={kind} chosen={chosen} onSearch={search} />
        {chosen ? <ConceptDetailCard key={chosen} id={chosen} /> : <NoConceptChosen />}
      </div>
    </div>
  );
}
