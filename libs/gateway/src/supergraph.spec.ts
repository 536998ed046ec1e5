import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeCommittedSupergraph, SUPERGRAPH_FILE } from './supergraph';

const root = join(__dirname, '..', '..', '..');

describe('the composed supergraph', () => {
  it('composes from the committed subgraph schemas and matches the committed supergraph', () => {
    const committed = readFileSync(join(root, SUPERGRAPH_FILE), 'utf8');
    // On a mismatch: start the services once (they rewrite apps/*/schema.graphql), then run
    // `npm run schema:supergraph` and commit both.
    expect(composeCommittedSupergraph(root)).toBe(committed);
  });
});
