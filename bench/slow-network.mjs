// Time to the first frame on a slow connection (first visit, nothing cached): 150 ms latency,
// 1.6 Mbit/s down — a phone with poor coverage. Prints each run.
//   node bench/slow-network.mjs   (after ./build-wasm.sh)
import { serve, launch } from '../tests/browser/harness.mjs';

const server = await serve();
const browser = await launch();
const times = [];
for (let i = 0; i < 3; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions',
    { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__appReady === true, null, { timeout: 60000 });
  times.push(await page.evaluate(() => Math.round(performance.getEntriesByName('sipprep:first-frame')[0].startTime)));
  await context.close();
}
console.log(`slow connection (150 ms, 1.6 Mbit/s), first visit: first frame ${times.join(', ')} ms`);
await browser.close();
process.exit(0);
