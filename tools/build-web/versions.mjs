// versions.json: the browsers the app supports and the Debian source versions it builds from,
// written there once. CMakeLists.txt reads it (Emscripten's MIN_*_VERSION, the ImGui folder),
// build-wasm.sh (the source folders) and the page bundle (the "too old" message, page.mjs).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const VERSIONS_FILE = fileURLToPath(new URL('../../versions.json', import.meta.url));

export function readVersions(file = VERSIONS_FILE) {
  const v = JSON.parse(readFileSync(file, 'utf8'));
  for (const [name, min] of Object.entries(v.browsers || {})) {
    if (!Number.isInteger(min)) throw new Error(`${file}: browsers.${name} must be a whole version number, not ${JSON.stringify(min)}`);
  }
  if (!Object.keys(v.browsers || {}).length) throw new Error(`${file}: no browsers listed`);
  return v;
}
