import { composeCommittedSupergraph, SUPERGRAPH_FILE } from '@ttm/gateway';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `npm run schema:supergraph`: rewrites apps/gateway/supergraph.graphql from the subgraph schemas. */
const root = join(__dirname, '..', '..');
writeFileSync(join(root, SUPERGRAPH_FILE), composeCommittedSupergraph(root));
console.log(`wrote ${SUPERGRAPH_FILE}`);
