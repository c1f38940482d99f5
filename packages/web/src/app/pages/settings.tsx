import { useState } from 'preact/hooks';
import type { Settings } from '../api-types';
import type { PageContext } from '../app';
import { Loading, PageHeading, ProblemIfAny, ProblemView, useAttempt, useLoad } from '../ui';
import { CohortFields } from './settings/cohort-fields';
import { changesOf, useSettingsDraft } from './settings/draft';
import { GeneralFields } from './settings/general-fields';
import { PhrasesFields } from './settings/phrases';
import { RulesFields } from './settings/rules';
import { TopicsFields } from './settings/topics';

/** The partnership's planning settings: its marking, session size, added phrases, session topics and the rules table. */
export function SettingsPage({ api, words }: PageContext) {
  const loaded = useLoad(async () => {
    const answer = await api.get('/v1/settings');
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
  const { draft, change } = useSettingsDraft(initial);
  const { error, attempt } = useAttempt();
  const [saved, setSaved] = useState(false);

  const save = (event: Event) => {
    event.preventDefault();
    setSaved(false);
    return attempt(async () => {
      const answer = await api.send('PATCH', '/v1/settings', { json: changesOf(draft), ifMatch: etag });
      setEtag(answer.etag ?? etag);
      setSaved(true);
    });
  };

  return (
    <form onSubmit={save}>
      <PageHeading>Settings of {initial.name}</PageHeading>
      <GeneralFields draft={draft} onChange={change} />
      <PhrasesFields phrases={draft.languagePhrases} onChange={(languagePhrases) => change({ languagePhrases })} />
      <TopicsFields topics={draft.sessionTopics} onChange={(sessionTopics) => change({ sessionTopics })} />
      <CohortFields draft={draft} onChange={change} />
      <RulesFields rules={draft.actionRules} words={words} onChange={(actionRules) => change({ actionRules })} />
      <div class="actions">
        <button type="submit" class="primary">
          Save the settings
        </button>
      </div>
      {saved && <p role="status">The settings are saved.</p>}
      <ProblemIfAny error={error} />
    </form>
  );
}
