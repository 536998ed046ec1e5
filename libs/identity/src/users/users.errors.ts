import { badInput, conflict, forbidden, notFound } from '@ttm/errors';

export const emailTaken = (email: string) =>
  conflict(`email: an account with ${email} already exists; sign in instead, or register with another email`, { field: 'email' });

export const userNotFound = (id: string) => notFound('User', id);

export const cannotDropOwnAdminRole = () =>
  badInput('roles: you cannot remove your own ADMIN role; ask another administrator to do it', { field: 'roles' });

export const lastAdministrator = (displayName: string) =>
  conflict(`roles: ${displayName} is the last administrator; give another account the ADMIN role first, then remove it here`, {
    field: 'roles',
  });

export const noLongerAdministrator = () => forbidden('You are no longer an administrator: sign in again to see what you may do');
