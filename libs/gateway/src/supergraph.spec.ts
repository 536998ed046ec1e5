import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print } from 'graphql';
import { API_SCHEMA_FILE, composeCommittedSchemas, loadServedSupergraph, SUPERGRAPH_FILE } from './supergraph';

const root = join(__dirname, '..', '..', '..');

describe('the composed supergraph', () => {
  // On a mismatch: start the services once (they rewrite apps/*/schema.graphql), then run
  // `npm run schema:supergraph` and commit the results.
  const composed = composeCommittedSchemas(root);

  it('composes from the committed subgraph schemas and matches the committed supergraph', () => {
    expect(composed.supergraph).toBe(readFileSync(join(root, SUPERGRAPH_FILE), 'utf8'));
  });

  it('matches the committed client-facing API schema (the web app is generated from it)', () => {
    expect(composed.api).toBe(readFileSync(join(root, API_SCHEMA_FILE), 'utf8'));
    expect(composed.api).not.toContain('@key');
    expect(composed.api).toContain('search(input: SearchInput!): SearchResponse!');
  });
});

describe('the supergraph as the gateway serves it', () => {
  const served = parse(loadServedSupergraph(root));
  const fieldTypes = (typeName: string) =>
    new Map(
      served.definitions.flatMap((definition) =>
        definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === typeName
          ? (definition.fields ?? []).map((field) => [field.name.value, print(field.type)] as const)
          : [],
      ),
    );

  it('makes every root field nullable, so one service down does not null the whole answer', () => {
    const query = fieldTypes('Query');
    expect(query.get('search')).toBe('SearchResponse');
    expect(query.get('needs')).toBe('NeedConnection');
    expect(query.get('brokerLeaderboard')).toBe('[Broker!]');
    expect(fieldTypes('Mutation').get('login')).toBe('AuthPayload');
    expect([...query.values(), ...fieldTypes('Mutation').values()].filter((type) => type.endsWith('!'))).toEqual([]);
  });

  it('leaves every other type as declared', () => {
    expect(fieldTypes('SearchResponse').get('totalHits')).toBe('Int!');
    expect(fieldTypes('NeedConnection').get('edges')).toBe('[NeedEdge!]!');
  });
});
