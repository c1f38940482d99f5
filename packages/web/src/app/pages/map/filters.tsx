import { useState } from 'preact/hooks';
import { ageToday, type YoungPerson } from '../../data';
import { HumanisedOptions } from '../../forms';
import { humanise } from '../../ui';
import { useMapView } from './context';
import type { Model } from './model';

/** Which young people the map shows: by open concern, agency and age (an empty choice filters nothing). */
export interface Filters {
  concern: string;
  agency: string;
  minAge: number | undefined;
  maxAge: number | undefined;
}

export function useFilters() {
  const [filters, setFilters] = useState<Filters>({ concern: '', agency: '', minAge: undefined, maxAge: undefined });
  const change = (patch: Partial<Filters>) => setFilters((all) => ({ ...all, ...patch }));
  return { filters, change };
}

export function visiblePeople(people: YoungPerson[], model: Model, filters: Filters): YoungPerson[] {
  const { concern, agency, minAge, maxAge } = filters;
  return people.filter((p) => {
    const age = ageToday(p.dateOfBirth);
    if ((minAge !== undefined && age < minAge) || (maxAge !== undefined && age > maxAge)) return false;
    if (agency && !p.agencies.some((a) => a === agency)) return false;
    if (concern && !model.concernsOf.get(p.ref)?.has(concern)) return false;
    return true;
  });
}

/** An age typed into a filter; an empty field filters nothing. */
const ageOrNone = (text: string) => (text.trim() === '' ? undefined : Number(text));

function AgeFilter({
  id,
  value,
  onChange,
}: {
  id: string;
  value: number | undefined;
  onChange: (age?: number) => void;
}) {
  return (
    <input
      id={id}
      type="number"
      min={0}
      max={25}
      value={value ?? ''}
      onInput={(e) => onChange(ageOrNone(e.currentTarget.value))}
    />
  );
}

export function FilterFields({ filters, onChange }: { filters: Filters; onChange: (patch: Partial<Filters>) => void }) {
  const { data, words } = useMapView();
  const categories = [...new Set(data.concerns.map((c) => c.category))].sort();
  const agencies = [...new Set(data.people.flatMap((p) => p.agencies))].sort();
  return (
    <>
      <label for="filter-concern">Concern</label>
      <select
        id="filter-concern"
        value={filters.concern}
        onChange={(e) => onChange({ concern: e.currentTarget.value })}
      >
        <option value="">Any</option>
        {categories.map((c) => (
          <option key={c} value={c}>
            {words.concernCategories[c] ?? humanise(c)}
          </option>
        ))}
      </select>
      <label for="filter-agency">Agency</label>
      <select id="filter-agency" value={filters.agency} onChange={(e) => onChange({ agency: e.currentTarget.value })}>
        <option value="">Any</option>
        <HumanisedOptions values={agencies} />
      </select>
      <label for="filter-min-age">Age from</label>
      <AgeFilter id="filter-min-age" value={filters.minAge} onChange={(minAge) => onChange({ minAge })} />
      <label for="filter-max-age">to</label>
      <AgeFilter id="filter-max-age" value={filters.maxAge} onChange={(maxAge) => onChange({ maxAge })} />
    </>
  );
}
