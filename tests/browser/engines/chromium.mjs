// Chromium (Debian's /usr/bin/chromium) through playwright-core.
import { readFile } from 'node:fs/promises';
import { launch } from '../harness.mjs';
import { Session, bounded, parseCombo } from './session.mjs';

export async function launchChromium() {
  const browser = await launch();
  return {
    name: 'chromium',
    version: browser.version(),
    async open(profile = {}) {
      const context = await browser.newContext({
        acceptDownloads: true,
        viewport: { width: profile.width ?? 1280, height: profile.height ?? 900 },
        deviceScaleFactor: profile.deviceScaleFactor ?? 1,
        hasTouch: !!profile.touch,
        isMobile: !!profile.touch,
      });
      return new ChromiumSession(context, await context.newPage());
    },
    close: () => browser.close(),
  };
}

class ChromiumSession extends Session {
  constructor(context, page) {
    super('chromium');
    this.context = context;
    this.page = page;
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => this.problems.push(`request failed: ${r.url()}`));
  }

  evalSource(source, args) { return this.page.evaluate(`(${source})(...${JSON.stringify(args)})`); }
  goto(url) { return this.page.goto(url); }
  async reload() { await this.page.reload(); await this.ready(); }
  key(combo) {
    const { key, modifiers } = parseCombo(combo);
    return this.page.keyboard.press([...modifiers, key].join('+'));
  }
  type(text) { return this.page.keyboard.type(text); }
  async typeWithModifiers(modifiers, text) {
    for (const m of modifiers) await this.page.keyboard.down(m);
    await this.page.keyboard.insertText(text);
    for (const m of [...modifiers].reverse()) await this.page.keyboard.up(m);
  }
  async chooseFile(action, file) {
    const chooser = this.page.waitForEvent('filechooser', { timeout: 10000 });
    await action();
    await (await chooser).setFiles(file);
    await this.settle(300);
  }
  async download(action) {
    const download = this.page.waitForEvent('download', { timeout: 30000 });
    await action();
    const d = await download;
    return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
  }
  tapAt(x, y) { return this.page.touchscreen.tap(x, y); }
  screenshot(path) { return this.page.screenshot({ path }); }
  close() { return this.context.close(); }

  async newTab() {
    const tab = new ChromiumSession(this.context, await this.context.newPage());
    await tab.open(this.url);
    return tab;
  }
  // Headless Chromium shows every tab (each in a window of its own): nothing to bring forward.
  use() { return this.page.bringToFront(); }
  async closeTab() {
    const closed = this.page.waitForEvent('close');
    await this.page.close({ runBeforeUnload: true });
    await closed;
  }
  // The renderer of this tab crashes (each tab has its own here): no pagehide, no unload; the
  // browser lets go of the tab's Web Lock. The crashed tab is then closed (no page left to run).
  async kill() {
    const crashed = new Promise((resolve) => this.page.once('crash', resolve));
    const cdp = await this.context.newCDPSession(this.page);
    cdp.send('Page.crash').catch(() => {});  // answers never: the page is gone
    await crashed;
    await this.page.close().catch(() => {});
  }
}
bounded(ChromiumSession);
