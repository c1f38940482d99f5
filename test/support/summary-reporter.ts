import type { Reporter, TestModule } from 'vitest/node';

interface ProjectFigures {
  files: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Import, setup, tests and hooks of each file, added up. */
  fileMs: number;
  firstStart: number;
  lastEnd: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Counts a file's tests into its project's figures. */
function countTests(module: TestModule, figures: ProjectFigures): void {
  let tests = 0;
  for (const test of module.children.allTests()) {
    tests++;
    const state = test.result().state;
    if (state === 'passed') figures.passed++;
    else if (state === 'failed') figures.failed++;
    else figures.skipped++;
  }
  // A file that fails before any test is collected (a syntax error, a failing import) counts once.
  if (module.state() === 'failed' && tests === 0) figures.failed++;
}

function fileMs(module: TestModule): number {
  const d = module.diagnostic();
  return d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
}

/** Columns of text, the first left-aligned and the others right-aligned. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  '),
  );
}

/**
 * Ends the run with a table of the projects (their tests and times) and one plain line,
 * `N passed, N failed`, that any CI can read.
 */
export default class SummaryReporter implements Reporter {
  /** When each file was handed to a worker and when it ended: a module's diagnostic holds durations only. */
  private readonly queuedAt = new Map<string, number>();
  private readonly endedAt = new Map<string, number>();

  onTestModuleQueued(testModule: TestModule): void {
    this.queuedAt.set(testModule.id, Date.now());
  }

  onTestModuleEnd(testModule: TestModule): void {
    this.endedAt.set(testModule.id, Date.now());
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const projects = new Map<string, ProjectFigures>();
    for (const module of testModules) {
      const name = module.project.name || '(root)';
      const figures = projects.get(name) ?? {
        files: 0,
        passed: 0,
        failed: 0,
        skipped: 0,
        fileMs: 0,
        firstStart: Number.POSITIVE_INFINITY,
        lastEnd: 0,
      };
      projects.set(name, figures);
      figures.files++;
      countTests(module, figures);
      figures.fileMs += fileMs(module);
      figures.firstStart = Math.min(figures.firstStart, this.queuedAt.get(module.id) ?? Number.POSITIVE_INFINITY);
      figures.lastEnd = Math.max(figures.lastEnd, this.endedAt.get(module.id) ?? 0);
    }

    const all = [...projects.values()];
    const total = (key: 'passed' | 'failed' | 'skipped') => all.reduce((sum, f) => sum + f[key], 0);
    const [passed, failed, skipped] = [total('passed'), total('failed'), total('skipped')];
    const rows = [...projects].map(([name, f]) => [
      name,
      String(f.files),
      String(f.passed + f.failed + f.skipped),
      String(f.passed),
      String(f.failed),
      seconds(f.fileMs),
      f.lastEnd >= f.firstStart ? seconds(f.lastEnd - f.firstStart) : '-',
    ]);
    process.stdout.write(
      [
        '',
        ...table([['project', 'files', 'tests', 'passed', 'failed', 'file time', 'span'], ...rows]),
        // Files run two at a time, beside other projects' files: the figures say how much work a
        // project is and how long it was running, and they overlap, so they do not add up to the run.
        'file time: the time of each of its files (import, setup, tests and hooks), added up',
        "span: from the project's first file being handed to a worker to its last file ending",
        '',
        `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
        '',
      ].join('\n'),
    );
  }
}
