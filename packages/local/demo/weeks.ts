/** The demo weeks shipped in this folder, in the order they happened, with the ISO week each one maps. */
export const DEMO_WEEKS = [
  { folder: 'week-1', week: '2026-W45' },
  { folder: 'week-2', week: '2026-W46' },
  { folder: 'week-3', week: '2026-W47' },
  { folder: 'week-4', week: '2026-W48' },
] as const;
