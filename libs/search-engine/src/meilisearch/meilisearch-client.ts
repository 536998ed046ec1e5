/**
 * The official client, typed. `meilisearch` ships ESM with an `exports` map only, which this
 * workspace's TypeScript module resolution ("node") cannot see; the types are therefore imported from
 * its declaration files' path (type-only, erased), and the module itself is loaded with require (Node ≥ 20.19 loads
 * ESM that way; Jest transforms it, see jest.config.js).
 */
import type * as Client from 'meilisearch/dist/index';

 
const client = require('meilisearch') as typeof Client;

export const Meilisearch = client.Meilisearch;
export type Meilisearch = Client.Meilisearch;
export const MeilisearchApiError = client.MeilisearchApiError;
export type MeilisearchApiError = Client.MeilisearchApiError;
export const MeilisearchRequestError = client.MeilisearchRequestError;
export type MeilisearchRequestError = Client.MeilisearchRequestError;
export type { Index, SearchParams, Settings, Task } from 'meilisearch/dist/index';
