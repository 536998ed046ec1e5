import { Card, Checkbox, Typography } from 'antd';
import type { SearchListingsQuery } from '../../gql/graphql';
import { FACET_TITLES, type SearchState } from './search-state';

type Distribution = SearchListingsQuery['search']['facetDistribution'];
type FilterFacet = keyof typeof FACET_TITLES;

const MAX_VALUES = 12;

/** Facet values with their counts, as checkboxes that filter the search. */
export function FacetPanel(props: {
  facets: FilterFacet[];
  distribution: Distribution;
  selected: SearchState['selected'];
  onChange: (facet: FilterFacet, values: string[]) => void;
}) {
  return (
    <div aria-label="筛选条件">
      {props.facets.map((facet) => {
        const selected = props.selected[facet] ?? [];
        const values = props.distribution.find((item) => item.facet === facet)?.values ?? [];
        // Selected values stay visible even when the current results no longer contain them.
        const shown = [
          ...values.slice(0, MAX_VALUES),
          ...selected.filter((value) => !values.slice(0, MAX_VALUES).some((item) => item.value === value)).map((value) => ({ value, label: values.find((item) => item.value === value)?.label ?? value, count: 0, parent: null })),
        ];
        return (
          <Card key={facet} size="small" title={FACET_TITLES[facet]} style={{ marginBottom: 12 }} data-testid={`facet-${facet}`}>
            {shown.length === 0 ? (
              <Typography.Text type="secondary">无</Typography.Text>
            ) : (
              <Checkbox.Group
                value={selected}
                onChange={(values) => props.onChange(facet, values as string[])}
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              >
                {shown.map((item) => (
                  <Checkbox key={item.value} value={item.value} style={{ marginLeft: item.parent && facet === 'INDUSTRY' ? 16 : 0 }}>
                    {item.label} <Typography.Text type="secondary">({item.count})</Typography.Text>
                  </Checkbox>
                ))}
              </Checkbox.Group>
            )}
          </Card>
        );
      })}
    </div>
  );
}
