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
