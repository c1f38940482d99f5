import { humanise } from '../../ui';
import { useMapView } from './context';
import { LINK_STYLES } from './model';

/** The network's colours in words: each group, and each kind of link (colour is never the only key). */
export function Key() {
  const { data, model, words } = useMapView();
  return (
    <aside class="key" aria-labelledby="key-heading">
      <h2 id="key-heading">Key</h2>
      <h3>Peer groups</h3>
      <ul>
        {data.clusters.map((cluster) => (
          <li key={cluster.clusterId}>
            <span class="swatch" style={{ background: model.colourOf.get(cluster.clusterId) }} aria-hidden="true" />
            {cluster.label} ({cluster.size})
          </li>
        ))}
        <li>
          <span class="swatch" style={{ background: '#6f6f6f' }} aria-hidden="true" />
          Not in a peer group
        </li>
      </ul>
      <h3>Links</h3>
      <ul>
        {Object.entries(LINK_STYLES).map(([kind, style]) => (
          <li key={kind}>
            <span class="line" style={{ background: style.colour }} aria-hidden="true" />
            {words.linkKinds[kind] ?? humanise(kind)}
          </li>
        ))}
      </ul>
    </aside>
  );
}
