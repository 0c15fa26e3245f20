// Shared by the browser tests: serves build/web on a free loopback port and drives Debian's
// Chromium with playwright-core (no browser download).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { before, after } from 'node:test';
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB = join(ROOT, 'build', 'web');
export const ARTIFACTS = join(ROOT, 'build', 'test-artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.data': 'application/octet-stream', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ttf': 'font/ttf', '.woff': 'font/woff', '.woff2': 'font/woff2',
};

// The headers a server sends with every file (DIR/_headers, written by tools/server-headers.mjs),
// as the hosting README asks for: the tests run the app under them.
export async function serverHeaders(dir = WEB) {
  const text = await readFile(join(dir, '_headers'), 'utf8').catch(() => '');
  return Object.fromEntries(text.split('\n').filter((l) => l.startsWith('  ') && l.includes(':'))
    .map((l) => { const i = l.indexOf(':'); return [l.slice(0, i).trim(), l.slice(i + 1).trim()]; }));
}

// `gate(path, request)`, if given, may return a promise the response waits for (to hold a request back).
// `gzip`: compressed responses where the browser accepts them, as a real web server sends them.
export async function serve(dir = WEB, { gate, gzip = false } = {}) {
  const always = await serverHeaders(dir);
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (gate) await gate(path, req);
    const file = join(dir, path.endsWith('/') ? path + 'index.html' : path);
    try {
      let body = await readFile(file);
      const headers = { ...always, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        body = gzipSync(body, { level: 9 });
        headers['Content-Encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Closing ends the connections a browser still holds open (a request held by the gate, a
  // response it does not read): a test's server never waits on its browser.
  const close = () => {
    const closed = new Promise((r) => server.close(r));
    server.closeAllConnections();
    return closed;
  };
  return { url: `http://127.0.0.1:${server.address().port}/`, close };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

// Opens the app and waits for its first frame. Collects console errors and failed requests.
export async function openApp(browser, url, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  // Any Content Security Policy violation, in the page or its print frame, is a problem.
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
  }));
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  await page.goto(url);
  await page.waitForFunction(() => window.__appReady === true || window.__appFailed, null, { timeout: 30000 });
  const failed = await page.evaluate(() => window.__appFailed);
  if (failed) throw new Error(`app failed to start: ${failed}`);
  return { context, page, problems };
}

export const state = (page) => page.evaluate(() => window.sipprep.state());

// Clicks where the canvas draws the control that the a11y layer's element stands for: a real
// pointer click on the canvas (the a11y layer itself lets pointer events through).
// Focusing first makes the app scroll the control into view, as it does for keyboard users.
export async function clickCanvasAt(locator) {
  await locator.focus();
  await locator.page().waitForTimeout(150);
  await locator.click({ force: true });
}

export const goalField = (page, name = 'Vad är viktigt för dig?') => page.getByRole('textbox', { name });

// Lets the app draw a frame or two after an action.
export const settle = (page, ms = 150) => page.waitForTimeout(ms);

// Presses a button the way a keyboard user does: focus its a11y element, then Enter.
export async function press(page, name, options = {}) {
  const button = page.getByRole('button', { name, exact: true, ...options });
  await button.focus();
  await page.keyboard.press('Enter');
  await settle(page);
}

// From the start screen: a new preparation, then to the step whose title is given.
export async function startNew(page) {
  await press(page, 'Ny förberedelse');
}

export async function goToStep(page, title) {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const nav = page.getByRole('navigation').getByRole('button', { name: new RegExp('^\\d+\\. ' + escaped) });
  if (await nav.count() === 0) await press(page, 'Visa alla steg');  // phones show the list on request
  await nav.focus();
  await page.keyboard.press('Enter');
  await settle(page);
}

// One server and one browser per test file: `const env = useBrowser();` then env.server.url,
// env.browser inside the tests.
export function useBrowser() {
  const env = {};
  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

// Locks the draft with a passphrase through the app's own form, as a person does.
// Gives `path` to the app's file picker as if the person chose it (the picker opened by the shell).
export async function openFile(page, path) {
  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(() => window.sipprep.pickFile());
  await (await chooser).setFiles(path);
}

export async function lockDraft(page, passphrase) {
  await press(page, 'Lås utkastet med lösenord');
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).focus();
  await page.keyboard.type(passphrase);
  await page.getByRole('textbox', { name: 'Skriv lösenordet en gång till' }).focus();
  await page.keyboard.type(passphrase);
  await press(page, 'Lås');
}
