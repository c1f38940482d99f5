import type { ClusterReport } from '../../api-types';
import { ColumnHeads } from '../../forms';

/** The concerns about the group's young people, by category. */
export function ConcernsSection({ concerns }: { concerns: ClusterReport['concerns'] }) {
  return (
    <section aria-labelledby="concerns">
      <h2 id="concerns">Concerns</h2>
      {concerns.length === 0 ? (
        <p>No concerns are recorded for the group's young people.</p>
      ) : (
        <table>
          <caption>Concerns about the group's young people</caption>
          <ColumnHeads names={['Concern', 'Young people', 'Open', 'In the last four weeks', 'Last']} />
          <tbody>
            {concerns.map((c) => (
              <tr key={c.category}>
                <th scope="row">{c.label}</th>
                <td>{c.youngPeople}</td>
                <td>{c.open}</td>
                <td>{c.recent}</td>
                <td>{c.lastOccurred}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** What is going well for each young person, first: the meeting starts from strengths. */
export function StrengthsSection({
  strengths,
  nameOf,
}: {
  strengths: ClusterReport['strengths'];
  nameOf: (ref: string) => string;
}) {
  return (
    <section aria-labelledby="strengths">
      <h2 id="strengths">What is going well</h2>
      {strengths.length === 0 ? (
        <p>No strengths are recorded yet for this group: ask the agencies who know them.</p>
      ) : (
        <ul>
          {strengths.map((s) => (
            <li key={s.ref}>
              {nameOf(s.ref)}: {s.strengths.join('; ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
