// `sitegen serve` in Chromium: saving a file reloads the open page by itself, a broken edit shows
// its error over the last good page, and fixing it recovers, all without a restart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo, binary, launch, temporaryFolder } from './support.mjs';

let dir, server, url, browser, page;

before(async () => {
  dir = temporaryFolder('sitegen-serve-browser-');
  cpSync(join(repo, 'tests/fixtures/mini'), dir, { recursive: true });
  cpSync(join(repo, 'locales'), join(dir, 'locales'), { recursive: true });
  cpSync(join(repo, 'templates'), join(dir, 'templates'), { recursive: true });
  server = spawn(binary, ['serve', '--port', '0', '--source', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise((resolve, reject) => {
    let text = '';
    server.stdout.on('data', (chunk) => {
      text += chunk;
      const match = text.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (match) resolve(match[0]);
    });
    server.on('exit', (code) => reject(new Error('sitegen serve exited with ' + code)));
  });
  browser = await launch();
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

test('an edit reloads the open page, a broken edit shows an overlay, a fix recovers', async () => {
  const en = join(dir, 'locales/en.json');
  const original = readFileSync(en, 'utf8');
  await page.goto(url + 'smtp/214-help-message/');
  assert.match(await page.textContent('footer'), /Built with sitegen\./);

  writeFileSync(en, original.replace('Built with sitegen.', 'Built with sitegen, live.'));
  await page.waitForFunction(() => document.querySelector('footer').textContent.includes('live.'), null, { timeout: 5000 });

  writeFileSync(en, '{ "ui": ');
  await page.waitForSelector('#sitegen-error', { timeout: 5000 });
  assert.match(await page.textContent('#sitegen-error'), /locales\/en\.json:1:/);
  assert.match(await page.textContent('footer'), /Built with sitegen, live\./);  // the last good page stays

  writeFileSync(en, original.replace('Built with sitegen.', 'Built with sitegen, fixed.'));
  await page.waitForFunction(() => document.querySelector('footer').textContent.includes('fixed.'), null, { timeout: 5000 });
  assert.equal(await page.locator('#sitegen-error').count(), 0);
});

test('a reload keeps the scroll position and the page script still works on the new page', async () => {
  const en = join(dir, 'locales/en.json');
  const original = readFileSync(en, 'utf8');
  await page.setViewportSize({ width: 400, height: 300 });
  await page.goto(url + 'smtp/');
  await page.evaluate(() => window.scrollTo(0, 200));
  await page.evaluate(() => { window.__sameDocument = true; });
  writeFileSync(en, original.replace(/Built with sitegen[^."]*\./, 'Built with sitegen, scrolled.'));
  await page.waitForFunction(() => document.querySelector('footer').textContent.includes('scrolled.'), null, { timeout: 5000 });
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the body was swapped, not the page navigated');
  assert.equal(await page.evaluate(() => window.scrollY), 200);
  // The search of the protocol index filters the new list.
  await page.fill('#search-input', '535');
  await page.waitForFunction(() => [...document.querySelectorAll('li[data-search]')]
    .filter((item) => item.offsetParent !== null).map((item) => item.dataset.code).join() === '535', null, { timeout: 5000 });
  writeFileSync(en, original);
});
