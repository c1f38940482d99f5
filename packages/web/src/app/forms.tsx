import type { ComponentChildren } from 'preact';
import { humanise } from './ui';

/** The options of a list of peermap's words (agencies, kinds, statuses), each in plain words. */
export function HumanisedOptions({
  values,
  labelOf = humanise,
}: {
  values: readonly string[];
  /** The vocabulary's own words for a value, where it has them ("Youth justice service" for `yjs`). */
  labelOf?: ((value: string) => string) | undefined;
}) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {labelOf(value)}
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

/** A labelled choice of one of peermap's words, each in plain words. */
export function WordSelect<T extends string>({
  id,
  label,
  value,
  values,
  disabled,
  labelOf,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  values: readonly T[];
  disabled?: boolean;
  labelOf?: ((value: string) => string) | undefined;
  onChange: (value: T) => void;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const picked = oneOf(values, e.currentTarget.value);
          if (picked !== undefined) onChange(picked);
        }}
      >
        <HumanisedOptions values={values} labelOf={labelOf} />
      </select>
    </>
  );
}

/** The option a form control holds, as its own type (a control's value is only a string). */
export const oneOf = <T extends string>(options: readonly T[], value: string): T | undefined =>
  options.find((option) => option === value);

/** The word for a value (`undefined` for a value without one): any string may be looked up. */
export const wordFor = (words: Readonly<Partial<Record<string, string>>>, value: string): string | undefined =>
  words[value];

/** The options among some values, in the values' order. */
export const allOf = <T extends string>(options: readonly T[], values: readonly string[]): T[] =>
  values.flatMap((value) => options.filter((option) => option === value));

/**
 * The keys of a record keyed by one of peermap's words (`Object.keys` says only `string`; the
 * record's type, from the contract, says which words).
 */
export const keysOf = <K extends string>(record: Readonly<Partial<Record<K, unknown>>>): K[] =>
  Object.keys(record) as K[];

/** Radio buttons for one choice among a few, each with its label; ids are `{name}-{value}`. */
export function RadioChoices<T extends string>({
  name,
  options,
  chosen,
  onChange,
}: {
  name: string;
  options: readonly { value: T; label: ComponentChildren }[];
  chosen: T;
  onChange: (value: T) => void;
}) {
  return (
    <>
      {options.map((option) => (
        <Choice
          key={option.value}
          type="radio"
          id={`${name}-${option.value}`}
          name={name}
          value={option.value}
          checked={chosen === option.value}
          onChange={() => onChange(option.value)}
        >
          {option.label}
        </Choice>
      ))}
    </>
  );
}
