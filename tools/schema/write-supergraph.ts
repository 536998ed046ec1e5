import { API_SCHEMA_FILE, composeCommittedSchemas, SUPERGRAPH_FILE } from '@ttm/gateway';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run schema:supergraph`: rewrites apps/gateway/supergraph.graphql (what the gateway serves) and
 * apps/gateway/schema.graphql (what clients see; the web app's types are generated from it) from the
 * subgraph schemas.
 */
const root = join(__dirname, '..', '..');
const { supergraph, api } = composeCommittedSchemas(root);
writeFileSync(join(root, SUPERGRAPH_FILE), supergraph);
writeFileSync(join(root, API_SCHEMA_FILE), api);
console.log(`wrote ${SUPERGRAPH_FILE} and ${API_SCHEMA_FILE}`);
