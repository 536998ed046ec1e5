import { DEMO_ACCOUNTS, DEMO_CHALLENGES } from '@ttm/demo';
import { inputValidationPipe } from '@ttm/graphql';
import { isUuid } from '../listing/ids';
import { ApplyToChallengeInput, CreateChallengeInput } from './challenge.inputs';
import { demoChallengeRows } from './challenge-demo';
import { effectiveStage } from './challenge-state-machine';

type InputClass = new () => object;

async function problems(metatype: InputClass, value: object): Promise<string | null> {
  try {
    await inputValidationPipe.transform(value, { type: 'body', metatype });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const roleOf = (id: string): string | undefined => DEMO_ACCOUNTS.find((account) => account.id === id)?.role;

describe('demo challenges', () => {
  const now = new Date('2026-06-01T00:00:00.000Z');
  const rows = demoChallengeRows(now);

  it('show every stage a newcomer should see: open, in review (赛马制) and awarded with a milestone paid', () => {
    const stages = rows.challenges.map((challenge) => effectiveStage(challenge, now));
    expect(stages).toEqual(DEMO_CHALLENGES.map((demo) => demo.stage));
    expect(stages).toEqual(expect.arrayContaining(['OPEN', 'REVIEWING', 'AWARDED']));
    expect(rows.milestones.filter((milestone) => milestone.status === 'ACCEPTED' && milestone.paidAt)).not.toHaveLength(0);
    for (const challenge of rows.challenges) {
      expect(challenge.status).toBe('PUBLISHED');
      expect(now.getTime() - (challenge.publishedAt as Date).getTime()).toBeLessThan(90 * 24 * 3600 * 1000);
    }
  });

  it('have unique uuid ids, owners who may publish, applicants who are researchers', () => {
    const ids = [...rows.challenges, ...rows.applications, ...rows.milestones].map((row) => row.id);
    expect(ids.filter((id) => !isUuid(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const demo of DEMO_CHALLENGES) {
      expect(['ENTERPRISE', 'ADMIN']).toContain(roleOf(demo.ownerId));
      const applicants = demo.applications.map((application) => application.applicantId);
      expect(new Set(applicants).size).toBe(applicants.length);
      for (const applicant of applicants) expect(roleOf(applicant)).toBe('RESEARCHER');
    }
  });

  it('follow the rules: quotes within the bounty, shares adding up to 100, one score per indicator, winners within maxWinners', () => {
    for (const demo of DEMO_CHALLENGES) {
      const winners = demo.applications.filter((application) => application.status === 'AWARDED');
      expect(winners.length).toBeLessThanOrEqual(demo.maxWinners);
      expect(winners.length > 0).toBe(demo.stage === 'AWARDED');
      for (const application of demo.applications) {
        expect(application.quote).toBeLessThanOrEqual(demo.bounty);
        expect(application.plan.reduce((sum, planned) => sum + planned.sharePercent, 0)).toBe(100);
        for (const sheet of application.scores) {
          expect(sheet.scores).toHaveLength(demo.indicators.length);
          expect(roleOf(sheet.reviewerId) === 'ADMIN' || sheet.reviewerId === demo.ownerId).toBe(true);
        }
        expect(application.milestones).toHaveLength(application.status === 'AWARDED' ? application.plan.length : 0);
      }
    }
    const paid = rows.milestones.filter((milestone) => milestone.paidAt);
    expect(paid.every((milestone) => milestone.status === 'ACCEPTED')).toBe(true);
  });

  it('pass the same input validation as a person’s challenge and application', async () => {
    const found: Record<string, string> = {};
    for (const demo of DEMO_CHALLENGES) {
      const challenge = rows.challenges.find((row) => row.id === demo.id);
      const problem = await problems(CreateChallengeInput, {
        title: demo.title,
        description: demo.description,
        industry: demo.industry,
        keywords: demo.keywords,
        regionCode: demo.regionCode,
        indicators: demo.indicators,
        bounty: demo.bounty,
        eligibility: demo.eligibility,
        applicationOpensAt: challenge?.applicationOpensAt.toISOString(),
        applicationClosesAt: challenge?.applicationClosesAt.toISOString(),
        deliveryMonths: demo.deliveryMonths,
        allowsMultipleWinners: demo.allowsMultipleWinners,
        maxWinners: demo.maxWinners,
        contact: demo.contact,
        organizationName: demo.organizationName,
      });
      if (problem) found[demo.id] = problem;
      for (const application of demo.applications) {
        const row = rows.applications.find((candidate) => candidate.id === application.id);
        const applicationProblem = await problems(ApplyToChallengeInput, {
          challengeId: demo.id,
          teamName: application.teamName,
          members: application.members,
          technicalRoute: application.technicalRoute,
          milestones: row?.plan,
          quote: application.quote,
          priorResults: application.priorResults,
        });
        if (applicationProblem) found[application.id] = applicationProblem;
      }
    }
    expect(found).toEqual({});
  });
});
