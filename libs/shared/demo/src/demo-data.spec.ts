import {
  CooperationMode,
  INDUSTRIES,
  TOP_LEVEL_INDUSTRIES,
  industryPath,
  isIndustryCode,
  isRegionCode,
  sameCity,
} from '@ttm/taxonomy';
import {
  DEMO_ACCOUNTS,
  DEMO_ADMIN_EMAIL,
  DEMO_EXPERTS,
  DEMO_MATCH_HINTS,
  DEMO_NEEDS,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_RESULTS,
  DemoContact,
  DemoRole,
} from './index';

// GB 32100-2015: 18 characters from a 31-character alphabet; the last is a check character.
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function creditCodeCheck(first17: string): string {
  const sum = [...first17].reduce((acc, char, i) => acc + CREDIT_ALPHABET.indexOf(char) * CREDIT_WEIGHTS[i], 0);
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

// GB 11714-1997: characters 9–17 of a credit code are the organisation code, itself check-digited.
function organizationCodeCheck(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first8].reduce((acc, char, i) => acc + parseInt(char, 36) * weights[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

// CNIPA patent/application numbers: ZL + year(4) + type(1) + serial(7) + '.' + check, where the
// check is the sum of the 12 digits weighted 2,3,…,9,2,3,4,5 modulo 11 (10 is written X).
const PATENT_PATTERN = /^ZL(\d{4})([123])(\d{7})\.([0-9X])$/;

function patentCheck(digits12: string): string {
  const sum = [...digits12].reduce((acc, digit, i) => acc + Number(digit) * (2 + (i % 8)), 0);
  const check = sum % 11;
  return check === 10 ? 'X' : String(check);
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DOMAIN = '@demo.techbridge.cn';
const PHONE = /^(0\d{2,3}-\d{7,8}|1\d{2}-\d{4}-\d{4})$/;
const MODES = new Set<string>(Object.values(CooperationMode));

const accountsById = new Map(DEMO_ACCOUNTS.map((account) => [account.id, account]));
const organizationsById = new Map(DEMO_ORGANIZATIONS.map((organization) => [organization.id, organization]));
const roleOf = (id: string): DemoRole | undefined => accountsById.get(id)?.role;
const chars = (text: string): number => [...text].length;

function expectContact(contact: DemoContact): void {
  expect(chars(contact.name)).toBeGreaterThanOrEqual(2);
  expect(contact.phone).toMatch(PHONE);
  expect(contact.email.endsWith(DOMAIN)).toBe(true);
}

function expectListingText(listing: { title: string; description: string; keywords: string[] }): void {
  expect(chars(listing.title)).toBeGreaterThanOrEqual(5);
  expect(chars(listing.title)).toBeLessThanOrEqual(80);
  // The API accepts 20–5000 characters; demo content is written to 120–400.
  expect(chars(listing.description)).toBeGreaterThanOrEqual(120);
  expect(chars(listing.description)).toBeLessThanOrEqual(400);
  expect(listing.description).not.toMatch(/lorem|ipsum|TODO|xxx/i);
  expect(listing.keywords.length).toBeGreaterThanOrEqual(3);
  expect(listing.keywords.length).toBeLessThanOrEqual(6);
  expect(new Set(listing.keywords).size).toBe(listing.keywords.length);
  for (const keyword of listing.keywords) {
    expect(keyword).toBe(keyword.trim());
    expect(chars(keyword)).toBeGreaterThanOrEqual(2);
    expect(chars(keyword)).toBeLessThanOrEqual(20);
  }
}

function expectModes(modes: string[]): void {
  expect(modes.length).toBeGreaterThan(0);
  expect(new Set(modes).size).toBe(modes.length);
  for (const mode of modes) expect(MODES.has(mode)).toBe(true);
}

describe('check-character algorithms used by this spec', () => {
  it('computes the GB 32100 check character of a published example', () => {
    // The worked example from GB 32100-2015 Annex: 91350100M000100Y4 → 3.
    expect(creditCodeCheck('91350100M000100Y4')).toBe('3');
  });

  it('computes the GB 11714 organisation-code check digit', () => {
    // The worked example from GB 11714-1997: D2143569-X.
    expect(organizationCodeCheck('D2143569')).toBe('X');
  });

  it('computes the CNIPA patent check digit of granted patents', () => {
    for (const granted of ['ZL201410345054.1', 'ZL201620406833.2', 'ZL201380059792.3']) {
      expect(patentCheck(granted.slice(2, 14))).toBe(granted.slice(-1));
    }
  });
});

describe('demo organisations', () => {
  it('have unique ids, names and credit codes, known regions and the expected mix', () => {
    expect(new Set(DEMO_ORGANIZATIONS.map((o) => o.id)).size).toBe(DEMO_ORGANIZATIONS.length);
    expect(new Set(DEMO_ORGANIZATIONS.map((o) => o.name)).size).toBe(DEMO_ORGANIZATIONS.length);
    expect(new Set(DEMO_ORGANIZATIONS.map((o) => o.creditCode)).size).toBe(DEMO_ORGANIZATIONS.length);
    for (const organization of DEMO_ORGANIZATIONS) {
      expect(organization.id).toMatch(UUID_V4);
      expect(isRegionCode(organization.regionCode)).toBe(true);
    }
    const count = (type: string): number => DEMO_ORGANIZATIONS.filter((o) => o.type === type).length;
    expect(count('ENTERPRISE')).toBeGreaterThanOrEqual(12);
    expect(count('UNIVERSITY') + count('INSTITUTE')).toBeGreaterThanOrEqual(8);
    expect(count('BROKER_AGENCY')).toBe(2);
    // Enterprises are local: every one of them lies in 嘉兴市.
    for (const enterprise of DEMO_ORGANIZATIONS.filter((o) => o.type === 'ENTERPRISE')) {
      expect(sameCity(enterprise.regionCode, '330481')).toBe('嘉兴市');
    }
  });

  it.each(DEMO_ORGANIZATIONS.map((o) => [o.name, o.creditCode]))('%s has a valid credit code %s', (_name, code) => {
    expect(code).toMatch(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/);
    expect(code[17]).toBe(creditCodeCheck(code.slice(0, 17)));
    expect(code[16]).toBe(organizationCodeCheck(code.slice(8, 16)));
  });

  it('uses the registration category that fits the organisation type', () => {
    for (const organization of DEMO_ORGANIZATIONS) {
      const category = organization.creditCode.slice(0, 2);
      expect(category).toBe(organization.type === 'UNIVERSITY' || organization.type === 'INSTITUTE' ? '12' : '91');
    }
  });
});

describe('demo accounts', () => {
  it('have unique uuid-shaped ids and unique emails on the demo domain', () => {
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.id)).size).toBe(DEMO_ACCOUNTS.length);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.email)).size).toBe(DEMO_ACCOUNTS.length);
    for (const account of DEMO_ACCOUNTS) {
      expect(account.id).toMatch(UUID_V4);
      expect(account.email).toMatch(/^[a-z0-9.]+@demo\.techbridge\.cn$/);
      expect(chars(account.displayName)).toBeGreaterThanOrEqual(2);
    }
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(8);
  });

  it('have one administrator and enough people in every role', () => {
    const admins = DEMO_ACCOUNTS.filter((a) => a.role === 'ADMIN');
    expect(admins).toHaveLength(1);
    expect(admins[0]).toMatchObject({ id: '00000000-0000-4000-8000-000000000001', email: DEMO_ADMIN_EMAIL });
    expect(DEMO_ADMIN_EMAIL).toBe('admin@demo.techbridge.cn');
    const count = (role: DemoRole): number => DEMO_ACCOUNTS.filter((a) => a.role === role).length;
    expect(count('ENTERPRISE')).toBeGreaterThanOrEqual(12);
    expect(count('RESEARCHER')).toBeGreaterThanOrEqual(25);
    expect(count('BROKER')).toBeGreaterThanOrEqual(4);
  });

  it('belong to an organisation of the type that fits their role', () => {
    const allowed: Record<DemoRole, string[]> = {
      ADMIN: [],
      ENTERPRISE: ['ENTERPRISE'],
      RESEARCHER: ['UNIVERSITY', 'INSTITUTE'],
      BROKER: ['BROKER_AGENCY'],
    };
    for (const account of DEMO_ACCOUNTS) {
      if (account.organizationId === null) {
        expect(['ADMIN', 'BROKER']).toContain(account.role);
        continue;
      }
      const organization = organizationsById.get(account.organizationId);
      expect(organization).toBeDefined();
      expect(allowed[account.role]).toContain(organization?.type);
    }
    // Every organisation has at least one member.
    for (const organization of DEMO_ORGANIZATIONS) {
      expect(DEMO_ACCOUNTS.some((a) => a.organizationId === organization.id)).toBe(true);
    }
  });
});

