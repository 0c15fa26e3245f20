// The headers a server sends with the app (issue 27): a policy that also covers the workers and
// forbids framing (a meta tag can do neither), nosniff, no referrer. The build writes them for
// common servers; `./build-wasm.sh serve` (tools/serve.py) and the test server send them; the
// app runs under them — a passphrase compiles the module in its worker — and another site cannot
// show it in a frame.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp, press, startNew, useBrowser, lockDraft, serverHeaders, ROOT, WEB } from './harness.mjs';

const env = useBrowser();

function checkHeaders(get, what) {
  const csp = get('content-security-policy') || '';
  assert.match(csp, /frame-ancestors 'none'/, `${what}: ${csp}`);
  assert.match(csp, /script-src 'self' 'sha256-[^']+' 'wasm-unsafe-eval'/, `${what}: ${csp}`);
  assert.match(csp, /worker-src 'self'/, `${what}: ${csp}`);
  assert.equal(get('x-content-type-options'), 'nosniff', what);
  assert.equal(get('referrer-policy'), 'no-referrer', what);
}

test('the build writes the headers for Netlify/Cloudflare, Apache and nginx, with the page\'s own policy', async () => {
  const headers = await serverHeaders();
  checkHeaders((name) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1], '_headers');
  const meta = readFileSync(join(WEB, 'index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.equal(headers['Content-Security-Policy'], `${meta}; frame-ancestors 'none'`);
  const csp = headers['Content-Security-Policy'];
  assert.ok(readFileSync(join(WEB, '.htaccess'), 'utf8').includes(`Header always set Content-Security-Policy "${csp}"`));
  assert.ok(readFileSync(join(ROOT, 'build/nginx-headers.conf'), 'utf8').includes(`add_header Content-Security-Policy "${csp}" always;`));
});

test('./build-wasm.sh serve sends them with every file', async () => {
  const server = spawn('python3', [join(ROOT, 'tools/serve.py'), WEB, '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const url = await new Promise((resolve, reject) => {
      server.stdout.once('data', (d) => resolve(String(d).split(' ')[0]));
      server.once('exit', (code) => reject(new Error(`tools/serve.py ended: ${code}`)));
    });
    for (const file of ['', 'age-worker.js', 'sw.js', 'sipprep.wasm']) {
      const r = await fetch(url + file);
      assert.equal(r.status, 200, file);
      checkHeaders((name) => r.headers.get(name), file || 'index.html');
      await r.arrayBuffer();
    }
    assert.equal((await fetch(url + 'sipprep.wasm')).headers.get('content-type'), 'application/wasm');
  } finally {
    server.kill();
  }
});

test('the app runs under the headers; its workers get the policy; no other site can frame it', async () => {
  for (const file of ['', 'age-worker.js', 'sw.js']) {
    const r = await fetch(env.server.url + file);
    checkHeaders((name) => r.headers.get(name), `test server: ${file || 'index.html'}`);
    await r.arrayBuffer();
  }
  const { context, page, problems } = await openApp(env.browser, env.server.url);

  // The passphrase module compiles in its worker under the policy; the worker has the policy.
  await startNew(page);
  await page.getByRole('textbox', { name: 'Ditt namn' }).focus();
  await page.keyboard.type('Ida');
  const worker = page.waitForEvent('worker');
  await lockDraft(page, 'vårt eget lösen');
  await page.getByText('Utkastet är låst med lösenord på den här datorn.').first().waitFor({ state: 'attached', timeout: 30000 });
  const w = await worker;
  assert.match(w.url(), /age-worker\.js$/);
  // (eval is no test here: the driver's own evaluation is let through.) Under the policy the
  // worker may not reach another origin or load a script from a data: address.
  assert.equal(await w.evaluate(() => new Promise((resolve) => {
    self.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective));
    fetch('http://127.0.0.1:9/').then(() => resolve('fetched'), () => setTimeout(() => resolve('no policy'), 2000));
  })), 'connect-src', 'the worker runs without the policy');
  assert.equal(await w.evaluate(() => {
    try { importScripts('data:text/javascript,self.injected=1'); return 'loaded'; } catch (e) { return e.name; }
  }), 'NetworkError');
  assert.deepEqual(problems, []);

  // Another origin (another port) puts the app in a frame: the browser refuses to show it.
  const framer = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!doctype html><iframe src="${env.server.url}" width="800" height="600"></iframe>`);
  });
  await new Promise((r) => framer.listen(0, '127.0.0.1', r));
  try {
    const other = await context.newPage();
    await other.goto(`http://127.0.0.1:${framer.address().port}/`);
    const frame = other.frames().find((f) => f !== other.mainFrame());
    assert.notEqual(frame.url(), env.server.url);
    await other.close();
  } finally {
    await new Promise((r) => framer.close(r));
  }
  await context.close();
});
