// The professional's side: each example opens read-only with its check, copies as text, and its
// print layout becomes a tidy A4 PDF.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdir, readdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {test} from 'node:test';

import {ARTIFACTS, openApp, press, ROOT, settle, state, useBrowser} from './harness.mjs';

const env = useBrowser();
const EXAMPLES = join(ROOT, 'assets', 'examples');
const SIPPREP = join(ROOT, 'build', 'native', 'sipprep');

async function openAsProfessional(page, files) {
    await press(page, 'Jag är yrkesverksam – öppna en förberedelse');
    for (const f of files) {
        const chooser = page.waitForEvent('filechooser');
        await press(page, 'Öppna fil');
        await (await chooser).setFiles(f);
        await settle(page, 250);
    }
}

test('every example opens in the professional view, checked and unchanged', async () => {
    await mkdir(join(ARTIFACTS, 'professional'), {recursive: true});
    const {context, page, problems} = await openApp(
        env.browser, env.server.url,
        {viewport: {width: 1280, height: 900}, permissions: ['clipboard-read', 'clipboard-write']});
    const files = (await readdir(EXAMPLES)).filter((f) => f.endsWith('.json'));
    await openAsProfessional(page, files.map((f) => join(EXAMPLES, f)));
    assert.equal(
        (await page.getByRole('radiogroup', {name: 'Öppnade filer'}).getByRole('radio').count()), files.length);
    for (const f of files) {
        const choice = page.getByRole('radio', {name: f, exact: true});
        await choice.focus();
        await page.keyboard.press('Space');
        await settle(page, 200);
        await page.getByRole('heading', {name: f}).waitFor({state: 'attached'});
        await page.getByText('Kontrollsumman stämmer:', {exact: false}).first().waitFor({state: 'attached'});
        await page.screenshot({path: join(ARTIFACTS, 'professional', f.replace('.json', '.png'))});
    }
    // The person's draft was not touched by opening files.
    assert.equal((await state(page)).content.owner.name, '');
    await press(page, 'Kopiera som text');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /SIP-förberedelse/);
    const download = page.waitForEvent('download');
    await press(page, 'Spara som FHIR');
    const fhir = JSON.parse(await (await download).createReadStream().then(async (s) => {
        let text = '';
        for await (const chunk of s) text += chunk;
        return text;
    }));
    assert.equal(fhir.resourceType, 'Bundle');
    assert.equal(fhir.type, 'collection');
    assert.deepEqual(problems, []);
    await context.close();
});

// An example with one text changed, opened in the professional view as `name`.
async function openEditedExample(page, name, from, to) {
    const original = await readFile(join(EXAMPLES, 'vuxen-efter-sjukhusvistelse.json'), 'utf8');
    assert.ok(original.includes(from), `the example has no "${from}"`);
    const text = original.replace(from, to);
    await press(page, 'Jag är yrkesverksam – öppna en förberedelse');
    const chooser = page.waitForEvent('filechooser');
    await press(page, 'Öppna fil');
    await (await chooser).setFiles({name, mimeType: 'application/json', buffer: Buffer.from(text)});
}

test('a hand-edited file is flagged (the checksum does not match), and still readable', async () => {
    const {context, page} = await openApp(env.browser, env.server.url);
    await openEditedExample(page, 'andrad.json', 'Vem ringer jag om jag blir sämre en helg?', 'Vem ringer jag?');
    await page.getByText('Kontrollsumman stämmer inte', {exact: false}).first().waitFor({state: 'attached'});
    await page.getByText('1. Vem ringer jag?', {exact: false}).first().waitFor({state: 'attached'});
    await context.close();
});

// The web build's time_t has 32 bits and ends in January 2038: a later save time was shown as a day
// in December 1901. It is said as written, in UTC.
test('a save time after January 2038 is not shown as a day in 1901', async () => {
    const {context, page} = await openApp(env.browser, env.server.url);
    await openEditedExample(page, 'framtid.json', '"updated": "2026-11-21T18:40:00Z"', '"updated": "2038-01-20T10:00:00Z"');
    await page.getByText('Sparad 20 januari 2038, 10:00 UTC', {exact: false}).first().waitFor({state: 'attached'});
    assert.ok(!(await page.locator('#a11y-root').innerText()).includes('1901'));
    await context.close();
});

// The code is written by the web build's own printf (src/base/format_printf.hpp).
test('a text with an invisible control character is named by its code', async () => {
    const {context, page} = await openApp(env.browser, env.server.url);
    await openEditedExample(
        page, 'styrtecken.json', 'Kunna duscha själv igen före jul.', 'Kunna duscha\\u0007 själv igen före jul.');
    await page.getByText('osynligt styrtecken (U+0007)', {exact: false}).first().waitFor({state: 'attached'});
    await context.close();
});

test('the print layout of every example is a tidy A4 PDF', async () => {
    await mkdir(join(ARTIFACTS, 'print'), {recursive: true});
    const context = await env.browser.newContext();
    const page = await context.newPage();
    for (const f of (await readdir(EXAMPLES)).filter((x) => x.endsWith('.json'))) {
        const html = execFileSync(SIPPREP, ['summary', join(EXAMPLES, f), '--format', 'html']).toString();
        await page.setContent(html);
        const overflow = await page.evaluate(
            () => [...document.querySelectorAll('p, li, h1, h2, h3')]
                      .filter((e) => e.scrollWidth > e.clientWidth + 1)
                      .length);
        assert.equal(overflow, 0, `${f}: text cut off`);
        const pdf = await page.pdf({path: join(ARTIFACTS, 'print', f.replace('.json', '.pdf')), format: 'A4'});
        assert.ok(pdf.length > 5000);
    }
    await context.close();
});

test('three files dropped at once on the professional view are all opened, in order', async () => {
    const {context, page, problems} = await openApp(env.browser, env.server.url, {viewport: {width: 1280, height: 900}});
    await press(page, 'Jag är yrkesverksam – öppna en förberedelse');
    const names = ['barn-skolfranvaro.json', 'aldre-uppfoljning.json', 'vuxen-efter-sjukhusvistelse.json'];
    const texts = await Promise.all(names.map((n) => readFile(join(EXAMPLES, n), 'utf8')));
    await page.evaluate(({names, texts}) => {
        const dt = new DataTransfer();
        names.forEach((n, i) => dt.items.add(new File([texts[i]], n, {type: 'application/json'})));
        window.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
    }, {names, texts});
    const files = page.getByRole('radiogroup', {name: 'Öppnade filer'}).getByRole('radio');
    // The app's own signal: each file read is a radio in the list (no fixed wait).
    while (await files.count() < names.length) await settle(page, 100);
    for (const n of names) assert.equal(await page.getByRole('radio', {name: n, exact: true}).count(), 1, n);
    assert.deepEqual(problems, []);
    await context.close();
});
