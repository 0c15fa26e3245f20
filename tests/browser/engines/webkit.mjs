// WebKitGTK (Safari's engine) through Debian's WebKitWebDriver, which starts the MiniBrowser of
// libwebkit2gtk-4.1 in automation mode, under Xvfb. Each session is a fresh browser process.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xDisplay } from './display.mjs';
import { Session, bounded, newFileIn, parseCombo } from './session.mjs';
import { startDriver, WebDriverSession } from './webdriver.mjs';

const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser']
  .find((p) => existsSync(p));

export async function launchWebKit() {
  const home = await mkdtemp(join(tmpdir(), 'sipprep-webkit-home-'));
  const downloads = join(home, 'Downloads');
  // GLib reads the download folder from the user's dirs file, not from the environment.
  await mkdir(join(home, '.config'), { recursive: true });
  await mkdir(downloads, { recursive: true });
  await writeFile(join(home, '.config', 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
  // A desktop window is sized by WebDriver. MiniBrowser's toolbar keeps its window wider than a
  // phone, so a phone profile gets an X screen of the phone's own size (in device pixels) and a
  // full-screen window on it; GTK's scale (GDK_SCALE, per process) gives the pixel ratio.
  const drivers = new Map();  // "phone WxH@scale" or "desktop" -> driver
  const driverKey = (profile) => (profile.touch ? `${profile.width}x${profile.height}@${profile.deviceScaleFactor ?? 1}`
    : `desktop@${profile.deviceScaleFactor ?? 1}`);
  const driverFor = (profile) => {
    const scale = profile.deviceScaleFactor ?? 1;
    const phone = !!profile.touch;
    const key = driverKey(profile);
    if (!drivers.has(key)) {
      drivers.set(key, (async () => startDriver(process.env.WEBKIT_WEBDRIVER || 'WebKitWebDriver', [], {
        ...process.env, HOME: home, GDK_SCALE: String(scale), LIBGL_ALWAYS_SOFTWARE: '1',
        DISPLAY: await xDisplay(phone ? { width: profile.width * scale, height: profile.height * scale, phone } : {}),
      }))());
    }
    return drivers.get(key);
  };
  let version = null;
  const open = new Set();  // sessions a failed test left open: closed with the engine
  return {
    name: 'webkit',
    get version() { return version; },
    downloads,
    async open(profile = {}) {
      const capabilities = {
        'webkitgtk:browserOptions': { binary: MINIBROWSER,
          args: profile.touch ? ['--automation', '--full-screen'] : ['--automation'] },
      };
      // Now and then (about one session in a few hundred here) WebKitWebDriver never answers
      // the request for a new session: the driver and its browsers are then ended and started
      // again, once. A second silence fails the test.
      let wd;
      for (let attempt = 1; !wd; attempt++) {
        const driver = await driverFor(profile);
        try {
          wd = await WebDriverSession.create(driver.base, capabilities, { timeout: 30000 });
        } catch (e) {
          if (attempt > 1 || !/no answer/.test(e.message)) throw e;
          console.warn(`webkit: ${e.message}; WebKitWebDriver is started again`);
          driver.stop();
          drivers.delete(driverKey(profile));
        }
      }
      version = wd.capabilities.browserVersion;
      if (!profile.touch) await wd.setWindowRect({ width: profile.width ?? 1280, height: profile.height ?? 900 });
      const session = new WebKitSession(await wd.forWindow(), downloads, () => open.delete(session), { profile, root: wd });
      open.add(session);
      return session;
    },
    async close() {
      for (const s of [...open]) await s.close();
      for (const d of drivers.values()) (await d).stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}

// W3C WebDriver key codes.
const CODES = {
  Enter: '\uE007', Tab: '\uE004', Backspace: '\uE003', Space: ' ', End: '\uE010', Home: '\uE011',
  Escape: '\uE00C', Delete: '\uE017', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014',
  ArrowDown: '\uE015', Shift: '\uE008', Control: '\uE009', Alt: '\uE00A', Meta: '\uE03D',
  Equal: '=', Minus: '-', Digit0: '0',
};
const code = (k) => CODES[k] ?? (k.length === 1 ? k.toLowerCase() : (() => { throw new Error(`key ${k}`); })());

// WebKit's web content processes (each tab of a session has its own).
function webProcesses() {
  return execFileSync('ps', ['-eo', 'pid=,comm=']).toString().split('\n')
    .map((l) => l.trim().split(/\s+/)).filter(([, comm]) => comm && comm.startsWith('WebKitWebProces')).map(([pid]) => Number(pid));
}

class WebKitSession extends Session {
  // wd: the WebDriver commands for this session's window (tab); tab.root: the session itself.
  constructor(wd, downloads, closed, tab) {
    super('webkit');
    this.wd = wd;
    this.downloads = downloads;
    this.closed = closed;
    this.tab = { stopped: [], ...tab };
    this.tab.stopped = tab.stopped || [];  // web processes of killed tabs, shared by the profile
  }

  // Right after a navigation WebKitWebDriver (2.50) now and then loses a script's answer ("Could
  // not parse script result"): the script is asked again, a few times.
  async evalSource(source, args) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.wd.run(source, args);
      } catch (e) {
        if (!/Could not parse script result/.test(e.message) || attempt >= 5) throw new Error(`${e.message} (running ${source.slice(0, 100)})`);
        await this.sleep(100);
      }
    }
  }
  goto(url) { return this.wd.navigate(url); }
  // With a second window open, WebKitWebDriver's Refresh may answer before the old document is
  // gone (a script then meets the navigation: "Could not parse script result"): the old page is
  // marked, and the tab is ready when a new document answers.
  async reload() {
    await this.eval(() => { window.__reloading = true; });
    await this.wd.refresh();
    const until = Date.now() + 30000;
    // Until a new document has drawn its first frame; a script's answer lost in the navigation
    // ("Could not parse script result", also under load) is asked again.
    while (await this.eval(() => window.__reloading === true || !(window.__appReady === true || !!window.__appFailed)).catch(() => true)) {
      if (Date.now() > until) throw new Error('webkit: the page did not reload');
      await this.sleep(50);
    }
    // The driver may still lose an answer right after the new document drew its first frame.
    for (;;) {
      try {
        await this.ready();
        return;
      } catch (e) {
        if (!/Could not parse script result/.test(e.message) || Date.now() > until) throw e;
        await this.sleep(50);
      }
    }
  }
  async keys(actions) {
    await this.wd.actions([{ type: 'key', id: 'keyboard', actions }]);
  }
  async key(combo) {
    const { key, modifiers } = parseCombo(combo);
    const mods = modifiers.map(code);
    await this.keys([...mods.map((value) => ({ type: 'keyDown', value })),
      { type: 'keyDown', value: code(key) }, { type: 'keyUp', value: code(key) },
      ...mods.reverse().map((value) => ({ type: 'keyUp', value }))]);
  }
  async type(text) {
    const actions = [];
    for (const ch of text) {
      const value = ch === '\n' ? CODES.Enter : ch;
      actions.push({ type: 'keyDown', value }, { type: 'keyUp', value });
    }
    await this.keys(actions);
  }
  async typeWithModifiers(modifiers, text) {
    const mods = modifiers.map(code);
    const chars = [...text].flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]);
    await this.keys([...mods.map((value) => ({ type: 'keyDown', value })), ...chars,
      ...mods.reverse().map((value) => ({ type: 'keyUp', value }))]);
  }
  // Under automation WebKit answers an open panel with the files given to the input by Element
  // Send Keys; the panel the app's own click opened closes without a file.
  async chooseFile(action, file) {
    await action();
    await this.waitFor(() => !!document.querySelector('input[type=file]'));
    const input = await this.wd.element('() => document.querySelector("input[type=file]")', []);
    await this.wd.sendKeysTo(input, file);
    await this.settle(300);
  }
  download(action) {
    return newFileIn(this.downloads, action, { engine: 'webkit', partial: (n) => n.endsWith('.wkdownload'),
      ignore: (n) => n.startsWith('.') });
  }
  // WebDriver's actions synthesise GDK key events; with Ctrl or Alt held GTK takes a character as
  // a shortcut and inserts nothing. Linux's AltGr (ISO_Level3_Shift) holds neither, so the
  // character arrives plain, which is what this sends.
  altGr(text) { return this.type(text); }
  async tapAt(x, y) {
    await this.wd.actions([{ type: 'pointer', id: 'finger', parameters: { pointerType: 'touch' }, actions: [
      { type: 'pointerMove', x, y, origin: 'viewport' }, { type: 'pointerDown', button: 0 },
      { type: 'pause', duration: 50 }, { type: 'pointerUp', button: 0 }] }]);
  }
  async screenshot(path) { (await import('node:fs')).writeFileSync(path, await this.wd.screenshot()); }
  async close() {
    this.closed();
    // A stopped tab would hold the session's end: it goes first (WebKitWebDriver then ends the
    // session itself, "page crash").
    for (const pid of this.tab.stopped.splice(0)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    await this.tab.root.close().catch(() => {});
  }

  // A window of its own: MiniBrowser's tabs in one window are 'hidden' except the one in front,
  // and WebDriver's switching does not bring one forward; side by side, every tab draws.
  async newTab() {
    const before = webProcesses();
    const handle = await this.tab.root.newWindow();
    const wd = await this.tab.root.forWindow(handle);
    const tab = new WebKitSession(wd, this.downloads, () => {}, { ...this.tab, pids: null });
    if (!this.tab.profile.touch) await wd.setWindowRect({ width: this.tab.profile.width ?? 1280, height: this.tab.profile.height ?? 900 });
    await tab.open(this.url);
    tab.tab.pids = webProcesses().filter((p) => !before.includes(p));
    return tab;
  }
  // Every window draws (see newTab); commands go to this one.
  async use() { await this.wd.currentWindow(); }
  // WebDriver's Close Window: WebKit runs pagehide and unload.
  async closeTab() { await this.wd.closeWindow(); }
  // WebKitWebDriver ends the whole session when a page's process dies, and the session's storage
  // is ephemeral: a killed tab could not be looked at from another. So the tab's web process is
  // stopped for good (SIGSTOP) — no pagehide, no unload, it never runs again — and killed when the
  // profile closes. Unlike a crash, its Web Lock stays held until another tab takes it over.
  async kill() {
    const pids = this.tab.pids || [];
    if (!pids.length) throw new Error('webkit: only a tab opened with newTab() can be ended (its web process is known)');
    for (const pid of pids) { process.kill(pid, 'SIGSTOP'); this.tab.stopped.push(pid); }
  }
}
bounded(WebKitSession);
