import { composeServices } from '@apollo/composition';
import { SERVICE_NAMES } from '@ttm/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';

export const SUPERGRAPH_FILE = join('apps', 'gateway', 'supergraph.graphql');

/** The emitted files omit the Federation 2 link that the services add when they serve their SDL. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.14", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@override", "@inaccessible", "@tag", "@extends"])';

/**
 * Composes the committed subgraph schemas (each service writes apps/<name>/schema.graphql when it
 * starts) into the supergraph the gateway serves. Throws with every composition error.
 */
export function composeCommittedSupergraph(root: string): string {
  const result = composeServices(
    SERVICE_NAMES.map((name) => ({
      name,
      url: `http://${name}`,
      typeDefs: parse(`${FEDERATION_LINK}\n${readFileSync(join(root, 'apps', name, 'schema.graphql'), 'utf8')}`),
    })),
  );
  if (result.errors) throw new Error(`Subgraphs do not compose:\n${result.errors.map((error) => error.message).join('\n')}`);
  return result.supergraphSdl;
}
