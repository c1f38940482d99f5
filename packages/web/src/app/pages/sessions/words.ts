import { dayOf } from '../plan/plan-list';

/** A calendar day (`2026-12-03`) as people say it: "3 December 2026". */
export const dayInWords = (day: string) => dayOf(`${day}T12:00:00Z`);
