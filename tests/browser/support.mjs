// Shared by the browser checks: build the repository's site once, serve it on loopback the way a
// static host does (index.html for folders, a 404.html with status 404), launch Debian's
// Chromium through playwright-core (never a downloaded browser).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, statSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const binary = process.env.SITEGEN_BINARY || join(repo, 'build/sitegen');
// Screenshots land in the build folder so a person can look at them after a run.
export const screenshots = process.env.SITEGEN_SCREENSHOTS || join(repo, 'build/screenshots');

const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
};

// A new folder under the system's temporary folder, removed when this test process exits (a
// built site is 200 MB).
const temporaryFolders = [];
process.on('exit', () => {
  for (const dir of temporaryFolders) rmSync(dir, { recursive: true, force: true });
});
export function temporaryFolder(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaryFolders.push(dir);
  return dir;
}

// The repository's site. Under CTest it is already built (the repository_site_build fixture,
// with sitegen.json's base URL) and only read here; run alone, it is built into a temporary folder.
export function buildSite(baseUrl = 'https://example.org/') {
  const prebuilt = process.env.SITEGEN_REPOSITORY_SITE;
  if (prebuilt && baseUrl === 'https://example.org/' && existsSync(join(prebuilt, 'index.html'))) return prebuilt;
  const out = join(temporaryFolder('sitegen-browser-'), 'site');
  execFileSync(binary, ['build', '--quiet', '--source', repo, '--out', out, '--base-url', baseUrl]);
  return out;
}

// The 404 page a host serves for a missing path: GitHub Pages and Netlify serve the root's
// 404.html ('root'); Cloudflare Pages the nearest one in the path's folders ('nearest').
function notFoundPage(root, path, notFound) {
  if (notFound === 'nearest') {
    for (let folder = dirname(path + 'x'); folder.startsWith(root); folder = dirname(folder)) {
      if (existsSync(join(folder, '404.html'))) return join(folder, '404.html');
      if (folder === root) break;
    }
  }
  return join(root, '404.html');
}

// Serves `root` at http://127.0.0.1:<port><basePath>; `notFound` as above.
export function serve(root, basePath = '/', notFound = 'root') {
  const server = createServer((request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    } catch {
      path = '/__missing__';  // a malformed %-sequence names no file
    }
    if (!path.startsWith(basePath)) path = '/__missing__';
    let file = join(root, path.slice(basePath.length));
    if (!file.startsWith(root)) file = join(root, '__missing__');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (existsSync(file)) {
      response.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream' });
      response.end(readFileSync(file));
    } else {
      response.writeHead(404, { 'Content-Type': types['.html'] });
      response.end(readFileSync(notFoundPage(root, file, notFound)));
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({
    url: `http://127.0.0.1:${server.address().port}${basePath}`,
    close: () => new Promise((closed) => server.close(closed)),
  })));
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export function screenshotPath(name) {
  mkdirSync(screenshots, { recursive: true });
  return join(screenshots, name + '.png');
}
