import { ListingContactInput } from './listing-base.inputs';
import { ContactColumns } from './listing-base.entity';
import { ListingErrors } from './listing.errors';

/** Update inputs leave fields out to keep them; an explicit null is refused for these. */
export function rejectNulls<T extends object>(input: T, fields: readonly (keyof T & string)[]): void {
  for (const field of fields) if (input[field] === null) throw ListingErrors.nullField(field);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Copies the given (not undefined) fields of `patch` onto `entity` where they differ and tells
 * whether anything changed, so an edit that changes nothing does not send a listing back to review.
 */
export function assignChanges<E extends object>(entity: E, patch: { [K in keyof E]?: E[K] | undefined }): boolean {
  let changed = false;
  for (const key of Object.keys(patch) as (keyof E)[]) {
    const value = patch[key];
    if (value === undefined || same(entity[key], value)) continue;
    entity[key] = value as E[keyof E];
    changed = true;
  }
  return changed;
}

export function contactColumns(input: ListingContactInput): ContactColumns {
  return { name: input.name, phone: input.phone, email: input.email };
}

export function optionalContact(input: ListingContactInput | null | undefined): ContactColumns | undefined {
  return input ? contactColumns(input) : undefined;
}
