import { recordedLinkInWords } from '@peermap/domain/plain-words';
import { useEffect, useRef } from 'preact/hooks';
import { ageToday } from '../../data';
import { humanise } from '../../ui';
import { useMapView } from './context';
import { WhyInGroup } from './why-in-group';

/** The chosen young person: what is going well, their group and why, and their links. */
export function PersonPanel({ personRef, onClose }: { personRef: string; onClose: () => void }) {
  const { data, model, words } = useMapView();
  const person = data.people.find((p) => p.ref === personRef);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [personRef]);
  if (!person) return null;
  const cluster = model.clusterOf.get(personRef);
  const nameOf = (ref: string) => data.people.find((p) => p.ref === ref)?.displayName ?? ref;
  const links = model.linksOf.get(personRef) ?? [];
  return (
    <aside class="person" aria-labelledby="person-heading">
      <h2 id="person-heading" ref={heading} tabIndex={-1}>
        {person.displayName}, {ageToday(person.dateOfBirth)}
      </h2>
      {person.strengths.length > 0 && <p>Going well: {person.strengths.join('; ')}.</p>}
      <p>
        {cluster ? (
          <>
            In <a href={`#/clusters/${cluster.clusterId}`}>{cluster.label}</a>.
          </>
        ) : (
          'Not in a peer group this week.'
        )}
      </p>
      {cluster && <WhyInGroup clusterId={cluster.clusterId} personRef={personRef} nameOf={nameOf} />}
      <h3>Links ({links.length})</h3>
      <ul>
        {links.map((l) => {
          const other = l.personA === personRef ? l.personB : l.personA;
          return (
            <li key={`${other}-${l.restricted}`}>
              {nameOf(other)}: {recordedLinkInWords(l.strength, words.linkKinds[l.kind] ?? humanise(l.kind))}
              {l.restricted ? ' (restricted intelligence)' : ''}
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </aside>
  );
}
