/**
 * Field limits and phone formats of listings: the API validates with them and the web app's forms
 * check them before sending, so both refuse the same input. Plain data, no dependencies.
 */
export const LIMITS = {
  title: { min: 5, max: 80 },
  description: { min: 20, max: 5000 },
  keywords: { min: 1, max: 10, itemMax: 20 },
  organizationName: { max: 100 },
  contactName: { min: 1, max: 30 },
  rejectionReason: { min: 2, max: 500 },
  openLicenseTerms: { min: 10, max: 5000 },
  patentNumbers: { max: 20 },
  expertName: { min: 1, max: 30 },
  institution: { min: 2, max: 100 },
  expertTitle: { min: 1, max: 30 },
  bio: { min: 20, max: 5000 },
  fields: { min: 1, max: 10, itemMax: 20 },
} as const;

/** Limits of 揭榜挂帅 challenges and their applications, scores and milestones. */
export const CHALLENGE_LIMITS = {
  indicators: { min: 1, max: 10 },
  indicatorName: { min: 2, max: 50 },
  targetValue: { min: 1, max: 50 },
  unit: { max: 20 },
  verificationMethod: { min: 4, max: 500 },
  eligibility: { min: 10, max: 2000 },
  deliveryMonths: { min: 1, max: 60 },
  maxWinners: { min: 1, max: 10 },
  teamName: { min: 2, max: 50 },
  members: { min: 1, max: 20 },
  memberName: { min: 1, max: 30 },
  memberTitle: { max: 30 },
  memberOrganization: { min: 2, max: 100 },
  technicalRoute: { min: 20, max: 5000 },
  milestones: { min: 1, max: 10 },
  milestoneTitle: { min: 2, max: 80 },
  deliverable: { min: 5, max: 1000 },
  priorResults: { max: 5000 },
  score: { min: 0, max: 10 },
  comment: { max: 2000 },
  reason: { min: 2, max: 500 },
  submission: { min: 5, max: 5000 },
} as const;

export const MOBILE_PHONE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
export const LANDLINE_PHONE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
export const isChinesePhone = (value: string): boolean => MOBILE_PHONE.test(value) || LANDLINE_PHONE.test(value);

/** The name a user gives a saved search (search service). */
export const SAVED_SEARCH_LIMITS = { name: { min: 1, max: 40 } } as const;
