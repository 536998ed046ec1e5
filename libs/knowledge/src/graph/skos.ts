import { DataFactory, Parser, Quad, Quad_Object, Writer } from 'n3';
import { BridgeLink, CONCEPT_KINDS, ConceptKind, ConceptLabel, ConceptRecord, LabelLanguage, LabelType } from './concept';

const { namedNode, literal, quad } = DataFactory;

export const SKOS = 'http://www.w3.org/2004/02/skos/core#';
export const KG = 'https://kg.techbridge.cn/concept/';
export const KGO = 'https://kg.techbridge.cn/ontology#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
export const SCHEME_IRI = `${KG}scheme`;

const LABEL_PREDICATES: Record<string, LabelType> = { [`${SKOS}prefLabel`]: 'PREF', [`${SKOS}altLabel`]: 'ALT', [`${SKOS}hiddenLabel`]: 'HIDDEN' };
const KIND_NAMES: Record<string, ConceptKind> = Object.fromEntries(
  CONCEPT_KINDS.map((kind) => [`${KGO}${kind[0]}${kind.slice(1).toLowerCase()}`, kind]),
);
const KIND_IRIS = Object.fromEntries(Object.entries(KIND_NAMES).map(([iri, kind]) => [kind, iri])) as Record<ConceptKind, string>;

export class SkosFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SkosFormatError';
  }
}

function localName(iri: string): string {
  if (!iri.startsWith(KG)) throw new SkosFormatError(`${iri} is not a concept of this graph (expected ${KG}…)`);
  return iri.slice(KG.length);
}

/** Parses SKOS Turtle (the seed files, an administrator's import) into concept records; refuses what it cannot read. */
export function parseSkos(turtle: string, source = 'input'): ConceptRecord[] {
  let quads: Quad[];
  try {
    quads = new Parser({ format: 'text/turtle' }).parse(turtle);
  } catch (error) {
    throw new SkosFormatError(`${source} is not valid Turtle: ${error instanceof Error ? error.message : String(error)}`);
  }
  const concepts = new Map<string, ConceptRecord & { kinds: ConceptKind[] }>();
  const conceptOf = (iri: string) => {
    const id = localName(iri);
    let concept = concepts.get(id);
    if (!concept) {
      concept = { id, kind: 'FIELD', kinds: [], industries: [], labels: [], broader: [], related: [], addressedBy: [], notes: [] };
      concepts.set(id, concept);
    }
    return concept;
  };
  // A bridge weight other than 1 is written as `kgo:bridge [ kgo:target kg:… ; kgo:weight 1.4 ]` beside the plain link.
  const bridgeNodes = new Map<string, { target?: string; weight?: number }>();
  const weightedBridges: { concept: string; node: string }[] = [];
  for (const { subject, predicate, object } of quads) {
    if (subject.value === SCHEME_IRI) continue;
    const p = predicate.value;
    if (subject.termType === 'BlankNode') {
      const node = bridgeNodes.get(subject.value) ?? {};
      if (p === `${KGO}target`) node.target = localName(object.value);
      else if (p === `${KGO}weight`) node.weight = Number(object.value);
      bridgeNodes.set(subject.value, node);
      continue;
    }
    if (p === RDF_TYPE || p === `${SKOS}inScheme`) {
      if (p === RDF_TYPE && object.value === `${SKOS}Concept`) conceptOf(subject.value);
      continue;
    }
    const concept = conceptOf(subject.value);
    const labelType = LABEL_PREDICATES[p];
    if (labelType) {
      if (object.termType !== 'Literal' || (object.language !== 'zh' && object.language !== 'en')) {
        throw new SkosFormatError(`${source}: ${concept.id} has a label that is not a @zh or @en literal`);
      }
      concept.labels.push({ type: labelType, language: object.language as LabelLanguage, value: object.value.trim() });
    } else if (p === `${KGO}kind`) {
      const kind = KIND_NAMES[object.value];
      if (!kind) throw new SkosFormatError(`${source}: ${concept.id} has an unknown kgo:kind ${object.value}`);
      concept.kinds.push(kind);
    } else if (p === `${KGO}industry`) concept.industries.push(object.value);
    else if (p === `${SKOS}broader`) concept.broader.push(localName(object.value));
    else if (p === `${SKOS}narrower`) conceptOf(object.value).broader.push(concept.id);
    else if (p === `${SKOS}related`) concept.related.push(localName(object.value));
    else if (p === `${KGO}addressedBy`) concept.addressedBy.push({ target: localName(object.value), weight: 1 });
    else if (p === `${SKOS}editorialNote`) concept.notes.push(object.value);
    else if (p === `${KGO}bridge`) weightedBridges.push({ concept: concept.id, node: object.value });
    else if (p === `${KGO}searchSynonyms`) {
      if (object.value === 'true') concept.searchSynonyms = true;
    }
  }
  for (const { concept: id, node } of weightedBridges) {
    const { target, weight } = bridgeNodes.get(node) ?? {};
    if (target === undefined || weight === undefined || !Number.isFinite(weight) || weight <= 0) {
      throw new SkosFormatError(`${source}: ${id} has a kgo:bridge without a kgo:target and a positive kgo:weight`);
    }
    const concept = conceptOf(`${KG}${id}`);
    const link = concept.addressedBy.find((candidate) => candidate.target === target);
    if (link) link.weight = weight;
    else concept.addressedBy.push({ target, weight });
  }
  return [...concepts.values()].map(({ kinds, ...concept }) => {
    if (kinds.length !== 1) throw new SkosFormatError(`${source}: ${concept.id} needs exactly one kgo:kind (has ${kinds.length})`);
    return { ...concept, kind: kinds[0] as ConceptKind, broader: unique(concept.broader), related: unique(concept.related), addressedBy: uniqueLinks(concept.addressedBy) };
  });
}

