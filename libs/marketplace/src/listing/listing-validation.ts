import { isAfterTodayInChina } from '@ttm/clock';
import { isChinesePhone, isIndustryCode, isRegionCode } from '@ttm/taxonomy';
import { Transform, TransformFnParams } from 'class-transformer';
import { registerDecorator, ValidateIf, ValidationArguments, ValidationOptions } from 'class-validator';
import { isValidPatentNumber, normalizePatentNumber } from './patent-number';

/** The limits live with the taxonomy so that the web app's forms share them. */
export { isChinesePhone, LIMITS } from '@ttm/taxonomy';

/** Trims strings; leaves anything else for the validators to refuse. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: TransformFnParams): unknown => (typeof value === 'string' ? value.trim() : value));
}

/** Trims every item of a string list and drops later duplicates (case-insensitively). */
export function cleanList(value: unknown, normalize: (item: string) => string = (item) => item.trim()): unknown {
  if (!Array.isArray(value)) return value;
  const seen = new Set<string>();
  const result: unknown[] = [];
  for (const item of value) {
    if (typeof item !== 'string') {
      result.push(item);
      continue;
    }
    const cleaned = normalize(item);
    const key = cleaned.toLowerCase();
    if (cleaned !== '' && seen.has(key)) continue;
    seen.add(key);
    result.push(cleaned);
  }
  return result;
}

export function CleanList(normalize?: (item: string) => string): PropertyDecorator {
  return Transform(({ value }: TransformFnParams): unknown => cleanList(value, normalize));
}

export const CleanPatentNumbers = (): PropertyDecorator => CleanList(normalizePatentNumber);

/**
 * For update inputs: the field may be left out, but an explicit null is validated (and refused)
 * instead of silently clearing a required value.
 */
export function OptionalButNotNull(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

function stringRule(name: string, test: (value: string) => boolean, message: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName.toString(),
      options: { message, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && test(value) },
    });
}

export const IsIndustryCode = (options?: ValidationOptions) =>
  stringRule('isIndustryCode', isIndustryCode, 'must be an industry code from the taxonomy (e.g. TEXTILE)', options);

export const IsRegionCode = (options?: ValidationOptions) =>
  stringRule('isRegionCode', isRegionCode, 'must be a known GB/T 2260 region code (e.g. 330481)', options);

export const IsChinesePhone = (options?: ValidationOptions) =>
  stringRule(
    'isChinesePhone',
    isChinesePhone,
    'must be a Chinese mobile number (e.g. 13800138000) or landline with area code (e.g. 0573-87654321)',
    options,
  );

export const IsPatentNumber = (options?: ValidationOptions) =>
  stringRule(
    'isPatentNumber',
    isValidPatentNumber,
    'each must be a Chinese patent number like ZL202310123456.7 (4-digit year, type 1/2/3/8/9, 7-digit serial, correct check digit)',
    options,
  );

/** A date after today in China (the shared clock), written YYYY-MM-DD. */
export const IsFutureDate = (options?: ValidationOptions) =>
  stringRule('isFutureDate', (value) => isAfterTodayInChina(value), 'must be a date after today, written YYYY-MM-DD', options);

/** The value must not be less than the sibling `property` when both are given. */
export function NotLessThan(property: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'notLessThan',
      target: target.constructor,
      propertyName: propertyName.toString(),
      constraints: [property],
      options: { message: `must not be less than ${property}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[property];
          return typeof value !== 'number' || typeof other !== 'number' || value >= other;
        },
      },
    });
}

/** Drops repeated values from a list (e.g. cooperation modes). */
export function Unique(): PropertyDecorator {
  return Transform(({ value }: TransformFnParams): unknown => (Array.isArray(value) ? [...new Set(value)] : value));
}
