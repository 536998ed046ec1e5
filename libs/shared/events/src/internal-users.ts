import { isUUID } from 'class-validator';

/**
 * What the identity service tells other services about its users over its internal HTTP API
 * (`GET /internal/users?ids=…`, service token only): enough to e-mail a notification's recipient.
 * Never exposed through the gateway.
 */
export interface UserContact {
  id: string;
  /** Lower case. */
  email: string;
  displayName: string;
}

export interface UserContactsPage {
  /** The users found, in the order asked; unknown ids are left out. */
  users: UserContact[];
}

/** The most ids one `GET /internal/users` call accepts. */
export const MAX_USER_CONTACT_IDS = 100;

/** User ids are UUIDs; `GET /internal/users` refuses (400) a list holding anything else. */
export const isUserId = (value: string): boolean => isUUID(value);
