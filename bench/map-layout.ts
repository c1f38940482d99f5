import { type LabelCandidate, pickLabels } from '../packages/web/src/app/pages/map/labels';
import { type Layout, layoutWeek } from '../packages/web/src/app/pages/map/layout';
import { sampleWeek } from '../packages/web/src/app/pages/map/sample-week.testing';

/**
 * `pnpm bench` (map part): the web map's layout of a generated week (groups of ten, each young
 * person linked to eight of their group, a bridge between every other pair of neighbouring
 * groups, 5% on their own) of 1,000, 10,000 and 50,000 young people, timed once each (wall-clock
 * and CPU time: the machine is shared); then the names the map writes in one frame (what runs on
 * every move of the camera) on a 1400 x 800 canvas, with the whole week in view and zoomed in eight times on its middle: the median of
 * `FRAMES` frames, and how many names were written.
 */
const SIZES = [1_000, 10_000, 50_000];
const FRAMES = 15;
const SCREEN = { width: 1400, height: 800 };
/** Room around the week when it is seen whole, as sigma's stage padding. */
const PADDING = 24;

interface Row {
  youngPeople: number;
  links: number;
  groups: number;
  layoutSeconds: number;
  layoutCpuSeconds: number;
  wholeMs: number;
  wholeNames: number;
  zoomedMs: number;
  zoomedNames: number;
}

/** Every young person as a name to write, where the camera puts them on the screen. */
function candidatesOf(layout: Layout, zoom: number): LabelCandidate[] {
  const points = [...layout.positions.entries()];
  const xs = points.map(([, p]) => p.x);
  const ys = points.map(([, p]) => p.y);
  const [left, right] = [xs.reduce((a, b) => Math.min(a, b)), xs.reduce((a, b) => Math.max(a, b))];
  const [top, bottom] = [ys.reduce((a, b) => Math.min(a, b)), ys.reduce((a, b) => Math.max(a, b))];
  const fit = Math.min((SCREEN.width - 2 * PADDING) / (right - left), (SCREEN.height - 2 * PADDING) / (bottom - top));
  const scale = fit * zoom;
  const [middleX, middleY] = [(left + right) / 2, (top + bottom) / 2];
  return points.map(([ref, p], i) => ({
    id: ref,
    x: SCREEN.width / 2 + (p.x - middleX) * scale,
    y: SCREEN.height / 2 + (p.y - middleY) * scale,
    r: 6,
    // Names of 7 to 14 letters, about 7 pixels each.
    width: 49 + (i % 8) * 7,
    height: 16,
    priority: i % 9,
  }));
}

function medianFrame(candidates: readonly LabelCandidate[]): { ms: number; names: number } {
  const times: number[] = [];
  let names = 0;
  for (let frame = 0; frame < FRAMES; frame += 1) {
    const started = performance.now();
    names = pickLabels(candidates, SCREEN).length;
    times.push(performance.now() - started);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(FRAMES / 2)] ?? 0, names };
}

function measure(youngPeople: number): Row {
  const week = sampleWeek({ people: youngPeople });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const layout = layoutWeek(week);
  const layoutSeconds = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpuBefore);
  const whole = medianFrame(candidatesOf(layout, 1));
  const zoomed = medianFrame(candidatesOf(layout, 8));
  return {
    youngPeople,
    links: week.links.length,
    groups: week.groups.length,
    layoutSeconds,
    layoutCpuSeconds: (user + system) / 1e6,
    wholeMs: whole.ms,
    wholeNames: whole.names,
    zoomedMs: zoomed.ms,
    zoomedNames: zoomed.names,
  };
}

const print = (line: string) => process.stdout.write(`${line}\n`);
print(`Map layout and names, ${new Date().toISOString().slice(0, 10)}`);
print(
  '| young people | links | groups | layout s | CPU s | names, whole week: ms | names written | names, zoomed ×8: ms | names written |',
);
print('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const size of SIZES) {
  const r = measure(size);
  print(
    `| ${r.youngPeople} | ${r.links} | ${r.groups} | ${r.layoutSeconds.toFixed(2)} | ${r.layoutCpuSeconds.toFixed(2)} | ${r.wholeMs.toFixed(1)} | ${r.wholeNames} | ${r.zoomedMs.toFixed(1)} | ${r.zoomedNames} |`,
  );
}
