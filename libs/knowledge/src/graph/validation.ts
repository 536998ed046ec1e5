import { CONCEPT_KINDS, ConceptRecord } from './concept';

export interface GraphProblem {
  concept: string;
  message: string;
}

/** Labels compare after lower-casing and collapsing spaces ("Machine  Vision" = "machine vision"). */
export const labelKey = (value: string): string => value.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * What a graph must satisfy before it is stored or used: one Chinese prefLabel per concept, known
 * kinds, links to concepts that exist, bridge links only from problems (or properties), no broader
 * cycle, and no label (same language) on two concepts unless both carry an editorial note saying why.
 */
export function validateGraph(concepts: readonly ConceptRecord[]): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const ids = new Set<string>();
  for (const concept of concepts) {
    if (ids.has(concept.id)) problems.push({ concept: concept.id, message: 'is defined twice' });
    ids.add(concept.id);
  }
  const labelOwners = new Map<string, ConceptRecord[]>();
  for (const concept of concepts) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(concept.id)) problems.push({ concept: concept.id, message: 'id must be lower-case ASCII words joined by -' });
    if (!CONCEPT_KINDS.includes(concept.kind)) problems.push({ concept: concept.id, message: `unknown kind ${concept.kind}` });
    const zhPref = concept.labels.filter((label) => label.type === 'PREF' && label.language === 'zh');
    if (zhPref.length !== 1) problems.push({ concept: concept.id, message: 'needs exactly one Chinese prefLabel' });
    if (concept.labels.filter((label) => label.type === 'PREF' && label.language === 'en').length > 1) {
      problems.push({ concept: concept.id, message: 'has more than one English prefLabel' });
    }
    for (const label of concept.labels) {
      if (label.value.trim() === '') problems.push({ concept: concept.id, message: 'has an empty label' });
      const key = `${label.language}|${labelKey(label.value)}`;
      const owners = labelOwners.get(key) ?? [];
      if (!owners.includes(concept)) owners.push(concept);
      labelOwners.set(key, owners);
    }
    for (const target of [...concept.broader, ...concept.related, ...concept.addressedBy.map((link) => link.target)]) {
      if (!ids.has(target)) {
        problems.push({ concept: concept.id, message: `links to ${target}, which does not exist` });
      }
    }
    if (concept.addressedBy.length > 0 && concept.kind !== 'PROBLEM' && concept.kind !== 'PROPERTY') {
      problems.push({ concept: concept.id, message: 'only a problem (or a property) can be addressed by something' });
    }
  }
  for (const [key, owners] of labelOwners) {
    if (owners.length > 1 && owners.some((owner) => owner.notes.length === 0)) {
      const [language, value] = key.split('|');
      problems.push({
        concept: owners[0]?.id ?? '',
        message: `label "${value}"@${language} is on ${owners.map((owner) => owner.id).join(', ')}: keep it on one, or add an editorial note on each saying why`,
      });
    }
  }
  problems.push(...broaderCycles(concepts));
  return problems;
}

function broaderCycles(concepts: readonly ConceptRecord[]): GraphProblem[] {
  const byId = new Map(concepts.map((concept) => [concept.id, concept]));
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: GraphProblem[] = [];
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      problems.push({ concept: id, message: `broader cycle: ${[...path.slice(path.indexOf(id)), id].join(' → ')}` });
      return;
    }
    state.set(id, 'visiting');
    for (const parent of byId.get(id)?.broader ?? []) visit(parent, [...path, id]);
    state.set(id, 'done');
  };
  for (const concept of concepts) visit(concept.id, []);
  return problems;
}
