// Firefox ESR (Debian's firefox-esr) through puppeteer-core over WebDriver BiDi. Headful under
// Xvfb with software GL: headless Firefox has no WebGL here.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { xDisplay } from './display.mjs';
import { Session, bounded, newFileIn, parseCombo } from './session.mjs';

export async function launchFirefox() {
  const downloads = await mkdtemp(join(tmpdir(), 'sipprep-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
    headless: false,
    env: { ...process.env, DISPLAY: await xDisplay(), LIBGL_ALWAYS_SOFTWARE: '1' },
    extraPrefsFirefox: {
      'webgl.force-enabled': true,
      // Saved files land in one folder without a question, as after "always save".
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'application/json,application/octet-stream,text/plain',
      'browser.download.alwaysOpenPanel': false,
      // Printing goes to a PDF file without the dialog, so a test can see the document.
      'print.always_print_silent': true,
      'print_printer': 'Mozilla Save to PDF',
      'print.printer_Mozilla_Save_to_PDF.print_to_file': true,
      'print.printer_Mozilla_Save_to_PDF.print_to_filename': join(downloads, 'printed.pdf'),
      // Every tab its own content process, none started ahead: a test can end one tab as a
      // crash does (Session.kill) and the other tabs of the profile go on.
      'dom.ipc.processCount.webIsolated': 64,
      'dom.ipc.processPrelaunch.enabled': false,
    },
  });
  const root = browser.process().pid;
  return {
    name: 'firefox',
    version: (await browser.version()).replace('firefox/', ''),
    downloads,
    async open(profile = {}) {
      const context = await browser.createBrowserContext();
      return FirefoxSession.create(context, profile, downloads, root);
    },
    async close() {
      await browser.close();
      await rm(downloads, { recursive: true, force: true });
    },
  };
}

const KEYS = { Space: ' ', Equal: '=', Minus: '-', Digit0: '0' };

// The content processes of the Firefox whose main process is `root` (pages run there).
function contentProcesses(root) {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args=']).toString().split('\n')
    .map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/)).filter(Boolean)
    .map(([, pid, ppid, args]) => ({ pid: Number(pid), ppid: Number(ppid), args }));
  const mine = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) if (!mine.has(r.pid) && mine.has(r.ppid)) { mine.add(r.pid); grew = true; }
  }
  return rows.filter((r) => mine.has(r.pid) && / -contentproc .*-isForBrowser/.test(r.args)).map((r) => r.pid);
}

class FirefoxSession extends Session {
  // A new tab in `context`; the content processes started for it are its own (see the prefs).
  static async create(context, profile, downloads, root) {
    const before = contentProcesses(root);
    const page = await context.newPage();
    await page.setViewport({ width: profile.width ?? 1280, height: profile.height ?? 900,
      deviceScaleFactor: profile.deviceScaleFactor ?? 1, hasTouch: !!profile.touch, isMobile: !!profile.touch });
    return new FirefoxSession(context, page, downloads, { root, before, profile });
  }

  constructor(context, page, downloads, tab) {
    super('firefox');
    this.context = context;
    this.page = page;
    this.downloads = downloads;
    this.tab = tab;
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`));
  }

  evalSource(source, args) { return this.page.evaluate(`(${source})(...${JSON.stringify(args)})`); }
  async goto(url) {
    await this.page.goto(url);
    // The first page of the tab: the process it runs in is the one started for it.
    if (!this.tab.pids) this.tab.pids = contentProcesses(this.tab.root).filter((p) => !this.tab.before.includes(p));
  }
  async reload() { await this.page.reload(); await this.ready(); }
  async key(combo) {
    const { key, modifiers } = parseCombo(combo);
    for (const m of modifiers) await this.page.keyboard.down(m);
    await this.page.keyboard.press(KEYS[key] ?? (key.length === 1 ? key.toLowerCase() : key));
    for (const m of [...modifiers].reverse()) await this.page.keyboard.up(m);
  }
  type(text) { return this.page.keyboard.type(text); }
  async typeWithModifiers(modifiers, text) {
    for (const m of modifiers) await this.page.keyboard.down(m);
    await this.page.keyboard.sendCharacter(text);
    for (const m of [...modifiers].reverse()) await this.page.keyboard.up(m);
  }
  async chooseFile(action, file) {
    const [chooser] = await Promise.all([this.page.waitForFileChooser({ timeout: 10000 }), action()]);
    await chooser.accept([file]);
    await this.settle(300);
  }
  download(action) {
    return newFileIn(this.downloads, action, { engine: 'firefox', partial: (n) => n.endsWith('.part'),
      ignore: (n) => n === 'printed.pdf' });
  }
  // The silent print to PDF (see the prefs above) wrote a document.
  async printedFile() {
    const file = join(this.downloads, 'printed.pdf');
    for (let i = 0; i < 100; i++) {
      try { if ((await stat(file)).size > 1000) return file; } catch { /* not yet */ }
      await this.sleep(100);
    }
    throw new Error('firefox printed no PDF');
  }
  tapAt(x, y) { return this.page.touchscreen.tap(x, y); }
  screenshot(path) { return this.page.screenshot({ path }); }
  close() { return this.context.close(); }

  async newTab() {
    const tab = await FirefoxSession.create(this.context, this.tab.profile, this.downloads, this.tab.root);
    await tab.open(this.url);
    return tab;
  }
  // Tabs share a window here: only the one in front draws (and the others are 'hidden').
  use() { return this.page.bringToFront(); }
  // WebDriver BiDi's browsingContext.close (without a prompt): Firefox runs pagehide and unload.
  closeTab() { return this.page.close(); }
  // The tab's own content process is killed: no pagehide, no unload; Firefox lets go of its Web
  // Lock and shows the tab as crashed, which is then closed.
  async kill() {
    const pids = this.tab.pids || [];
    if (!pids.length) throw new Error('firefox: this tab has no content process of its own to end');
    for (const pid of pids) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    const until = Date.now() + 30000;
    while (contentProcesses(this.tab.root).some((p) => pids.includes(p))) {
      if (Date.now() > until) throw new Error(`firefox: the tab's content process ${pids.join(', ')} did not end after SIGKILL`);
      await this.sleep(20);
    }
    await this.page.close().catch(() => {});
  }
}
bounded(FirefoxSession);
