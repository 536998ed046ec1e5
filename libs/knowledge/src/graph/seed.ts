import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { ConceptRecord } from './concept';
import { KnowledgeGraph } from './knowledge-graph';
import { parseSkos } from './skos';

/** The versioned seed data: SKOS Turtle written for this project, one file per domain. */
export const SEED_DIRECTORY = resolve(__dirname, '..', '..', 'data');

export interface SeedData {
  concepts: ConceptRecord[];
  /** SHA-256 of the files' contents: the service re-imports the seed when it changes. */
  version: string;
}

export function readSeed(directory = SEED_DIRECTORY): SeedData {
  const files = readdirSync(directory).filter((file) => file.endsWith('.ttl')).sort();
  const hash = createHash('sha256');
  const concepts = files.flatMap((file) => {
    const text = readFileSync(join(directory, file), 'utf8');
    hash.update(file).update(text);
    return parseSkos(text, file);
  });
  return { concepts, version: hash.digest('hex').slice(0, 16) };
}

let cached: { graph: KnowledgeGraph; version: string } | undefined;

function seed(): { graph: KnowledgeGraph; version: string } {
  if (!cached) {
    const { concepts, version } = readSeed();
    cached = { graph: new KnowledgeGraph(concepts), version };
  }
  return cached;
}

/** The seed graph, parsed once per process. */
export function seedGraph(): KnowledgeGraph {
  return seed().graph;
}

/** The seed files' version (see `readSeed`), read with the graph. */
export function seedVersion(): string {
  return seed().version;
}
