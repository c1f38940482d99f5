import type { Draft } from './ports';

/** What saves whole records at their next version: a repository's `save`. */
interface SavesWhole<T extends { version: number }> {
  save(record: Draft<T>, expectedVersion?: number): Promise<T>;
}

/**
 * `change` for a repository that writes a record whole: the record as read with the patch
 * applied, saved at the version read (or the one the caller read). The store sets the next
 * version, so the version the record was read at never travels in what is saved.
 */
export function saveChange<T extends { version: number }>(
  repository: SavesWhole<T>,
  current: T,
  patch: Partial<Draft<T>>,
  expectedVersion: number = current.version,
): Promise<T> {
  return repository.save({ ...current, ...patch }, expectedVersion);
}
