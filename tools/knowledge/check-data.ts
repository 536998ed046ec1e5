/**
 * Checks the knowledge graph's seed files (libs/knowledge/data/*.ttl): parses them with n3, counts concepts and
 * labels, and lists problems — a concept without kind or labels, a label on two concepts without a note, broader
 * cycles, links to concepts no file defines. `node -r @swc-node/register tools/knowledge/check-data.ts [files…]`
 * (all files by default); exits 1 when a problem is found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Parser, Quad } from 'n3';

const DATA = resolve(__dirname, '..', '..', 'libs', 'knowledge', 'data');
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const KGO = 'https://kg.techbridge.cn/ontology#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const KINDS = ['Problem', 'Method', 'Process', 'Material', 'Device', 'Product', 'Field', 'Property'].map((kind) => KGO + kind);

interface Concept {
  id: string;
  file: string;
  kinds: string[];
  labels: { predicate: string; value: string; language: string }[];
  broader: string[];
  links: string[];
  addressedBy: string[];
  notes: number;
}

const files = process.argv.slice(2).length
  ? process.argv.slice(2).map((file) => resolve(file))
  : readdirSync(DATA).filter((file) => file.endsWith('.ttl')).map((file) => join(DATA, file));
const allFiles = readdirSync(DATA).filter((file) => file.endsWith('.ttl')).map((file) => join(DATA, file));

function load(file: string): Map<string, Concept> {
  const concepts = new Map<string, Concept>();
  const quads: Quad[] = new Parser({ format: 'text/turtle' }).parse(readFileSync(file, 'utf8'));
  const concept = (id: string) => {
    let value = concepts.get(id);
    if (!value) {
      value = { id, file, kinds: [], labels: [], broader: [], links: [], addressedBy: [], notes: 0 };
      concepts.set(id, value);
    }
    return value;
  };
  for (const quad of quads) {
    const subject = quad.subject.value;
    const predicate = quad.predicate.value;
    const object = quad.object;
    if (predicate === RDF_TYPE || predicate === SKOS + 'inScheme') continue;
    const c = concept(subject);
    if (predicate === KGO + 'kind') c.kinds.push(object.value);
    else if ([SKOS + 'prefLabel', SKOS + 'altLabel', SKOS + 'hiddenLabel'].includes(predicate) && object.termType === 'Literal') {
      c.labels.push({ predicate: predicate.slice(SKOS.length), value: object.value, language: object.language });
    } else if (predicate === SKOS + 'broader') c.broader.push(object.value);
    else if (predicate === SKOS + 'related') c.links.push(object.value);
    else if (predicate === KGO + 'addressedBy') c.addressedBy.push(object.value);
    else if (predicate === SKOS + 'editorialNote') c.notes += 1;
  }
  return concepts;
}

const problems: string[] = [];
const checked = new Map<string, Concept>();
for (const file of files) {
  try {
    for (const [id, c] of load(file)) checked.set(id, c);
  } catch (error) {
    problems.push(`${file}: does not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
}
const everything = new Map<string, Concept>();
for (const file of allFiles) {
  try {
    for (const [id, c] of load(file)) {
      const earlier = everything.get(id);
      if (earlier && earlier.file !== file) problems.push(`${short(id)} is defined in ${earlier.file} and ${file}`);
      everything.set(id, c);
    }
  } catch {
    // reported above when checked
  }
}

function short(id: string): string {
  return id.replace('https://kg.techbridge.cn/concept/', 'kg:');
}

const labelOwners = new Map<string, Concept[]>();
for (const c of everything.values()) {
  for (const label of c.labels) {
    const key = `${label.language}|${label.value.toLowerCase().replace(/\s+/g, ' ').trim()}`;
    const owners = labelOwners.get(key) ?? [];
    if (!owners.includes(c)) owners.push(c);
    labelOwners.set(key, owners);
  }
}

let labels = 0;
let english = 0;
const byKind = new Map<string, number>();
let hiddenOnProblems = 0;
let problemCount = 0;
let external = 0;
for (const c of checked.values()) {
  labels += c.labels.length;
  if (c.labels.some((label) => label.predicate === 'prefLabel' && label.language === 'en')) english += 1;
  if (c.kinds.length !== 1 || !KINDS.includes(c.kinds[0] ?? '')) problems.push(`${short(c.id)}: needs exactly one kgo:kind of ${KINDS.map((k) => k.slice(KGO.length)).join('/')}`);
  byKind.set(c.kinds[0]?.slice(KGO.length) ?? '?', (byKind.get(c.kinds[0]?.slice(KGO.length) ?? '?') ?? 0) + 1);
  if (c.labels.filter((label) => label.predicate === 'prefLabel' && label.language === 'zh').length !== 1) {
    problems.push(`${short(c.id)}: needs exactly one prefLabel @zh`);
  }
  if (c.kinds[0] === KGO + 'Problem') {
    problemCount += 1;
    hiddenOnProblems += c.labels.filter((label) => label.predicate === 'hiddenLabel').length;
    if (c.addressedBy.length === 0) problems.push(`${short(c.id)}: a Problem without kgo:addressedBy`);
  } else if (c.addressedBy.length > 0 && c.kinds[0] !== KGO + 'Property') {
    problems.push(`${short(c.id)}: kgo:addressedBy only from a Problem or Property`);
  }
  for (const target of [...c.broader, ...c.links, ...c.addressedBy]) {
    if (!everything.has(target)) {
      external += 1;
      if (!checked.has(target) && allFiles.length === files.length) problems.push(`${short(c.id)} links to ${short(target)}, which no file defines`);
    }
  }
}
for (const [key, owners] of labelOwners) {
  const mine = owners.filter((c) => checked.has(c.id));
  if (owners.length > 1 && mine.length > 0 && owners.some((c) => c.notes === 0)) {
    problems.push(`label "${key.split('|')[1]}"@${key.split('|')[0]} is on ${owners.map((c) => short(c.id)).join(', ')} (add skos:editorialNote on each, or keep it on one)`);
  }
}
// Broader cycles over every file.
const state = new Map<string, 'visiting' | 'done'>();
function visit(id: string, path: string[]): void {
  if (state.get(id) === 'done') return;
  if (state.get(id) === 'visiting') {
    problems.push(`broader cycle: ${[...path.slice(path.indexOf(id)), id].map(short).join(' → ')}`);
    return;
  }
  state.set(id, 'visiting');
  for (const parent of everything.get(id)?.broader ?? []) visit(parent, [...path, id]);
  state.set(id, 'done');
}
for (const id of everything.keys()) visit(id, []);

console.log(
  JSON.stringify({
    files: files.length,
    concepts: checked.size,
    labels,
    labelsPerConcept: Math.round((labels / Math.max(1, checked.size)) * 100) / 100,
    englishPrefLabelShare: Math.round((english / Math.max(1, checked.size)) * 1000) / 1000,
    byKind: Object.fromEntries(byKind),
    hiddenLabelsPerProblem: Math.round((hiddenOnProblems / Math.max(1, problemCount)) * 100) / 100,
    linksToOtherFiles: external,
    allConceptsInAllFiles: everything.size,
  }),
);
for (const problem of problems.slice(0, 200)) console.log(`problem: ${problem}`);
if (problems.length > 200) console.log(`… and ${problems.length - 200} more problems`);
process.exit(problems.length ? 1 : 0);
