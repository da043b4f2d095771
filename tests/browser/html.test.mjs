// The Nu Html Checker (vnu-jar, run with the machine's Java) over every page of the fixture site
// and a fixed, seeded sample of 500 pages of the repository's site: zero errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repo, binary, buildSite, temporaryFolder } from './support.mjs';

const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out;
}

// A seeded Fisher–Yates shuffle (LCG), so every run checks the same pages.
function sample(items, count, seed) {
  const copy = items.slice();
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count).sort();
}

function validate(files) {
  const result = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files],
                           { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.error, undefined, 'java must run the Nu Html Checker');
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  const report = JSON.parse(result.stderr);
  return report.messages.map((m) => `${m.url.replace(/^file:/, '')}:${m.lastLine}: ${m.type}: ${m.message}`);
}

test('every page of the fixture site is valid HTML', () => {
  const dir = temporaryFolder('sitegen-vnu-');
  cpSync(join(repo, 'tests/fixtures/mini'), dir, { recursive: true });
  cpSync(join(repo, 'locales'), join(dir, 'locales'), { recursive: true });
  cpSync(join(repo, 'templates'), join(dir, 'templates'), { recursive: true });
  execFileSync(binary, ['build', '--quiet', '--source', dir]);
  const files = htmlFiles(join(dir, 'public'));
  assert.equal(files.length, 27);  // 3 locales × (home, index, 3 codes, 3 pairs, 404)
  assert.deepEqual(validate(files), []);
});

test('the checked kinds of page in every language and a seeded sample of 500 more are valid HTML', () => {
  const site = buildSite();
  const files = htmlFiles(site);
  assert.ok(files.length > 10000);
  // The pages the browser checks look at, in every language, plus the sample.
  const listed = [];
  for (const prefix of ['', 'fr/', 'de/', 'ar/']) {
    listed.push(prefix + '404.html');
    for (const page of ['', 'smtp/', 'http/', 'smtp/535-authentication-failed/', 'http/404-not-found/',
                        'compare/smtp/214-help-message-vs-535-authentication-failed/',
                        'compare/http/404-not-found-vs-410-gone/']) {
      listed.push(prefix + page + 'index.html');
    }
  }
  const chosen = new Set([...listed.map((page) => join(site, page)), ...sample(files, 500, 20261123)]);
  assert.ok(chosen.size > 520);
  assert.deepEqual(validate([...chosen].sort()), []);
});
