// A small W3C WebDriver client over fetch: the commands the engine layer needs, nothing more.
// Used for WebKitGTK (WebKitWebDriver + MiniBrowser), which speaks classic WebDriver only.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const ELEMENT = 'element-6066-11e4-a52f-4abf74f2a2a3';

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Starts a driver binary on a free port and waits until it answers /status.
export async function startDriver(binary, args = [], env = process.env) {
  const port = await freePort();
  // Its own process group, so that stop() also ends the browsers it started.
  const child = spawn(binary, [`--port=${port}`, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const stop = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } };
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/status`)).ok) return { base, stop, stderr: () => stderr };
    } catch { /* not listening yet */ }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  stop();
  throw new Error(`${binary} did not start: ${stderr}`);
}

export class WebDriverSession {
  static async create(base, capabilities, { timeout } = {}) {
    const value = await request(base, 'POST', '/session', { capabilities: { alwaysMatch: capabilities } }, timeout);
    return new WebDriverSession(base, value.sessionId, value.capabilities);
  }

  constructor(base, id, capabilities) {
    this.base = base;
    this.id = id;
    this.capabilities = capabilities;
    this.queue = Promise.resolve();  // commands of a session's windows, one after the other
    this.current = null;             // the window the driver sends commands to
  }

  cmd(method, path, body) { return request(this.base, method, `/session/${this.id}${path}`, body); }

  // The same commands for one window (a tab) of the session: each switches to it first when
  // another window was the current one, and commands of different windows never interleave.
  async forWindow(handle) {
    const root = this;
    const tab = Object.create(this);
    tab.handle = handle ?? await this.cmd('GET', '/window');
    tab.cmd = (method, path, body) => root.exclusive(async () => {
      if (root.current !== tab.handle) {
        await root.cmd('POST', '/window', { handle: tab.handle });
        root.current = tab.handle;
      }
      return root.cmd(method, path, body);
    });
    return tab;
  }

  exclusive(fn) {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => {});
    return run;
  }

  navigate(url) { return this.cmd('POST', '/url', { url }); }
  refresh() { return this.cmd('POST', '/refresh', {}); }
  close() { return this.cmd('DELETE', ''); }
  setWindowRect(rect) { return this.cmd('POST', '/window/rect', rect); }
  async screenshot() { return Buffer.from(await this.cmd('GET', '/screenshot'), 'base64'); }

  // Runs `source` (an expression giving a function) with JSON arguments; awaits a promise.
  async run(source, args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${source})(...arguments[0]))
        .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e && e.stack || e) }));`;
    const result = await this.cmd('POST', '/execute/async', { script, args: [args] });
    if (result && result.error) throw new Error(`in the page: ${result.error}`);
    return result?.ok;
  }

  // An element reference for the first match of a script returning an element.
  async element(source, args) {
    const script = `return (${source})(...arguments[0]);`;
    const value = await this.cmd('POST', '/execute/sync', { script, args: [args] });
    // The spec's key; WebKitGTK answers with an older spelling of it.
    const key = value && Object.keys(value).find((k) => k === ELEMENT || k.startsWith('element-6066-11e4-'));
    if (!key) throw new Error('no such element');
    return value[key];
  }

  sendKeysTo(element, text) { return this.cmd('POST', `/element/${element}/value`, { text }); }

  actions(sources) { return this.cmd('POST', '/actions', { actions: sources }); }
  releaseActions() { return this.cmd('DELETE', '/actions'); }
}

async function request(base, method, path, body, timeout = 60000) {
  let response;
  try {
    response = await fetch(base + path, {
      method,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),  // a command that hangs fails the test instead of the run
    });
  } catch (e) {
    const what = body?.actions ? ` ${JSON.stringify(body.actions).slice(0, 200)}` : '';
    throw new Error(`WebDriver ${method} ${path}${what}: ${e.name === 'TimeoutError' ? `no answer in ${timeout / 1000} s` : e.message}`);
  }
  const json = await response.json();
  if (json.value && json.value.error) {
    throw new Error(`WebDriver ${method} ${path}: ${json.value.error}: ${json.value.message}`);
  }
  return json.value;
}
