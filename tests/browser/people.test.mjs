// As people really use it, by keyboard and through the accessibility tree: where focus lands after
// each action, a follow-up that starts from the earlier file, the writer's name, ticks with errors,
// the '+' question, file names with the first name, actors by the names people use, and a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { openApp, press, goToStep, settle, state, startNew, ROOT, ARTIFACTS, useBrowser } from './harness.mjs';

const env = useBrowser();

const field = (page, name) => page.getByRole('textbox', { name, exact: true });
async function fill(page, name, text) {
  await field(page, name).fill(text);
  await settle(page, 100);
}
async function tick(page, name, role = 'checkbox') {
  await page.getByRole(role, { name, exact: true }).focus();
  await page.keyboard.press('Space');
  await settle(page);
}
// What has focus, as a screen reader would say it: role and name.
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const tag = el.tagName.toLowerCase();
  const name = el.labels?.[0]?.textContent ?? el.textContent;
  return `${/^h\d$/.test(tag) ? 'heading' : tag}: ${name}`;
});

test('focus lands on what each action made, and a new step is read from its heading', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await startNew(page);
  // The heading says where in the preparation the step is (issue 25, item 4).
  assert.equal(await focused(page), 'heading: Steg 1 av 9: Om dig', 'a new preparation starts at its first heading');
  await fill(page, 'Ditt namn', 'Elsa Lind');
  await press(page, 'Nästa');
  assert.equal(await focused(page), 'heading: Steg 2 av 9: Vad är viktigt för dig?');

  await goToStep(page, 'Vad behöver du?');
  await press(page, '+ Vardagen');
  assert.equal(await focused(page), 'textarea: Det här klarar jag själv');
  assert.equal(await page.locator('#a11y-live').textContent(), 'Vardagen är tillagt. Skriv i fälten under rubriken.');

  await goToStep(page, 'Frågor till mötet');
  for (const q of ['Första', 'Andra', 'Tredje']) {
    await fill(page, 'Ny fråga', q);
    await press(page, 'Lägg till fråga');
  }
  await press(page, 'Flytta fråga 2 uppåt');
  assert.equal((await state(page)).content.questions[0].text, 'Andra');
  assert.equal(await focused(page), 'button: Flytta fråga 1 nedåt', 'the moved question keeps focus');
  await press(page, 'Ta bort fråga 2');
  await press(page, 'Ja, ta bort');  // a question with words goes after "yes"
  assert.equal(await focused(page), 'textarea: Fråga 2', 'the next question takes the removed one\'s place');
  assert.equal(await field(page, 'Fråga 2').inputValue(), 'Tredje');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the step list, the writer and the file name say whose plan it is and what is wrong', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await startNew(page);
  await fill(page, 'Ditt namn', 'Åsa Öberg');
  await fill(page, 'Namn på den som ska skriva', 'Karin');
  await fill(page, 'Vem är det för dig? (till exempel dotter, granne, vän)', 'dotter');
  await press(page, 'Lägg till som skribent');
  await page.getByRole('radio', { name: 'Åsa själv (planen tillhör Åsa)', exact: true }).waitFor({ state: 'attached' });
  // A field's error and its question are shown when the person leaves the field (issue 25).
  await fill(page, 'Personnummer', '811218+9876');
  await page.keyboard.press('Tab');
  await page.getByText('Med + i numret är personen över 100 år (född 1881).', { exact: false }).first().waitFor({ state: 'attached' });
  await fill(page, 'Personnummer', '19450312-1235');
  await page.keyboard.press('Tab');
  await page.getByRole('button', { name: '1. Om dig, 1 fel', exact: true }).waitFor({ state: 'attached' });

  await tick(page, 'Karin (dotter)', 'radio');
  await goToStep(page, 'Vad är viktigt för dig?');
  await field(page, 'Vad tror du är viktigt för Åsa? – skrivet av Karin (dotter)').waitFor({ state: 'attached' });

  await goToStep(page, 'Sammanfattning');
  await press(page, 'Spara fil');
  await page.getByRole('alert', { name: 'Filen har fel' }).waitFor({ state: 'attached' });
  const download = page.waitForEvent('download');
  await press(page, 'Spara ändå');
  assert.match((await download).suggestedFilename(), /^sip-asa-\d{4}-\d{2}-\d{2}\.json$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a follow-up starts from the earlier file: names, guardians, invitees and consents carry over', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await press(page, 'Följ upp en tidigare SIP');
  assert.equal(await focused(page), 'button: Öppna filen från förra gången');
  const chooser = page.waitForEvent('filechooser');
  await press(page, 'Öppna filen från förra gången');
  await (await chooser).setFiles(join(ROOT, 'assets', 'examples', 'barn-skolfranvaro.json'));
  await page.waitForFunction(() => window.sipprep.state().content.kind === 'follow_up' &&
    window.sipprep.state().content.owner.name === 'Elsa Nilsson', null, { timeout: 30000 });
  const s = await state(page);
  assert.equal(s.content.representatives.length, 2);
  assert.equal(s.content.invitations.actors.length, 4);
  assert.equal(s.content.follows.saved, '2026-11-16T20:10:00Z');
  assert.ok(s.content.consents.every((c) => c.review === true), 'consents are marked for review');
  await goToStep(page, 'Vad är viktigt för dig?');
  const keep = page.getByRole('button', { name: /^Ta med: Att gå i skolan/ });
  await keep.focus();
  await page.keyboard.press('Enter');
  await settle(page);
  assert.match((await state(page)).content.goals.long_term[0].text, /^Att gå i skolan/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('actors by the names people use', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await startNew(page);
  await goToStep(page, 'Vilka ska vara med?');
  for (const name of ['Hemtjänsten', 'LSS-handläggaren', 'BUP (barn- och ungdomspsykiatrin)', 'Försäkringskassan'])
    await tick(page, name);
  const actors = (await state(page)).content.invitations.actors;
  assert.deepEqual(actors.map((a) => [a.kind, a.service ?? '']), [
    ['social_services', 'hemtjanst'], ['social_services', 'lss'], ['psychiatry', 'bup'], ['social_insurance', '']]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('on a 390×844 phone the step heading shows without scrolling; the writer opens on request', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url,
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  await startNew(page);
  await fill(page, 'Ditt namn', 'Elsa');
  await fill(page, 'Namn på den som ska skriva', 'Karin');
  await press(page, 'Lägg till som skribent');
  await press(page, 'Nästa');
  const heading = page.getByRole('heading', { name: 'Vad är viktigt för dig?', level: 2 });
  const box = await heading.boundingBox();
  assert.ok(box && box.y + box.height <= 844, `step heading at ${JSON.stringify(box)}, below the first screen`);
  assert.equal(await page.getByRole('radio', { name: 'Karin (närstående)' }).count(), 0, 'the chooser is folded');
  // A disclosure button: its name in words, whether it is open in aria-expanded.
  const writer = page.getByRole('button', { name: 'Skriver: Elsa', exact: true });
  assert.equal(await writer.getAttribute('aria-expanded'), 'false');
  await press(page, 'Skriver: Elsa');
  await tick(page, 'Karin (närstående)', 'radio');
  assert.equal((await state(page)).author !== 'person', true);
  const open = page.getByRole('button', { name: 'Skriver: Karin (närstående)', exact: true });
  await open.waitFor({ state: 'attached' });
  assert.equal(await open.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the consent form: one form naming everyone who may share, with a line to sign for each who gives it; a tidy A4 PDF', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  const chooser = page.waitForEvent('filechooser');
  await press(page, 'Öppna en fil');
  await (await chooser).setFiles(join(ROOT, 'assets', 'examples', 'barn-skolfranvaro.json'));
  await settle(page, 300);
  await goToStep(page, 'Samtycke');
  await press(page, 'Skriv ut samtyckesblankett');
  const frame = page.frameLocator('iframe.print-frame');
  await frame.getByText('De här verksamheterna och personerna får dela uppgifter om barnet med varandra:', { exact: false })
    .first().waitFor({ state: 'attached' });
  const html = await page.locator('iframe.print-frame').getAttribute('srcdoc');
  // One form (issue 26): each receiver by name, and one signature per guardian, not per organisation.
  assert.match(html, /Skolan, Parkskolan, mentor Sara Ek – /);
  assert.match(html, /BUP Östersund – /);
  assert.match(html, /Delningen gäller bara de uppgifter som behövs/);
  assert.equal((html.match(/Vårdnadshavare: Maria Nilsson/g) || []).length, 1);
  assert.equal((html.match(/Underskrift:/g) || []).length, 2);
  await mkdir(join(ARTIFACTS, 'print'), { recursive: true });
  const printPage = await context.newPage();
  await printPage.setContent(html);
  const overflow = await printPage.evaluate(() =>
    [...document.querySelectorAll('p, li, h1, h2, h3')].filter((e) => e.scrollWidth > e.clientWidth + 1).length);
  assert.equal(overflow, 0, 'text cut off');
  const pdf = await printPage.pdf({ path: join(ARTIFACTS, 'print', 'samtyckesblankett.pdf'), format: 'A4' });
  assert.ok(pdf.length > 5000);
  assert.deepEqual(problems, []);
  await context.close();
});
