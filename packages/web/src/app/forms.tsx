import type { ComponentChildren } from 'preact';
import { humanise } from './ui';

/** The options of a list of peermap's words (agencies, kinds, statuses), each in plain words. */
export function HumanisedOptions({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {humanise(value)}
        </option>
      ))}
    </>
  );
}

/** A radio button or checkbox with its label beside it. */
export function Choice({
  type,
  id,
  checked,
  onChange,
  name,
  value,
  disabled,
  children,
}: {
  type: 'radio' | 'checkbox';
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string;
  value?: string;
  disabled?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class="choice">
      <input
        type={type}
        id={id}
        name={name}
        value={value}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label for={id}>{children}</label>
    </div>
  );
}

/** A table's column headings. */
export function ColumnHeads({ names }: { names: readonly string[] }) {
  return (
    <thead>
      <tr>
        {names.map((name) => (
          <th key={name} scope="col">
            {name}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The list with one item changed. */
export const replaceAt = <T,>(all: readonly T[], index: number, next: T): T[] =>
  all.map((item, i) => (i === index ? next : item));

/** The list without one item. */
export const removeAt = <T,>(all: readonly T[], index: number): T[] => all.filter((_, i) => i !== index);

/** The list with some fields of one item changed. */
export const updateAt = <T extends object>(all: readonly T[], index: number, patch: Partial<T>): T[] =>
  all.map((item, i) => (i === index ? { ...item, ...patch } : item));
