import type { CarerView, Consent } from '@peermap/domain';
import { useState } from 'preact/hooks';
import type { PageContext } from '../../app';
import { ColumnHeads } from '../../forms';
import { Loading, PageHeading, ProblemView, useLoad } from '../../ui';
import { youngPeopleNames } from '../sessions/names';
import { dayInWords } from '../sessions/words';
import { ConsentForm } from './consent-form';
import { CONSENT_WORDS, recordedWords } from './consent-words';

/** A carer's consent: the decision that stands, every earlier one, and a form to record the next. */
export function CarerConsentPage({ api, carerRef }: PageContext & { carerRef: string }) {
  const loaded = useLoad(async () => {
    const answer = await api.get('/v1/carers/{ref}', { params: { ref: carerRef } });
    const names = await youngPeopleNames(api, answer.body.youngPersonRefs);
    return { carer: answer.body, etag: answer.etag, names };
  }, carerRef);
  const caresFor = (carer: CarerView) =>
    carer.youngPersonRefs.map((ref) => loaded.data?.names.get(ref) ?? ref).join(' and ');
  const [saved, setSaved] = useState<{ carer: CarerView; etag: string | undefined; message: string } | undefined>();
  const current = saved ?? loaded.data;
  const carer = current?.carer;
  return (
    <section>
      <p>
        <a href="#/carers">Back to every carer</a>
      </p>
      <PageHeading>{carer ? `Consent: ${carer.name}` : 'Consent'}</PageHeading>
      {loaded.error !== undefined && <ProblemView error={loaded.error} />}
      {!carer && loaded.error === undefined && <Loading what="the carer" />}
      {saved && (
        <p role="status" class="saved">
          {saved.message}
        </p>
      )}
      {carer?.consent && <ConsentNow carer={carer} caresFor={caresFor(carer)} consent={carer.consent} />}
      {carer?.consent && <ConsentHistory decisions={[carer.consent, ...(carer.consentHistory ?? [])]} />}
      {carer?.consent && current && (
        <ConsentForm
          key={carer.version}
          api={api}
          carer={carer}
          consent={carer.consent}
          etag={current.etag}
          onSaved={(next, etag, message) => setSaved({ carer: next, etag, message })}
        />
      )}
    </section>
  );
}

function ConsentNow({ carer, caresFor, consent }: { carer: CarerView; caresFor: string; consent: Consent }) {
  const facts: [string, string][] = [
    ['Carer', `${carer.name} (${carer.ref}), ${carer.relationship.replaceAll('_', ' ')} of ${caresFor}`],
    ['Decision', CONSENT_WORDS[consent.status]],
    ['Recorded', recordedWords(consent)],
    ['Scope', consent.scope ?? 'none recorded'],
    ...(consent.note ? [['Note', consent.note] as [string, string]] : []),
  ];
  return (
    <section aria-labelledby="consent-now">
      <h2 id="consent-now">Where consent stands</h2>
      <table class="consent-now">
        <tbody>
          {facts.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Every decision, latest first: the one that stands, then those it replaced. */
function ConsentHistory({ decisions }: { decisions: readonly Consent[] }) {
  const recorded = decisions.filter((decision) => decision.status !== 'not_asked');
  return (
    <section aria-labelledby="consent-history">
      <h2 id="consent-history">Who recorded what, when</h2>
      {recorded.length === 0 ? (
        <p>No decision has been recorded yet: the carer has not been asked.</p>
      ) : (
        <table class="consent-history">
          <caption>Consent decisions, the latest first</caption>
          <ColumnHeads names={['Decided on', 'Decision', 'Recorded by', 'Scope', 'Note', 'Standing']} />
          <tbody>
            {recorded.map((decision, index) => (
              <tr key={`${decision.recordedOn}-${decision.status}-${index}`}>
                <th scope="row">{decision.recordedOn ? dayInWords(decision.recordedOn) : 'no date'}</th>
                <td>{CONSENT_WORDS[decision.status]}</td>
                <td>{decision.recordedBy ?? ''}</td>
                <td>{decision.scope ?? ''}</td>
                <td>{decision.note ?? ''}</td>
                <td>{index === 0 ? 'Stands now' : 'Replaced'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
