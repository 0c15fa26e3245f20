// A small Linux desktop in which Orca runs, for the screen-reader test: Xvfb, a D-Bus session,
// the AT-SPI bus, a window manager and speech-dispatcher with espeak-ng. Every process starts in
// its own process group and `stop()` ends each group (also when the test fails or the process
// exits), so nothing is left running.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, cp, appendFile, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const AT_SPI_BUS_LAUNCHER = '/usr/libexec/at-spi-bus-launcher';

export class Desktop {
  static async start() {
    const dir = await mkdtemp(join(tmpdir(), 'sipprep-orca-'));
    const desktop = new Desktop(dir);
    try {
      await desktop.#start();
    } catch (e) {
      await desktop.stop();
      throw e;
    }
    return desktop;
  }

  constructor(dir) {
    this.dir = dir;
    this.groups = [];  // process group ids, ended in reverse order
    this.exitHandler = () => this.#killAll('SIGKILL');
    process.on('exit', this.exitHandler);
    const runtime = join(dir, 'run');
    this.env = {
      ...process.env,
      HOME: join(dir, 'home'),
      XDG_RUNTIME_DIR: runtime,
      XDG_CONFIG_HOME: join(dir, 'home', '.config'),
      XDG_DATA_HOME: join(dir, 'home', '.local', 'share'),
      XDG_CACHE_HOME: join(dir, 'home', '.cache'),
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'bus')}`,
      GNOME_ACCESSIBILITY: '1',
      NO_AT_BRIDGE: '0',
      SPEECHD_ADDRESS: `unix_socket:${join(runtime, 'speechd.sock')}`,
    };
  }

  spawn(command, args, { name = command, env = {} } = {}) {
    const child = spawn(command, args, { env: { ...this.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.log = '';
    child.stdout.on('data', (d) => { child.log += d; });
    child.stderr.on('data', (d) => { child.log += d; });
    child.on('error', (e) => { child.log += `\n${name}: ${e.message}`; });
    if (child.pid) this.groups.push({ pid: child.pid, name, child });
    return child;
  }

  async #start() {
    for (const d of ['run', 'home']) await mkdir(join(this.dir, d), { recursive: true, mode: 0o700 });
    // -noreset: the server keeps its keyboard map when a client goes (setxkbmap se below), or
    // xdotool loses åäö.
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-noreset', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      { env: this.env, detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    this.groups.push({ pid: xvfb.pid, name: 'Xvfb', child: xvfb });
    const display = await new Promise((resolve, reject) => {
      let out = '', err = '';
      xvfb.stderr.on('data', (d) => { err += d; });
      xvfb.stdio[3].on('data', (d) => {
        out += d;
        if (out.includes('\n')) { xvfb.stdio[3].destroy(); resolve(`:${out.trim()}`); }
      });
      xvfb.on('exit', (code) => reject(new Error(`Xvfb ended (${code}): ${err}`)));
      xvfb.on('error', reject);
    });
    this.env.DISPLAY = display;
    execFileSync('setxkbmap', ['se'], { env: this.env });

    const bus = join(this.dir, 'bus');
    const dbus = this.spawn('dbus-daemon', ['--session', '--nofork', `--address=unix:path=${bus}`]);
    await this.#until(() => existsSync(bus), 'the D-Bus session bus', dbus);
    const atspi = this.spawn(AT_SPI_BUS_LAUNCHER, ['--launch-immediately']);
    await this.#until(() => this.#atspiBus(), 'the AT-SPI bus', atspi);
    this.spawn('matchbox-window-manager', ['-use_titlebar', 'no', '-use_cursor', 'no']);
    await this.#startSpeech();
  }

  // speech-dispatcher, started here (its autospawn refuses root) with espeak-ng. With no sound
  // card its dummy module quits and its PulseAudio output stalls after three utterances, so the
  // sound goes to ALSA's null device.
  async #startSpeech() {
    const conf = join(this.dir, 'speechd');
    await cp('/etc/speech-dispatcher', conf, { recursive: true });
    await appendFile(join(conf, 'speechd.conf'), [
      'AudioOutputMethod "alsa"', 'AudioALSADevice "null"',
      'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"', 'DefaultModule espeak-ng', 'DefaultLanguage "sv"', '',
    ].join('\n'));
    const socket = join(this.env.XDG_RUNTIME_DIR, 'speechd.sock');
    const speechd = this.spawn('speech-dispatcher',
      ['--run-single', '--timeout', '0', '--config-dir', conf, '--socket-path', socket, '--log-dir', this.dir]);
    await this.#until(() => existsSync(socket), 'speech-dispatcher', speechd);
  }

  #atspiBus() {
    try {
      execFileSync('dbus-send', ['--session', '--print-reply', '--dest=org.a11y.Bus', '/org/a11y/bus', 'org.a11y.Bus.GetAddress'],
        { env: this.env, stdio: ['ignore', 'pipe', 'ignore'], timeout: 10000 });
      return true;
    } catch { return false; }
  }

  async #until(ready, what, child, timeout = 60000) {
    const end = Date.now() + timeout;
    while (!(await ready())) {
      if (child.exitCode !== null) throw new Error(`${what} ended (${child.exitCode}): ${child.log}`);
      if (Date.now() > end) throw new Error(`${what} did not start in ${timeout / 1000} s: ${child.log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  // Keys as a person presses them, through the X server (XTEST), to the window that has focus.
  key(...keys) { execFileSync('xdotool', ['key', '--clearmodifiers', ...keys], { env: this.env }); }
  type(text) { execFileSync('xdotool', ['type', '--delay', '60', text], { env: this.env }); }

  #killAll(signal) {
    for (const { pid } of [...this.groups].reverse()) {
      try { process.kill(-pid, signal); } catch { /* already gone */ }
    }
  }

  // Ends every process group (TERM, then KILL for any that stay) and removes the directory.
  async stop() {
    this.#killAll('SIGTERM');
    const end = Date.now() + 5000;
    const alive = () => this.groups.filter(({ pid }) => { try { process.kill(-pid, 0); return true; } catch { return false; } });
    while (alive().length && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    this.#killAll('SIGKILL');
    // Gone, not only told to go: the next test's Orca would find this one still running.
    const killed = Date.now() + 5000;
    while (alive().length && Date.now() < killed) await new Promise((r) => setTimeout(r, 100));
    process.off('exit', this.exitHandler);
    this.groups = [];
    await rm(this.dir, { recursive: true, force: true, maxRetries: 3 });
  }

  read(file) { return readFile(join(this.dir, file), 'utf8'); }
}
