// Helpers of the shared flows (run in every engine through ../engines).
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, ARTIFACTS } from '../harness.mjs';

export const SIPPREP = join(ROOT, 'build', 'native', 'sipprep');
export const EXAMPLES = join(ROOT, 'assets', 'examples');

// A personnummer with the right check digit, for a made-up person.
export function pnr(yyyymmdd, nnn) {
  const nine = yyyymmdd.slice(2) + nnn;
  let sum = 0;
  for (let i = 0; i < 9; i++) { let v = +nine[i] * (i % 2 ? 1 : 2); if (v > 9) v -= 9; sum += v; }
  return yyyymmdd + nnn + ((10 - (sum % 10)) % 10);
}

// "Spara fil" on the summary; the saved file lands in build/test-artifacts/<engine>-<name>.
export async function saveBundle(s, name) {
  await s.goToStep('Sammanfattning');
  const saved = await s.download(() => s.press('Spara fil'));
  const file = join(ARTIFACTS, `${s.engine}-${name}`);
  await writeFile(file, saved.text);
  return { ...saved, file };
}

// The native CLI's check of a saved file.
export function validate(file) {
  try {
    return { code: 0, out: execFileSync(SIPPREP, ['validate', file]).toString() };
  } catch (e) {
    return { code: e.status, out: e.stdout.toString() };
  }
}
