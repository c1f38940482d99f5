import { ageOn } from '@peermap/domain/age';
import type { Answer, Api } from './api';

export type { ClusterListItem } from '@peermap/contract';
export type { YoungPerson } from '@peermap/domain';

/** What a page of a list asks for: up to `limit` items after `cursor`. */
export type PageQuery = { limit: number; cursor?: string | undefined };

/** Every item of a paged list (`{ items, cursor }`), page by page: `pageOf` asks for one page. */
export async function allPages<T>(
  pageOf: (query: PageQuery) => Promise<Answer<{ items: T[]; cursor?: string | undefined }>>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await pageOf({ limit: 500, cursor });
    items.push(...page.body.items);
    cursor = page.body.cursor;
  } while (cursor);
  return items;
}

/** The week of the partnership's latest completed analysis, if any. */
export async function latestAnalysedWeek(api: Api): Promise<string | undefined> {
  const runs = await api.get('/v1/analyses', { query: { limit: 50 } });
  return runs.body.items.find((run) => run.status === 'completed')?.week;
}

/** Age in whole years today, where the browser is (the domain's rule, on the local day). */
export function ageToday(dateOfBirth: string): number {
  const today = new Date();
  const day = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
  return ageOn(dateOfBirth, day);
}
