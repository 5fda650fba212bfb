// What the browser suites share: where the app and its screenshots are, and Debian's chromium
// launched headless with a fresh profile and the flags this machine's closed network needs.

import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB = path.resolve(here, '..', '..');
export const DIST = path.join(WEB, 'dist');
export const SHOTS = path.join(WEB, 'screenshots');
export const USDX = 10n ** 6n;
export const DAY_MS = 24 * 3600 * 1000;

export const hex = (bytes) => `0x${Buffer.from(bytes).toString('hex')}`;

/** The browser: $CHROMIUM, else `chromium` on PATH (Debian's package). */
export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium not found: install Debian\'s chromium (scripts/setup does)');
  }
}

/**
 * Headless chromium with a new profile directory (the caller removes `profileDir`): no sandbox
 * (root), no GPU, and none of the background connections a closed network refuses.
 */
export async function launchBrowser() {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'xindai-web-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return { context, profileDir };
}
