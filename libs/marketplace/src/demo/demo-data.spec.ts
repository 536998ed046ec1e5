import { inputValidationPipe } from '@ttm/graphql';
import { DEMO_EXPERTS, DEMO_NEEDS, DEMO_RESULTS } from '@ttm/demo';
import { CreateExpertInput } from '../expert/expert.inputs';
import { isUuid } from '../listing/ids';
import { CreateNeedInput } from '../need/need.inputs';
import { CreateResultInput } from '../result/result.inputs';
import { must } from '../testing/marketplace-test-app';
import { demoListings, DEMO_OPEN_LICENSE_TERMS } from './demo-seeder';

type InputClass = new () => object;

/** The demo content must pass the same validation as a person's input (deadlines aside: they age). */
async function problems(metatype: InputClass, value: object): Promise<string | null> {
  try {
    await inputValidationPipe.transform(value, { type: 'body', metatype });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('demo listings', () => {
  it('have uuid ids, unique across kinds', () => {
    const ids = [...DEMO_NEEDS, ...DEMO_RESULTS, ...DEMO_EXPERTS].map((listing) => listing.id);
    expect(ids.filter((id) => !isUuid(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('give each researcher at most one expert profile', () => {
    const owners = DEMO_EXPERTS.map((expert) => expert.ownerId);
    expect(new Set(owners).size).toBe(owners.length);
  });

  it('pass the same input validation as a person\'s listings', async () => {
    const found: Record<string, string> = {};
    for (const { id, ownerId: _owner, deadline: _deadline, ...input } of DEMO_NEEDS) {
      const problem = await problems(CreateNeedInput, input);
      if (problem) found[id] = problem;
    }
    for (const { id, ownerId: _owner, ...input } of DEMO_RESULTS) {
      const problem = await problems(CreateResultInput, { ...input, openLicenseTerms: input.openLicense ? DEMO_OPEN_LICENSE_TERMS : null });
      if (problem) found[id] = problem;
    }
    for (const { id, ownerId: _owner, ...input } of DEMO_EXPERTS) {
      const problem = await problems(CreateExpertInput, input);
      if (problem) found[id] = problem;
    }
    expect(found).toEqual({});
  });

  it('are published over the last 90 days', () => {
    const now = new Date('2026-06-01T00:00:00.000Z');
    const listings = demoListings(now);
    expect(listings).toHaveLength(DEMO_NEEDS.length + DEMO_RESULTS.length + DEMO_EXPERTS.length);
    for (const listing of listings) {
      expect(listing.status).toBe('PUBLISHED');
      const age = now.getTime() - must(listing.publishedAt).getTime();
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThan(90 * 24 * 60 * 60 * 1000);
    }
  });
});
