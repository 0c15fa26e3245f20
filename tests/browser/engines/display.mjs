// Firefox and WebKitGTK need an X display to draw WebGL (headless Firefox has none). Xvfb servers
// are started on first use, one per screen size, on free display numbers, and stopped when the
// test process ends.
import { spawn } from 'node:child_process';

const displays = new Map();  // "WxH" -> Promise<":N">
const servers = [];         // Xvfb and window manager processes, stopped by stopDisplays()

export function stopDisplays() {
  for (const p of servers.splice(0)) p.kill();
  displays.clear();
}

// The default screen is big enough for any desktop window; a phone profile asks for a screen of
// exactly its own size, where a full-screen browser window is the phone's screen.
// `phone`: a window manager that gives every window the whole screen (matchbox, made for
// phones), so the browser's full-screen window is the phone's screen.
export function xDisplay({ width = 1600, height = 1200, phone = false } = {}) {
  const key = `${width}x${height}${phone ? ' phone' : ''}`;
  if (!displays.has(key)) {
    displays.set(key, startXvfb(`${width}x${height}`).then(async (display) => {
      if (phone) await startWindowManager(display);
      return display;
    }));
  }
  return displays.get(key);
}

async function startWindowManager(display) {
  const wm = spawn('matchbox-window-manager', ['-use_titlebar', 'no', '-use_cursor', 'no'],
    { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
  servers.push(wm);
  process.on('exit', () => wm.kill());
  await new Promise((r) => setTimeout(r, 300));
}

function startXvfb(size) {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${size}x24`, '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  xvfb.stderr.on('data', (d) => { stderr += d; });
  servers.push(xvfb);
  process.on('exit', () => xvfb.kill());
  return new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        xvfb.stdio[3].destroy();
        resolve(`:${out.trim()}`);
      }
    });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb ended (${code}): ${stderr}`)));
  });
}
