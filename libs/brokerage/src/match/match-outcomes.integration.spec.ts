import { JwtService } from '@nestjs/jwt';
import { Role, signServiceToken } from '@ttm/auth';
import type { MatchOutcomesPage } from '@ttm/events';
import { MATCH_OUTCOMES_PATH } from '@ttm/events';
import { RunningBrokerage, startBrokerage, TestUser, must } from '../testing/brokerage-test-app';

const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id } }`;
const RESPOND = `mutation ($input: RespondToMatchInput!) { respondToMatch(input: $input) { id status } }`;

/** GET /internal/match-outcomes: the answered matches, in the order they were decided, to service tokens only. */
describe('the match outcome feed (real brokerage, real PostgreSQL)', () => {
  let brokerage: RunningBrokerage;
  let broker: TestUser;
  let enterprise: TestUser;
  let researcher: TestUser;
  let baseUrl: string;

  beforeAll(async () => {
    brokerage = await startBrokerage();
    broker = await brokerage.user(Role.BROKER);
    enterprise = await brokerage.user(Role.ENTERPRISE);
    researcher = await brokerage.user(Role.RESEARCHER);
    baseUrl = `http://127.0.0.1:${(brokerage.app.getHttpServer().address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await brokerage?.close();
  });

  async function ok(document: string, input: Record<string, unknown>, user: TestUser): Promise<Record<string, { id: string }>> {
    const { data, errors } = await brokerage.request<Record<string, { id: string }>>(document, { input }, user);
    expect(errors).toBeUndefined();
    return must(data);
  }

  async function propose(kind: 'RESULT' | 'EXPERT' = 'RESULT'): Promise<{ matchId: string; needId: string; counterpartId: string }> {
    const need = brokerage.directory.add('NEED', enterprise.id);
    const counterpart = brokerage.directory.add(kind, researcher.id);
    const { proposeMatch } = await ok(PROPOSE, { needId: need.id, counterpartId: counterpart.id, note: '技术路线吻合' }, broker);
    return { matchId: proposeMatch.id, needId: need.id, counterpartId: counterpart.id };
  }

  async function outcomes(query: Record<string, string>, token?: string): Promise<{ status: number; body: MatchOutcomesPage }> {
    const url = new URL(`${baseUrl}${MATCH_OUTCOMES_PATH}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    const authorization = token ?? `Bearer ${await signServiceToken(brokerage.app.get(JwtService), 'search')}`;
    const response = await fetch(url, { headers: { authorization } });
    return { status: response.status, body: (await response.json()) as MatchOutcomesPage };
  }

  it('lists decided matches only, in the order they were decided, with the declining side’s reason', async () => {
    const open = await propose();
    const declinedLater = await propose();
    const accepted = await propose('EXPERT');
    await ok(RESPOND, { matchId: accepted.matchId, accept: true }, enterprise);
    await ok(RESPOND, { matchId: declinedLater.matchId, accept: false, declineReason: { code: 'PRICE' } }, enterprise);
    await ok(RESPOND, { matchId: accepted.matchId, accept: true }, researcher);
    const notFit = await propose();
    await ok(RESPOND, { matchId: notFit.matchId, accept: true }, enterprise);
    await ok(RESPOND, { matchId: notFit.matchId, accept: false, declineReason: { code: 'NOT_TECHNICAL_FIT' } }, researcher);

    const { status, body } = await outcomes({});
    expect(status).toBe(200);
    expect(body.outcomes.map((outcome) => outcome.matchId)).toEqual([declinedLater.matchId, accepted.matchId, notFit.matchId]);
    expect(body.outcomes.map((outcome) => outcome.matchId)).not.toContain(open.matchId);
    expect(body.outcomes[0]).toEqual({
      matchId: declinedLater.matchId,
      needId: declinedLater.needId,
      counterpartKind: 'RESULT',
      counterpartId: declinedLater.counterpartId,
      outcome: 'DECLINED',
      declineCode: 'PRICE',
      answeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      cursor: expect.stringMatching(/^\d+$/),
    });
    expect(body.outcomes[1]).toMatchObject({ outcome: 'ACCEPTED', declineCode: null, counterpartKind: 'EXPERT' });
    expect(body.outcomes[2]).toMatchObject({ outcome: 'DECLINED', declineCode: 'NOT_TECHNICAL_FIT' });
    expect(body).toMatchObject({ nextAfter: body.outcomes[2].cursor, hasMore: false });

    // Paging on from a cursor gives the rest, and an empty page keeps the cursor.
    const firstPage = await outcomes({ limit: '1' });
    expect(firstPage.body).toMatchObject({ outcomes: [{ matchId: declinedLater.matchId }], hasMore: true });
    const rest = await outcomes({ after: firstPage.body.nextAfter });
    expect(rest.body.outcomes.map((outcome) => outcome.matchId)).toEqual([accepted.matchId, notFit.matchId]);
    const none = await outcomes({ after: rest.body.nextAfter });
    expect(none.body).toEqual({ outcomes: [], nextAfter: rest.body.nextAfter, hasMore: false });
  });

  it('answers service tokens only, and refuses a malformed cursor', async () => {
    expect((await outcomes({}, `Bearer ${enterprise.token}`)).status).toBe(401);
    expect((await outcomes({}, '')).status).toBe(401);
    expect((await outcomes({ after: 'abc' })).status).toBe(400);
    expect((await outcomes({ limit: '0' })).status).toBe(400);
  });
});
