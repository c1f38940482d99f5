import { useState } from 'preact/hooks';
import type { PageContext } from '../app';
import { humanise, Loading, PageHeading, ProblemView, useLoad } from '../ui';

type Trigger = { when: 'concern'; categories: string[] } | { when: 'place'; kinds: string[] } | { when: 'always' };

interface Rule {
  id: string;
  trigger: Trigger;
  actions: { description: string; ownerAgency: string; dueInDays: number }[];
}

type CohortCounts = Record<string, number>;

interface Cohort {
  source: string;
  ethnicity: CohortCounts;
  sex: CohortCounts;
  ageBand: CohortCounts;
}

const COHORT_PARTS = [
  ['ethnicity', 'By ethnicity'],
  ['sex', 'By sex'],
  ['ageBand', 'By age band (10-12, 13-15, 16-17)'],
] as const;

/** "White British, 8000" per line, as the census tables give them. */
const linesOf = (counts: CohortCounts | undefined) =>
  Object.entries(counts ?? {})
    .map(([group, count]) => `${group}, ${count}`)
    .join('\n');

function countsOf(text: string, part: string): CohortCounts {
  const counts: CohortCounts = {};
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const match = /^(.+),\s*(\d+)\s*$/.exec(line.trim());
    if (!match?.[1] || !match[2]) throw new Error(`${part}, line ${index + 1}: write a group, a comma and a number.`);
    counts[match[1].trim()] = Number(match[2]);
  }
  return counts;
}

interface Settings {
  name: string;
  cohort: Cohort | null;
  handlingMarking: string;
  actionRules: Rule[];
  languagePhrases: { phrase: string; suggestion: string }[];
  inviteSizeLimit: number;
  reviewAfterWeeks: number;
  removeAfterOverdueWeeks: number;
  version: number;
}

/** The partnership's planning settings: its marking, session size, added phrases and the rules table. */
export function SettingsPage({ api, words }: PageContext) {
  const loaded = useLoad(async () => {
    const answer = await api.get<Settings>('/v1/settings');
    return { settings: answer.body, etag: answer.etag ?? '' };
  }, 'settings');
  if (loaded.error) return <ProblemView error={loaded.error} />;
  if (!loaded.data) return <Loading what="the settings" />;
  return <SettingsForm api={api} words={words} initial={loaded.data.settings} etag={loaded.data.etag} />;
}

