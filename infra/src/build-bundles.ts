import { copyFileSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type BuildOptions, build, type Loader, type Metafile } from 'esbuild';
import { BUNDLING, REPO_ROOT } from './peermap-function';

const FUNCTIONS_FOLDER = join(REPO_ROOT, 'functions');

/** The file CDK writes for an ES module bundle; Lambda's `index.handler` finds it. */
export const BUNDLE_FILE = 'index.mjs';
export const SOURCE_MAP_FILE = `${BUNDLE_FILE}.map`;

/**
 * Every function the stack deploys, by its handler's file in `functions/` (without `.ts`):
 * one file per function, as `functions/functions.test.ts` holds the folder to.
 */
export function functionEntries(): string[] {
  return readdirSync(FUNCTIONS_FOLDER)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => name.replace(/\.ts$/, ''))
    .sort();
}

/**
 * esbuild's options for `BUNDLING`, option for option as CDK's `NodejsFunction` hands them to
 * the esbuild CLI (`buildEsbuildArgs` in aws-lambda-nodejs' bundling). An option this does not
 * translate stops the build: a bundle built here that differed from the one CDK ships would make
 * every test of it beside the point (`bundles.test.ts` compares the two byte for byte).
 */
export function esbuildOptionsOf(bundling: typeof BUNDLING): BuildOptions {
  const {
    format,
    minify,
    sourceMap,
    sourcesContent,
    target,
    mainFields,
    externalModules,
    loader,
    define,
    banner,
    forceDockerBundling,
    ...untranslated
  } = bundling;
  const unknown = Object.keys(untranslated);
  if (unknown.length > 0) {
    throw new Error(`build-bundles: translate ${unknown.join(', ')} as CDK passes it to esbuild before using it.`);
  }
  // Left unset, these take CDK's defaults (the runtime's target, the SDK left external), which are not ours.
  if (format === undefined || target === undefined || externalModules === undefined || forceDockerBundling) {
    throw new Error('build-bundles: BUNDLING names its format, target and external modules, and bundles locally.');
  }
  return {
    bundle: true,
    platform: 'node',
    target,
    format: format === OutputFormat.ESM ? 'esm' : 'cjs',
    minify: minify ?? false,
    sourcemap: sourceMap ?? false,
    sourcesContent: sourcesContent ?? true,
    external: externalModules,
    ...(loader === undefined ? {} : { loader: loadersOf(loader) }),
    ...(define === undefined ? {} : { define }),
    ...(banner === undefined ? {} : { banner: { js: banner } }),
    ...(mainFields === undefined ? {} : { mainFields }),
    absWorkingDir: REPO_ROOT,
    logLevel: 'warning',
  };
}

/** The loaders CDK may name (its `loader` takes any string), as esbuild's own type. */
const LOADERS = ['binary', 'base64', 'dataurl', 'empty', 'file', 'json', 'text'] as const satisfies readonly Loader[];

function loadersOf(loader: Readonly<Record<string, string>>): Record<string, Loader> {
  return Object.fromEntries(
    Object.entries(loader).map(([extension, name]) => {
      const known = LOADERS.find((candidate) => candidate === name);
      if (!known) throw new Error(`build-bundles: translate the loader ${name} as CDK passes it to esbuild first.`);
      return [extension, known];
    }),
  );
}

export interface BuiltBundle {
  /** The handler's file in `functions/`, without `.ts`. */
  readonly entry: string;
  /** A folder holding `index.mjs` and its source map and nothing else, as the function's asset does. */
  readonly folder: string;
  readonly bytes: number;
  readonly sourceMapBytes: number;
  /** What went into the bundle, module by module (its part of esbuild's metafile). */
  readonly contents: Metafile['outputs'][string];
}

/**
 * Builds each function's bundle into `<outdir>/<entry>/` with the options the stack ships
 * (`BUNDLING`). One esbuild build with every function as an entry point: without code
 * splitting each output is the file a build of that entry alone writes, byte for byte, and
 * the shared modules are read and parsed once (a third of the time of a build per function).
 */
export async function buildBundles(outdir: string, entries: readonly string[] = functionEntries()) {
  const result = await build({
    ...esbuildOptionsOf(BUNDLING),
    entryPoints: Object.fromEntries(
      entries.map((entry) => [join(entry, 'index'), join(FUNCTIONS_FOLDER, `${entry}.ts`)]),
    ),
    outdir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
  });
  const outputs = Object.values(result.metafile.outputs);
  return entries.map((entry): BuiltBundle => {
    const contents = outputs.find((output) => output.entryPoint === join('functions', `${entry}.ts`));
    if (!contents) throw new Error(`build-bundles: esbuild wrote no bundle for ${entry}.`);
    const folder = join(outdir, entry);
    return {
      entry,
      folder,
      bytes: statSync(join(folder, BUNDLE_FILE)).size,
      sourceMapBytes: statSync(join(folder, SOURCE_MAP_FILE)).size,
      contents,
    };
  });
}

/**
 * A copy of the bundle, its source map beside it, alone in a new folder under the system's
 * temporary folder, as Lambda unpacks it. Fails if a `node_modules` sits in that folder or any
 * folder above it, where Node would find what the bundle failed to carry.
 */
export function copyAlone(bundle: BuiltBundle): string {
  const folder = mkdtempSync(join(tmpdir(), `peermap-shipped-${bundle.entry}-`));
  for (let above = folder; ; above = dirname(above)) {
    if (existsSync(join(above, 'node_modules'))) {
      throw new Error(`build-bundles: ${join(above, 'node_modules')} would lend the bundle what it does not carry.`);
    }
    if (dirname(above) === above) break;
  }
  for (const file of [BUNDLE_FILE, SOURCE_MAP_FILE]) copyFileSync(join(bundle.folder, file), join(folder, file));
  return folder;
}
