import { ColumnHeads, keysOf, oneOf, removeAt, updateAt } from '../../forms';
import { BUDGET_KIND_WORDS, type BudgetRow, type PlanDraft } from './plan-draft';
import { penceOf, poundsOf } from './plan-money';

const KINDS = keysOf(BUDGET_KIND_WORDS);
const NEW_LINE: BudgetRow = { kind: 'venue', note: '', planned: '', actual: '' };

/** What the typed costs add up to, counting only what reads as money. */
function totalsOf(rows: readonly BudgetRow[]) {
  const planned = rows.reduce((sum, row) => sum + (penceOf(row.planned) ?? 0), 0);
  const recorded = rows.filter((row) => penceOf(row.actual) !== undefined);
  return {
    planned,
    actual: recorded.reduce((sum, row) => sum + (penceOf(row.actual) ?? 0), 0),
    recorded: recorded.length,
  };
}

/** One cost field, in pounds. */
function PoundsInput({ label, value, onInput }: { label: string; value: string; onInput: (value: string) => void }) {
  return (
    <span class="pounds">
      £
      <input
        aria-label={label}
        inputMode="decimal"
        size={9}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </span>
  );
}

/** One line of the budget: its kind, what it is, and its costs in pounds. */
function CostRow({
  row,
  index,
  onlyActual,
  set,
  remove,
}: {
  row: BudgetRow;
  index: number;
  onlyActual: boolean;
  set: (patch: Partial<BudgetRow>) => void;
  remove: () => void;
}) {
  const named = `Cost ${index + 1}`;
  return (
    <tr>
      <td>
        <select
          aria-label={`${named}: kind`}
          value={row.kind}
          disabled={onlyActual}
          onChange={(e) => set({ kind: oneOf(KINDS, e.currentTarget.value) ?? row.kind })}
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {BUDGET_KIND_WORDS[kind]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={`${named}: what it is`}
          value={row.note}
          maxLength={200}
          onInput={(e) => set({ note: e.currentTarget.value })}
        />
      </td>
      <td>
        <PoundsInput
          label={`${named}: planned, in pounds`}
          value={row.planned}
          onInput={(planned) => set({ planned })}
        />
      </td>
      <td>
        <PoundsInput label={`${named}: actual, in pounds`} value={row.actual} onInput={(actual) => set({ actual })} />
      </td>
      <td>
        <button type="button" disabled={onlyActual} onClick={remove}>
          Remove cost {index + 1}
        </button>
      </td>
    </tr>
  );
}

/** What the lines add up to: planned, and what is recorded as spent so far. */
function TotalRow({ rows }: { rows: readonly BudgetRow[] }) {
  const totals = totalsOf(rows);
  return (
    <tfoot>
      <tr>
        <th scope="row" colSpan={2}>
          Total
        </th>
        <td>{poundsOf(totals.planned)}</td>
        <td>
          {totals.recorded > 0
            ? `${poundsOf(totals.actual)} (${totals.recorded} of ${rows.length} recorded)`
            : 'none recorded yet'}
        </td>
        <td />
      </tr>
    </tfoot>
  );
}

/**
 * The practical costs that decide whether a session happens: a line each, planned and (once
 * spent) actual, typed in pounds and kept in whole pence, with the totals.
 */
export function BudgetTable({
  draft,
  onChange,
  onlyActual,
}: {
  draft: PlanDraft;
  onChange: (patch: Partial<PlanDraft>) => void;
  /** A session held or cancelled: only what was spent can still be recorded. */
  onlyActual: boolean;
}) {
  const rows = draft.budget;
  return (
    <>
      <table class="plan-rows budget">
        <caption>Budget</caption>
        <ColumnHeads names={['Kind', 'What it is', 'Planned', 'Actual', '']} />
        <tbody>
          {rows.map((row, index) => (
            <CostRow
              key={`budget-${index}`}
              row={row}
              index={index}
              onlyActual={onlyActual}
              set={(patch) => onChange({ budget: updateAt(rows, index, patch) })}
              remove={() => onChange({ budget: removeAt(rows, index) })}
            />
          ))}
        </tbody>
        <TotalRow rows={rows} />
      </table>
      {!onlyActual && (
        <button type="button" onClick={() => onChange({ budget: [...rows, NEW_LINE] })}>
          Add a cost
        </button>
      )}
    </>
  );
}
