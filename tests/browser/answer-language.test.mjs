// A preparation written in Arabic, opened by a professional who reads Swedish (issue 29): the
// questions in Swedish, each answer as the person wrote it and marked "Svar på arabiska", the son's
// Swedish words unmarked, and the interpreter nobody asked for suggested in the check and the summary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openApp, press, ROOT, useBrowser } from './harness.mjs';

const env = useBrowser();
const FILE = 'arabiska-forberedelse.json';
const EXAMPLE = join(ROOT, 'assets', 'examples', FILE);
const HINT = 'Personen har skrivit på arabiska men har inte bett om tolk. Fråga om tolk behövs.';
const MARK = 'Svar på arabiska';

test('the professional reads an Arabic preparation in Swedish, each answer marked with its language', async () => {
  // As many marks as the core's summary has (the CLI prints the same summary as text).
  const text = execFileSync(join(ROOT, 'build', 'native', 'sipprep'), ['summary', EXAMPLE]).toString();
  const expected = text.split('\n').filter((l) => l.trim() === MARK).length;
  assert.ok(expected >= 9, `the summary marks each of Fatima's answers (${expected})\n${text}`);

  const { context, page, problems } = await openApp(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await press(page, 'Jag är yrkesverksam – öppna en förberedelse');
  const chooser = page.waitForEvent('filechooser');
  await press(page, 'Öppna fil');
  await (await chooser).setFiles(EXAMPLE);
  await page.getByRole('heading', { name: FILE }).waitFor({ state: 'attached' });
  await page.getByText(MARK, { exact: true }).first().waitFor({ state: 'attached' });

  // The check first, then the summary: both say it.
  await page.getByRole('group', { name: 'Kontroll av filen' }).getByText(HINT, { exact: true }).waitFor({ state: 'attached' });
  assert.equal(await page.getByText(HINT, { exact: true }).count(), 2);
  // The question in Swedish, the answer as written, the mark right after it.
  await page.getByRole('heading', { name: 'Det här är viktigt för mig' }).waitFor({ state: 'attached' });
  const words = 'أريد أن أعيش في بيتي وأن أتعلم اللغة السويدية.';
  const answer = page.getByText(words, { exact: false }).first();
  await answer.waitFor({ state: 'attached' });
  const after = await answer.evaluate((el) => el.nextElementSibling?.textContent ?? '');
  assert.equal(after, MARK);
  assert.equal(await page.getByText(MARK, { exact: true }).count(), expected);
  // The son writes in Swedish: his words carry no mark.
  const son = page.getByText('Att mamma klarar vardagen och inte känner sig ensam.', { exact: false }).first();
  assert.notEqual(await son.evaluate((el) => el.nextElementSibling?.textContent ?? ''), MARK);
  assert.deepEqual(problems, []);
  await context.close();
});
