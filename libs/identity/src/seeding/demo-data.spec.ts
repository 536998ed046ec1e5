import { Role, SELF_REGISTRABLE_ROLES } from '@ttm/auth';
import { DEMO_ACCOUNTS, DEMO_ORGANIZATIONS, DEMO_PASSWORD } from '@ttm/demo';
import { isRegionCode } from '@ttm/taxonomy';
import { isUuid } from '../common/uuid';
import { creditCodeProblem, normalizeCreditCode } from '../organizations/credit-code';
import { passwordProblem } from '../users/password-policy';

/** The identity service seeds these verbatim; a mistake here would only show at start-up. */
describe('demo accounts and organizations', () => {
  it('use a password the policy accepts', () => {
    expect(passwordProblem(DEMO_PASSWORD)).toBeNull();
  });

  it.each(DEMO_ORGANIZATIONS.map((organization) => [organization.name, organization] as const))('%s is valid', (_name, organization) => {
    expect(isUuid(organization.id)).toBe(true);
    expect(creditCodeProblem(normalizeCreditCode(organization.creditCode))).toBeNull();
    expect(isRegionCode(organization.regionCode)).toBe(true);
    expect(organization.name.length).toBeGreaterThan(0);
    expect(organization.name.length).toBeLessThanOrEqual(100);
  });

  it('have unique ids, credit codes and emails', () => {
    const unique = <T>(values: T[]) => new Set(values).size === values.length;
    expect(unique(DEMO_ORGANIZATIONS.map((organization) => organization.id))).toBe(true);
    expect(unique(DEMO_ORGANIZATIONS.map((organization) => normalizeCreditCode(organization.creditCode)))).toBe(true);
    expect(unique(DEMO_ACCOUNTS.map((account) => account.id))).toBe(true);
    expect(unique(DEMO_ACCOUNTS.map((account) => account.email.toLowerCase()))).toBe(true);
  });

  it.each(DEMO_ACCOUNTS.map((account) => [account.email, account] as const))('%s is valid', (_email, account) => {
    const organizationIds = new Set(DEMO_ORGANIZATIONS.map((organization) => organization.id));
    expect(isUuid(account.id)).toBe(true);
    expect(account.email).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
    expect([...SELF_REGISTRABLE_ROLES, Role.ADMIN]).toContain(account.role);
    expect(account.displayName.length).toBeGreaterThan(0);
    expect(account.displayName.length).toBeLessThanOrEqual(50);
    if (account.organizationId !== null) expect(organizationIds.has(account.organizationId)).toBe(true);
  });
});
