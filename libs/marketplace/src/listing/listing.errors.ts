import { AuthUser } from '@ttm/auth';
import { badInput, conflict, forbidden, notFound } from '@ttm/errors';
import { KIND_LABELS, MarketplaceKind } from './listing-kinds';

/** The listing domain's client-facing errors, worded once. */
export const ListingErrors = {
  notFound: (kind: MarketplaceKind | null, id: string) => notFound(kind ? KIND_LABELS[kind] : 'Listing', id),
  notManager: (kind: MarketplaceKind, verb: string) =>
    forbidden(`Only the owner of this ${KIND_LABELS[kind].toLowerCase()} (or an administrator) can ${verb} it`),
  moderatorsOnly: () => forbidden('Only administrators can approve or reject listings'),
  nullField: (field: string) => badInput(`${field}: cannot be null; leave it out to keep the current value`, { fields: [field] }),
  budgetInverted: (min: number, max: number) =>
    badInput(`budgetMax: must not be less than budgetMin (budgetMin is ${min}, budgetMax ${max})`, { fields: ['budgetMax'] }),
  deadlinePassed: (deadline: string) =>
    badInput(`deadline: ${deadline} has passed; set a date after today before submitting`, { fields: ['deadline'] }),
  openLicenseTermsMissing: () =>
    badInput('openLicenseTerms: required when openLicense is true (state the licence terms)', { fields: ['openLicenseTerms'] }),
  expertProfileExists: (user: AuthUser, existingId: string) =>
    conflict(`You already have an expert profile (${existingId}): change it with updateExpert`, { id: existingId, ownerId: user.id }),
};
