// The person's preparation flow, driven the way people drive it: by role and name through the
// accessibility mirror, typing Swedish text. Three cases: an adult with a relative, a child
// with two guardians, and a follow-up that opens the earlier plan's file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, state, startNew, goToStep, press, settle, ROOT, ARTIFACTS, useBrowser } from './harness.mjs';

const env = useBrowser();

const SIPPREP = join(ROOT, 'build', 'native', 'sipprep');

// A personnummer with the right check digit, for a made-up person.
function pnr(yyyymmdd, nnn) {
  const nine = yyyymmdd.slice(2) + nnn;
  let sum = 0;
  for (let i = 0; i < 9; i++) { let v = +nine[i] * (i % 2 ? 1 : 2); if (v > 9) v -= 9; sum += v; }
  return yyyymmdd + nnn + ((10 - (sum % 10)) % 10);
}

const field = (scope, name) => scope.getByRole('textbox', { name, exact: true });

async function fill(scope, name, text, page) {
  const f = field(scope, name);
  await f.fill(text);
  await settle(page ?? scope, 80);
}

async function type(page, name, text) {
  const f = field(page, name);
  await f.focus();
  await page.keyboard.type(text);
  await settle(page);
}

async function tick(page, locator) {
  await locator.focus();
  await page.keyboard.press('Space');
  await settle(page);
}

const checkbox = (scope, name) => scope.getByRole('checkbox', { name, exact: true });
const radio = (scope, name) => scope.getByRole('radio', { name, exact: true });

async function exportBundle(page, name) {
  await goToStep(page, 'Sammanfattning');
  const download = page.waitForEvent('download');
  await press(page, 'Spara fil');
  const file = join(ARTIFACTS, name);
  await (await download).saveAs(file);
  return file;
}

function validate(file) {
  try {
    return { code: 0, out: execFileSync(SIPPREP, ['validate', file]).toString() };
  } catch (e) {
    return { code: e.status, out: e.stdout.toString() };
  }
}

