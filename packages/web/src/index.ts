import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const SOURCE = join(import.meta.dirname, 'app');

/** The files a built web app is made of, with the media type each is served as. */
export const WEB_FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.js.map': 'application/json',
  'styles.css': 'text/css; charset=utf-8',
};

/**
 * The page's content security policy: everything from the app's own origin (and, in AWS, calls
 * to the API and to Cognito's sign-in), nothing inline, no third-party tiles, fonts or scripts.
 */
export function contentSecurityPolicy(connectTo: readonly string[] = []): string {
  const connect = ["'self'", ...connectTo].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src ${connect}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** Builds the web app into `outdir`: one minified ES module with its source map, the page and the styles. */
export async function buildWebApp(outdir: string): Promise<void> {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(SOURCE, 'main.tsx')],
    outfile: join(outdir, 'app.js'),
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    target: ['chrome120', 'firefox120', 'safari17'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
    legalComments: 'none',
  });
  copyFileSync(join(SOURCE, 'index.html'), join(outdir, 'index.html'));
  copyFileSync(join(SOURCE, 'styles.css'), join(outdir, 'styles.css'));
}
