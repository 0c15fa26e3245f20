// Heard as a blind person hears it (issue 25): Orca itself reads the app in Firefox ESR, keys come
// through the X server (xdotool) as a person presses them, and the assertions are on what Orca
// says (the "SPEECH OUTPUT" lines of its debug log). The transcript is kept in
// build/test-artifacts/orca-transcript.txt. The page is only touched to move the clock on and to
// check what reached the app; nothing is focused or typed through the browser driver.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, ARTIFACTS } from '../browser/harness.mjs';
import { watchPatches } from '../browser/shared/common.mjs';
import { Desktop } from './desktop.mjs';
import { startOrca, orcaVersion } from './orca.mjs';

// puppeteer-core is installed with the browser tests (tests/browser/node_modules).
const puppeteer = createRequire(new URL('../browser/package.json', import.meta.url))('puppeteer-core');

const SENTENCE = 'Jag vill bo kvar hemma även på vintern, med hjälp från Åsa och Örjan';
const WRONG_PNR = '191212121213';  // the check digit should be 2
const PNR_ERROR = /kontrollsiffran/;
const PNR_ERROR_NAMED = /^Personnummer: Den sista siffran \(kontrollsiffran\) stämmer inte/;
// An utterance that names a control Tab has moved to (by its role).
const CONTROL = /\b(push button|entry|check box|radio button|link|heading level \d|combo box|toggle button)\b/;

// Opens `url` at start, as when a person opens a link: the page has focus, not the address bar.
async function launchFirefox(desktop, url) {
  const browser = await puppeteer.launch({
    args: [url],
    browser: 'firefox',
    executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
    headless: false,
    defaultViewport: null,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    env: { ...desktop.env, LIBGL_ALWAYS_SOFTWARE: '1' },
    extraPrefsFirefox: {
      'webgl.force-enabled': true,
      'accessibility.force_disabled': -1,  // accessibility on, whatever Firefox guesses
    },
  });
  // Also ended with the desktop, should browser.close() not get to run.
  desktop.groups.push({ pid: browser.process().pid, name: 'firefox' });
  return browser;
}

