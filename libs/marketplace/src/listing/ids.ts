import { randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Listing ids are uuids, unique across kinds; anything else cannot name a listing. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export const newListingId = (): string => randomUUID();
