// A locale with a region (pt-BR): its pages and its 404 redirects work like every other locale's,
// since site.js takes the locale folders from the page instead of guessing them with a pattern.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repo, binary, temporaryFolder, serve, launch } from './support.mjs';

let server, browser, page;

before(async () => {
  const source = temporaryFolder('sitegen-ptbr-');
  cpSync(join(repo, 'tests/fixtures/mini'), source, { recursive: true });
  for (const part of ['locales', 'templates']) cpSync(join(repo, part), join(source, part), { recursive: true });
  cpSync(join(source, 'locales/fr.json'), join(source, 'locales/pt-BR.json'));
  const config = JSON.parse(readFileSync(join(source, 'sitegen.json'), 'utf8'));
  config.locales = ['en', 'fr', 'pt-BR'];
  writeFileSync(join(source, 'sitegen.json'), JSON.stringify(config, null, 2));
  const out = join(source, 'out');
  execFileSync(binary, ['build', '--quiet', '--source', source, '--out', out]);
  server = await serve(out);
  browser = await launch();
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('bare code URLs and reversed pairs under pt-BR/ end on the canonical pt-BR page', async () => {
  const cases = [
    ['pt-BR/smtp/535/', '/pt-BR/smtp/535-authentication-failed/'],
    ['pt-BR/compare/smtp/535-authentication-failed-vs-214-help-message/',
     '/pt-BR/compare/smtp/214-help-message-vs-535-authentication-failed/'],
    ['pt-BR/compare/smtp/535-vs-214/', '/pt-BR/compare/smtp/214-help-message-vs-535-authentication-failed/'],
    ['fr/smtp/214/', '/fr/smtp/214-help-message/'],
    ['smtp/235/', '/smtp/235-authentication-successful/'],
  ];
  for (const [from, to] of cases) {
    const response = await page.goto(server.url + from);
    assert.equal(response.status(), 404, from);
    await page.waitForURL((url) => url.pathname === to, { timeout: 5000 });
    assert.equal(await page.locator('h1').count(), 1);
  }
  // A malformed %-sequence stays on the 404 page instead of throwing.
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(server.url + 'pt-BR/smtp/%E0%A4%A/');
  assert.equal(response.status(), 404);
  await page.waitForTimeout(300);
  assert.deepEqual(errors, []);
});
