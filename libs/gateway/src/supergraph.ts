import { composeServices } from '@apollo/composition';
import { SERVICE_NAMES } from '@ttm/config';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, lexicographicSortSchema, parse, print, printSchema, visit } from 'graphql';

export const SUPERGRAPH_FILE = join('apps', 'gateway', 'supergraph.graphql');
/** What clients see through the gateway (no federation directives); the web app's codegen reads it. */
export const API_SCHEMA_FILE = join('apps', 'gateway', 'schema.graphql');

/** The emitted files omit the Federation 2 link that the services add when they serve their SDL. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.14", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@override", "@inaccessible", "@tag", "@extends"])';

export interface ComposedSchemas {
  /** The supergraph the gateway serves, with federation directives. */
  supergraph: string;
  /** The client-facing API schema, sorted, as `printSchema` writes it. */
  api: string;
}

/**
 * Composes the committed subgraph schemas (each service writes apps/<name>/schema.graphql when it
 * starts) into the supergraph the gateway serves and the API schema clients see. Throws with every
 * composition error.
 */
export function composeCommittedSchemas(root: string): ComposedSchemas {
  const result = composeServices(
    SERVICE_NAMES.map((name) => ({
      name,
      url: `http://${name}`,
      typeDefs: parse(`${FEDERATION_LINK}\n${readFileSync(join(root, 'apps', name, 'schema.graphql'), 'utf8')}`),
    })),
  );
  if (result.errors) throw new Error(`Subgraphs do not compose:\n${result.errors.map((error) => error.message).join('\n')}`);
  const api = `${printSchema(lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema()))}\n`;
  return { supergraph: result.supergraphSdl, api };
}

/** The supergraph alone (see composeCommittedSchemas). */
export function composeCommittedSupergraph(root: string): string {
  return composeCommittedSchemas(root).supergraph;
}

/**
 * The supergraph as the gateway serves it: every root field (Query, Mutation) nullable. The schema
 * declares most root fields non-null, and GraphQL nulls a whole response when a non-null root field
 * fails; with a service down, the fields other services answered would be lost. Served nullable, a
 * field whose service is down is null with a SERVICE_UNAVAILABLE error, and the rest stays. Clients'
 * types (apps/gateway/schema.graphql) keep the declared non-null types: a root field is only ever
 * null together with an error.
 */
export function withNullableRootFields(supergraphSdl: string): string {
  const document = parse(supergraphSdl);
  const roots = new Set(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.SCHEMA_DEFINITION ? definition.operationTypes.map((operation) => operation.type.name.value) : [],
    ),
  );
  return print(
    visit(document, {
      ObjectTypeDefinition(node) {
        if (!roots.has(node.name.value)) return undefined;
        return { ...node, fields: node.fields?.map((field) => (field.type.kind === Kind.NON_NULL_TYPE ? { ...field, type: field.type.type } : field)) };
      },
    }),
  );
}

/** The committed supergraph (kept current by `npm run schema:supergraph` and its test), as the gateway serves it. */
export function loadServedSupergraph(root: string): string {
  return withNullableRootFields(readFileSync(join(root, SUPERGRAPH_FILE), 'utf8'));
}
