import type { Settings } from '../../api-types';
import { removeAt, replaceAt, updateAt } from '../../forms';

type Topic = Settings['sessionTopics'][number];

/** A topic's one-line description, left out when it is emptied: the API keeps no blank lines. */
const withDescription = (topic: Topic, description: string): Topic => {
  const { description: _, ...named } = topic;
  return description ? { ...named, description } : named;
};

/** Moves a topic one place up: the list is offered to whoever plans a session in this order. */
const raised = (topics: readonly Topic[], index: number): Topic[] => {
  const above = topics[index - 1];
  const topic = topics[index];
  return above && topic ? replaceAt(replaceAt(topics, index - 1, topic), index, above) : [...topics];
};

/** The topics a Parent Empowerment Session's planner chooses from, as the partnership words them. */
export function TopicsFields({ topics, onChange }: { topics: Topic[]; onChange: (topics: Topic[]) => void }) {
  return (
    <fieldset>
      <legend>Topics a Parent Empowerment Session may cover</legend>
      <p>
        Whoever plans a session chooses from these, or writes one the parents asked for. Each name once, at most 40.
      </p>
      {topics.map((topic, index) => (
        // A topic's buttons wrap under its words: the space below keeps each topic apart from the next.
        <div class="row" key={`topic-${index}`} style={{ marginBottom: '1rem' }}>
          <label for={`topic-${index}`}>Topic {index + 1}</label>
          <input
            id={`topic-${index}`}
            value={topic.name}
            size={34}
            maxLength={80}
            onInput={(e) => onChange(updateAt(topics, index, { name: e.currentTarget.value }))}
          />
          <label for={`topic-description-${index}`}>what it covers</label>
          <input
            id={`topic-description-${index}`}
            style={{ flex: '1 1 24rem' }}
            value={topic.description ?? ''}
            maxLength={200}
            onInput={(e) => onChange(replaceAt(topics, index, withDescription(topic, e.currentTarget.value)))}
          />
          {index > 0 && (
            <button type="button" onClick={() => onChange(raised(topics, index))}>
              Move “{topic.name || 'new topic'}” up
            </button>
          )}
          <button type="button" onClick={() => onChange(removeAt(topics, index))}>
            Remove “{topic.name || 'new topic'}”
          </button>
        </div>
      ))}
      {topics.length < 40 && (
        <button type="button" onClick={() => onChange([...topics, { name: '' }])}>
          Add a topic
        </button>
      )}
    </fieldset>
  );
}
