import { badInput, conflict, forbidden, notFound } from '@ttm/errors';

/** The challenge domain's client-facing errors, worded once. */
export const ChallengeErrors = {
  challengeNotFound: (id: string) => notFound('Challenge', id),
  applicationNotFound: (id: string) => notFound('Challenge application', id),
  milestoneNotFound: (id: string) => notFound('Milestone', id),
  notReviewer: (verb: string) => forbidden(`Only the publisher of this challenge (or an administrator) can ${verb}`),
  notApplicant: (verb: string) => forbidden(`Only the team that applied (the applicant) can ${verb}`),
  alreadyApplied: (applicationId: string) =>
    conflict(`You have already applied to this challenge (application ${applicationId}); one application per researcher`, { applicationId }),
  publishedNoEdit: () =>
    conflict('A published challenge cannot be changed (applicants rely on its terms): cancel it with cancelChallenge and publish a new one', {
      status: 'PUBLISHED',
    }),
  windowInverted: (opens: Date, closes: Date) =>
    badInput(
      `applicationClosesAt: must be after applicationOpensAt (opens ${opens.toISOString()}, closes ${closes.toISOString()})`,
      { fields: ['applicationClosesAt'] },
    ),
  windowPassed: (closes: Date) =>
    badInput(`applicationClosesAt: ${closes.toISOString()} has passed; set a later closing time before publishing`, {
      fields: ['applicationClosesAt'],
    }),
  maxWinnersInconsistent: (allowsMultipleWinners: boolean, maxWinners: number) =>
    badInput(
      allowsMultipleWinners
        ? `maxWinners: must be at least 2 when allowsMultipleWinners (赛马制) is true (got ${maxWinners})`
        : `maxWinners: must be 1 when allowsMultipleWinners is false (got ${maxWinners}); set allowsMultipleWinners: true for 赛马制`,
      { fields: ['maxWinners'] },
    ),
  quoteOverBounty: (quote: number, bounty: number) =>
    badInput(`quote: ${quote} CNY is more than the bounty of ${bounty} CNY; quote at most the bounty`, { fields: ['quote'] }),
  sharesNot100: (sum: number) =>
    badInput(`milestones: the sharePercent values must add up to 100 (they add up to ${sum})`, { fields: ['milestones'] }),
  dueDateOrder: (index: number) =>
    badInput(`milestones[${index}].dueDate: must not be before the previous milestone's due date (list milestones in order)`, {
      fields: ['milestones'],
    }),
  dueDatePast: (index: number, dueDate: string) =>
    badInput(`milestones[${index}].dueDate: ${dueDate} is not after today`, { fields: ['milestones'] }),
  dueDateBeyondDelivery: (index: number, dueDate: string, last: string) =>
    badInput(`milestones[${index}].dueDate: ${dueDate} is after the end of the delivery period (${last})`, { fields: ['milestones'] }),
  scoreCount: (expected: number, got: number) =>
    badInput(`scores: give exactly one score per indicator (${expected} indicators, ${got} scores), in the indicators' order`, {
      fields: ['scores'],
    }),
  wrongChallenge: (applicationId: string, challengeId: string) =>
    badInput(`applicationId: application ${applicationId} is not an application to challenge ${challengeId}`, { fields: ['applicationId'] }),
};
