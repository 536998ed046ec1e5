import { ConceptRecord } from '@ttm/knowledge';
import { StoredConcept } from './concept.repository';
import { mergeSeed } from './seed-merge';

const at = new Date('2026-01-15T00:00:00Z');
const concept = (id: string, name: string, extra: Partial<ConceptRecord> = {}): ConceptRecord => ({
  id,
  kind: 'METHOD',
  industries: [],
  labels: [{ type: 'PREF', language: 'zh', value: name }],
  broader: [],
  related: [],
  addressedBy: [],
  notes: [],
  ...extra,
});
const stored = (record: ConceptRecord, curated = false, deleted = false): StoredConcept => ({
  record,
  origin: curated ? 'CURATOR' : 'SEED',
  curatedAt: curated ? at : null,
  deletedAt: deleted ? at : null,
  updatedBy: null,
  updatedAt: at,
});

/** The rule of a seed re-import: the seed never touches what curators edited or deleted; the rest follows it. */
describe('merging the seed files into the stored graph', () => {
  it('adds and updates seed concepts, removes dropped ones, leaves curated ones and tombstones alone', () => {
    const current = new Map(
      [stored(concept('a', '甲')), stored(concept('b', '乙（策展）'), true), stored(concept('c', '丙'), false), stored(concept('d', '丁'), true, true)].map((entry) => [entry.record.id, entry]),
    );
    const merge = mergeSeed(current, [concept('a', '甲（新）'), concept('b', '乙'), concept('d', '丁'), concept('e', '戊')], at);
    expect(merge.problems).toEqual([]);
    expect(merge.written.map((entry) => entry.record.id).sort()).toEqual(['a', 'e']);
    expect(merge.removed).toEqual(['c']);
    expect(merge.next.get('b')?.record.labels[0]?.value).toBe('乙（策展）');
    expect(merge.next.get('d')?.deletedAt).toEqual(at);
  });

  it('gives way to curators: no link to a concept they deleted, no label a curated concept holds', () => {
    const current = new Map([stored(concept('x', '甲'), true, true), stored(concept('y', '乙', { labels: [{ type: 'PREF', language: 'zh', value: '乙' }, { type: 'ALT', language: 'zh', value: '共用' }] }), true)].map((entry) => [entry.record.id, entry]));
    const seed = [concept('z', '丙', { broader: ['x'], labels: [{ type: 'PREF', language: 'zh', value: '丙' }, { type: 'ALT', language: 'zh', value: '共用' }] })];
    const merge = mergeSeed(current, seed, at);
    expect(merge.problems).toEqual([]);
    expect(merge.next.get('z')?.record).toMatchObject({ broader: [], labels: [{ type: 'PREF', language: 'zh', value: '丙' }] });
    expect(merge.adjustments).toHaveLength(2);
  });

  it('keeps the labels the synonym list gave a seed concept', () => {
    const current = new Map([stored(concept('a', '甲', { searchSynonyms: true, labels: [{ type: 'PREF', language: 'zh', value: '甲' }, { type: 'ALT', language: 'zh', value: '甲的别名' }] }))].map((entry) => [entry.record.id, entry]));
    const merge = mergeSeed(current, [concept('a', '甲')], at);
    expect(merge.next.get('a')?.record).toMatchObject({ searchSynonyms: true, labels: [{ value: '甲' }, { type: 'ALT', value: '甲的别名' }] });
  });
});
