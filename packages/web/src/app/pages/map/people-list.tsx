import { ageToday, type YoungPerson } from '../../data';
import { ColumnHeads, wordFor } from '../../forms';
import { humanise } from '../../ui';
import { useMapView } from './context';
import { GroupSwatch } from './key';
import { groupStyle } from './palette';

/** The map as a table, for screen readers and for people who prefer tables. */
export function PeopleList({ visible }: { visible: YoungPerson[] }) {
  const { data, model, words, select } = useMapView();
  return (
    <table>
      <caption>Young people on the map</caption>
      <ColumnHeads names={['Young person', 'Age', 'Peer group', 'Links', 'Open concerns']} />
      <tbody>
        {visible.map((p) => (
          <tr key={p.ref}>
            <th scope="row">
              <button type="button" class="link" onClick={() => select(p.ref)}>
                {p.displayName}
              </button>
            </th>
            <td>{ageToday(p.dateOfBirth)}</td>
            <td>
              <GroupName cluster={model.clusterOf.get(p.ref)} />
            </td>
            <td>{model.linksOf.get(p.ref)?.length ?? 0}</td>
            <td>
              {[...(model.concernsOf.get(p.ref) ?? [])]
                .map((c) => wordFor(words.concernCategories, c) ?? humanise(c))
                .join(', ')}
            </td>
          </tr>
        ))}
      </tbody>
      {data.people.length === 0 && (
        <tfoot>
          <tr>
            <td colSpan={5}>No young people are on the map.</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

/** The group's name with its colour from the map (the name carries the meaning; the swatch is a reminder). */
function GroupName({ cluster }: { cluster: { clusterId: string; label: string } | undefined }) {
  if (!cluster) return <>on their own</>;
  return (
    <span class="group-name">
      <GroupSwatch style={groupStyle(cluster)} />
      {cluster.label}
    </span>
  );
}
