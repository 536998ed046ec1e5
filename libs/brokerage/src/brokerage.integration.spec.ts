import { Role } from '@ttm/auth';
import { setClock, todayInChina } from '@ttm/clock';
import type { ListingFacts } from '@ttm/events';
import { RunningBrokerage, startBrokerage, TestUser, must } from './testing/brokerage-test-app';

const PROPOSE = `mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id status version mySide } }`;
const RESPOND = `mutation ($input: RespondToMatchInput!) { respondToMatch(input: $input) { id status mySide awaitingMyResponse } }`;
const MATCH = `query ($id: ID!) { match(id: $id) {
  id status acceptedAt awaitingMyResponse introduction { introducedAt broker { id } }
  need { title organizationName owner { id } contact { phone email } response declineReason { code text } }
  counterpart { listingKind title organizationName owner { id } contact { phone email } response respondedAt declineReason { code text } }
  deal { id stage version }
} }`;
const MY_MATCHES = `query ($awaiting: Boolean) { myMatches(awaitingMyResponse: $awaiting) { totalCount edges { node { id } } } }`;
const PROPOSED = `query { proposedMatches { totalCount edges { node { id status } } } }`;
const ADVANCE = `mutation ($input: AdvanceDealInput!) { advanceDeal(input: $input) { id stage version failureReason nextStages } }`;
const REGISTER = `mutation ($input: RegisterContractInput!) { registerContract(input: $input) { id version contract { type amount signedOn parties { name role } } } }`;
const RATE = `mutation ($input: RateBrokerInput!) { rateBroker(input: $input) { stars broker { id } } }`;
const DEAL = `query ($id: ID!) { deal(id: $id) { id stage version canRateBroker activities { action fromStage toStage actor { id } } ratings { stars } } }`;
const BROKER = `query ($id: ID!) { broker(id: $id) { score level stats { matchesProposed dealsOpened dealsCompleted contractValue ratingCount medianFirstResponseHours } } }`;
const RESPONSE_STATS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id matchResponse { answered pending medianResponseHours } } } }`;

type Errors = { message: string; extensions?: { code?: string } }[] | undefined;
const codeOf = (errors: Errors) => errors?.[0]?.extensions?.code;

describe('brokerage over GraphQL (real service, real PostgreSQL)', () => {
  let brokerage: RunningBrokerage;
  let broker: TestUser;
  let otherBroker: TestUser;
  let enterprise: TestUser;
  let researcher: TestUser;
  let outsider: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    brokerage = await startBrokerage();
    broker = await brokerage.user(Role.BROKER);
    otherBroker = await brokerage.user(Role.BROKER);
    enterprise = await brokerage.user(Role.ENTERPRISE);
    researcher = await brokerage.user(Role.RESEARCHER);
    outsider = await brokerage.user(Role.ENTERPRISE);
    admin = await brokerage.user(Role.ADMIN);
  });

  afterAll(async () => {
    await brokerage?.close();
  });

  async function ok<T = Record<string, Record<string, unknown>>>(document: string, variables: Record<string, unknown>, user: TestUser): Promise<T> {
    const { data, errors } = await brokerage.request<T>(document, variables, user);
    expect(errors).toBeUndefined();
    return must(data);
  }

  async function fails(document: string, variables: Record<string, unknown>, user: TestUser | undefined, code: string): Promise<string> {
    const before = await snapshot();
    const { errors } = await brokerage.request(document, variables, user);
    expect(codeOf(errors)).toBe(code);
    expect(await snapshot()).toEqual(before);
    return errors?.[0]?.message ?? '';
  }

  /** Every brokerage row, to prove a refused move changed nothing. */
  async function snapshot(): Promise<Record<string, unknown[]>> {
    const tables = ['matches', 'introductions', 'deals', 'deal_activities', 'contracts', 'broker_ratings'];
    const result: Record<string, unknown[]> = {};
    for (const table of tables) result[table] = await brokerage.sql(`SELECT * FROM brokerage.${table} ORDER BY 1`);
    return result;
  }

  function pair(needOverrides: Partial<ListingFacts> = {}, kind: 'RESULT' | 'EXPERT' = 'RESULT') {
    const need = brokerage.directory.add('NEED', enterprise.id, needOverrides);
    const counterpart = brokerage.directory.add(kind, researcher.id);
    return { need, counterpart };
  }

  async function propose(needOverrides: Partial<ListingFacts> = {}, by = broker): Promise<{ matchId: string; need: ListingFacts; counterpart: ListingFacts }> {
    const { need, counterpart } = pair(needOverrides);
    const { proposeMatch } = await ok(PROPOSE, { input: { needId: need.id, counterpartId: counterpart.id, note: '技术路线吻合，建议对接' } }, by);
    return { matchId: proposeMatch['id'] as string, need, counterpart };
  }

  async function acceptedDeal(): Promise<{ matchId: string; dealId: string }> {
    const { matchId } = await propose();
    await ok(RESPOND, { input: { matchId, accept: true } }, enterprise);
    await ok(RESPOND, { input: { matchId, accept: true } }, researcher);
    const { match } = await ok<{ match: { deal: { id: string } } }>(MATCH, { id: matchId }, broker);
    return { matchId, dealId: match.deal.id };
  }

  describe('proposing', () => {
    it('lets only brokers propose, and only published listings of the right kinds', async () => {
      const { need, counterpart } = pair();
      const input = { needId: need.id, counterpartId: counterpart.id, note: '建议对接' };
      await fails(PROPOSE, { input }, enterprise, 'FORBIDDEN');
      await fails(PROPOSE, { input }, undefined, 'UNAUTHENTICATED');
      const draft = brokerage.directory.add('RESULT', researcher.id, { status: 'DRAFT', publishedAt: null });
      expect(await fails(PROPOSE, { input: { ...input, counterpartId: draft.id } }, broker, 'BAD_USER_INPUT')).toMatch(/DRAFT; only published/);
      const rejected = brokerage.directory.add('NEED', enterprise.id, { status: 'REJECTED' });
      await fails(PROPOSE, { input: { ...input, needId: rejected.id } }, broker, 'BAD_USER_INPUT');
      await fails(PROPOSE, { input: { ...input, needId: counterpart.id, counterpartId: need.id } }, broker, 'BAD_USER_INPUT');
      await fails(PROPOSE, { input: { ...input, needId: '00000000-0000-4000-8000-999999999999' } }, broker, 'NOT_FOUND');
      await fails(PROPOSE, { input: { ...input, note: '' } }, broker, 'BAD_USER_INPUT');
      const own = brokerage.directory.add('RESULT', enterprise.id);
      await fails(PROPOSE, { input: { ...input, counterpartId: own.id } }, broker, 'BAD_USER_INPUT');

      await ok(PROPOSE, { input }, broker);
      expect(await fails(PROPOSE, { input }, otherBroker, 'CONFLICT')).toMatch(/already have a live match/);
    });
  });

  describe('answering', () => {
    it('refuses answers for the other side, by the broker or by outsiders, and a decline without a reason', async () => {
      const { matchId } = await propose();
      await fails(RESPOND, { input: { matchId, accept: true, side: 'COUNTERPART' } }, enterprise, 'FORBIDDEN');
      await fails(RESPOND, { input: { matchId, accept: true, side: 'NEED' } }, researcher, 'FORBIDDEN');
      await fails(RESPOND, { input: { matchId, accept: true } }, broker, 'FORBIDDEN');
      await fails(RESPOND, { input: { matchId, accept: true } }, outsider, 'NOT_FOUND');
      await fails(RESPOND, { input: { matchId, accept: false } }, enterprise, 'BAD_USER_INPUT');
      await fails(RESPOND, { input: { matchId, accept: false, declineReason: { code: 'OTHER' } } }, enterprise, 'BAD_USER_INPUT');
      await fails(RESPOND, { input: { matchId, accept: false, declineReason: { code: 'NOPE' } } }, enterprise, 'BAD_USER_INPUT');
      await fails(RESPOND, { input: { matchId, accept: true, declineReason: { code: 'PRICE' } } }, enterprise, 'BAD_USER_INPUT');

      await ok(RESPOND, { input: { matchId, accept: true } }, enterprise);
      await fails(RESPOND, { input: { matchId, accept: false, declineReason: { code: 'PRICE' } } }, enterprise, 'CONFLICT');
    });

    it('sends the decline reason back to the broker, not to the other party, and closes the match', async () => {
      const { matchId } = await propose();
      await ok(RESPOND, { input: { matchId, accept: true } }, enterprise);
      const { respondToMatch } = await ok(RESPOND, { input: { matchId, accept: false, declineReason: { code: 'OTHER', text: '团队排期已满' } } }, researcher);
      expect(respondToMatch['status']).toBe('DECLINED');
      const seenByBroker = await ok<{ match: { counterpart: { declineReason: unknown }; deal: unknown } }>(MATCH, { id: matchId }, broker);
      expect(seenByBroker.match.counterpart.declineReason).toEqual({ code: 'OTHER', text: '团队排期已满' });
      expect(seenByBroker.match.deal).toBeNull();
      const seenByNeed = await ok<{ match: { counterpart: { declineReason: unknown; contact: unknown } } }>(MATCH, { id: matchId }, enterprise);
      expect(seenByNeed.match.counterpart.declineReason).toBeNull();
      expect(seenByNeed.match.counterpart.contact).toBeNull();
      await fails(RESPOND, { input: { matchId, accept: true } }, researcher, 'CONFLICT');
    });

    it('hides an anonymous need’s publisher and both contacts until both accept, then reveals them and opens a deal', async () => {
      const { matchId, need, counterpart } = await propose({ anonymous: true });
      type View = { match: { need: { organizationName: string | null; owner: { id: string } | null; contact: { phone: string } | null }; counterpart: { contact: { email: string } | null }; deal: unknown; introduction: unknown; awaitingMyResponse: boolean } };
      const before = await ok<View>(MATCH, { id: matchId }, researcher);
      expect(before.match.need).toEqual({ title: need.title, organizationName: null, owner: null, contact: null, response: null, declineReason: null });
      expect(before.match.counterpart.contact).toEqual({ phone: counterpart.contact.phone, email: counterpart.contact.email });
      expect(before.match.awaitingMyResponse).toBe(true);
      const brokerView = await ok<View>(MATCH, { id: matchId }, broker);
      expect(brokerView.match.need.organizationName).toBe(need.organizationName);
      expect(brokerView.match.need.contact).toBeNull();
      expect((await ok<View>(MATCH, { id: matchId }, enterprise)).match.counterpart.contact).toBeNull();
      expect((await ok<{ myMatches: { totalCount: number } }>(MY_MATCHES, { awaiting: true }, researcher)).myMatches.totalCount).toBeGreaterThan(0);

      await ok(RESPOND, { input: { matchId, accept: true } }, researcher);
      const { respondToMatch } = await ok(RESPOND, { input: { matchId, accept: true } }, enterprise);
      expect(respondToMatch['status']).toBe('ACCEPTED');

      const after = await ok<View>(MATCH, { id: matchId }, researcher);
      expect(after.match.need.organizationName).toBe(need.organizationName);
      expect(after.match.need.owner).toEqual({ id: enterprise.id });
      expect(after.match.need.contact).toEqual({ phone: need.contact.phone, email: need.contact.email });
      expect(after.match.deal).toMatchObject({ stage: 'NEGOTIATING', version: 1 });
      expect(after.match.introduction).toMatchObject({ broker: { id: broker.id } });
      expect((await ok<View>(MATCH, { id: matchId }, enterprise)).match.counterpart.contact).toEqual({ phone: counterpart.contact.phone, email: counterpart.contact.email });
      const [intro] = await brokerage.sql<{ broker_id: string; need_owner_id: string; counterpart_owner_id: string }>(
        'SELECT broker_id, need_owner_id, counterpart_owner_id FROM brokerage.introductions WHERE match_id = $1',
        [matchId],
      );
      expect(intro).toEqual({ broker_id: broker.id, need_owner_id: enterprise.id, counterpart_owner_id: researcher.id });
      await fails(MATCH, { id: matchId }, outsider, 'NOT_FOUND');
      expect((await ok<{ match: { need: { contact: unknown } } }>(MATCH, { id: matchId }, admin)).match.need.contact).not.toBeNull();
    });

    it('refuses to accept once a listing is no longer published, and hides a taken-down listing’s contact', async () => {
      const { matchId, counterpart } = await propose();
      await ok(RESPOND, { input: { matchId, accept: true } }, enterprise);
      brokerage.directory.listings.set(counterpart.id, { ...counterpart, status: 'CLOSED' });
      expect(await fails(RESPOND, { input: { matchId, accept: true } }, researcher, 'CONFLICT')).toMatch(/CLOSED now/);
      await ok(RESPOND, { input: { matchId, accept: false, declineReason: { code: 'ALREADY_SOLVED' } } }, researcher);

      const { matchId: acceptedId, counterpart: other } = await propose();
      await ok(RESPOND, { input: { matchId: acceptedId, accept: true } }, enterprise);
      await ok(RESPOND, { input: { matchId: acceptedId, accept: true } }, researcher);
      brokerage.directory.listings.set(other.id, { ...other, status: 'REJECTED' });
      const seen = await ok<{ match: { counterpart: { contact: unknown } } }>(MATCH, { id: acceptedId }, enterprise);
      expect(seen.match.counterpart.contact).toBeNull();
    });

    it('keeps each party’s median response time', async () => {
      const person = await brokerage.user(Role.ENTERPRISE);
      const needs = [0, 1, 2].map(() => brokerage.directory.add('NEED', person.id));
      const ids: string[] = [];
      for (const need of needs) {
        const counterpart = brokerage.directory.add('RESULT', researcher.id);
        const { proposeMatch } = await ok(PROPOSE, { input: { needId: need.id, counterpartId: counterpart.id, note: '建议对接' } }, broker);
        ids.push(proposeMatch['id'] as string);
      }
      // Proposed 1, 3 and 10 hours before the answers: the median is 3 hours.
      for (const [index, hours] of [1, 3, 10].entries()) {
        await brokerage.sql(`UPDATE brokerage.matches SET proposed_at = now() - make_interval(hours => $2) WHERE id = $1`, [ids[index], hours]);
      }
      await ok(RESPOND, { input: { matchId: ids[0], accept: true } }, person);
      await ok(RESPOND, { input: { matchId: ids[1], accept: false, declineReason: { code: 'PRICE' } } }, person);
      await ok(RESPOND, { input: { matchId: ids[2], accept: true } }, person);
      const stats = await ok<{ _entities: { matchResponse: { answered: number; pending: number; medianResponseHours: number } }[] }>(
        RESPONSE_STATS,
        { reps: [{ __typename: 'User', id: person.id }] },
        outsider,
      );
      expect(stats._entities[0].matchResponse.answered).toBe(3);
      expect(stats._entities[0].matchResponse.pending).toBe(0);
      expect(stats._entities[0].matchResponse.medianResponseHours).toBeCloseTo(3, 1);
    });
  });

  describe('deals', () => {
    it('moves through the stages with an activity log, and refuses illegal or stale moves', async () => {
      const { dealId } = await acceptedDeal();
      await fails(ADVANCE, { input: { dealId, expectedVersion: 1, to: 'COMPLETED' } }, broker, 'CONFLICT');
      await fails(ADVANCE, { input: { dealId, expectedVersion: 1, to: 'FAILED' } }, broker, 'BAD_USER_INPUT');
      await fails(ADVANCE, { input: { dealId, expectedVersion: 1, to: 'CONTRACT_SIGNED' } }, outsider, 'NOT_FOUND');
      await fails(ADVANCE, { input: { dealId, expectedVersion: 1, to: 'CONTRACT_SIGNED' } }, admin, 'FORBIDDEN');
      await fails(REGISTER, { input: contractInput(dealId) }, broker, 'CONFLICT');

      const signed = await ok(ADVANCE, { input: { dealId, expectedVersion: 1, to: 'CONTRACT_SIGNED' } }, enterprise);
      expect(signed.advanceDeal).toMatchObject({ stage: 'CONTRACT_SIGNED', version: 2, nextStages: ['COMPLETED', 'FAILED'] });
      const message = await fails(ADVANCE, { input: { dealId, expectedVersion: 1, to: 'FAILED', reason: '价格谈崩' } }, researcher, 'CONFLICT');
      expect(message).toMatch(/now CONTRACT_SIGNED at version 2/);

      await fails(REGISTER, { input: { ...contractInput(dealId), amount: -5 } }, broker, 'BAD_USER_INPUT');
      await fails(REGISTER, { input: { ...contractInput(dealId), amount: 0 } }, broker, 'BAD_USER_INPUT');
      await fails(REGISTER, { input: { ...contractInput(dealId), signedOn: '2999-01-01' } }, broker, 'BAD_USER_INPUT');
      await fails(REGISTER, { input: { ...contractInput(dealId), parties: [{ name: '甲方公司', role: '委托方' }] } }, broker, 'BAD_USER_INPUT');
      await fails(REGISTER, { input: { ...contractInput(dealId), type: 'GIFT' } }, broker, 'BAD_USER_INPUT');
      await fails(REGISTER, { input: contractInput(dealId) }, outsider, 'NOT_FOUND');
      const registered = await ok(REGISTER, { input: contractInput(dealId) }, broker);
      expect(registered.registerContract).toMatchObject({ version: 3, contract: { type: 'TRANSFER', amount: 1200000.5 } });
      await fails(REGISTER, { input: contractInput(dealId) }, enterprise, 'CONFLICT');

      await fails(RATE, { input: { dealId, stars: 5 } }, enterprise, 'CONFLICT');
      await ok(ADVANCE, { input: { dealId, expectedVersion: 3, to: 'COMPLETED' } }, broker);
      await fails(ADVANCE, { input: { dealId, expectedVersion: 4, to: 'FAILED', reason: '反悔' } }, broker, 'CONFLICT');

      const { deal } = await ok<{ deal: { activities: { action: string; toStage: string | null; actor: { id: string } }[] } }>(DEAL, { id: dealId }, researcher);
      expect(deal.activities.map((activity) => [activity.action, activity.toStage, activity.actor.id])).toEqual([
        ['OPENED', 'NEGOTIATING', researcher.id],
        ['STAGE_CHANGED', 'CONTRACT_SIGNED', enterprise.id],
        ['CONTRACT_REGISTERED', null, broker.id],
        ['STAGE_CHANGED', 'COMPLETED', broker.id],
      ]);
    });

    it('takes the contract date of today in China as today at 01:00 China time (17:00 UTC the day before), and tomorrow as the future', async () => {
      const { dealId } = await acceptedDeal();
      await ok(ADVANCE, { input: { dealId, expectedVersion: 1, to: 'CONTRACT_SIGNED' } }, enterprise);
      const restoreClock = setClock(new Date('2030-03-09T17:00:00Z'));
      try {
        expect(await fails(REGISTER, { input: { ...contractInput(dealId), signedOn: '2030-03-11' } }, broker, 'BAD_USER_INPUT')).toBe(
          'signedOn: 2030-03-11 is in the future; register a contract once it is signed',
        );
        const registered = await ok(REGISTER, { input: { ...contractInput(dealId), signedOn: '2030-03-10' } }, broker);
        expect(registered.registerContract).toMatchObject({ version: 3, contract: { signedOn: '2030-03-10' } });
      } finally {
        restoreClock();
      }
    });

    it('applies exactly one of many simultaneous conflicting moves', async () => {
      const { dealId } = await acceptedDeal();
      const moves = [
        { user: broker, to: 'CONTRACT_SIGNED' },
        { user: enterprise, to: 'FAILED', reason: '预算取消' },
        { user: researcher, to: 'CONTRACT_SIGNED' },
        { user: broker, to: 'FAILED', reason: '需求变更' },
        { user: enterprise, to: 'CONTRACT_SIGNED' },
        { user: researcher, to: 'FAILED', reason: '另有合作方' },
      ];
      const results = await Promise.all(
        moves.map((move) => brokerage.request(ADVANCE, { input: { dealId, expectedVersion: 1, to: move.to, reason: move.reason } }, move.user)),
      );
      const applied = results.filter((result) => !result.errors);
      const refused = results.filter((result) => result.errors);
      expect(applied).toHaveLength(1);
      expect(refused.map((result) => codeOf(result.errors))).toEqual(Array(5).fill('CONFLICT'));
      const winner = (applied[0].data as { advanceDeal: { stage: string } }).advanceDeal.stage;
      for (const result of refused) {
        expect(result.errors?.[0]?.message).toContain(`now ${winner} at version 2`);
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', stage: winner, version: 2 });
      }
      const [row] = await brokerage.sql<{ stage: string; version: number }>('SELECT stage, version FROM brokerage.deals WHERE id = $1', [dealId]);
      expect(row).toEqual({ stage: winner, version: 2 });
      const [{ count }] = await brokerage.sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM brokerage.deal_activities WHERE deal_id = $1 AND action = 'STAGE_CHANGED'`,
        [dealId],
      );
      expect(count).toBe(1);
    });
  });

  describe('rating the broker', () => {
    it('lets each party rate once after the deal closes, and nobody else', async () => {
      const { dealId } = await acceptedDeal();
      await ok(ADVANCE, { input: { dealId, expectedVersion: 1, to: 'FAILED', reason: '企业预算调整' } }, enterprise);
      await fails(RATE, { input: { dealId, stars: 6 } }, enterprise, 'BAD_USER_INPUT');
      await fails(RATE, { input: { dealId, stars: 0 } }, enterprise, 'BAD_USER_INPUT');
      await fails(RATE, { input: { dealId, stars: 5 } }, outsider, 'FORBIDDEN');
      await fails(RATE, { input: { dealId, stars: 5 } }, broker, 'FORBIDDEN');
      await fails(RATE, { input: { dealId: '00000000-0000-4000-8000-999999999999', stars: 5 } }, enterprise, 'NOT_FOUND');
      expect((await ok<{ deal: { canRateBroker: boolean } }>(DEAL, { id: dealId }, enterprise)).deal.canRateBroker).toBe(true);
      await ok(RATE, { input: { dealId, stars: 4, comment: '响应及时' } }, enterprise);
      await fails(RATE, { input: { dealId, stars: 5 } }, enterprise, 'CONFLICT');
      await ok(RATE, { input: { dealId, stars: 3 } }, researcher);
      const { deal } = await ok<{ deal: { ratings: { stars: number }[]; canRateBroker: boolean } }>(DEAL, { id: dealId }, enterprise);
      expect(deal.ratings.map((rating) => rating.stars)).toEqual([4, 3]);
      expect(deal.canRateBroker).toBe(false);
    });

    it('scores the broker from its own records', async () => {
      const fresh = await brokerage.user(Role.BROKER);
      const zero = await ok<{ broker: { score: number; level: string } }>(BROKER, { id: fresh.id }, outsider);
      expect(zero.broker).toEqual({ score: 15.6, level: 'JUNIOR', stats: expect.objectContaining({ matchesProposed: 0 }) as unknown });
      await propose({}, fresh);
      const after = await ok<{ broker: { stats: { matchesProposed: number; medianFirstResponseHours: number } } }>(BROKER, { id: fresh.id }, outsider);
      expect(after.broker.stats.matchesProposed).toBe(1);
      // The static listings were published three days before the proposal.
      expect(after.broker.stats.medianFirstResponseHours).toBeCloseTo(72, 0);
      const { proposedMatches } = await ok<{ proposedMatches: { totalCount: number } }>(PROPOSED, {}, fresh);
      expect(proposedMatches.totalCount).toBe(1);

      const { matchId } = await propose({}, fresh);
      await ok(RESPOND, { input: { matchId, accept: false, declineReason: { code: 'PRICE' } } }, enterprise);
      const { broker: withDecline } = await ok<{ broker: { declineReasons: unknown[] } }>(
        `query ($id: ID!) { broker(id: $id) { declineReasons { code count } } }`,
        { id: fresh.id },
        outsider,
      );
      expect(withDecline.declineReasons).toEqual([{ code: 'PRICE', count: 1 }]);
    });
  });
});

function contractInput(dealId: string): Record<string, unknown> {
  return {
    dealId,
    type: 'TRANSFER',
    amount: 1200000.5,
    signedOn: todayInChina(),
    parties: [
      { name: '海宁某经编有限公司', role: '受让方' },
      { name: '浙江某大学', role: '转让方' },
    ],
  };
}
