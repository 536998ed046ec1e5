import { createTestDatabase, TestDatabase } from '@ttm/testing';
import { Repository } from 'typeorm';
import { craftedCreditCode, uniqueEmail, withWrongCheckCharacter } from '../testing/fixtures';
import { countRows, dataOf, RunningIdentity, startIdentity } from '../testing/identity-test-app';
import {
  ADD_MEMBER,
  AuthPayloadResult,
  CREATE_ORGANIZATION,
  ENTITIES,
  LOGIN,
  ME,
  ORGANIZATION,
  ORGANIZATIONS,
  REGISTER,
  SET_ROLES,
  UNVERIFY,
  USERS,
  VERIFY,
} from '../testing/operations';

jest.setTimeout(60_000);

const ADMIN = { email: 'admin@identity.test', password: 'Admin-2026-test' };

interface OrganizationResult {
  id: string;
  name: string;
  type: string;
  regionCode: string;
  regionName: string;
  creditCode: string;
  verified: boolean;
  verifiedAt: string | null;
}

describe('organizations, administration and federation over GraphQL (real PostgreSQL)', () => {
  let database: TestDatabase;
  let identity: RunningIdentity;
  let admin: AuthPayloadResult;
  let codes = 0;

  beforeAll(async () => {
    database = await createTestDatabase('identity_orgs');
    identity = await startIdentity(database.url, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    admin = dataOf(await identity.request<{ login: AuthPayloadResult }>(LOGIN, { input: ADMIN })).login;
  });

  afterAll(async () => {
    await identity?.close();
    await database?.drop();
  });

  async function newUser(label: string, role = 'ENTERPRISE'): Promise<AuthPayloadResult> {
    const result = await identity.request<{ register: AuthPayloadResult }>(REGISTER, {
      input: { email: uniqueEmail(label), password: 'Passw0rd!', displayName: label, role },
    });
    expect(result.errors).toBeUndefined();
    return dataOf(result).register;
  }

  function organizationInput(overrides: Record<string, unknown> = {}) {
    codes += 1;
    return { name: '海宁测试经编有限公司', type: 'ENTERPRISE', regionCode: '330481', creditCode: craftedCreditCode(codes), ...overrides };
  }

  async function createOrganization(owner: AuthPayloadResult, overrides: Record<string, unknown> = {}) {
    return identity.request<{ createOrganization: OrganizationResult }>(CREATE_ORGANIZATION, { input: organizationInput(overrides) }, owner.accessToken);
  }

  it('creates an organization whose creator becomes its owner', async () => {
    const owner = await newUser('Owner');
    const input = organizationInput({ creditCode: craftedCreditCode(1000).toLowerCase(), name: '  海宁恒锦经编有限公司 ' });
    const created = await identity.request<{ createOrganization: OrganizationResult }>(CREATE_ORGANIZATION, { input }, owner.accessToken);
    expect(created.errors).toBeUndefined();
    expect(dataOf(created).createOrganization).toMatchObject({
      name: '海宁恒锦经编有限公司',
      type: 'ENTERPRISE',
      regionCode: '330481',
      regionName: '海宁市',
      creditCode: craftedCreditCode(1000),
      verified: false,
      verifiedAt: null,
    });
    const me = await identity.request<{ me: { organizationRole: string; organization: { id: string } } }>(ME, {}, owner.accessToken);
    expect(dataOf(me).me).toMatchObject({ organizationRole: 'OWNER', organization: { id: dataOf(created).createOrganization.id } });

    const again = await createOrganization(owner);
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/already belong/) });
  });

  it('refuses without a token (UNAUTHENTICATED)', async () => {
    const result = await identity.request(CREATE_ORGANIZATION, { input: organizationInput() });
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  describe('refuses bad input with BAD_USER_INPUT and writes nothing', () => {
    const wrong = withWrongCheckCharacter(craftedCreditCode(2000));
    it.each([
      ['a wrong check character', { creditCode: wrong.code }, new RegExp(`creditCode: .*check character should be ${wrong.expected}`)],
      ['a short credit code', { creditCode: '91330481MA27' }, /creditCode: must be 18 characters long/],
      ['a forbidden letter', { creditCode: '91330481MA2T2N7PXO' }, /creditCode: contains "O"/],
      ['an unknown region', { regionCode: '999999' }, /regionCode: "999999" is not a GB\/T 2260 region code/],
      ['an empty name', { name: ' ' }, /name: must be 1–100 characters long/],
      ['an unknown type', { type: 'CLUB' }, /input\.type/],
    ])('%s', async (_case, override, message) => {
      const user = await newUser('BadInput');
      const before = { organizations: await countRows(database.url, 'organizations') };
      const result = await createOrganization(user, override);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(message);
      expect(await countRows(database.url, 'organizations')).toBe(before.organizations);
      const me = await identity.request<{ me: { organization: null } }>(ME, {}, user.accessToken);
      expect(dataOf(me).me.organization).toBeNull();
    });
  });

  it('refuses a credit code that is already registered (CONFLICT), leaving the second user unattached', async () => {
    const first = await newUser('FirstHolder');
    const second = await newUser('SecondHolder');
    const code = craftedCreditCode(3000);
    expect((await createOrganization(first, { creditCode: code })).errors).toBeUndefined();
    const before = await countRows(database.url, 'organizations');
    const duplicate = await createOrganization(second, { creditCode: code });
    expect(duplicate.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/credit code/) });
    expect(await countRows(database.url, 'organizations')).toBe(before);
  });

  it('lets only an owner (or an admin) add members', async () => {
    const owner = await newUser('MemberOwner');
    const organization = dataOf(await createOrganization(owner)).createOrganization;
    const colleague = await newUser('Colleague');
    const outsider = await newUser('Outsider');

    const byOutsider = await identity.request(ADD_MEMBER, { organizationId: organization.id, email: colleague.user.email }, outsider.accessToken);
    expect(byOutsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const added = await identity.request<{ addOrganizationMember: { members: { id: string; email: string | null; organizationRole: string }[] } }>(
      ADD_MEMBER,
      { organizationId: organization.id, email: String(colleague.user.email).toUpperCase() },
      owner.accessToken,
    );
    expect(added.errors).toBeUndefined();
    expect(dataOf(added).addOrganizationMember.members).toEqual([
      { id: owner.user.id, email: owner.user.email, organizationRole: 'OWNER' },
      { id: colleague.user.id, email: null, organizationRole: 'MEMBER' },
    ]);

    const twice = await identity.request(ADD_MEMBER, { organizationId: organization.id, email: colleague.user.email }, owner.accessToken);
    expect(twice.errors?.[0].extensions?.code).toBe('CONFLICT');
    const nobody = await identity.request(ADD_MEMBER, { organizationId: organization.id, email: uniqueEmail('nobody') }, owner.accessToken);
    expect(nobody.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformed = await identity.request(ADD_MEMBER, { organizationId: organization.id, email: 'nope' }, owner.accessToken);
    expect(malformed.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/^email:/) });
    const byAdmin = await identity.request(ADD_MEMBER, { organizationId: organization.id, email: outsider.user.email }, admin.accessToken);
    expect(byAdmin.errors).toBeUndefined();

    // Members are visible to members and admins only.
    const publicView = await identity.request<{ organization: { members: null } }>(ORGANIZATION, { id: organization.id });
    expect(dataOf(publicView).organization.members).toBeNull();
    const memberView = await identity.request<{ organization: { members: { id: string }[] } }>(ORGANIZATION, { id: organization.id }, colleague.accessToken);
    expect(dataOf(memberView).organization.members).toHaveLength(3);
  });

  it('lets only administrators verify organizations', async () => {
    const owner = await newUser('VerifyOwner');
    const organization = dataOf(await createOrganization(owner)).createOrganization;

    const byOwner = await identity.request(VERIFY, { id: organization.id }, owner.accessToken);
    expect(byOwner.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/ADMIN/) });
    const anonymous = await identity.request(VERIFY, { id: organization.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const verified = await identity.request<{ verifyOrganization: { verified: boolean; verifiedAt: string } }>(VERIFY, { id: organization.id }, admin.accessToken);
    expect(dataOf(verified).verifyOrganization.verified).toBe(true);
    expect(Date.parse(dataOf(verified).verifyOrganization.verifiedAt)).toBeGreaterThan(Date.now() - 60_000);

    const unverified = await identity.request<{ unverifyOrganization: { verified: boolean; verifiedAt: null } }>(UNVERIFY, { id: organization.id }, admin.accessToken);
    expect(dataOf(unverified).unverifyOrganization).toMatchObject({ verified: false, verifiedAt: null });

    const missing = await identity.request(VERIFY, { id: '00000000-0000-4000-8000-000000000000' }, admin.accessToken);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const notAnId = await identity.request(ORGANIZATION, { id: 'nope' });
    expect(notAnId.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('pages through organizations and users for administrators', async () => {
    const owners = await Promise.all([1, 2, 3].map((n) => newUser(`Pager${n}`)));
    const created = [];
    for (const owner of owners) created.push(dataOf(await createOrganization(owner)).createOrganization);
    await identity.request(VERIFY, { id: created[1].id }, admin.accessToken);

    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: { data?: { organizations: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } =
        await identity.request(ORGANIZATIONS, { first: 2, after }, admin.accessToken);
      const connection = dataOf(page).organizations;
      total = connection.totalCount;
      seen.push(...connection.edges.map((edge) => edge.node.id));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    // Newest first.
    expect(seen.indexOf(created[2].id)).toBeLessThan(seen.indexOf(created[0].id));

    const verifiedOnly = await identity.request<{ organizations: { edges: { node: { id: string; verified: boolean } }[] } }>(
      ORGANIZATIONS,
      { first: 100, verified: true },
      admin.accessToken,
    );
    expect(dataOf(verifiedOnly).organizations.edges.every((edge) => edge.node.verified)).toBe(true);
    expect(dataOf(verifiedOnly).organizations.edges.map((edge) => edge.node.id)).toContain(created[1].id);

    const forbidden = await identity.request(ORGANIZATIONS, { first: 2 }, owners[0].accessToken);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const tooMany = await identity.request(ORGANIZATIONS, { first: 1000 }, admin.accessToken);
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await identity.request(ORGANIZATIONS, { first: 2, after: 'garbage' }, admin.accessToken);
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const brokers = await identity.request<{ users: { totalCount: number; edges: { node: { roles: string[]; email: string } }[] } }>(
      USERS,
      { first: 100, role: 'ADMIN' },
      admin.accessToken,
    );
    expect(dataOf(brokers).users.edges.map((edge) => edge.node.email)).toEqual([ADMIN.email]);
    expect((await identity.request(USERS, { first: 5 }, owners[0].accessToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('makes administrators only through setUserRoles', async () => {
    const user = await newUser('Promoted', 'BROKER');
    const byUser = await identity.request(SET_ROLES, { userId: user.user.id, roles: ['ADMIN'] }, user.accessToken);
    expect(byUser.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const promoted = await identity.request<{ setUserRoles: { roles: string[] } }>(SET_ROLES, { userId: user.user.id, roles: ['BROKER', 'ADMIN'] }, admin.accessToken);
    expect(dataOf(promoted).setUserRoles.roles).toEqual(['BROKER', 'ADMIN']);
    // The new roles reach tokens at the next sign-in or refresh.
    const relogin = await identity.request<{ login: AuthPayloadResult }>(LOGIN, { input: { email: user.user.email, password: 'Passw0rd!' } });
    expect(dataOf(relogin).login.user.roles).toEqual(['BROKER', 'ADMIN']);

    const empty = await identity.request(SET_ROLES, { userId: user.user.id, roles: [] }, admin.accessToken);
    expect(empty.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/roles: must contain at least one role/) });
    const self = await identity.request(SET_ROLES, { userId: admin.user.id, roles: ['BROKER'] }, admin.accessToken);
    expect(self.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/your own ADMIN role/) });
  });

  it('resolves User and Organization references for the gateway, showing email only to the user or an admin', async () => {
    const owner = await newUser('Federated');
    const organization = dataOf(await createOrganization(owner)).createOrganization;
    const stranger = await newUser('Stranger');
    const representations = [
      { __typename: 'User', id: owner.user.id },
      { __typename: 'User', id: '00000000-0000-4000-8000-000000000000' },
      { __typename: 'User', id: 'not-a-uuid' },
      { __typename: 'Organization', id: organization.id },
      { __typename: 'User', id: stranger.user.id },
    ];
    type Entities = { _entities: ({ id: string; email?: string | null; organization?: { id: string } | null; verified?: boolean } | null)[] };

    const anonymous = await identity.request<Entities>(ENTITIES, { representations });
    expect(anonymous.errors).toBeUndefined();
    expect(dataOf(anonymous)._entities).toEqual([
      { id: owner.user.id, displayName: 'Federated', email: null, organization: { id: organization.id, name: organization.name } },
      null,
      null,
      { id: organization.id, name: organization.name, verified: false },
      { id: stranger.user.id, displayName: 'Stranger', email: null, organization: null },
    ]);

    // One batched query per entity type for the whole request (DataLoader), not one per reference.
    const findBy = jest.spyOn(Repository.prototype, 'findBy');
    try {
      await identity.request<Entities>(ENTITIES, { representations });
      expect(findBy.mock.calls.map(([where]) => Object.keys(where as object))).toEqual([['id'], ['id']]);
    } finally {
      findBy.mockRestore();
    }

    const asOwner = await identity.request<Entities>(ENTITIES, { representations }, owner.accessToken);
    expect(dataOf(asOwner)._entities[0]?.email).toBe(owner.user.email);
    expect(dataOf(asOwner)._entities[4]?.email).toBeNull();
    const asAdmin = await identity.request<Entities>(ENTITIES, { representations }, admin.accessToken);
    expect(dataOf(asAdmin)._entities[4]?.email).toBe(stranger.user.email);

    const sdl = await identity.request<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(dataOf(sdl)._service.sdl).toMatch(/type User[^{]*@key\(fields: "id"\)/);
    expect(dataOf(sdl)._service.sdl).toMatch(/type Organization[^{]*@key\(fields: "id"\)/);
  });
});
