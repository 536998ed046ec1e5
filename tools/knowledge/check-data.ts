/**
 * Checks the knowledge graph's seed files (libs/knowledge/data/*.ttl) with the library's own parser and
 * validation (parseSkos, validateGraph: kinds and labels, labels on two concepts without a note, broader
 * cycles, links to concepts no file defines), plus what the seed must be rich in: problems bridged to their
 * remedies. Prints counts as one JSON line, then each problem.
 * `node -r @swc-node/register tools/knowledge/check-data.ts [files…]`: every file is read (links cross
 * files), problems are listed for the named files (all by default); exits 1 when there are any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ConceptRecord, parseSkos, SEED_DIRECTORY, validateGraph } from '@ttm/knowledge';

const allFiles = readdirSync(SEED_DIRECTORY).filter((file) => file.endsWith('.ttl')).map((file) => join(SEED_DIRECTORY, file));
const named = process.argv.slice(2).map((file) => resolve(file));
const checkedFiles = new Set(named.length ? named : allFiles);

const problems: string[] = [];
const fileOf = new Map<string, string>();
const concepts: ConceptRecord[] = [];
for (const file of allFiles) {
  try {
    for (const concept of parseSkos(readFileSync(file, 'utf8'), basename(file))) {
      fileOf.set(concept.id, file);
      concepts.push(concept);
    }
  } catch (error) {
    if (checkedFiles.has(file)) problems.push(error instanceof Error ? error.message : String(error));
  }
}
const checked = concepts.filter((concept) => checkedFiles.has(fileOf.get(concept.id) ?? ''));
const checkedIds = new Set(checked.map((concept) => concept.id));

for (const problem of validateGraph(concepts)) {
  if (checkedIds.has(problem.concept) || problem.message.includes('cycle')) problems.push(`${problem.concept}: ${problem.message}`);
}
for (const concept of checked) {
  if (concept.kind === 'PROBLEM' && concept.addressedBy.length === 0) problems.push(`${concept.id}: a problem that nothing addresses (kgo:addressedBy)`);
}

const labels = checked.reduce((sum, concept) => sum + concept.labels.length, 0);
const english = checked.filter((concept) => concept.labels.some((label) => label.type === 'PREF' && label.language === 'en')).length;
const problemConcepts = checked.filter((concept) => concept.kind === 'PROBLEM');
const hidden = problemConcepts.reduce((sum, concept) => sum + concept.labels.filter((label) => label.type === 'HIDDEN').length, 0);
const byKind: Record<string, number> = {};
for (const concept of checked) byKind[concept.kind] = (byKind[concept.kind] ?? 0) + 1;
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

console.log(
  JSON.stringify({
    files: checkedFiles.size,
    concepts: checked.length,
    labels,
    labelsPerConcept: round(labels / Math.max(1, checked.length), 2),
    englishPrefLabelShare: round(english / Math.max(1, checked.length), 3),
    byKind,
    hiddenLabelsPerProblem: round(hidden / Math.max(1, problemConcepts.length), 2),
    allConceptsInAllFiles: concepts.length,
  }),
);
const unique = [...new Set(problems)];
for (const problem of unique.slice(0, 200)) console.log(`problem: ${problem}`);
if (unique.length > 200) console.log(`… and ${unique.length - 200} more problems`);
process.exit(unique.length ? 1 : 0);
