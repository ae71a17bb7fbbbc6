// Debian's Chromium driven by playwright-core, for the end-to-end walk and the screenshots.
// (`npx playwright install` downloads a browser build, which this project never does.)
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { ConfigError } from '../messages.js';

export const CHROMIUM = process.env.NEWSDESK_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new ConfigError(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-nanum (or set NEWSDESK_CHROMIUM)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
