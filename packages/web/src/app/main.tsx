import { render } from 'preact';
import { App } from './app';
import type { AppConfig } from './session';

async function start() {
  const root = document.getElementById('app');
  if (!root) return;
  const response = await fetch('config.json', { cache: 'no-store' });
  const config = (await response.json()) as AppConfig;
  root.replaceChildren();
  render(<App config={config} />, root);
}

void start();
