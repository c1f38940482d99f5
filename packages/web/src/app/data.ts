import type { Api } from './api';

/** Every item of a paged list (`{ items, cursor }`), page by page. */
export async function allPages<T>(api: Api, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const query = `limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await api.get<{ items: T[]; cursor?: string }>(`${path}${separator}${query}`);
    items.push(...page.body.items);
    cursor = page.body.cursor;
  } while (cursor);
  return items;
}

export interface YoungPerson {
  ref: string;
  displayName: string;
  dateOfBirth: string;
  educationStatus: string;
  agencies: string[];
  keyWorker?: string;
  strengths: string[];
  status: string;
}

export interface ClusterListItem {
  clusterId: string;
  label: string;
  size: number;
  memberRefs: string[];
  stability: number;
  weak: boolean;
  narrative: string;
  change: { status: string; joined: string[]; left: string[]; previousClusterIds: string[] };
  agenda: { position: number; factors: { factor: string; value: number; text: string }[] };
}

/** The week of the partnership's latest completed analysis, if any. */
export async function latestAnalysedWeek(api: Api): Promise<string | undefined> {
  const runs = await api.get<{ items: { week: string; status: string }[] }>('/v1/analyses?limit=50');
  return runs.body.items.find((run) => run.status === 'completed')?.week;
}

/** Age in whole years on a day. */
export function ageOn(dateOfBirth: string, day: Date = new Date()): number {
  const [year = 0, month = 0, date = 0] = dateOfBirth.split('-').map(Number);
  const had = day.getMonth() + 1 > month || (day.getMonth() + 1 === month && day.getDate() >= date);
  return day.getFullYear() - year - (had ? 0 : 1);
}
