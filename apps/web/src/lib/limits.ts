/**
 * The API's limits for listing fields (libs/marketplace/src/listing/listing-validation.ts), so forms
 * refuse what the API would refuse before sending it; the API's own message is shown if it still does.
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
} as const;

export const MOBILE_PHONE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
export const LANDLINE_PHONE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;
export const isChinesePhone = (value: string): boolean => MOBILE_PHONE.test(value) || LANDLINE_PHONE.test(value);
