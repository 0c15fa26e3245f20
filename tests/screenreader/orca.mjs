// Orca in a Desktop (./desktop.mjs), and what it says: every "SPEECH OUTPUT" line of its debug
// log is one utterance. Tests wait for Orca's own output, never for a fixed time.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function orcaVersion() {
  return execFileSync('orca', ['--version']).toString().trim().replace(/^orca\s*/i, '');
}

// Orca's settings: its defaults, except that it does not start reading the whole page when the
// page has loaded (Say All). With sound going nowhere that reading sometimes ends at once and
// sometimes is still running when Tab reaches a field, and while it runs Orca keeps browse mode
// there: digits typed into the personnummer field become heading commands.
const SETTINGS = {
  general: { sayAllOnLoad: false, firstStart: false },
  profiles: { default: { profile: ['Default', 'default'], pronunciations: {}, keybindings: {} } },
  pronunciations: {},
  keybindings: {},
};

// Orca refuses to start while another Orca of this user runs (it asks `pgrep -u UID -x orca`):
// one from a run just before may still be ending, on a busy machine for seconds.
async function noOtherOrca() {
  const others = () => {
    try { return execFileSync('pgrep', ['-u', String(process.getuid()), '-x', 'orca']).toString().trim(); } catch { return ''; }
  };
  const end = Date.now() + 30000;
  while (others() && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
  const left = others();
  if (left) throw new Error(`another Orca of this user is running (pid ${left.split('\n').join(', ')}); Orca starts only alone`);
}

export async function startOrca(desktop) {
  await noOtherOrca();
  const log = join(desktop.dir, 'orca-debug.out');
  const prefs = join(desktop.dir, 'orca');
  await mkdir(prefs, { recursive: true });
  await writeFile(join(prefs, 'user-settings.conf'), JSON.stringify(SETTINGS, null, 2));
  const child = desktop.spawn('/usr/bin/python3', [fileURLToPath(new URL('orca-line-buffered.py', import.meta.url)), log,
    '--user-prefs', prefs], { name: 'orca' });
  const speech = new Speech(log, child);
  await speech.waitFor(/^Screen reader on\.?$/, { timeout: 90000, what: 'Orca to start' });
  return speech;
}

const LINE = /SPEECH OUTPUT: '([\s\S]*?)' ?\{[^{}]*\}\s*$/;

export class Speech {
  constructor(file, child) {
    this.file = file;
    this.child = child;
    this.lines = [];
  }

  // Reads the log again; returns every utterance so far.
  async read() {
    let text;
    try { text = await readFile(this.file, 'utf8'); } catch { return this.lines; }
    const lines = [];
    // Entries start with a time stamp; an utterance may itself hold a line break.
    for (const entry of text.split(/\n(?=\d\d:\d\d:\d\d\.\d+ - )/)) {
      const m = entry.match(LINE);
      if (m) lines.push(m[1]);
    }
    this.lines = lines;
    return lines;
  }

  // The number of utterances so far: later waits and checks look at what comes after it.
  async mark() { return (await this.read()).length; }

  async since(mark) { return (await this.read()).slice(mark); }

  // Waits for an utterance after `after` that matches `pattern` (RegExp, exact string or test);
  // returns its index. The deadline is generous: the machine may be busy.
  async waitFor(pattern, { after = 0, timeout = 60000, what } = {}) {
    const matches = typeof pattern === 'function' ? pattern
      : typeof pattern === 'string' ? (l) => l === pattern : (l) => pattern.test(l);
    const end = Date.now() + timeout;
    for (;;) {
      const lines = await this.read();
      const i = lines.findIndex((l, n) => n >= after && matches(l));
      if (i >= 0) return i;
      if (this.child.exitCode !== null) throw new Error(`Orca ended (${this.child.exitCode}): ${this.child.log}`);
      if (Date.now() > end) {
        throw new Error(`Orca did not say ${what ?? pattern} within ${timeout / 1000} s; it said:\n  `
          + lines.slice(after).join('\n  '));
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  // Orca's whole debug log, not only what it said: where it is now (a mark for waitForLog).
  async logMark() {
    try { return (await readFile(this.file, 'utf8')).length; } catch { return 0; }
  }

  // Waits until Orca's debug log, after `from` (a logMark), has an entry matching `pattern`: an
  // event Orca has taken in (Firefox may hand it the events of typed text later, in a batch).
  async waitForLog(pattern, { from = 0, timeout = 60000, what } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      let text = '';
      try { text = await readFile(this.file, 'utf8'); } catch { /* not written yet */ }
      if (pattern.test(text.slice(from))) return;
      if (this.child.exitCode !== null) throw new Error(`Orca ended (${this.child.exitCode}): ${this.child.log}`);
      if (Date.now() > end) throw new Error(`Orca's log has no ${what ?? pattern} within ${timeout / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async save(path) {
    await writeFile(path, (await this.read()).join('\n') + '\n');
  }
}
