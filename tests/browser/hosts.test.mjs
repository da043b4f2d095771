// The hosts' own tools read what sitegen writes for them: Netlify's parsers of _redirects and
// _headers (@netlify/redirect-parser, @netlify/headers-parser), and Cloudflare's local Pages
// runtime (wrangler pages dev) serving a Cloudflare Pages build, with Chromium on top.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { parseAllRedirects } from '@netlify/redirect-parser';
import { parseAllHeaders } from '@netlify/headers-parser';
import { repo, binary, launch, temporaryFolder } from './support.mjs';

// The repository's site built for one host.
function buildFor(host) {
  const out = join(temporaryFolder(`sitegen-${host}-`), 'site');
  execFileSync(binary, ['build', '--quiet', '--source', repo, '--out', out, '--host', host]);
  return out;
}

// The rule lines of a _redirects file: neither empty nor a comment.
function redirectLines(file) {
  return readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
}

// A _headers file's path lines ("/assets/*") and header lines ("  Cache-Control: …").
function headerLines(file) {
  const lines = readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
  return { paths: lines.filter((line) => line.startsWith('/')), values: lines.filter((line) => !line.startsWith('/')) };
}

test('Netlify\'s own parsers read every _redirects and _headers rule sitegen writes for netlify, with no error', async () => {
  const site = buildFor('netlify');
  const redirectsFile = join(site, '_redirects');
  const headersFile = join(site, '_headers');

  const lines = redirectLines(redirectsFile);
  assert.ok(lines.length > 2000, `the whole site's rules, not Cloudflare's 2,000 (${lines.length})`);
  const redirects = await parseAllRedirects({ redirectsFiles: [redirectsFile], configRedirects: [], minimal: false });
  assert.deepEqual(redirects.errors.map(String), []);
  // One parsed rule per line: none skipped, none merged away as a duplicate.
  assert.equal(redirects.redirects.length, lines.length);
  const short = redirects.redirects.find((rule) => rule.from === '/smtp/535/');
  assert.deepEqual([short?.to, short?.status, short?.force], ['/smtp/535-authentication-failed/', 301, false]);
  const reversed = redirects.redirects.find((rule) => rule.from === '/compare/smtp/535-authentication-failed-vs-214-help-message/');
  assert.equal(reversed?.to, '/compare/smtp/214-help-message-vs-535-authentication-failed/');

  const { paths, values } = headerLines(headersFile);
  const headers = await parseAllHeaders({ headersFiles: [headersFile], configHeaders: [], minimal: false });
  assert.deepEqual(headers.errors.map(String), []);
  assert.equal(headers.headers.length, paths.length);
  assert.equal(headers.headers.reduce((count, rule) => count + Object.keys(rule.values).length, 0), values.length);
  const assets = headers.headers.find((rule) => rule.for === '/assets/*');
  assert.equal(assets?.values['Cache-Control'], 'public, max-age=31536000, immutable');
});

// A port nothing listens on now, for wrangler to take.
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

