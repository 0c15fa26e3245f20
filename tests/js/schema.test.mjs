// The bundle schema is draft-07 so JavaScript validators read it too: every example bundle
// passes ajv, and broken copies fail it at the right place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const root = fileURLToPath(new URL('../../', import.meta.url));
const schema = JSON.parse(await readFile(root + 'schema/sipprep-bundle-v1.schema.json', 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(schema);
const examples = (await readdir(root + 'assets/examples')).filter((f) => f.endsWith('.json'));

test('every example bundle passes ajv', async () => {
  assert.ok(examples.length >= 4);
  for (const file of examples) {
    const bundle = JSON.parse(await readFile(root + 'assets/examples/' + file, 'utf8'));
    assert.ok(validate(bundle), `${file}: ${ajv.errorsText(validate.errors)}`);
  }
});

test('a broken bundle fails ajv at the broken field', async () => {
  const bundle = JSON.parse(await readFile(root + 'assets/examples/' + examples[0], 'utf8'));
  bundle.content.participation.modes.push('by_pigeon');
  bundle.version = 2;
  assert.equal(validate(bundle), false);
  const paths = validate.errors.map((e) => e.instancePath);
  assert.ok(paths.includes('/version'));
  assert.ok(paths.some((p) => p.startsWith('/content/participation/modes/')));
});

// Format 1.3: the language the words are written in is one of the app's, for the preparation and
// for a writer who wrote in another.
test('written_language takes the known tags only, where the format has it', async () => {
  const bundle = JSON.parse(await readFile(root + 'assets/examples/arabiska-forberedelse.json', 'utf8'));
  assert.equal(bundle.content.written_language, 'ar');
  assert.ok(validate(bundle), ajv.errorsText(validate.errors));
  for (const tag of ['sv', 'en', 'fi', 'so', 'ar']) {
    bundle.content.written_language = tag;
    assert.ok(validate(bundle), `${tag}: ${ajv.errorsText(validate.errors)}`);
  }
  bundle.content.written_language = 'sv-x-easy';  // Lätt svenska is written as Swedish: sv
  bundle.content.contributors[1].written_language = 'de';
  assert.equal(validate(bundle), false);
  const paths = validate.errors.map((e) => e.instancePath);
  assert.ok(paths.includes('/content/written_language'), paths.join(' '));
  assert.ok(paths.includes('/content/contributors/1/written_language'), paths.join(' '));
});
