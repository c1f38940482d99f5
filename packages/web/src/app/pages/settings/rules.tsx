import type { Rule, Trigger } from '../../api-types';
import type { Words } from '../../app';
import { allOf, Choice, keysOf, removeAt, replaceAt, updateAt, WordSelect } from '../../forms';
import { humanise } from '../../ui';

type RuleAction = Rule['actions'][number];

const newRuleAction = (): RuleAction => ({ description: '', ownerAgency: 'early_help', dueInDays: 14 });

/** The rules table: each rule names when it applies and the actions it suggests. */
export function RulesFields({
  rules,
  words,
  onChange,
}: {
  rules: Rule[];
  words: Words;
  onChange: (rules: Rule[]) => void;
}) {
  return (
    <>
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
          onChange={(next) => onChange(replaceAt(rules, index, next))}
          onRemove={() => onChange(removeAt(rules, index))}
        />
      ))}
      <button
        type="button"
        onClick={() =>
          onChange([
            ...rules,
            { id: `rule-${rules.length + 1}`, trigger: { when: 'always' }, actions: [newRuleAction()] },
          ])
        }
      >
        Add a rule
      </button>
    </>
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
  words: Words;
  onChange: (rule: Rule) => void;
  onRemove: () => void;
}) {
  const prefix = `rule-${index}`;
  const changeAction = (a: number, patch: Partial<RuleAction>) =>
    onChange({ ...rule, actions: updateAt(rule.actions, a, patch) });
  return (
    <fieldset class="rule">
      <legend>Rule {rule.id}</legend>
      <TriggerFields
        prefix={prefix}
        trigger={rule.trigger}
        words={words}
        onChange={(trigger) => onChange({ ...rule, trigger })}
      />
      {rule.actions.map((action, a) => (
        <RuleActionRow
          key={`${prefix}-action-${a}`}
          prefix={prefix}
          index={a}
          action={action}
          words={words}
          onChange={(patch) => changeAction(a, patch)}
        />
      ))}
      <button type="button" onClick={() => onChange({ ...rule, actions: [...rule.actions, newRuleAction()] })}>
        Add an action to rule {rule.id}
      </button>
      <button type="button" onClick={onRemove}>
        Remove rule {rule.id}
      </button>
    </fieldset>
  );
}

/** A new trigger of a kind, with a first choice so that it names something. */
function triggerOf(when: Trigger['when'], words: Words): Trigger {
  if (when === 'concern') return { when, categories: [keysOf(words.concernCategories)[0] ?? 'missing_episode'] };
  if (when === 'place') return { when, kinds: ['abandoned_building'] };
  return { when };
}

/** The values a trigger names (concerns or kinds of place), and those it may name, each with its label. */
function choicesOf(trigger: Trigger, words: Words): { chosen: string[]; options: (readonly [string, string])[] } {
  if (trigger.when === 'concern')
    return { chosen: trigger.categories, options: Object.entries(words.concernCategories) };
  if (trigger.when === 'place')
    return { chosen: trigger.kinds, options: words.locationKinds.map((k) => [k, humanise(k)] as const) };
  return { chosen: [], options: [] };
}

/** The same trigger naming other values. */
function withChosen(trigger: Trigger, next: string[], words: Words): Trigger {
  if (trigger.when === 'concern') return { when: 'concern', categories: allOf(keysOf(words.concernCategories), next) };
  if (trigger.when === 'place') return { when: 'place', kinds: allOf(words.locationKinds, next) };
  return trigger;
}

function TriggerFields({
  prefix,
  trigger,
  words,
  onChange,
}: {
  prefix: string;
  trigger: Trigger;
  words: Words;
  onChange: (trigger: Trigger) => void;
}) {
  const { chosen, options } = choicesOf(trigger, words);
  const toggle = (value: string, on: boolean) =>
    trigger.when !== 'always' &&
    onChange(withChosen(trigger, on ? [...chosen, value] : chosen.filter((v) => v !== value), words));
  return (
    <>
      <label for={`${prefix}-when`}>Applies</label>
      <select
        id={`${prefix}-when`}
        value={trigger.when}
        onChange={(e) => onChange(triggerOf(e.currentTarget.value as Trigger['when'], words))}
      >
        <option value="concern">when a young person in the group has a concern</option>
        <option value="place">when the group gathers at a kind of place</option>
        <option value="always">to every group</option>
      </select>
      {options.length > 0 && (
        <fieldset class="covers">
          <legend>{trigger.when === 'concern' ? 'Concerns' : 'Kinds of place'}</legend>
          {options.map(([value, label]) => (
            <Choice
              key={value}
              type="checkbox"
              id={`${prefix}-${value}`}
              checked={chosen.includes(value)}
              onChange={(on) => toggle(value, on)}
            >
              {label}
            </Choice>
          ))}
        </fieldset>
      )}
    </>
  );
}

function RuleActionRow({
  prefix,
  index,
  action,
  words,
  onChange,
}: {
  prefix: string;
  index: number;
  action: RuleAction;
  words: Words;
  onChange: (patch: Partial<RuleAction>) => void;
}) {
  return (
    <div class="row">
      <label for={`${prefix}-action-${index}`}>Action</label>
      <input
        id={`${prefix}-action-${index}`}
        size={50}
        value={action.description}
        onInput={(e) => onChange({ description: e.currentTarget.value })}
      />
      <WordSelect
        id={`${prefix}-owner-${index}`}
        label="by"
        value={action.ownerAgency}
        values={words.actionOwners}
        onChange={(ownerAgency) => onChange({ ownerAgency })}
      />
      <label for={`${prefix}-due-${index}`}>within (days)</label>
      <input
        id={`${prefix}-due-${index}`}
        type="number"
        min={0}
        max={365}
        value={action.dueInDays}
        onInput={(e) => onChange({ dueInDays: Number(e.currentTarget.value) })}
      />
    </div>
  );
}
