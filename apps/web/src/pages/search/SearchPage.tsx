import { useQuery } from '@apollo/client/react';
import { Alert, Button, Dropdown, Empty, Input, Space, Spin, Tabs, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/errors';
import { ConceptExpansion } from './ConceptExpansion';
import { FacetPanel } from './FacetPanel';
import { HitCard } from './HitCard';
import { SaveSearchButton } from './SaveSearchButton';
import { facetsFor, PAGE_SIZE, readState, searchInput, SORTS, TABS, writeState, type SearchState } from './search-state';
import { SearchListingsDocument } from '../../gql/graphql';

// Only narrow screens open the filter drawer: it loads when first opened.
const FilterDrawer = lazy(() => import('./FilterDrawer'));

/** The home page: one search over needs, results, experts and challenges; all of its state lives in the URL. */
export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const state = readState(params);
  const [filtersOpen, setFiltersOpen] = useState(false);

  const { data, previousData, loading, error } = useQuery(SearchListingsDocument, { variables: { input: searchInput(state) } });
  // While the next page loads, the current one stays in place (no layout shift), dimmed by the spinner.
  const search = (data ?? previousData)?.search;

  const update = (change: Partial<SearchState>) => setParams(writeState({ ...state, cursors: [], ...change }));
  const facets = facetsFor(state.tab);
  const kindCounts = new Map(search?.facetDistribution.find((item) => item.facet === 'KIND')?.values.map((item) => [item.value, item.count]));
  const sortOptions = SORTS.filter((sort) => !sort.kinds || state.tab === 'ALL' || sort.kinds.includes(state.tab));
  const page = state.cursors.length + 1;
  const pages = search ? Math.max(1, Math.ceil(search.totalHits / PAGE_SIZE)) : 1;

  const facetPanel = search && (
    <FacetPanel
      facets={facets}
      distribution={search.facetDistribution}
      selected={state.selected}
      onChange={(facet, values) => update({ selected: { ...state.selected, [facet]: values } })}
    />
  );

  return (
    <div className="page">
      <div role="search" style={{ margin: '8px 0 16px' }}>
        {/* Keyed by the URL's query: back/forward and links show their own query in the box. */}
        <Input.Search
          key={state.query}
          size="large"
          defaultValue={state.query}
          onSearch={(value) => update({ query: value.trim() })}
          placeholder="搜索技术需求、科技成果、专家和榜单，如：光伏、经编机、钙钛矿"
          enterButton="搜索"
          aria-label="搜索关键词"
          maxLength={200}
          allowClear
        />
      </div>
      <Tabs
        activeKey={state.tab}
        onChange={(key) => update({ tab: key as SearchState['tab'], selected: {}, sort: 'RELEVANCE' })}
        items={TABS.map((tab) => ({
          key: tab.key,
          label: state.tab === 'ALL' && tab.key !== 'ALL' && kindCounts.has(tab.key) ? `${tab.label} ${kindCounts.get(tab.key)}` : tab.label,
        }))}
      />
      <div className="search-layout">
        <aside className="facets-desktop">{facetPanel}</aside>
        <section className="results" aria-live="polite" aria-busy={loading}>
          <div className="toolbar">
            <Typography.Text type="secondary" data-testid="search-summary">
              {search ? `共 ${search.totalHits} 条结果，用时 ${search.processingTimeMs} 毫秒` : '搜索中…'}
            </Typography.Text>
            <Space wrap>
              <SaveSearchButton state={state} />
              <Button className="facets-mobile-toggle" onClick={() => setFiltersOpen(true)}>
                筛选
              </Button>
              <Dropdown
                trigger={['click']}
                menu={{
                  selectable: true,
                  selectedKeys: [state.sort],
                  onClick: ({ key }) => update({ sort: key as SearchState['sort'] }),
                  items: sortOptions.map(({ value, label }) => ({ key: value, label })),
                }}
              >
                <Button aria-label="排序方式">排序：{sortOptions.find((sort) => sort.value === state.sort)?.label ?? '相关度'} ▾</Button>
              </Dropdown>
            </Space>
          </div>
          {error && <Alert type="error" showIcon message="搜索失败" description={errorMessage(error)} style={{ marginBottom: 12 }} />}
          <Spin spinning={loading} delay={150}>
            {search && search.hits.length === 0 ? (
              <Empty description={state.query ? `没有找到与「${state.query}」相关的内容，换个关键词或减少筛选条件试试` : '暂无内容'} style={{ padding: 48 }} />
            ) : (
              (search?.hits ?? []).map((hit) => <HitCard key={`${hit.kind}:${hit.id}`} hit={hit} />)
            )}
            {search?.expansion && <ConceptExpansion expansion={search.expansion} />}
          </Spin>
          {search && search.totalHits > 0 && (
            <nav aria-label="分页" style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', gap: 12, marginTop: 16 }}>
              <Button disabled={page === 1} onClick={() => setParams(writeState({ ...state, cursors: state.cursors.slice(0, -1) }))}>
                上一页
              </Button>
              <Typography.Text data-testid="page-indicator">
                第 {page} / {pages} 页
              </Typography.Text>
              <Button
                disabled={!search.pageInfo.hasNextPage || !search.pageInfo.endCursor}
                onClick={() => setParams(writeState({ ...state, cursors: [...state.cursors, search.pageInfo.endCursor ?? ''] }))}
              >
                下一页
              </Button>
            </nav>
          )}
        </section>
      </div>
      {filtersOpen && (
        <Suspense fallback={null}>
          <FilterDrawer onClose={() => setFiltersOpen(false)}>{facetPanel}</FilterDrawer>
        </Suspense>
      )}
    </div>
  );
}
