// Differential test: our C++ personnummer parser (via build/native/pnr_oracle) and the
// personnummer/js reference implementation (npm "personnummer") must agree on thousands of
// generated numbers: valid ones, and ones broken in every way the rules know.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Personnummer from 'personnummer';

const ORACLE = fileURLToPath(new URL('../../build/native/pnr_oracle', import.meta.url));

// A small deterministic generator, so a failure can be reproduced.
let seed = 20261123;
const rand = (n) => {  // mulberry32
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
};
const pad = (n, w) => String(n).padStart(w, '0');
const luhn = (s) => {
  let sum = 0;
  for (let i = 0; i < s.length; i++) { let v = +s[i] * (2 - (i % 2)); if (v > 9) v -= 9; sum += v; }
  return (10 - (sum % 10)) % 10;
};

function candidate() {
  const year = 1870 + rand(160);                        // the reference reads years < 100 as 19xx
  const month = rand(20) === 0 ? 13 + rand(87) : 1 + rand(12);
  let day = 1 + rand(31);
  if (rand(6) === 0) day += 60;                         // samordningsnummer
  const individual = rand(25) === 0 ? 0 : rand(1000);
  const yymmdd = pad(year % 100, 2) + pad(month, 2) + pad(Math.min(day, 99), 2);
  const nnn = pad(individual, 3);
  let check = luhn(yymmdd + nnn);
  if (rand(8) === 0) check = (check + 1 + rand(9)) % 10;  // wrong check digit
  const tail = nnn + check;
  const thisYear = new Date().getFullYear();
  switch (rand(6)) {
    case 0: return pad(year, 4) + yymmdd.slice(2) + tail;
    case 1: return pad(year, 4) + yymmdd.slice(2) + '-' + tail;
    case 2: return yymmdd + tail;
    case 3: return yymmdd + (thisYear - year >= 100 ? '+' : '-') + tail;
    case 4: return yymmdd + '+' + tail;
    default: {  // malformed in some way
      const s = yymmdd + '-' + tail;
      const at = rand(s.length);
      return rand(2) ? s.slice(0, at) + 'x' + s.slice(at + 1) : s.slice(0, at) + s.slice(at + 1);
    }
  }
}

test('agrees with npm personnummer on 20 000 generated numbers', () => {
  const inputs = Array.from({ length: 20000 }, candidate);
  const ours = execFileSync(ORACLE, [String(new Date().getFullYear())], { input: inputs.join('\n') + '\n' })
    .toString().trimEnd().split('\n');
  assert.equal(ours.length, inputs.length);
  let valid = 0;
  const disagreements = [];
  inputs.forEach((pin, i) => {
    let reference = 'invalid';
    if (Personnummer.valid(pin)) reference = 'valid ' + Personnummer.parse(pin).format(true);
    if (reference.startsWith('valid')) valid++;
    if (reference !== ours[i]) disagreements.push(`${pin}: ours "${ours[i]}", reference "${reference}"`);
  });
  console.log(`compared ${inputs.length} numbers, ${valid} valid, ${disagreements.length} disagreements`);
  assert.ok(valid > 5000 && valid < 18000, `a useful mix needs both kinds (valid: ${valid})`);
  assert.deepEqual(disagreements.slice(0, 20), []);
});
