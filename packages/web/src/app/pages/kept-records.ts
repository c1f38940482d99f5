import { useState } from 'preact/hooks';

/**
 * Records as the API last listed them, with each one this page has since made or changed in
 * their place, so a new plan or list joins the others instead of hiding them.
 */
export function useKeptRecords<T extends { id: string }>(listed: readonly T[] | undefined) {
  const [changed, setChanged] = useState<T[]>([]);
  const remember = (record: T) => setChanged((all) => [record, ...all.filter((known) => known.id !== record.id)]);
  const records = listed && [
    ...changed,
    ...listed.filter((record) => !changed.some((known) => known.id === record.id)),
  ];
  return { records, remember };
}
