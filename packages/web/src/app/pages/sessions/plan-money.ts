/** Whole pence as people read money in the United Kingdom: "£1,234.50". */
const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2 });

export const poundsOf = (pence: number): string => POUNDS.format(pence / 100);

/** Pounds as typed in a cost field ("45", "45.5", "£1,200.00") as whole pence; `undefined` for anything else. */
export function penceOf(typed: string): number | undefined {
  const plain = typed.trim().replace(/^£/, '').replaceAll(',', '');
  const match = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(plain);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Whole pence as a cost field shows them to change: "45.50", with no pound sign or thousands commas. */
export const typedPoundsOf = (pence: number | undefined): string =>
  pence === undefined ? '' : `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}`;
