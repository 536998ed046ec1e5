import { DEMO_MATCH_HINTS, DEMO_NEEDS } from '@ttm/demo';
import { ConceptAnnotator, seedGraph } from '@ttm/knowledge';
import { AppError, ErrorCode } from '@ttm/errors';
import { EmbeddedSearchEngine, normalizeText, SearchIndex, sharedAnalyzer } from '@ttm/search-engine';
import { COOPERATION_MODE_NAMES, industryByCode, industryName, industryPath, sameCity } from '@ttm/taxonomy';
import { IndexedListing } from '../index/indexed-listing';
import type { ListingIndex } from '../index/listing-index.provider';
import { demoIndexedListings } from './demo-listings';
import { formatWan } from './match-evidence';
import { Match, Matcher } from './matcher';
import { matchingIndex } from '../testing/matching-index';
import { MatchingService } from './matching.service';

jest.setTimeout(60_000);

/**
 * Matching over the demo data on the embedded engine (in memory): the pairs a domain person made
 * (DEMO_MATCH_HINTS) come out on top, and every reason shown is re-checked against both listings.
 */
describe('matching on the demo data', () => {
  const listings = demoIndexedListings();
  const graph = seedGraph();
  // Both listings are annotated again from their texts, independently of the concepts the index holds.
  const annotator = new ConceptAnnotator(graph, (text) => sharedAnalyzer().segments(text));
  const byId = new Map(listings.map((listing) => [listing.id, listing]));
  let engine: EmbeddedSearchEngine;
  let index: SearchIndex<IndexedListing>;
  let matcher: Matcher;

  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ engine, index, matcher, close } = await matchingIndex(listings));
  });

  afterAll(async () => {
    await close();
  });

  const needNumbered = (n: number): IndexedListing => byId.get(DEMO_NEEDS[n - 1].id) as IndexedListing;
  const hintFor = (need: IndexedListing) => DEMO_MATCH_HINTS.find((hint) => hint.needId === need.id);
  const ids = (matches: Match[]) => matches.map((match) => match.listing.id);

  // Five needs from different industries, by their demo number.
  it.each([
    [1, '经编机断纱在线检测与自动停机改造'],
    [6, '服装革无铬鞣制工艺替代'],
    [19, '钙钛矿/晶硅叠层电池中试开发'],
    [30, '1200V碳化硅MOSFET栅氧可靠性提升'],
    [42, '高吸液海藻酸盐医用敷料'],
  ])('need %i %s: the expected results are in the top 3 matches, the expected experts in the top 3 experts', async (n, title) => {
    const need = needNumbered(n);
    expect(need.title).toBe(title);
    const hint = hintFor(need);
    const results = await matcher.match(need, 'RESULT', 5);
    const experts = await matcher.match(need, 'EXPERT', 3);
    expect(ids(results).slice(0, 3)).toEqual(expect.arrayContaining(hint?.resultIds ?? ['missing hint']));
    expect(ids(experts)).toEqual(expect.arrayContaining(hint?.expertIds ?? ['missing hint']));
    expect(results.every((match) => match.listing.kind === 'RESULT')).toBe(true);
    expect(experts.every((match) => match.listing.kind === 'EXPERT')).toBe(true);
  });

  it('finds the expected result in the top five for nearly every demo need', async () => {
    let found = 0;
    let expected = 0;
    for (const hint of DEMO_MATCH_HINTS) {
      const top = ids(await matcher.match(byId.get(hint.needId) as IndexedListing, 'RESULT', 5));
      expected += hint.resultIds.length;
      found += hint.resultIds.filter((id) => top.includes(id)).length;
    }
    expect(found / expected).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the need a result was made for among its matches', async () => {
    const hint = hintFor(needNumbered(19));
    const result = byId.get(hint?.resultIds[0] ?? '') as IndexedListing;
    expect(ids(await matcher.match(result, 'NEED', 3))).toContain(hint?.needId);
  });

  it('scores in [0, 1], best first', async () => {
    const matches = await matcher.match(needNumbered(21), 'RESULT', 10);
    expect(matches.length).toBe(10);
    for (const match of matches) expect(match.score).toBeGreaterThanOrEqual(0);
    for (const match of matches) expect(match.score).toBeLessThanOrEqual(1);
    expect(matches.map((match) => match.score)).toEqual([...matches.map((match) => match.score)].sort((a, b) => b - a));
  });

  it('gives only reasons that are true of the pair (every demo need, result and expert match)', async () => {
    let checked = 0;
    for (const source of listings) {
      const kinds = source.kind === 'NEED' ? (['RESULT', 'EXPERT'] as const) : source.kind === 'RESULT' ? (['NEED'] as const) : [];
      for (const kind of kinds) {
        for (const match of await matcher.match(source, kind, 10)) {
          for (const reason of match.reasons) {
            expect(`${reason} ← ${recheck(reason, source, match.listing)}`).toBe(`${reason} ← true`);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  /** An independent reading of each reason against the two documents: "true" or why not. */
  function recheck(reason: string, source: IndexedListing, candidate: IndexedListing): string {
    const need = source.kind === 'NEED' ? source : candidate;
    const other = source.kind === 'NEED' ? candidate : source;
    const text = (listing: IndexedListing) => normalizeText([listing.title, ...listing.keywords, listing.description].join('\n'));
    let m: RegExpExecArray | null;
    if ((m = /^(关键词匹配|研究方向匹配): (.+)$/.exec(reason))) {
      const missing = m[2].split(', ').filter((term) => !text(source).includes(normalizeText(term)) || !text(candidate).includes(normalizeText(term)));
      return missing.length === 0 ? 'true' : `not in both: ${missing.join(', ')}`;
    }
    if ((m = /^同属行业: (.+)$/.exec(reason))) {
      const common = industryPath(source.industry).filter((industry) => industryPath(candidate.industry).some((other) => other.code === industry.code));
      return common.some((industry) => industry.name === m?.[1]) ? 'true' : `industries ${source.industry} / ${candidate.industry}`;
    }
    if ((m = /^行业对口: (.+) → (.+)$/.exec(reason))) {
      const [provider, user] = [source, candidate].sort((a) => (industryByCode(a.industry)?.serves ? -1 : 1));
      const served = industryByCode(provider.industry)?.serves;
      const ok = served !== undefined && industryPath(user.industry)[0]?.code === served && industryName(provider.industry) === m[1] && industryName(user.industry) === m[2];
      return ok ? 'true' : `industries ${source.industry} / ${candidate.industry}`;
    }
    if ((m = /^成熟度 TRL (\d) ≥ 需求要求 (\d)$/.exec(reason))) {
      return other.kind === 'RESULT' && other.trl === Number(m[1]) && need.trl === Number(m[2]) && Number(m[1]) >= Number(m[2]) ? 'true' : 'TRL mismatch';
    }
    if ((m = /^报价 (\S+) 万在预算 (\S+)–(\S+) 万内$/.exec(reason))) {
      const price = other.askingPrice ?? NaN;
      const ok = formatWan(price) === m[1] && need.budgetMin !== null && need.budgetMax !== null && formatWan(need.budgetMin) === m[2] && formatWan(need.budgetMax) === m[3];
      return ok && price >= (need.budgetMin ?? Infinity) && price <= (need.budgetMax ?? -Infinity) ? 'true' : 'price mismatch';
    }
    if ((m = /^报价 (\S+) 万在预算 (\S+) 万以内$/.exec(reason))) {
      const price = other.askingPrice ?? NaN;
      return formatWan(price) === m[1] && need.budgetMax !== null && formatWan(need.budgetMax) === m[2] && price <= need.budgetMax ? 'true' : 'price mismatch';
    }
    if ((m = /^可(.+) \/ 需求接受(.+)$/.exec(reason))) {
      const modeOf = (name: string) => Object.entries(COOPERATION_MODE_NAMES).find(([, label]) => label === name)?.[0] ?? '?';
      const offered = m[1].split('、').map(modeOf);
      const accepted = m[2].split('、').map(modeOf);
      const ok = offered.every((mode) => other.cooperationModes.includes(mode)) && accepted.every((mode) => need.cooperationModes.includes(mode));
      return ok ? 'true' : 'modes mismatch';
    }
    if ((m = /^同在(.+)$/.exec(reason))) {
      return source.region && candidate.region && sameCity(source.region, candidate.region) === m[1] ? 'true' : 'not the same city';
    }
    if ((m = /^本人成果: (.+)$/.exec(reason))) {
      const owned = listings.some((listing) => listing.kind === 'RESULT' && listing.ownerId === candidate.ownerId && listing.title === m?.[1]);
      return candidate.kind === 'EXPERT' && owned ? 'true' : 'not an own result';
    }
    if ((m = /^(技术概念相同|问题—方法关联|上下位概念|相关概念): (.+?) (→|⊃|↔) (.+)$/.exec(reason)) || (m = /^(技术概念相同): (.+)$/.exec(reason))) {
      return recheckConceptReason(m[1], m[2], m[4] ?? m[2], source, candidate);
    }
    return 'unknown reason';
  }

  /**
   * A concept reason against the graph and a fresh annotation of both listings: the first concept is
   * named in one listing, the second in the other, and the graph links them as the reason says.
   */
  function recheckConceptReason(relation: string, first: string, second: string, source: IndexedListing, candidate: IndexedListing): string {
    const named = (listing: IndexedListing) => new Set(annotator.annotate([listing.title, listing.keywords.join('，'), listing.description].join('\n')).map((a) => a.concept));
    const [inSource, inCandidate] = [named(source), named(candidate)];
    const withLabel = (label: string) => graph.concepts.filter((concept) => graph.label(concept.id) === label).map((concept) => concept.id);
    const linked = (a: string, b: string): boolean => {
      if (relation === '技术概念相同') return a === b;
      if (relation === '问题—方法关联') {
        const targets = [a, ...graph.ancestors(a).slice(0, 2)].flatMap((problem) => graph.addressedBy(problem).map((link) => link.target));
        return targets.includes(b) || targets.some((target) => graph.narrower(target).includes(b));
      }
      if (relation === '上下位概念') return graph.broader(b).includes(a);
      return graph.related(a).includes(b);
    };
    for (const a of withLabel(first)) {
      for (const b of withLabel(second)) {
        const sides = (inSource.has(a) && inCandidate.has(b)) || (inSource.has(b) && inCandidate.has(a));
        if (sides && linked(a, b)) return 'true';
      }
    }
    return `not named on both sides or not linked: ${first} / ${second}`;
  }

  describe('MatchingService', () => {
    let service: MatchingService;
    beforeAll(() => {
      // The real index behind the service's one dependency.
      service = new MatchingService({ index, engine } as unknown as ListingIndex);
    });

    const code = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      return error instanceof AppError ? error.code : error;
    };

    it('answers the three queries with rounded scores, reasons and node references', async () => {
      const need = needNumbered(1);
      const results = await service.matches(need.id, 'NEED', 'RESULT', 3);
      expect(results).toHaveLength(3);
      expect(results[0]).toMatchObject({ kind: 'RESULT', node: { id: results[0].id, kind: 'RESULT' } });
      expect(results[0].reasons.length).toBeGreaterThan(0);
      expect((await service.matches(need.id, 'NEED', 'EXPERT', undefined)).length).toBeLessThanOrEqual(10);
      const result = byId.get(hintFor(need)?.resultIds[0] ?? '') as IndexedListing;
      expect((await service.matches(result.id, 'RESULT', 'NEED', 5)).every((match) => match.kind === 'NEED')).toBe(true);
    });

    it('is NOT_FOUND for a listing that is not published (not in the index) or of another kind', async () => {
      expect(await code(service.matches('00000000-0000-4000-8000-299999999999', 'NEED', 'RESULT', 5))).toBe(ErrorCode.NOT_FOUND);
      expect(await code(service.matches(needNumbered(1).id, 'RESULT', 'NEED', 5))).toBe(ErrorCode.NOT_FOUND);
    });

    it('refuses first outside 1–50 and malformed ids', async () => {
      expect(await code(service.matches(needNumbered(1).id, 'NEED', 'RESULT', 0))).toBe(ErrorCode.BAD_USER_INPUT);
      expect(await code(service.matches(needNumbered(1).id, 'NEED', 'RESULT', 51))).toBe(ErrorCode.BAD_USER_INPUT);
      expect(await code(service.matches('x" OR 1=1', 'NEED', 'RESULT', 5))).toBe(ErrorCode.BAD_USER_INPUT);
    });
  });
});
