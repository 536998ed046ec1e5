import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_SCHEMA_FILE, composeCommittedSchemas, SUPERGRAPH_FILE } from './supergraph';

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
