import { isUUID } from 'class-validator';
import { randomUUID } from 'node:crypto';


/** Listing ids are uuids, unique across kinds; anything else cannot name a listing. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && isUUID(value);

export const newListingId = (): string => randomUUID();
