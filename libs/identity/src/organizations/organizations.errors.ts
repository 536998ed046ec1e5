import { conflict, forbidden, notFound } from '@ttm/errors';

export const organizationNotFound = (id: string) => notFound('Organization', id);

export const creditCodeTaken = (creditCode: string) =>
  conflict(`creditCode: an organization with credit code ${creditCode} is already registered; ask its owner to add you instead`, {
    field: 'creditCode',
  });

export const alreadyInOrganization = (who: string) =>
  conflict(`${who} already belong${who === 'You' ? '' : 's'} to an organization; an account can belong to only one`);

export const notOrganizationOwner = () => forbidden('Only an owner of this organization (or an administrator) may add members');

export const accountNotFoundForEmail = (email: string) =>
  notFound('Account with email', email);
