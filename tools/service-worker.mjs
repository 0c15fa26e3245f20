// Writes DIR/sw.js from web/sw.js with the list of the app's files and a version that is a hash
// of their contents: any changed file makes a new version, which browsers then install.
// Usage: node tools/service-worker.mjs DIR    (build-wasm.sh runs it on build/web)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2];
if (!dir) { console.error('usage: node tools/service-worker.mjs DIR'); process.exit(2); }
const source = fileURLToPath(new URL('../web/sw.js', import.meta.url));
const files = readdirSync(dir).filter((f) => f !== 'sw.js' && !f.startsWith('.') && statSync(join(dir, f)).isFile()).sort();
const hash = createHash('sha256');
let bytes = 0;
for (const f of files) {
  const content = readFileSync(join(dir, f));
  bytes += content.length;
  hash.update(f + '\0').update(content);
}
const version = hash.digest('hex').slice(0, 16);
const text = readFileSync(source, 'utf8')
  .replace("var VERSION = 'dev';", `var VERSION = '${version}';`)
  .replace('var FILES = [];', `var FILES = ${JSON.stringify(['./', ...files])};`);
if (!text.includes(version)) throw new Error('web/sw.js no longer has the VERSION line this script fills in');
writeFileSync(join(dir, 'sw.js'), text);
console.log(`service worker: version ${version}, ${files.length} files, ${Math.round(bytes / 1024)} KB cached for offline use`);
