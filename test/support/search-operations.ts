export const SEARCH = /* GraphQL */ `
  query Search($input: SearchInput!) {
    search(input: $input) {
      totalHits
      processingTimeMs
      pageInfo { hasNextPage endCursor }
      facetDistribution { facet values { value label parent count } }
      hits {
        kind id score
        highlights { field snippets }
        node {
          __typename
          ... on Need { id title description status contact { phone } }
          ... on Result { id title description status contact { phone } }
          ... on Expert { id name bio }
          ... on Challenge { id title description status contact { phone } }
        }
      }
      expansion {
        concepts { id label relation fromLabel }
        hits { concept { id label relation fromLabel } hit { kind id node { __typename ... on Need { id title } ... on Result { id title } ... on Expert { id name } ... on Challenge { id title } } } }
      }
    }
  }
`;

export interface SearchHitView {
  kind: string;
  id: string;
  score: number;
  highlights: { field: string; snippets: string[] }[];
  node: { __typename: string; id: string; title?: string; description?: string; name?: string; bio?: string; contact?: unknown } | null;
}

export interface SearchView {
  totalHits: number;
  processingTimeMs: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  facetDistribution: { facet: string; values: { value: string; label: string; parent: string | null; count: number }[] }[];
  hits: SearchHitView[];
  expansion: {
    concepts: ExpansionConceptView[];
    hits: { concept: ExpansionConceptView; hit: { kind: string; id: string; node: { id: string; title?: string; name?: string } | null } }[];
  } | null;
}

export interface ExpansionConceptView {
  id: string;
  label: string;
  relation: string;
  fromLabel: string;
}

export const SYNONYM_GROUPS = /* GraphQL */ `query { synonymGroups { id terms } }`;
export const CREATE_SYNONYM_GROUP = /* GraphQL */ `
  mutation Create($input: SynonymGroupInput!) { createSynonymGroup(input: $input) { id terms } }
`;
export const DELETE_SYNONYM_GROUP = /* GraphQL */ `mutation Delete($id: ID!) { deleteSynonymGroup(id: $id) }`;