function SettingsForm({
  api,
  words,
  initial,
  etag: firstEtag,
}: Pick<PageContext, 'api' | 'words'> & { initial: Settings; etag: string }) {
  // The version the next save names in If-Match: each save answers with the next one.
  const [etag, setEtag] = useState(firstEtag);
  const [marking, setMarking] = useState(initial.handlingMarking);
  const [limit, setLimit] = useState(initial.inviteSizeLimit);
  const [reviewAfter, setReviewAfter] = useState(initial.reviewAfterWeeks);
  const [removeAfter, setRemoveAfter] = useState(initial.removeAfterOverdueWeeks);
  const [phrases, setPhrases] = useState(initial.languagePhrases);
  const [rules, setRules] = useState(initial.actionRules);
  const [cohortSource, setCohortSource] = useState(initial.cohort?.source ?? '');
  const [cohortText, setCohortText] = useState({
    ethnicity: linesOf(initial.cohort?.ethnicity),
    sex: linesOf(initial.cohort?.sex),
    ageBand: linesOf(initial.cohort?.ageBand),
  });
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const changeRule = (index: number, rule: Rule) => setRules((all) => all.map((r, i) => (i === index ? rule : r)));

  const save = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      const cohort = cohortSource.trim()
        ? {
            source: cohortSource.trim(),
            ethnicity: countsOf(cohortText.ethnicity, 'By ethnicity'),
            sex: countsOf(cohortText.sex, 'By sex'),
            ageBand: countsOf(cohortText.ageBand, 'By age band'),
          }
        : undefined;
      const answer = await api.send<Settings>('PATCH', '/v1/settings', {
        json: {
          handlingMarking: marking,
          inviteSizeLimit: limit,
          reviewAfterWeeks: reviewAfter,
          removeAfterOverdueWeeks: removeAfter,
          languagePhrases: phrases,
          actionRules: rules,
          ...(cohort ? { cohort } : {}),
        },
        ifMatch: etag,
      });
      setEtag(answer.etag ?? etag);
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form onSubmit={save}>
      <PageHeading>Settings of {initial.name}</PageHeading>
      <label for="marking">Handling marking on every page and paper</label>
      <input id="marking" value={marking} maxLength={60} onInput={(e) => setMarking(e.currentTarget.value)} />
      <label for="limit">Most carers invited to one Parent Empowerment Session</label>
      <input
        id="limit"
        type="number"
        min={2}
        max={50}
        value={limit}
        onInput={(e) => setLimit(Number(e.currentTarget.value))}
      />
      <label for="review-after">
        Weeks after a young person's last relationship, sighting or concern before review
      </label>
      <input
        id="review-after"
        type="number"
        min={1}
        max={104}
        value={reviewAfter}
        onInput={(e) => setReviewAfter(Number(e.currentTarget.value))}
      />
      <label for="remove-after">Weeks an overdue review may wait before the young person is removed from the map</label>
      <input
        id="remove-after"
        type="number"
        min={1}
        max={26}
        value={removeAfter}
        onInput={(e) => setRemoveAfter(Number(e.currentTarget.value))}
      />

      <fieldset>
        <legend>Words the partnership asks people not to use, with better ones</legend>
        {phrases.map((p, index) => (
          <div class="row" key={`phrase-${index}`}>
            <label for={`phrase-${index}`}>Instead of</label>
            <input
              id={`phrase-${index}`}
              value={p.phrase}
              onInput={(e) =>
                setPhrases((all) => all.map((x, i) => (i === index ? { ...x, phrase: e.currentTarget.value } : x)))
              }
            />
            <label for={`suggestion-${index}`}>say</label>
            <input
              id={`suggestion-${index}`}
              value={p.suggestion}
              onInput={(e) =>
                setPhrases((all) => all.map((x, i) => (i === index ? { ...x, suggestion: e.currentTarget.value } : x)))
              }
            />
            <button type="button" onClick={() => setPhrases((all) => all.filter((_, i) => i !== index))}>
              Remove “{p.phrase || 'new phrase'}”
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setPhrases((all) => [...all, { phrase: '', suggestion: '' }])}>
          Add a phrase
        </button>
      </fieldset>

      <fieldset>
        <legend>The partnership's children, to compare the map with</legend>
        <label for="cohort-source">Where the figures come from</label>
        <input
          id="cohort-source"
          value={cohortSource}
          maxLength={200}
          onInput={(e) => setCohortSource(e.currentTarget.value)}
        />
        {COHORT_PARTS.map(([key, name]) => (
          <div key={key}>
            <label for={`cohort-${key}`}>{name}: one group per line, a comma, then the number of children</label>
            <textarea
              id={`cohort-${key}`}
              rows={4}
              value={cohortText[key]}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setCohortText((all) => ({ ...all, [key]: value }));
              }}
            />
          </div>
        ))}
      </fieldset>

      <h2>The rules that suggest actions for a plan</h2>
      <p>
        Each rule names when it applies and the actions it suggests. Plans drafted from now on use the rules as saved
        here.
      </p>
      {rules.map((rule, index) => (
        <RuleEditor
          key={`rule-${index}`}
          index={index}
          rule={rule}
          words={words}
          onChange={(next) => changeRule(index, next)}
          onRemove={() => setRules((all) => all.filter((_, i) => i !== index))}
        />
      ))}
      <button
        type="button"
        onClick={() =>
          setRules((all) => [
            ...all,
            {
              id: `rule-${all.length + 1}`,
              trigger: { when: 'always' },
              actions: [{ description: '', ownerAgency: 'early_help', dueInDays: 14 }],
            },
          ])
        }
      >
        Add a rule
      </button>
      <div class="actions">
        <button type="submit" class="primary">
          Save the settings
        </button>
      </div>
      {saved && <p role="status">The settings are saved.</p>}
      {error !== undefined && <ProblemView error={error} />}
    </form>
  );
}

