import type { Place } from '../../api-types';
import { ColumnHeads } from '../../forms';
import { humanise } from '../../ui';

/** The partnership's places, each with a button to correct it for those who may. */
export function PlacesTable({
  places,
  onCorrect,
}: {
  places: Place[];
  onCorrect: ((place: Place) => void) | undefined;
}) {
  return (
    <table>
      <caption>The partnership's places ({places.length})</caption>
      <ColumnHeads names={['Place', 'Kind', 'Position', 'Grid reference', ...(onCorrect ? ['Change'] : [])]} />
      <tbody>
        {places.map((p) => (
          <tr key={p.ref}>
            <th scope="row">
              {p.name} <span class="subtle">({p.ref})</span>
            </th>
            <td>{humanise(p.kind)}</td>
            <td>{p.position ? `${p.position.latitude.toFixed(5)}, ${p.position.longitude.toFixed(5)}` : ''}</td>
            <td>{p.gridReference ? `${p.gridReference.easting}, ${p.gridReference.northing}` : ''}</td>
            {onCorrect && (
              <td>
                <button type="button" onClick={() => onCorrect(p)} aria-label={`Correct ${p.name}`}>
                  Correct
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
