import { Injectable } from '@nestjs/common';
import { isUserId, MAX_USER_CONTACT_IDS, UserContact, UserContactsPage } from '@ttm/events';
import { ServiceHttpClient } from './service-http.client';

/** Reads users' e-mail addresses from the identity service's internal route (service token). */
@Injectable()
export class IdentityUsersClient {
  constructor(private readonly http: ServiceHttpClient) {}

  /** The contacts of the users found among these ids, by (lower-case) id; unknown users are left out. */
  async contacts(ids: readonly string[]): Promise<Map<string, UserContact>> {
    // An id that is no UUID names nobody, and would make identity refuse the whole list.
    const unique = [...new Set(ids.filter(isUserId).map((id) => id.toLowerCase()))];
    const found = new Map<string, UserContact>();
    for (let start = 0; start < unique.length; start += MAX_USER_CONTACT_IDS) {
      const chunk = unique.slice(start, start + MAX_USER_CONTACT_IDS);
      const page = await this.http.get<UserContactsPage>('identity', '/internal/users', { ids: chunk.join(',') }, 15_000);
      for (const user of page.users) found.set(user.id, user);
    }
    return found;
  }
}
