// Files in every engine: a saved file opens again on another computer (a fresh profile) with the
// same words; a dropped file asks before it replaces anything; the professional reads files
// without touching the person's draft; printing hands the browser the right document.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENGINES, useEngine } from '../engines/index.mjs';
import { WAIT } from '../engines/session.mjs';
import { EXAMPLES, saveBundle } from './common.mjs';

for (const engine of ENGINES) {
  describe(engine, { timeout: 600000 }, () => {
    const env = useEngine(engine);

    test('a saved file opens again in a fresh browser with the same words', async () => {
      const s = await env.open();
      await s.press('Ny förberedelse');
      await s.typeInto('Ditt namn', 'Örjan Åström');
      await s.goToStep('Vad är viktigt för dig?');
      await s.typeInto('Vad är viktigt för dig?', 'Att få åka till sjön i sommar – med mina barnbarn');
      await s.goToStep('Frågor till mötet');
      await s.fill('Ny fråga', 'Vem hjälper mig med ansökan?');
      await s.press('Lägg till fråga');
      const saved = await saveBundle(s, 'reopen.json');
      const written = (await s.state()).content;
      await s.close();

      const other = await env.open();
      await other.chooseFile(() => other.press('Öppna en fil'), saved.file);
      await other.waitFor(() => window.sipprep.state().content.owner.name !== '');
      const read = (await other.state()).content;
      assert.equal(read.owner.name, 'Örjan Åström');
      assert.deepEqual(read.goals, written.goals);
      assert.deepEqual(read.questions, written.questions);
      assert.deepEqual(await other.takeProblems(), []);
      await other.close();
    });

    test('a file dropped on the page asks before it replaces the draft', async () => {
      const s = await env.open();
      await s.press('Ny förberedelse');
      await s.typeInto('Ditt namn', 'Anna');
      const example = await readFile(join(EXAMPLES, 'barn-skolfranvaro.json'), 'utf8');
      await s.drop('barn.json', example);
      await s.waitForControl({ role: 'alert', name: 'Filen ersätter det du har skrivit' });
      await s.press('Nej, avbryt');
      assert.equal((await s.state()).content.owner.name, 'Anna');
      await s.drop('barn.json', example);
      await s.press('Öppna barn.json ändå');
      assert.equal((await s.state()).content.owner.name, 'Elsa Nilsson');
      await s.close();
    });

    test('the professional opens two files, checked, and the person\'s draft stays untouched', async () => {
      const s = await env.open();
      await s.press('Jag är yrkesverksam – öppna en förberedelse');
      for (const f of ['vuxen-efter-sjukhusvistelse.json', 'barn-skolfranvaro.json'])
        await s.chooseFile(() => s.press('Öppna fil'), join(EXAMPLES, f));
      await s.waitForControl({ role: 'radio', name: 'barn-skolfranvaro.json' });
      await s.tick('radio', 'vuxen-efter-sjukhusvistelse.json');
      await s.waitForControl({ role: 'heading', name: 'vuxen-efter-sjukhusvistelse.json' });
      await s.waitForText('Kontrollsumman stämmer:');
      assert.equal((await s.state()).content.owner.name, '');
      assert.deepEqual(await s.takeProblems(), []);
      await s.close();
    });

    test('printing hands the browser the summary; what must not be raised only on its own page', async () => {
      const s = await env.open();
      await s.press('Ny förberedelse');
      await s.typeInto('Ditt namn', 'Elsa Lind');
      await s.goToStep('Så vill jag vara med');
      await s.fill('Finns det något som inte ska tas upp på mötet?', 'Min sons skulder');
      await s.goToStep('Sammanfattning');
      await s.press('Skriv ut');
      const everyone = await s.printed();
      assert.match(everyone, /Elsa Lind/);
      assert.doesNotMatch(everyone, /Min sons skulder/, 'on the page everyone gets');
      await s.waitFor(() => !document.querySelector('iframe.print-frame'), [], { timeout: WAIT });
      await s.press('Skriv ut sidan till den som kallar');
      const caller = await s.printed();
      assert.match(caller, /Min sons skulder/);
      assert.match(caller, /Till den som kallar till mötet – inte till alla/);
      if (engine === 'firefox') await s.printedFile();  // Firefox prints silently to a PDF here
      assert.deepEqual(await s.takeProblems(), []);
      await s.close();
    });
  });
}
