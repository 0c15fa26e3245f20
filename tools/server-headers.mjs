// Writes the HTTP headers the app needs, for the servers people host it on: DIR/_headers
// (Netlify, Cloudflare Pages; also read by `./build-wasm.sh serve` and the browser tests),
// DIR/.htaccess (Apache) and DIR/../nginx-headers.conf (an nginx snippet to include).
// The policy is the one in DIR/index.html's meta tag (with the build's hashes), plus what only a
// header can say: frame-ancestors 'none' (no other site may show the app in a frame, where it
// could be overlaid to trick a click) — and a header also covers the workers (age-worker.js,
// sw.js), which a meta tag in the page never reaches.
// Usage: node tools/server-headers.mjs DIR    (tools/build-web runs it on build/web)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export function writeServerHeaders(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  if (!meta) throw new Error(`${dir}/index.html has no Content-Security-Policy meta tag`);
  if (meta[1].includes('_HASH')) throw new Error(`${dir}/index.html: the policy still has a placeholder`);
  const headers = [
    ['Content-Security-Policy', `${meta[1]}; frame-ancestors 'none'`],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
  ];
  const note = 'Written by tools/server-headers.mjs; README.md, "Hosting", says why each is there.';
  writeFileSync(join(dir, '_headers'),
    `# ${note}\n/*\n${headers.map(([k, v]) => `  ${k}: ${v}\n`).join('')}`);
  writeFileSync(join(dir, '.htaccess'),
    `# ${note}\n<IfModule mod_headers.c>\n${headers.map(([k, v]) => `  Header always set ${k} "${v}"\n`).join('')}</IfModule>\n` +
    'AddType application/wasm .wasm\n');
  const nginx = join(resolve(dir), '..', 'nginx-headers.conf');
  writeFileSync(nginx, `# ${note}\n# In the server or location block that serves build/web: include ${nginx};\n` +
    headers.map(([k, v]) => `add_header ${k} "${v}" always;\n`).join(''));
  console.log(`server headers: ${dir}/_headers, ${dir}/.htaccess, ${dirname(nginx)}/nginx-headers.conf`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!process.argv[2]) { console.error('usage: node tools/server-headers.mjs DIR'); process.exit(2); }
  writeServerHeaders(process.argv[2]);
}
