// Writes DIR/sw.js from web/sw.js with the list of the app's files, each with its SHA-256 (the
// service worker checks what it caches and serves against it), and a version that is a hash of
// their contents: any changed file makes a new version, which browsers then install.
// Usage: node tools/service-worker.mjs DIR    (tools/build-web runs it on build/web)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../web/sw.js', import.meta.url));

export function writeServiceWorker(dir) {
  // Not cached: the service worker itself, and the headers files for servers (_headers, .htaccess).
  const files = readdirSync(dir).filter((f) => f !== 'sw.js' && f !== '_headers' && !f.startsWith('.') && statSync(join(dir, f)).isFile()).sort();
  // The worker's own code is part of the version: a new sw.js never shares a cache with the old one.
  const hash = createHash('sha256').update(readFileSync(source));
  const sums = {};
  let bytes = 0;
  for (const f of files) {
    const content = readFileSync(join(dir, f));
    bytes += content.length;
    hash.update(f + '\0').update(content);
    sums[f] = createHash('sha256').update(content).digest('hex');
  }
  if (!sums['index.html']) throw new Error(`${dir} has no index.html`);
  const version = hash.digest('hex').slice(0, 16);
  const text = readFileSync(source, 'utf8')
    .replace("var VERSION = 'dev';", `var VERSION = '${version}';`)
    .replace('var FILES = {};', `var FILES = ${JSON.stringify({ './': sums['index.html'], ...sums })};`);
  if (!text.includes(version) || !text.includes(sums['index.html'])) throw new Error('web/sw.js no longer has the VERSION and FILES lines this script fills in');
  writeFileSync(join(dir, 'sw.js'), text);
  console.log(`service worker: version ${version}, ${files.length} files, ${Math.round(bytes / 1024)} KB cached for offline use`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.argv[2]) { console.error('usage: node tools/service-worker.mjs DIR'); process.exit(2); }
  writeServiceWorker(process.argv[2]);
}
