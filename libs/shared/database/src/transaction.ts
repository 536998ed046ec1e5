import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction. Pass `manager` down to every repository call inside, so that a
 * change and its outbox row commit together or not at all.
 */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}
