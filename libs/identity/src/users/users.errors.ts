import { badInput, conflict, notFound } from '@ttm/errors';

export const emailTaken = (email: string) =>
  conflict(`email: an account with ${email} already exists; sign in instead, or register with another email`, { field: 'email' });

export const userNotFound = (id: string) => notFound('User', id);

export const cannotDropOwnAdminRole = () =>
  badInput('roles: you cannot remove your own ADMIN role; ask another administrator to do it', { field: 'roles' });
