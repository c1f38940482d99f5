import { useEffect, useRef, useState } from 'preact/hooks';
import Sigma from 'sigma';
import { useMapView } from './context';

/** The week drawn as a network with WebGL; the young people filtered out are hidden, not removed. */
export function Network({ visible }: { visible: Set<string> }) {
  const { model, select } = useMapView();
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const renderer = useRef<Sigma | undefined>(undefined);
  useEffect(() => {
    if (!container.current) return;
    try {
      const sigma = new Sigma(model.graph, container.current, {
        renderEdgeLabels: false,
        labelRenderedSizeThreshold: 6,
      });
      sigma.on('clickNode', ({ node }) => select(node));
      renderer.current = sigma;
      return () => {
        sigma.kill();
        renderer.current = undefined;
      };
    } catch {
      setFailed(true);
      return undefined;
    }
  }, [model, select]);
  useEffect(() => {
    const sigma = renderer.current;
    if (!sigma) return;
    sigma.setSetting('nodeReducer', (node, attributes) =>
      visible.has(node) ? attributes : { ...attributes, hidden: true },
    );
    sigma.refresh();
  }, [visible]);
  if (failed)
    return <p role="alert">This browser cannot draw the network (it needs WebGL). The list view shows the same.</p>;
  return (
    <div
      ref={container}
      class="network"
      role="img"
      aria-label="The network of young people and their links. Use the list view to read it as a table."
    />
  );
}
