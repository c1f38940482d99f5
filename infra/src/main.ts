import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebApp } from '@peermap/web';
import { App } from 'aws-cdk-lib';
import { buildApp } from './app';

// The web app is built first, as the stack uploads it as it is.
const webSource = mkdtempSync(join(tmpdir(), 'peermap-web-'));
await buildWebApp(webSource);
buildApp(new App(), webSource).app.synth();
