import { humanise } from '../../ui';
import { useMapView } from './context';
import { LINK_STYLES, SEEN_AT_COLOUR } from './model';
import { type GroupStyle, groupStyle, NOT_IN_GROUP_COLOUR, PLACE_COLOUR, RING_COLOUR } from './palette';

/** A group's colour and outline, as its patch on the map has them. */
export function GroupSwatch({ style }: { style: GroupStyle }) {
  return (
    <span
      class="swatch"
      style={{ background: style.colour, borderColor: RING_COLOUR, outline: `2.5px ${style.outline} ${style.colour}` }}
      aria-hidden="true"
    />
  );
}

/** Groups by their agenda number's order would jump about; the key lists them by their names' numbers. */
const byNumber = (a: { label: string }, b: { label: string }) =>
  a.label.localeCompare(b.label, 'en-GB', { numeric: true });

/**
 * The network's colours in words: each group (its colour and outline, the same as its patch),
 * each kind of link, places and restricted intelligence. Colour is never the only key: every
 * group's name is written at its patch too.
 */
export function Key({ places }: { places: boolean }) {
  const { data } = useMapView();
  const restricted = data.relationships.some((r) => r.restricted);
  return (
    <aside class="key" aria-labelledby="key-heading">
      <h2 id="key-heading">Key</h2>
      <div class="key-part">
        <h3>Peer groups</h3>
        <ul class="key-groups">
          {[...data.clusters].sort(byNumber).map((cluster) => {
            const style = groupStyle(cluster);
            return (
              <li key={cluster.clusterId} data-colour={style.colour} data-outline={style.outline}>
                <GroupSwatch style={style} />
                {cluster.label} ({cluster.size})
              </li>
            );
          })}
          <li>
            <span
              class="swatch"
              style={{ background: NOT_IN_GROUP_COLOUR, borderColor: RING_COLOUR }}
              aria-hidden="true"
            />
            Not in a peer group
          </li>
          {places && (
            <li>
              <span class="swatch square" style={{ background: PLACE_COLOUR }} aria-hidden="true" />
              Place (name in italics)
            </li>
          )}
        </ul>
      </div>
      <LinkKey places={places} restricted={restricted} />
    </aside>
  );
}

function LinkKey({ places, restricted }: { places: boolean; restricted: boolean }) {
  const { words } = useMapView();
  return (
    <div class="key-part">
      <h3>Links</h3>
      <ul class="key-links">
        {Object.entries(LINK_STYLES).map(([kind, style]) => (
          <li key={kind}>
            <span class="line" style={{ background: style.colour }} aria-hidden="true" />
            {words.linkKinds[kind] ?? humanise(kind)}
          </li>
        ))}
        {places && (
          <li>
            <span class="line" style={{ background: SEEN_AT_COLOUR }} aria-hidden="true" />
            Seen at a place
          </li>
        )}
        {restricted && (
          <li>
            <span class="line dashed" aria-hidden="true" />
            Dashed: restricted police intelligence
          </li>
        )}
      </ul>
      <p>Links inside a group are paler; links between groups are full colour and thicker.</p>
    </div>
  );
}
