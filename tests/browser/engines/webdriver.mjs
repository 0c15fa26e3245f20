// The W3C WebDriver client for WebKitGTK (WebKitWebDriver + MiniBrowser, classic WebDriver only):
// npm's selenium-webdriver, the reference client, over the driver we start ourselves (its own
// process group, so that stopping it also ends the browsers it started).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import selenium from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';
import { Command, Name } from 'selenium-webdriver/lib/command.js';
import { within } from './deadline.mjs';

const { Capabilities, WebDriver } = selenium;

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
      if ((await fetch(`${base}/status`, { signal: AbortSignal.timeout(2000) })).ok) return { base, stop, stderr: () => stderr };
    } catch { /* not listening yet */ }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  stop();
  throw new Error(`${binary} did not start: ${stderr}`);
}

// A command that hangs fails the test instead of the run: selenium's HTTP client waits forever.
function answer(promise, timeout, what) {
  return within(promise, timeout, `WebDriver ${what}`)
    .catch((e) => { throw e.message.startsWith('WebDriver ') ? e : new Error(`WebDriver ${what}: ${e.name}: ${e.message}`); });
}

export class WebDriverSession {
  // `timeout`: for the new session; `commandTimeout`: for each command after it.
  static async create(base, capabilities, { timeout = 60000, commandTimeout = 60000 } = {}) {
    const driver = WebDriver.createSession(new Executor(new HttpClient(base)), new Capabilities(capabilities));
    // The session's answer is what is waited for: the WebDriver object itself is there at once.
    const answered = await answer(driver.getSession(), timeout, 'new session');
    const session = new WebDriverSession(driver, commandTimeout);
    session.capabilities = { browserVersion: answered.getCapabilities().getBrowserVersion() };
    return session;
  }

  constructor(driver, commandTimeout = 60000) {
    this.driver = driver;
    this.commandTimeout = commandTimeout;
    this.queue = Promise.resolve();  // commands of a session's windows, one after the other
    this.current = null;             // the window the driver sends commands to
  }

  // Runs fn(driver) in turn with every other command of the session, within `timeout`.
  command(what, fn, timeout = this.commandTimeout) { return this.exclusive(() => answer(fn(this.driver), timeout, what)); }

  // The same commands for one window (a tab) of the session: each switches to it first when
  // another window was the current one, and commands of different windows never interleave.
  async forWindow(handle) {
    const root = this;
    const tab = Object.create(this);
    tab.handle = handle ?? await this.command('window', (d) => d.getWindowHandle());
    tab.command = (what, fn, timeout) => root.command(what, async (d) => {
      if (root.current !== tab.handle) {
        await d.switchTo().window(tab.handle);
        root.current = tab.handle;
      }
      return fn(d);
    }, timeout);
    return tab;
  }

  exclusive(fn) {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => {});
    return run;
  }

  navigate(url) { return this.command('navigate', (d) => d.get(url)); }
  refresh() { return this.command('refresh', (d) => d.navigate().refresh()); }
  close() { return this.command('end session', (d) => d.quit()); }
  setWindowRect(rect) { return this.command('window rect', (d) => d.manage().window().setRect(rect)); }
  async screenshot() { return Buffer.from(await this.command('screenshot', (d) => d.takeScreenshot()), 'base64'); }
  // A new window of the session (the driver's current window stays where it was).
  async newWindow() {
    return this.command('new window', async (d) => {
      const { handle } = await d.execute(new Command(Name.SWITCH_TO_NEW_WINDOW).setParameter('type', 'window'));
      return handle;
    });
  }
  currentWindow() { return this.command('window', (d) => d.getWindowHandle()); }
  closeWindow() { return this.command('close window', (d) => d.close()); }

  // Runs `source` (an expression giving a function) with JSON arguments; awaits a promise.
  async run(source, args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${source})(...arguments[0]))
        .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e && e.stack || e) }));`;
    const result = await this.command('execute async', (d) => d.executeAsyncScript(script, args));
    if (result && result.error) throw new Error(`in the page: ${result.error}`);
    return result?.ok;
  }

  // The first match of a script returning an element.
  async element(source, args) {
    const element = await this.command('execute', (d) => d.executeScript(`return (${source})(...arguments[0]);`, args));
    if (!element || typeof element.sendKeys !== 'function') throw new Error('no such element');
    return element;
  }

  sendKeysTo(element, text) { return this.command('send keys', () => element.sendKeys(text)); }

  actions(sources) {
    const what = `actions ${JSON.stringify(sources).slice(0, 200)}`;
    return this.command(what, (d) => d.execute(new Command(Name.ACTIONS).setParameter('actions', sources)));
  }
  releaseActions() { return this.command('release actions', (d) => d.execute(new Command(Name.CLEAR_ACTIONS))); }
}
