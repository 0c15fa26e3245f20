// The engines the shared browser flows run in. SIPPREP_ENGINES=chromium,firefox,webkit (the
// default: all three) chooses. `useEngine(name)` launches one for a test file's describe block.
import { before, after } from 'node:test';
import { mkdir } from 'node:fs/promises';
import { serve, ARTIFACTS } from '../harness.mjs';
import { within } from './deadline.mjs';
import { stopDisplays } from './display.mjs';
import { STEP } from './session.mjs';
import { launchChromium } from './chromium.mjs';
import { launchFirefox } from './firefox.mjs';
import { launchWebKit } from './webkit.mjs';

const LAUNCH = { chromium: launchChromium, firefox: launchFirefox, webkit: launchWebKit };

export const ENGINES = (process.env.SIPPREP_ENGINES || 'chromium,firefox,webkit').split(',').map((s) => s.trim())
  .filter((name) => {
    if (!LAUNCH[name]) throw new Error(`unknown engine ${name} (chromium, firefox, webkit)`);
    return true;
  });

// The browser started, and each of its sessions opened and itself closed, within STEP.
export async function launchEngine(name) {
  const engine = await within(LAUNCH[name](), STEP, `${name}: starting the browser`);
  const open = engine.open.bind(engine), close = engine.close.bind(engine);
  engine.open = (profile) => within(open(profile), STEP, `${name}: a new session (profile ${JSON.stringify(profile ?? {})})`);
  engine.close = () => within(close(), STEP, `${name}: closing the browser`);
  return engine;
}

// Inside describe(): one server and one browser for the block. env.open(profile) gives a
// Session on the app, ready (its first frame drawn), in a fresh profile.
export function useEngine(name) {
  const env = { name };
  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    env.server = await serve();
    env.engine = await launchEngine(name);
    const openOnce = async (profile) => {
      const session = await env.engine.open(profile);
      // An app that does not start must not leave its browser session behind.
      await session.open(env.server.url).catch(async (e) => { await session.close().catch(() => {}); throw e; });
      return session;
    };
    env.open = async (profile) => {
      try {
        return await openOnce(profile);
      } catch (e) {
        // WebKitGTK's web process now and then dies while a page starts on a busy machine, and its
        // driver deletes the session. Said in the output and tried once more in a new session; an
        // app that does not start fails the second time too.
        if (name !== 'webkit' || !/page crash or hang|invalid session id/.test(String(e?.message))) throw e;
        console.log(`# webkit: the web process ended while the app started (${String(e.message).slice(0, 160)}); opened once more`);
        return openOnce(profile);
      }
    };
  });
  after(async () => {
    await env.engine?.close();
    await env.server?.close();
    stopDisplays();
  });
  return env;
}
