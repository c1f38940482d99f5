import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium: no browser is downloaded for the tests. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // The network picture is drawn with WebGL; without a GPU, Chromium's software renderer draws it.
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** Where the test run keeps its screenshots of the main pages. */
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * The page checked by axe-core against WCAG 2.2 A and AA. The script is evaluated through the
 * debugging protocol, so the page's own content security policy stays as strict as it is.
 */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } };
  // A string, run in the page: the test's own code has no DOM types.
  return page.evaluate<AxeViolation[]>(`axe.run(document, ${JSON.stringify(options)}).then((result) =>
    result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`);
}

/** Each violation in one line, so a failing test names what to fix and where. */
export async function violationLines(page: Page): Promise<string[]> {
  const violations = await accessibilityViolations(page);
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A fresh tab signed in as the role, with every page error collected. */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  role: string,
  partnership: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  // A refusal the page shows (a 4xx it asked for) is not an error of the page; anything else is.
  page.on('console', (message) => {
    const expected = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
    if (message.type() === 'error' && !expected) errors.push(message.text());
  });
  await page.goto(`${baseUrl}/`);
  await page.getByLabel(new RegExp(`^${role}:`)).check();
  await page.getByLabel('Partnership', { exact: true }).selectOption(partnership);
  await page.getByRole('button', { name: `Sign in as ${role}` }).click();
  await page.getByRole('heading', { level: 1, name: `Your week as ${role}` }).waitFor();
  return { page, errors };
}