function RuleEditor({
  index,
  rule,
  words,
  onChange,
  onRemove,
}: {
  index: number;
  rule: Rule;
  words: PageContext['words'];
  onChange: (rule: Rule) => void;
  onRemove: () => void;
}) {
  const prefix = `rule-${index}`;
  const setWhen = (when: Trigger['when']) =>
    onChange({
      ...rule,
      trigger:
        when === 'concern'
          ? { when, categories: [Object.keys(words.concernCategories)[0] ?? 'missing_episode'] }
          : when === 'place'
            ? { when, kinds: ['abandoned_building'] }
            : { when },
    });
  const chosen =
    rule.trigger.when === 'concern' ? rule.trigger.categories : rule.trigger.when === 'place' ? rule.trigger.kinds : [];
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...chosen, value] : chosen.filter((v) => v !== value);
    if (rule.trigger.when === 'concern') onChange({ ...rule, trigger: { when: 'concern', categories: next } });
    if (rule.trigger.when === 'place') onChange({ ...rule, trigger: { when: 'place', kinds: next } });
  };
  const options =
    rule.trigger.when === 'concern'
      ? Object.entries(words.concernCategories)
      : rule.trigger.when === 'place'
        ? words.locationKinds.map((k) => [k, humanise(k)] as const)
        : [];
  return (
    <fieldset class="rule">
      <legend>Rule {rule.id}</legend>
      <label for={`${prefix}-when`}>Applies</label>
      <select
        id={`${prefix}-when`}
        value={rule.trigger.when}
        onChange={(e) => setWhen(e.currentTarget.value as Trigger['when'])}
      >
        <option value="concern">when a young person in the group has a concern</option>
        <option value="place">when the group gathers at a kind of place</option>
        <option value="always">to every group</option>
      </select>
      {options.length > 0 && (
        <fieldset class="covers">
          <legend>{rule.trigger.when === 'concern' ? 'Concerns' : 'Kinds of place'}</legend>
          {options.map(([value, label]) => (
            <div class="choice" key={value}>
              <input
                type="checkbox"
                id={`${prefix}-${value}`}
                checked={chosen.includes(value)}
                onChange={(e) => toggle(value, e.currentTarget.checked)}
              />
              <label for={`${prefix}-${value}`}>{label}</label>
            </div>
          ))}
        </fieldset>
      )}
      {rule.actions.map((action, a) => (
        <div class="row" key={`${prefix}-action-${a}`}>
          <label for={`${prefix}-action-${a}`}>Action</label>
          <input
            id={`${prefix}-action-${a}`}
            size={50}
            value={action.description}
            onInput={(e) =>
              onChange({
                ...rule,
                actions: rule.actions.map((x, i) => (i === a ? { ...x, description: e.currentTarget.value } : x)),
              })
            }
          />
          <label for={`${prefix}-owner-${a}`}>by</label>
          <select
            id={`${prefix}-owner-${a}`}
            value={action.ownerAgency}
            onChange={(e) =>
              onChange({
                ...rule,
                actions: rule.actions.map((x, i) => (i === a ? { ...x, ownerAgency: e.currentTarget.value } : x)),
              })
            }
          >
            {words.actionOwners.map((o) => (
              <option key={o} value={o}>
                {humanise(o)}
              </option>
            ))}
          </select>
          <label for={`${prefix}-due-${a}`}>within (days)</label>
          <input
            id={`${prefix}-due-${a}`}
            type="number"
            min={0}
            max={365}
            value={action.dueInDays}
            onInput={(e) =>
              onChange({
                ...rule,
                actions: rule.actions.map((x, i) => (i === a ? { ...x, dueInDays: Number(e.currentTarget.value) } : x)),
              })
            }
          />
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange({
            ...rule,
            actions: [...rule.actions, { description: '', ownerAgency: 'early_help', dueInDays: 14 }],
          })
        }
      >
        Add an action to rule {rule.id}
      </button>
      <button type="button" onClick={onRemove}>
        Remove rule {rule.id}
      </button>
    </fieldset>
  );
}