const unique = (values: string[]) => [...new Set(values)];
function uniqueLinks(links: BridgeLink[]): BridgeLink[] {
  const byTarget = new Map<string, BridgeLink>();
  for (const link of links) if (!byTarget.has(link.target)) byTarget.set(link.target, link);
  return [...byTarget.values()];
}

/** Writes concepts as SKOS Turtle (the export administrators download; parseSkos reads it back unchanged). */
export function writeSkos(concepts: readonly ConceptRecord[]): Promise<string> {
  const writer = new Writer({ prefixes: { skos: SKOS, kg: KG, kgo: KGO } });
  const node = (id: string) => namedNode(`${KG}${id}`);
  writer.addQuad(quad(namedNode(SCHEME_IRI), namedNode(RDF_TYPE), namedNode(`${SKOS}ConceptScheme`)));
  for (const concept of [...concepts].sort((a, b) => a.id.localeCompare(b.id))) {
    const subject = node(concept.id);
    const add = (predicate: string, object: Quad_Object) => writer.addQuad(quad(subject, namedNode(predicate), object));
    add(RDF_TYPE, namedNode(`${SKOS}Concept`));
    add(`${SKOS}inScheme`, namedNode(SCHEME_IRI));
    add(`${KGO}kind`, namedNode(KIND_IRIS[concept.kind]));
    concept.industries.forEach((industry) => add(`${KGO}industry`, literal(industry)));
    const predicateOf: Record<ConceptLabel['type'], string> = { PREF: 'prefLabel', ALT: 'altLabel', HIDDEN: 'hiddenLabel' };
    concept.labels.forEach((label) => add(`${SKOS}${predicateOf[label.type]}`, literal(label.value, label.language)));
    concept.broader.forEach((target) => add(`${SKOS}broader`, node(target)));
    concept.related.forEach((target) => add(`${SKOS}related`, node(target)));
    concept.addressedBy.forEach((link) => add(`${KGO}addressedBy`, node(link.target)));
    for (const link of concept.addressedBy.filter((candidate) => candidate.weight !== 1)) {
      const weight = literal(String(link.weight), namedNode(`${XSD}decimal`));
      add(`${KGO}bridge`, writer.blank([{ predicate: namedNode(`${KGO}target`), object: node(link.target) }, { predicate: namedNode(`${KGO}weight`), object: weight }]));
    }
    concept.notes.forEach((note) => add(`${SKOS}editorialNote`, literal(note, 'zh')));
    if (concept.searchSynonyms) add(`${KGO}searchSynonyms`, literal('true', namedNode(`${XSD}boolean`)));
  }
  return new Promise((resolve, reject) => writer.end((error, result: string) => (error ? reject(error) : resolve(result))));
}
