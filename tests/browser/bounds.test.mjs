// The test harness's upper bounds: a browser, a driver or a page that stops answering fails its
// test quickly, saying what was waited for, and never holds the run (CI once waited 590 s for a
// WebKit session). No browser is needed: the silent parts are stand-ins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { WebDriverSession } from './engines/webdriver.mjs';
import { Session, bounded } from './engines/session.mjs';
import { serve } from './harness.mjs';

// A WebDriver server that answers a new session (when `session`) and then never anything else.
async function silentDriver({ session }) {
  const server = createServer((req, res) => {
    if (session && req.method === 'POST' && req.url === '/session') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ value: { sessionId: 'a', capabilities: { browserName: 'stand-in', browserVersion: '1' } } }));
    }
    // Anything else: no answer.
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => { server.closeAllConnections(); server.close(); } };
}

// Each test fails on its own limit if a bound does not act, instead of waiting for ever.
const LIMIT = { timeout: 15000 };

test('a driver that never answers a new session fails within the bound, saying so', LIMIT, async () => {
  const driver = await silentDriver({ session: false });
  try {
    const t0 = Date.now();
    await assert.rejects(WebDriverSession.create(driver.base, {}, { timeout: 500 }), /WebDriver new session: no answer in 0\.5 s/);
    assert.ok(Date.now() - t0 < 5000, `it took ${Date.now() - t0} ms`);
  } finally {
    driver.close();
  }
});

test('a script, a navigation and keys the driver never answers fail within the bound, saying which', LIMIT, async () => {
  const driver = await silentDriver({ session: true });
  try {
    const wd = await WebDriverSession.create(driver.base, {}, { timeout: 2000, commandTimeout: 300 });
    assert.equal(wd.capabilities.browserVersion, '1');
    await assert.rejects(wd.run('() => 1', []), /WebDriver execute async: no answer in 0\.3 s/);
    await assert.rejects(wd.element('() => document.body', []), /WebDriver execute: no answer in 0\.3 s/);
    await assert.rejects(wd.navigate('http://127.0.0.1:9/'), /WebDriver navigate: no answer in 0\.3 s/);
    await assert.rejects(wd.actions([{ type: 'key', id: 'keyboard', actions: [] }]), /WebDriver actions .*: no answer in 0\.3 s/);
  } finally {
    driver.close();
  }
});

test('every primitive of a session has an upper bound that names what it waited for', LIMIT, async () => {
  // An engine whose page never answers (Playwright's and puppeteer's evaluate have no limit).
  class Silent extends Session {
    evalSource() { return new Promise(() => {}); }
    goto() { return new Promise(() => {}); }
    type() { return new Promise(() => {}); }
  }
  bounded(Silent, 300);
  const s = new Silent('stand-in');
  await assert.rejects(s.eval(() => window.sipprep.state()), /stand-in: evalSource\("\(\) => window\.sipprep\.state\(\)", \[\]\): no answer in 0\.3 s/);
  await assert.rejects(s.goto('http://127.0.0.1:9/'), /stand-in: goto\("http:\/\/127\.0\.0\.1:9\/"\): no answer in 0\.3 s/);
  await assert.rejects(s.type('Åsa'), /stand-in: type\("Åsa"\): no answer in 0\.3 s/);
  // A wait built on them ends too.
  await assert.rejects(s.waitFor(() => false, [], { timeout: 100 }), /no answer in 0\.3 s/);
});

test('a test server closes although the browser still waits for a response it holds back', LIMIT, async () => {
  const server = await serve(undefined, { gate: () => new Promise(() => {}) });  // never lets go
  const req = request(server.url);
  req.on('error', () => {});  // the connection is ended by the close
  req.end();
  await new Promise((r) => setTimeout(r, 200));  // the request has reached the gate
  const t0 = Date.now();
  await server.close();
  assert.ok(Date.now() - t0 < 2000, `closing took ${Date.now() - t0} ms`);
});