describe('a Cloudflare Pages build under wrangler pages dev, Cloudflare\'s local Pages runtime', () => {
  let site, wrangler, url, output = '', browser;

  before(async () => {
    site = buildFor('cloudflare-pages');
    const home = temporaryFolder('sitegen-wrangler-');
    mkdirSync(join(home, 'config'));
    const port = await freePort();
    const cli = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin/wrangler.js');
    // Offline: no metrics, error reports, banner (it checks npm for a newer wrangler) or
    // Request.cf download (miniflare's CLOUDFLARE_CF_FETCH_ENABLED); wrangler's config, logs and
    // state stay in a temporary folder; a fixed compatibility date the bundled workerd supports.
    // npm_config_registry: the error paths' update check asks a closed loopback port instead.
    wrangler = spawn(process.execPath, [cli, 'pages', 'dev', site, '--port', String(port), '--ip', '127.0.0.1',
                                        '--compatibility-date', '2026-01-01'], {
      cwd: home, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', WRANGLER_SEND_ERROR_REPORTS: 'false',
             WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', XDG_CONFIG_HOME: join(home, 'config'),
             WRANGLER_LOG_PATH: join(home, 'logs'), npm_config_registry: 'http://127.0.0.1:9/', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    process.on('exit', () => { try { process.kill(-wrangler.pid, 'SIGKILL'); } catch {} });
    wrangler.stdout.on('data', (chunk) => { output += chunk; });
    wrangler.stderr.on('data', (chunk) => { output += chunk; });
    url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('wrangler did not start in 90 s:\n' + output)), 90000);
      const ready = () => {
        const match = output.match(/Ready on (http:\/\/127\.0\.0\.1:\d+)/);
        if (match) { clearTimeout(timer); resolve(match[1]); }
      };
      wrangler.stdout.on('data', ready);
      wrangler.on('exit', (code) => { clearTimeout(timer); reject(new Error(`wrangler exited with ${code}:\n${output}`)); });
    });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    if (wrangler && wrangler.exitCode === null && wrangler.signalCode === null) {
      // Its process group: wrangler and the workerd it started.
      const exited = new Promise((resolve) => wrangler.on('exit', resolve));
      try { process.kill(-wrangler.pid, 'SIGTERM'); } catch {}
      const timer = setTimeout(() => { try { process.kill(-wrangler.pid, 'SIGKILL'); } catch {} }, 5000);
      await exited;
      clearTimeout(timer);
    }
  });

  test('wrangler reads every rule of _redirects (at most 2,000) and _headers, and finds none invalid', () => {
    const lines = redirectLines(join(site, '_redirects'));
    assert.ok(lines.length > 0 && lines.length <= 2000, `${lines.length} rules`);
    assert.doesNotMatch(output, /invalid|Maximum number of static rules/i, output);
    assert.match(output, new RegExp(`Parsed ${lines.length} valid redirect rules`), output);
    assert.match(output, new RegExp(`Parsed ${headerLines(join(site, '_headers')).paths.length} valid header rules`), output);
  });

  test('short code URLs redirect to the canonical page, with the status _redirects gives', async () => {
    const rule = redirectLines(join(site, '_redirects')).map((line) => line.split(/\s+/)).find(([from]) => from === '/smtp/535/');
    assert.deepEqual(rule, ['/smtp/535/', '/smtp/535-authentication-failed/', '301']);
    for (const [from, to] of [['/smtp/535/', '/smtp/535-authentication-failed/'], ['/smtp/535', '/smtp/535-authentication-failed/'],
                              ['/fr/smtp/535/', '/fr/smtp/535-authentication-failed/']]) {
      const response = await fetch(url + from, { redirect: 'manual' });
      assert.equal(response.status, Number(rule[2]), from);
      assert.equal(new URL(response.headers.get('location'), url).pathname, to, from);
    }
    const page = await fetch(url + '/smtp/535-authentication-failed/');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'public, max-age=0, must-revalidate');
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  });

  test('a reversed pair URL past the 2,000 rules reaches its canonical page in Chromium, through the 404 page', async () => {
    const from = '/compare/smtp/535-authentication-failed-vs-214-help-message/';
    const to = '/compare/smtp/214-help-message-vs-535-authentication-failed/';
    assert.ok(!redirectLines(join(site, '_redirects')).some((line) => line.startsWith(from + ' ')), 'no rule: the 404 page does it');
    const page = await browser.newPage();
    try {
      const response = await page.goto(url + from);
      assert.equal(response.status(), 404);
      await page.waitForURL((address) => address.pathname === to, { timeout: 10000 });
      assert.equal(await page.textContent('h1'), 'SMTP 214 Help Message vs 535 Authentication Failed');
    } finally {
      await page.close();
    }
  });

  test('an unknown path gets the nearest 404.html, with status 404', async () => {
    for (const [path, file] of [['/smtp/999/', '404.html'], ['/fr/smtp/999/', 'fr/404.html']]) {
      assert.ok(existsSync(join(site, file)), file);
      const response = await fetch(url + path, { redirect: 'manual' });
      assert.equal(response.status, 404, path);
      assert.equal(await response.text(), readFileSync(join(site, file), 'utf8'), path);
    }
  });
});
