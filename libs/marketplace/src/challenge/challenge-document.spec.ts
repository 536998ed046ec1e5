import { toListingDocument } from '../listing/listing-document';
import { demoChallengeRows } from './challenge-demo';

describe('the search document of a challenge', () => {
  it('is kind CHALLENGE with its bounty and closing date (China time), and never the contact', () => {
    const [challenge] = demoChallengeRows(new Date('2026-06-01T00:00:00.000Z')).challenges;
    challenge.version = 1;
    challenge.updatedAt = challenge.publishedAt as Date;
    challenge.applicationClosesAt = new Date('2026-07-10T17:30:00.000Z');
    const document = toListingDocument(challenge);
    expect(document).toMatchObject({
      kind: 'CHALLENGE',
      id: challenge.id,
      title: challenge.title,
      bounty: 1_500_000,
      deadline: '2026-07-11',
      organizationName: '海宁恒锦经编有限公司',
      cooperationModes: [],
      askingPrice: null,
      budgetMin: null,
    });
    expect(JSON.stringify(document)).not.toContain(challenge.contact.phone);
  });
});
