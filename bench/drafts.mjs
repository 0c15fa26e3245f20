// Large drafts for benchmarks: the example "närstående tillsammans" grown to `questions`
// questions, with `contributions` extra entries by relatives and `consents` consents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function largeBundle({ questions = 10, contributions = 0, consents = 0 } = {}) {
  const b = JSON.parse(readFileSync(join(ROOT, 'assets/examples/narstaende-tillsammans.json'), 'utf8'));
  delete b.integrity;  // a grown example is not the exported one
  const c = b.content;
  c.questions = [];
  for (let i = 1; i <= questions; i++) {
    c.questions.push({ id: `q-${i}`, author: i % 3 ? 'person' : 'rel-1', text: `Fråga ${i}: hur blir det med stöd i vardagen, vem ringer jag och när?`,
      priority: i % 5 ? 'none' : 'high', for_whom: i % 4 ? '' : 'Socialtjänsten' });
  }
  for (let i = 0; i < 20 && contributions; i++) {
    c.contributors.push({ id: `rel-b${i}`, name: `Närstående ${i}`, relation: 'vän', role: 'relative' });
  }
  const voices = [c.situation.now, c.situation.works_well, c.situation.strengths, c.goals.long_term];
  for (let i = 0; i < contributions; i++) {
    const v = voices[i % voices.length];
    const author = `rel-b${Math.floor(i / voices.length) % 20}`;
    if (!v.some((e) => e.author === author)) v.push({ author, text: `Min syn (${i}): det viktigaste är trygghet och att någon ringer tillbaka.` });
    else c.goals.short_term.push({ author, text: `Delmål ${i}` });
  }
  const actors = c.invitations.actors;
  for (let i = 0; i < consents; i++) {
    const id = `a-b${i}`;
    actors.push({ id, kind: 'other', other_label: `Verksamhet ${i}`, unit: '', contact: '' });
    c.consents.push({ id: `c-b${i}`, actor: id, decision: 'permit', information: 'Det som behövs för planen.', categories: ['health'],
      valid_from: '2026-11-10', valid_to: '2027-11-10', form: 'written', given_by: 'person', guardian_approvals: [],
      representative_id: '', representative_basis: '', revoked_on: '' });
  }
  return b;
}

// A stored draft that opens on `step`.
export function largeDraft(options, step = 'questions') {
  return JSON.stringify({ draft: 1, ui: { screen: 'steps', step, author: 'person' }, bundle: largeBundle(options) });
}

// A page of the app in `context` with `draft` stored (as a returning person has it), opened where
// the draft was left, on the questions step: the page and its first question's text field.
export async function openOnQuestions(context, url, draft, timeout = 120000) {
  await context.addInitScript((text) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('sipprep.draft.v1', text); sessionStorage.setItem('seeded', '1'); } }, draft);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__appReady === true, null, { timeout });
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).focus();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'Fråga 1', exact: false }).first();
  await field.waitFor({ state: 'attached', timeout });
  return { page, field };
}