describe('ids across kinds', () => {
  it('are uuid v4-shaped and never reused', () => {
    const ids = [
      ...DEMO_ORGANIZATIONS.map((o) => o.id),
      ...DEMO_ACCOUNTS.map((a) => a.id),
      ...DEMO_NEEDS.map((n) => n.id),
      ...DEMO_RESULTS.map((r) => r.id),
      ...DEMO_EXPERTS.map((e) => e.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });
});

describe('demo needs', () => {
  it('are numerous, unique and cover several enterprises', () => {
    expect(DEMO_NEEDS.length).toBeGreaterThanOrEqual(45);
    expect(new Set(DEMO_NEEDS.map((n) => n.title)).size).toBe(DEMO_NEEDS.length);
    expect(new Set(DEMO_NEEDS.map((n) => n.ownerId)).size).toBeGreaterThanOrEqual(12);
    expect(DEMO_NEEDS.filter((n) => n.anonymous).length).toBeGreaterThanOrEqual(3);
  });

  it.each(DEMO_NEEDS.map((n) => [n.title, n]))('%s is well-formed', (_title, need) => {
    expect(roleOf(need.ownerId)).toBe('ENTERPRISE');
    const owner = accountsById.get(need.ownerId);
    expect(organizationsById.get(owner?.organizationId ?? '')?.verified).toBe(true);
    expect(isIndustryCode(need.industry)).toBe(true);
    expect(isRegionCode(need.regionCode)).toBe(true);
    expectListingText(need);
    expect(need.budgetMin).not.toBeNull();
    expect(need.budgetMax).not.toBeNull();
    const min = need.budgetMin ?? 0;
    const max = need.budgetMax ?? 0;
    expect(min).toBeLessThanOrEqual(max);
    expect(min).toBeGreaterThanOrEqual(100_000);
    expect(max).toBeLessThanOrEqual(5_000_000);
    expectModes(need.cooperationModes);
    expect(need.deadline).toMatch(/^2027-\d{2}-\d{2}$/);
    expect(Number.isNaN(Date.parse(need.deadline ?? ''))).toBe(false);
    if (need.minTrl !== null) {
      expect(Number.isInteger(need.minTrl)).toBe(true);
      expect(need.minTrl).toBeGreaterThanOrEqual(1);
      expect(need.minTrl).toBeLessThanOrEqual(9);
    }
    expectContact(need.contact);
  });
});

describe('demo results', () => {
  it('are numerous and unique', () => {
    expect(DEMO_RESULTS.length).toBeGreaterThanOrEqual(85);
    expect(new Set(DEMO_RESULTS.map((r) => r.title)).size).toBe(DEMO_RESULTS.length);
    expect(DEMO_RESULTS.some((r) => r.openLicense)).toBe(true);
  });

  it('never reuse a patent number', () => {
    const patents = DEMO_RESULTS.flatMap((r) => r.patentNumbers);
    expect(new Set(patents).size).toBe(patents.length);
  });

  it.each(DEMO_RESULTS.map((r) => [r.title, r]))('%s is well-formed', (_title, result) => {
    expect(roleOf(result.ownerId)).toBe('RESEARCHER');
    expect(isIndustryCode(result.industry)).toBe(true);
    expect(isRegionCode(result.regionCode)).toBe(true);
    expectListingText(result);
    expect(Number.isInteger(result.trl)).toBe(true);
    expect(result.trl).toBeGreaterThanOrEqual(1);
    expect(result.trl).toBeLessThanOrEqual(9);
    if (result.askingPrice !== null) {
      expect(result.askingPrice).toBeGreaterThanOrEqual(50_000);
      expect(result.askingPrice).toBeLessThanOrEqual(10_000_000);
    }
    expectModes(result.cooperationModes);
    if (result.openLicense) expect(result.cooperationModes).toContain(CooperationMode.LICENSE);
    for (const patent of result.patentNumbers) {
      const match = PATENT_PATTERN.exec(patent);
      expect({ patent, valid: match !== null }).toEqual({ patent, valid: true });
      if (!match) continue;
      const [, year, , , check] = match;
      expect(Number(year)).toBeGreaterThanOrEqual(2015);
      expect(Number(year)).toBeLessThanOrEqual(2024);
      expect({ patent, check }).toEqual({ patent, check: patentCheck(patent.slice(2, 14)) });
    }
    const types = result.patentNumbers.map((patent) => patent[6]);
    if (result.ipType === 'INVENTION_PATENT') expect(types).toContain('1');
    if (result.ipType === 'UTILITY_MODEL') expect(types).toContain('2');
    if (result.ipType === 'DESIGN_PATENT') expect(types).toContain('3');
    expectContact(result.contact);
    // A result sits at its researcher's institution.
    const organization = organizationsById.get(accountsById.get(result.ownerId)?.organizationId ?? '');
    expect(result.regionCode).toBe(organization?.regionCode);
  });
});

describe('demo experts', () => {
  it('are one profile per researcher account', () => {
    expect(DEMO_EXPERTS.length).toBeGreaterThanOrEqual(25);
    const owners = DEMO_EXPERTS.map((e) => e.ownerId);
    expect(new Set(owners).size).toBe(owners.length);
    const researchers = DEMO_ACCOUNTS.filter((a) => a.role === 'RESEARCHER').map((a) => a.id);
    expect(new Set(owners)).toEqual(new Set(researchers));
  });

  it.each(DEMO_EXPERTS.map((e) => [e.name, e]))('%s is well-formed', (_name, expert) => {
    const owner = accountsById.get(expert.ownerId);
    expect(owner?.role).toBe('RESEARCHER');
    expect(owner?.displayName).toBe(expert.name);
    const organization = organizationsById.get(owner?.organizationId ?? '');
    expect(expert.institution).toBe(organization?.name);
    expect(expert.regionCode).toBe(organization?.regionCode);
    expect(isIndustryCode(expert.industry)).toBe(true);
    expect(expert.fields.length).toBeGreaterThanOrEqual(2);
    expect(expert.fields.length).toBeLessThanOrEqual(6);
    expect(chars(expert.bio)).toBeGreaterThanOrEqual(120);
    expect(chars(expert.bio)).toBeLessThanOrEqual(400);
    expect(['教授', '副教授', '研究员', '副研究员', '高级工程师']).toContain(expert.title);
    expectContact(expert.contact);
  });
});

describe('coverage and matchability', () => {
  const topLevelOf = (code: string): string => industryPath(code)[0]?.code ?? '';

  it('spreads listings over every top-level industry, heavier on the city’s main ones', () => {
    const listings = [...DEMO_NEEDS, ...DEMO_RESULTS];
    for (const industry of TOP_LEVEL_INDUSTRIES) {
      expect({ industry: industry.code, found: listings.some((l) => topLevelOf(l.industry) === industry.code) }).toEqual({
        industry: industry.code,
        found: true,
      });
    }
    const per = (code: string): number => listings.filter((l) => topLevelOf(l.industry) === code).length;
    for (const heavy of ['TEXTILE', 'NEW_ENERGY', 'SEMICONDUCTOR', 'EQUIPMENT']) {
      expect(per(heavy)).toBeGreaterThanOrEqual(12);
    }
    // Every textile sub-industry has content.
    for (const sub of INDUSTRIES.filter((i) => i.parent === 'TEXTILE')) {
      expect({ sub: sub.code, found: listings.some((l) => l.industry === sub.code) }).toEqual({ sub: sub.code, found: true });
    }
  });

  it('has the content the search demos rely on', () => {
    const text = (l: { title: string; description: string; keywords: string[] }): string =>
      `${l.title} ${l.description} ${l.keywords.join(' ')}`;
    const needText = DEMO_NEEDS.map(text);
    const resultText = DEMO_RESULTS.map(text);
    // Synonym demo: needs say 光伏电池, results say 太阳能电池 / 太阳电池.
    expect(needText.some((t) => t.includes('光伏电池'))).toBe(true);
    expect(resultText.some((t) => t.includes('太阳能电池'))).toBe(true);
    expect(resultText.some((t) => t.includes('太阳电池'))).toBe(true);
    for (const term of ['钙钛矿', '叠层', '断纱', '经编机']) {
      expect({ term, need: needText.some((t) => t.includes(term)) }).toEqual({ term, need: true });
      expect({ term, result: resultText.some((t) => t.includes(term)) }).toEqual({ term, result: true });
    }
  });

  it('pairs most needs with results and experts that exist and fit', () => {
    const needs = new Map(DEMO_NEEDS.map((n) => [n.id, n]));
    const results = new Map(DEMO_RESULTS.map((r) => [r.id, r]));
    const experts = new Map(DEMO_EXPERTS.map((e) => [e.id, e]));
    expect(DEMO_MATCH_HINTS.length).toBeGreaterThanOrEqual(Math.ceil(DEMO_NEEDS.length * 0.8));
    expect(new Set(DEMO_MATCH_HINTS.map((h) => h.needId)).size).toBe(DEMO_MATCH_HINTS.length);
    for (const hint of DEMO_MATCH_HINTS) {
      expect(needs.has(hint.needId)).toBe(true);
      expect(hint.resultIds.length).toBeGreaterThanOrEqual(1);
      expect(hint.resultIds.length).toBeLessThanOrEqual(3);
      for (const id of hint.resultIds) expect(results.has(id)).toBe(true);
      for (const id of hint.expertIds) expect(experts.has(id)).toBe(true);
      // A paired result shares at least a keyword, a word of the title or the top-level industry.
      const need = needs.get(hint.needId);
      for (const id of hint.resultIds) {
        const result = results.get(id);
        const shared =
          topLevelOf(result?.industry ?? '') === topLevelOf(need?.industry ?? '') ||
          (need?.keywords ?? []).some((k) => `${result?.title}${result?.description}`.includes(k));
        expect({ need: need?.title, result: result?.title, shared }).toEqual({ need: need?.title, result: result?.title, shared: true });
      }
    }
  });
});
