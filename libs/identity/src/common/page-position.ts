import { badInput } from '@ttm/errors';
import { decodeCursor } from '@ttm/graphql';
import { isUuid } from './uuid';

/** Decodes an `after` cursor of a list ordered by (created_at, id), newest first. */
export function pagePosition(after: string): { at: Date; id: string } {
  const cursor = decodeCursor(after);
  const at = new Date(String(cursor.sortValue));
  if (Number.isNaN(at.getTime()) || !isUuid(cursor.id)) {
    throw badInput('The `after` cursor is not valid: pass the endCursor of a previous page unchanged');
  }
  return { at, id: cursor.id };
}
