// A preparation in another reading option, in every engine: chosen on the start screen, the whole
// flow in that language, saved, and the app opened again in the same language (issue 29). Every
// name the test looks for comes from the language's own catalog, so a text that falls back to
// Swedish, or a key shown instead of words, makes it fail.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ARTIFACTS } from '../harness.mjs';
import { ENGINES, useEngine } from '../engines/index.mjs';
import { pnr, saveBundle, validate } from './common.mjs';

const catalog = (id) => JSON.parse(readFileSync(join(ROOT, 'assets', 'i18n', `${id}.json`), 'utf8'));
const SV = catalog('sv');

// The reading options this flow runs in, with what the person writes: an Arabic sentence holds a
// Swedish name and a date, which must keep their own order inside the right-to-left line.
const LANGUAGES = (process.env.SIPPREP_FLOW_LANGUAGES || 'ar,sv-x-easy').split(',').map((id) => ({
  id,
  tag: id === 'sv-x-easy' ? 'sv' : id,
  dir: id === 'ar' ? 'rtl' : 'ltr',
  // A first name of their own: the saved file is named after it, and a browser may write a second
  // file of the same name over the first (WebKit does).
  owner: { ar: 'Fatima Haddad', 'sv-x-easy': 'Berit Lund' }[id] || `Test ${id}`,
  goal: id === 'ar' ? 'أريد أن تزورني Anna Svensson في البيت يوم 2026-12-24 كل أسبوع'
    : 'Jag vill bo kvar hemma. Anna Svensson ska hälsa på mig varje vecka.',
  question: id === 'ar' ? 'من يساعدني في عطلة نهاية الأسبوع؟' : 'Vem hjälper mig på helgen?'
}));

for (const engine of ENGINES) {
  describe(engine, { timeout: 600000 }, () => {
    const env = useEngine(engine);

    for (const language of LANGUAGES) {
      test(`a whole preparation in ${language.id}: chosen on the start screen, saved, opened again in it`, async () => {
        const text = catalog(language.id);
        const t = (key, ...args) => {
          const words = text[key];
          assert.ok(words, `${language.id}.json has no "${key}"`);
          return args.reduce((s, a, i) => s.replace(`{${i}}`, a), words);
        };
        const goToStep = async (s, key) => {
          const q = { role: 'button', name: new RegExp('^\\d+\\. ' + t(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
            within: { role: 'navigation' } };
          if (!(await s.exists(q)) && await s.exists({ role: 'button', name: t('nav.show_all') })) await s.press(t('nav.show_all'));
          await s.focus(q);
          await s.key('Enter');
          await s.settle();
        };
        const page = (s) => s.eval(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir || 'ltr' }));

        const s = await env.open();
        // The language menu names each language in its own words; an unreviewed one says so after.
        await s.tick('radio', new RegExp('^' + text[`lang.${language.id}`].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        await s.waitForControl({ role: 'heading', name: t('start.title') }, 30000);
        assert.deepEqual(await page(s), { lang: language.tag, dir: language.dir });
        assert.equal(await s.hasText(SV['start.title'], { exact: true }), language.tag === 'sv' && SV['start.title'] === t('start.title'));

        await s.press(t('start.new'));
        await s.fill(t('owner.name'), language.owner);
        await s.fill(t('owner.personal_id'), pnr('19580412', '238'));
        await goToStep(s, 'step.goal');
        await s.typeInto(t('goal.question'), language.goal);
        await s.screenshot(join(ARTIFACTS, `${engine}-language-${language.id}-goal.png`));
        // The footer reads from the inline start: right to left, "previous" stands at the right of
        // "next"; the a11y layer keeps the reading order (previous first) either way.
        const footer = await s.eval((names) => {
          const buttons = [...document.querySelectorAll('#a11y-root button')];
          return names.map((n) => {
            const i = buttons.findIndex((b) => b.firstChild?.textContent === n);
            return { at: i, x: i < 0 ? null : buttons[i].getBoundingClientRect().x };
          });
        }, [t('nav.previous'), t('nav.next')]);
        assert.ok(footer[0].at >= 0 && footer[0].at < footer[1].at, `a11y order ${JSON.stringify(footer)}`);
        assert.equal(footer[0].x > footer[1].x, language.dir === 'rtl', `footer ${JSON.stringify(footer)}`);
        await goToStep(s, 'step.questions');
        await s.fill(t('questions.new'), language.question);
        await s.press(t('questions.add'));
        await goToStep(s, 'step.summary');
        await s.waitForText(language.goal);
        await s.screenshot(join(ARTIFACTS, `${engine}-language-${language.id}.png`));

        const saved = await saveBundle(s, `language-${language.id}.json`, t('export.button'), () => goToStep(s, 'step.summary'));
        const result = validate(saved.file);
        assert.equal(result.code, 0, result.out);
        const bundle = JSON.parse(saved.text);
        assert.equal(bundle.content.goals.long_term[0].text, language.goal);
        assert.equal(bundle.content.questions[0].text, language.question);

        // Opened again: the same language, before and after the draft is resumed.
        await s.eval(() => window.sipprep.flushDraft());
        await s.reload();
        await s.waitForControl({ role: 'button', name: t('resume.continue') }, 30000);
        assert.deepEqual(await page(s), { lang: language.tag, dir: language.dir });
        await s.press(t('resume.continue'));
        await s.waitForText(language.goal);
        assert.deepEqual(await s.takeProblems(), []);
        await s.close();

        // The saved file, opened in a fresh browser that starts in Swedish, opens in its language.
        const fresh = await env.open();
        await fresh.chooseFile(() => fresh.press(SV['start.open']), saved.file);
        await fresh.waitFor((goal) => window.sipprep.state().content.goals.long_term[0]?.text === goal, [language.goal]);
        await fresh.waitFor((id) => window.sipprep.state().language === id, [language.id]);
        await fresh.waitFor((lang) => document.documentElement.lang === lang, [language.tag]);
        await fresh.waitForControl({ role: 'button', name: t('nav.next') });
        assert.deepEqual(await page(fresh), { lang: language.tag, dir: language.dir });
        assert.deepEqual(await fresh.takeProblems(), []);
        await fresh.close();
      });
    }
  });
}
