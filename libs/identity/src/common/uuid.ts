import { isUUID } from 'class-validator';

/** Ids are UUIDs; anything else cannot name a row (and must not reach a uuid column). */
export const isUuid = (value: string): boolean => isUUID(value);