test('Orca in Firefox ESR: the start screen, step 1 by Tab, typing with åäö, an error, the next step', { timeout: 600000 }, async () => {
  const began = Date.now();
  await mkdir(ARTIFACTS, { recursive: true });
  let server, desktop, speech, browser;
  const sections = [];  // [title, first utterance index]
  const section = async (title) => sections.push([title, await speech.mark()]);
  try {
    server = await serve();
    desktop = await Desktop.start();
    speech = await startOrca(desktop);
    await section(`Start screen (Orca ${orcaVersion()}, Firefox ESR)`);
    browser = await launchFirefox(desktop, server.url);
    const [page] = await browser.pages();
    await page.waitForFunction(() => window.__appReady === true || window.__appFailed, { timeout: 60000 });
    assert.equal(await page.evaluate(() => window.__appFailed ?? null), null);
    await speech.waitFor(/^Finished loading Förbered din SIP/, { what: 'that the page has loaded' });
    sections[0][0] = `Start screen (Orca ${orcaVersion()}, ${(await browser.version()).replace('firefox/', 'Firefox ')})`;

    // Presses keys and waits for Orca to say `expected` after them.
    const say = async (keys, expected) => {
      const mark = await speech.mark();
      desktop.key(...keys);
      return speech.waitFor(expected, { after: mark });
    };
    // Tab until Orca names a control matching `target`. Each Tab waits for focus to move in the
    // page and then for Orca to name that control: Orca may still be saying where the previous
    // Tab went, and that must not count for this one.
    const focusName = () => page.evaluate(() => {
      const a = document.activeElement;
      return (a?.getAttribute('aria-label') || a?.labels?.[0]?.textContent || (a?.tagName === 'BUTTON' ? a.firstChild?.textContent : a?.textContent) || '').trim().slice(0, 12);
    });
    const tabTo = async (target, max = 40) => {
      for (let i = 0; i < max; i++) {
        await page.evaluate(() => { window.__beforeTab = document.activeElement; });
        const mark = await speech.mark();
        desktop.key('Tab');
        await page.waitForFunction(() => document.activeElement !== window.__beforeTab, { timeout: 60000 });
        const name = await focusName();
        const at = await speech.waitFor((l) => CONTROL.test(l) && l.includes(name), { after: mark, what: `where Tab went (${name})` });
        const lines = await speech.read();
        if (target.test(lines[at])) return at;
      }
      throw new Error(`Tab never reached ${target}`);
    };

    // With no sound, Orca's reading on load has already run to the end: back to the top first.
    await say(['ctrl+Home'], /^Hoppa till innehållet/);
    await say(['Tab'], /radio button/);
    await say(['Tab'], /^Ny förberedelse push button\.?$/);
    const startScreen = await speech.since(sections[0][1]);
    // Orca names the group ("Vem fyller i? panel") only when it takes this Tab as entering it,
    // which depends on where its caret was after Ctrl+Home: not asserted.
    assert.ok(startScreen.some((l) => /^Jag själv\.?$/.test(l)), 'the chosen answer is said');

    await section('Step 1 by Tab, after Enter on "Ny förberedelse"');
    await say(['Return'], /^Steg 1 av 9: Om dig heading level 2\.?$/);
    await tabTo(/^Ditt namn entry\.?$/);
    await tabTo(/^Personnummer entry ÅÅÅÅMMDDNNNN\.?$/);

    await section(`Typing a personnummer with the wrong check digit (${WRONG_PNR}), then Tab`);
    const typedPnr = await speech.mark();
    const typedInLog = await speech.logMark();
    desktop.type(WRONG_PNR);
    await page.waitForFunction((v) => window.sipprep.state().content.owner.personal_id === v, { timeout: 60000 }, WRONG_PNR);
    // Firefox may hand Orca the typed digits' events later, in a batch: one that came after the
    // Tab would move Orca back into the field, and it would read the field and its error again.
    await speech.waitForLog(new RegExp(`Dequeued object:text-caret-moved \\[entry \\| Personnummer\\] \\(${WRONG_PNR.length},`),
      { from: typedInLog, what: 'the caret after the last digit' });
    const leftPnr = await speech.mark();
    desktop.key('Tab');
    // Said after the next control's name, so it names the field.
    await speech.waitFor(PNR_ERROR_NAMED, { after: leftPnr, what: 'the check-digit error, naming the field, after leaving it' });
    assert.ok(!(await speech.read()).slice(typedPnr, leftPnr).some((l) => PNR_ERROR.test(l)), 'no error while typing');

    await section('On to "Varför behövs mötet?"');
    const reasonAt = await tabTo(/^Varför behövs mötet\? entry\.?$/);
    await speech.waitFor(/^Med egna ord/, { after: reasonAt, what: 'the help text of the field' });

    await section(`Typing "${SENTENCE}" while the clock minute of "Sparat HH:MM" changes and a status line appears`);
    await page.evaluate(watchPatches);
    const savedAt = () => page.evaluate(() => [...document.querySelectorAll('#a11y-root *')]
      .map((el) => el.textContent).find((t) => /^Sparat \d\d:\d\d$/.test(t)) ?? null);
    const savedBefore = await savedAt();
    const typed = await speech.mark();
    for (let i = 0; i < SENTENCE.length; i++) {
      desktop.type(SENTENCE[i]);
      if (i % 9 === 4) {
        // A save a minute later: "Sparat HH:MM" gets new words.
        await page.evaluate(() => { window.__clockOffset += 61000; window.SipprepApp.draft_saved(); window.SipprepApp.wake(); });
      }
      if (i === 20) await page.evaluate(() => window.SipprepApp.update_available());
    }
    await page.waitForFunction((t) => window.sipprep.state().content.reason?.[0]?.text === t, { timeout: 60000 }, SENTENCE)
      .catch(() => {});
    assert.equal(await page.evaluate(() => window.sipprep.state().content.reason?.[0]?.text), SENTENCE, 'every letter reaches the app');
    const savedAfter = await savedAt();
    assert.ok(savedAfter && savedAfter !== savedBefore, `the minute changed beside the field (${savedBefore} → ${savedAfter})`);
    // Back and forth: Orca reads the field with what is in it.
    await section('Shift+Tab and Tab back to the field');
    const back = await speech.mark();
    await say(['shift+Tab'], CONTROL);
    await say(['Tab'], /^Varför behövs mötet\? entry/);
    const heard = (await speech.since(back)).join(' ');
    assert.ok(heard.includes(SENTENCE), `Orca reads every letter in the field; it said: ${heard}`);
    const whileTyping = (await speech.read()).slice(typed, back);
    assert.deepEqual(whileTyping.filter((l) => /Varför behövs mötet|Om dig|panel|Med egna ord/.test(l)), [],
      'the field is not read again while the person types');
    const stats = await page.evaluate(() => window.__patchStats);
    assert.equal(stats.focusMoves, 0, 'the focused field and its ancestors stay in the page');
    assert.equal(stats.focusLost, 0, 'focus never leaves the field');

    await section('On to "Nästa" and Enter');
    await tabTo(/^Nästa push button\.?$/, 60);
    await say(['Return'], /^Steg 2 av 9: Vad är viktigt för dig\? heading level 2\.?$/);

    const all = await speech.read();
    assert.equal(all.slice(typedPnr).filter((l) => PNR_ERROR.test(l)).length, 1, 'the error is said once');
  } catch (e) {
    // Where focus is, to tell a silent Orca from a lost key.
    const pages = await browser?.pages().catch(() => []) ?? [];
    const focus = await pages[0]?.evaluate(() => {
      const a = document.activeElement;
      return `${a?.tagName} ${a?.outerHTML.slice(0, 200)} (document focused: ${document.hasFocus()})`;
    }).catch((err) => err.message);
    // Orca's whole debug log (its events, not only speech) beside the transcript.
    if (speech) await copyFile(speech.file, join(ARTIFACTS, 'orca-debug.out')).catch(() => {});
    throw new Error(`${e.message}\nfocus: ${focus}\nOrca's debug log: build/test-artifacts/orca-debug.out`, { cause: e });
  } finally {
    const lines = speech ? await speech.read() : [];
    const out = [];
    sections.forEach(([title, from], n) => {
      out.push(`## ${title}`, ...lines.slice(from, sections[n + 1]?.[1] ?? lines.length).map((l) => `  ${l}`), '');
    });
    await writeFile(join(ARTIFACTS, 'orca-transcript.txt'), out.join('\n'));
    await browser?.close().catch(() => {});
    await desktop?.stop();
    await server?.close();
    console.log(`orca: ${((Date.now() - began) / 1000).toFixed(0)} s; transcript in build/test-artifacts/orca-transcript.txt`);
  }
});