test('an adult with a relative prepares, reorders questions, gives and withdraws consent, exports', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await startNew(page);
  await fill(page, 'Ditt namn', 'Kerstin Lund', page);
  await fill(page, 'Personnummer', pnr('19580412', '238'), page);
  await fill(page, 'Adress', 'Björkvägen 4, 541 30 Skövde', page);
  await fill(page, 'Namn på den som ska skriva', 'Göran', page);
  await fill(page, 'Vem är det för dig? (till exempel dotter, granne, vän)', 'make', page);
  await press(page, 'Lägg till som skribent');

  await goToStep(page, 'Vad är viktigt för dig?');
  await type(page, 'Vad är viktigt för dig?', 'Att kunna bo kvar hemma – även på vintern');
  await tick(page, radio(page, 'Göran (make)'));
  await type(page, 'Vad tror du är viktigt för Kerstin? – skrivet av Göran (make)', 'Att Kerstin känner sig trygg');
  await tick(page, radio(page, 'Kerstin själv (planen tillhör Kerstin)'));

  await goToStep(page, 'Hur är det nu?');
  await type(page, 'Hur är det nu?', 'Jag kom hem från sjukhuset i förra veckan.');

  await goToStep(page, 'Vad behöver du?');
  await press(page, '+ Hälsa');
  await type(page, 'Det här behöver jag hjälp med', 'Träning för armen.');

  await goToStep(page, 'Frågor till mötet');
  for (const q of ['Vem ringer jag på helgen?', 'Kan träningen ske hemma?', 'Hur länge stannar hemtjänsten?']) {
    await fill(page, 'Ny fråga', q, page);
    await press(page, 'Lägg till fråga');
  }
  await press(page, 'Flytta fråga 3 uppåt');
  await tick(page, checkbox(page, 'Fråga 1 är en av de viktigaste'));

  await goToStep(page, 'Vilka ska vara med?');
  await tick(page, checkbox(page, 'Vårdcentralen'));
  await fill(page, 'Vårdcentralen: enhet eller mottagning', 'Vårdcentralen Ryd', page);
  await tick(page, checkbox(page, 'Socialtjänsten'));

  await goToStep(page, 'Så vill jag vara med');
  await tick(page, checkbox(page, 'På plats'));
  await tick(page, checkbox(page, 'Tolk'));
  await fill(page, 'Vilket språk ska tolken tala?', 'finska', page);

  await goToStep(page, 'Samtycke');
  await press(page, 'Fyll i samtycke för Vårdcentralen, Vårdcentralen Ryd');
  // An active choice: nothing is chosen beforehand, and it holds only when it is complete.
  const care = page.getByRole('group', { name: 'Vårdcentralen, Vårdcentralen Ryd', exact: true });
  await care.getByText('Inte besvarat än', { exact: true }).waitFor({ state: 'attached' });
  for (const question of ['Får de dela uppgifter om dig?', 'Hur länge ska det gälla?', 'Hur ges samtycket?'])
    assert.equal(await care.getByRole('radiogroup', { name: question }).getByRole('radio', { checked: true }).count(), 0,
      `"${question}" is pre-selected`);
  await tick(page, radio(care, 'Ja, Vårdcentralen, Vårdcentralen Ryd får dela uppgifter'));
  await care.getByText('Gäller inte än: det står inte vilka uppgifter som får delas', { exact: true }).waitFor({ state: 'attached' });
  await fill(page, 'Vilka uppgifter får delas?', 'Mediciner och vårdplan', page);
  await tick(page, radio(care, 'Tills SIP:en avslutas'));
  await tick(page, radio(care, 'Skriftligt'));
  await care.getByText('Gäller', { exact: true }).waitFor({ state: 'attached' });
  await press(page, 'Fyll i samtycke för Socialtjänsten');
  const social = page.getByRole('group', { name: 'Socialtjänsten', exact: true });
  await social.getByRole('button', { name: 'Ta tillbaka samtycket' }).focus();
  await page.keyboard.press('Enter');
  await settle(page);

  // A reload in the middle restores everything, including the step, after the neutral screen.
  await page.evaluate(() => window.SipprepShell.flushDraft());
  await page.reload();
  await page.waitForFunction(() => window.__appReady === true);
  await press(page, 'Fortsätt');
  const s = await state(page);
  assert.equal(s.step, 'consent');
  assert.equal(s.content.owner.name, 'Kerstin Lund');
  assert.deepEqual(s.content.goals.long_term.map((e) => e.author), ['person', 'rel-1']);
  assert.deepEqual(s.content.questions.map((q) => q.text),
    ['Vem ringer jag på helgen?', 'Hur länge stannar hemtjänsten?', 'Kan träningen ske hemma?']);
  assert.equal(s.content.questions[0].priority, 'high');
  assert.equal(s.content.consents.length, 2);
  assert.equal(s.content.consents[0].information, 'Mediciner och vårdplan');
  assert.equal(s.content.consents[0].decision, 'permit');
  assert.equal(s.content.consents[0].until_plan_ends, true);
  assert.match(s.content.consents[1].revoked_on, /^\d{4}-\d{2}-\d{2}$/);

  const file = await exportBundle(page, 'flow-adult.json');
  const result = validate(file);
  assert.equal(result.code, 0, result.out);
  const bundle = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(bundle.content.goals.long_term[0].text, 'Att kunna bo kvar hemma – även på vintern');
  assert.equal(bundle.content.participation.adaptations.interpreter_language, 'finska');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a child with two guardians: the child answers, both guardians consent', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await tick(page, radio(page, 'Jag är vårdnadshavare till ett barn'));
  await startNew(page);
  await fill(page, 'Barnets namn', 'Elsa Nilsson', page);
  await fill(page, 'Personnummer', pnr('20130905', '284'), page);
  for (const [name, relation] of [['Maria Nilsson', 'mamma'], ['Jonas Nilsson', 'pappa']]) {
    await press(page, 'Lägg till vårdnadshavare');
    const group = page.getByRole('group', { name: '(namn saknas)', exact: true });
    await fill(group, 'Namn', name, page);
    await fill(page.getByRole('group', { name, exact: true }), 'Relation (till exempel mamma)', relation, page);
  }
  await goToStep(page, 'Vad är viktigt för dig?');
  await type(page, 'Vad är viktigt för dig?', 'Att ha en kompis i skolan');
  await goToStep(page, 'Vad vill du ha hjälp med?');
  await press(page, '+ Skola, arbete och sysselsättning');
  await type(page, 'Vad vill du att de vuxna ska hjälpa till med?', 'Ett lugnt ställe att äta lunch');
  await goToStep(page, 'Vilka ska vara med?');
  await tick(page, checkbox(page, 'Skolan'));
  await goToStep(page, 'Samtycke');
  // The child's own say, then the guardians' consent, said as it holds today.
  await fill(page, 'Vad tycker barnet om att de delar uppgifter med varandra?', 'Okej om det gäller skolan', page);
  await press(page, 'Fyll i samtycke för Skolan');
  const school = page.getByRole('group', { name: 'Skolan', exact: true });
  await tick(page, radio(school, 'Ja, Skolan får dela uppgifter'));
  await fill(page, 'Vilka uppgifter får delas?', 'Frånvaro och stöd i skolan', page);
  await tick(page, radio(school, 'Tills SIP:en avslutas'));
  await tick(page, checkbox(page, 'Maria Nilsson samtycker'));
  await school.getByText('Gäller inte än: Jonas Nilsson har inte samtyckt', { exact: true }).waitFor({ state: 'attached' });
  let s = await state(page);
  assert.equal(s.content.consents[0].given_by, 'guardians');
  assert.equal(s.content.child_consent_view[0].text, 'Okej om det gäller skolan');
  await tick(page, checkbox(page, 'Jonas Nilsson samtycker'));
  await school.getByText('Gäller', { exact: true }).waitFor({ state: 'attached' });
  s = await state(page);
  assert.deepEqual(s.content.consents[0].guardian_approvals.map((a) => a.agrees), [true, true]);
  assert.equal(s.content.goals.long_term[0].author, 'person');

  const file = await exportBundle(page, 'flow-child.json');
  const result = validate(file);
  assert.equal(result.code, 0, result.out);
  assert.ok(!/guardian/.test(result.out), result.out);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a follow-up opens the earlier plan and answers how it has gone', async () => {
  const { context, page, problems } = await openApp(env.browser, env.server.url);
  await press(page, 'Följ upp en tidigare SIP');
  await press(page, 'Börja utan tidigare fil');
  await goToStep(page, 'Vad är viktigt för dig?');
  const chooser = page.waitForEvent('filechooser');
  await press(page, 'Öppna förra planens fil');
  await (await chooser).setFiles(join(ROOT, 'assets', 'examples', 'aldre-uppfoljning.json'));
  await page.getByText('Att få prata finska och ha sällskap om dagarna.', { exact: false }).first().waitFor({ state: 'attached' });
  await goToStep(page, 'Hur har det gått?');
  await type(page, 'Hur har det gått med målen?', 'Bättre, jag har inte ramlat.');
  const s = await state(page);
  assert.equal(s.content.kind, 'follow_up');
  assert.equal(s.content.follow_up.how_it_went[0].text, 'Bättre, jag har inte ramlat.');
  const file = await exportBundle(page, 'flow-follow-up.json');
  assert.notEqual(validate(file).code, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('starting over asks first; a broken file gets a clear message and the draft stays', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await startNew(page);
  await fill(page, 'Ditt namn', 'Anna', page);
  await press(page, 'Till startsidan');
  // Starting over asks first, and "no" keeps everything.
  await press(page, 'Ny förberedelse');
  await page.getByRole('alert', { name: 'Det du har skrivit ersätts' }).waitFor({ state: 'attached' });
  await press(page, 'Nej, avbryt');
  assert.equal((await state(page)).content.owner.name, 'Anna');
  // Opening a file asks, if at all, once the file has come (a broken one replaces nothing).
  const chooser = page.waitForEvent('filechooser');
  await press(page, 'Öppna en fil');
  await (await chooser).setFiles({ name: 'trasig.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "sipp') });
  // Words the person can act on; the technical reason only on request. Nothing typed was replaced.
  await page.getByText('trasig.json går inte att läsa. Är det filen du sparade från Förbered din SIP?', { exact: false }).first().waitFor({ state: 'attached' });
  assert.equal(await page.getByText('inte giltig JSON', { exact: false }).count(), 0);
  await press(page, 'Visa vad som är fel i filen');
  await page.getByText('inte giltig JSON', { exact: false }).first().waitFor({ state: 'attached' });
  assert.equal((await state(page)).content.owner.name, 'Anna');
  await context.close();
});
