// What a reader sees in Chromium: search, language switcher, redirects of reversed and short URLs,
// right-to-left layout, accessibility (axe-core), and screenshots for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildSite, serve, launch, screenshotPath } from './support.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let site, server, browser, page;

before(async () => {
  site = buildSite();
  server = await serve(site);
  browser = await launch();
  page = await browser.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('typing 535 on /smtp/ shows the 535 entry and hides the others', async () => {
  await page.goto(server.url + 'smtp/');
  await page.fill('#search-input', '535');
  const visible = await page.$$eval('li[data-search]', (items) =>
    items.filter((item) => item.offsetParent !== null).map((item) => item.dataset.code));
  assert.deepEqual(visible, ['535']);
  await page.fill('#search-input', 'authentication');
  const words = await page.$$eval('li[data-search]', (items) =>
    items.filter((item) => item.offsetParent !== null).map((item) => item.dataset.code));
  assert.ok(words.includes('530') && words.includes('535') && words.includes('235'), words.join(' '));
  await page.fill('#search-input', 'zzzzzz');
  assert.equal(await page.isVisible('#search-empty'), true);
});

test('the home page searches the index of its own language', async () => {
  await page.goto(server.url + 'fr/');
  await page.fill('#search-input', 'teapot');
  await page.waitForSelector('#search-results li a');
  const links = await page.$$eval('#search-results li a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.deepEqual(links, [['HTTP 418 I\'m a Teapot', './http/418-im-a-teapot/']]);
  await page.click('#search-results li a');
  assert.equal(new URL(page.url()).pathname, '/fr/http/418-im-a-teapot/');
});

test('each language searches its own words, without accents, Arabic vowel marks or hamza forms', async () => {
  const cases = [
    ['fr/', 'authentification'], ['fr/', 'AUTHENTIFICATION rejete'],
    ['de/', 'authentifizierung'], ['de/', 'Zugangsdaten ungultig'],
    ['ar/', 'المصادقة'], ['ar/', 'المُصادَقة'], ['ar/', 'اعادة ارسال'],
  ];
  for (const [home, query] of cases) {
    await page.goto(server.url + home);
    await page.fill('#search-input', query);
    await page.waitForSelector('#search-results li a', { timeout: 5000 });
    const found = await page.$$eval('#search-results li', (items) => items.map((item) => ({
      title: item.querySelector('a').textContent, lang: item.querySelector('p').getAttribute('lang') })));
    const entry = found.find((item) => item.title === 'SMTP 535 Authentication Failed');
    assert.ok(entry, `${home} "${query}" lists SMTP 535 (found: ${found.map((item) => item.title).join(', ')})`);
    assert.equal(entry.lang, null, 'a translated summary is not marked English');
  }
  // The English index has the English words only.
  await page.goto(server.url);
  await page.fill('#search-input', 'authentification');
  await page.waitForSelector('#search-empty:not([hidden])', { timeout: 5000 });
});

test('an enhanced code, typed or pasted from a bounce, is listed first on every home page', async () => {
  for (const home of ['', 'fr/', 'de/', 'ar/']) {
    for (const query of ['5.7.1', '550 5.7.1', '550-5.7.1', '550 5.7.1 Message rejected']) {
      await page.goto(server.url + home);
      await page.fill('#search-input', query);
      await page.waitForSelector('#search-results li a', { timeout: 5000 });
      const hrefs = await page.$$eval('#search-results li a', (as) => as.map((a) => a.getAttribute('href')));
      assert.match(hrefs[0], /smtp-enhanced\/5\.7\.1-delivery-not-authorized/, `${home} "${query}": ${hrefs.join(' ')}`);
      // The pasted line also finds its basic code, after the enhanced one.
      if (query.startsWith('550')) assert.ok(hrefs.some((href) => /\/smtp\/550-/.test(href)), `${home} "${query}"`);
    }
  }
  // "x.7.1" stands for any class: 4.7.1 and 5.7.1 first.
  await page.goto(server.url);
  await page.fill('#search-input', 'x.7.1');
  await page.waitForSelector('#search-results li a');
  const titles = await page.$$eval('#search-results li a', (as) => as.map((a) => a.textContent));
  assert.deepEqual(titles.slice(0, 2).map((t) => t.split(' ')[1]), ['4.7.1', '5.7.1'], titles.join(', '));
});

test('a missing page in a language folder shows that language\'s 404 page, on either kind of host', async () => {
  const nearest = await serve(site, '/', 'nearest');
  try {
    for (const locale of ['fr', 'de', 'ar']) {
      // Cloudflare Pages (and sitegen serve): the nearest 404.html, at the missing URL.
      let response = await page.goto(nearest.url + locale + '/smtp/999/');
      assert.equal(response.status(), 404);
      assert.equal(await page.getAttribute('html', 'lang'), locale);
      assert.equal(new URL(page.url()).pathname, '/' + locale + '/smtp/999/');
      // GitHub Pages: the root's 404 page, whose script moves on to the locale's.
      response = await page.goto(server.url + locale + '/smtp/999/');
      assert.equal(response.status(), 404);
      await page.waitForURL((url) => url.pathname === '/' + locale + '/404.html', { timeout: 5000 });
      assert.equal(await page.getAttribute('html', 'lang'), locale);
      assert.equal(decodeURIComponent(new URL(page.url()).search), '?/' + locale + '/smtp/999/');
      const heading = await page.textContent('h1');
      assert.notEqual(heading, 'Page not found', locale);
    }
    // A short URL still leads to its page first, from either 404 page.
    await page.goto(server.url + 'fr/smtp/535/');
    await page.waitForURL((url) => url.pathname === '/fr/smtp/535-authentication-failed/', { timeout: 5000 });
    // The default locale's missing pages stay on its own 404 page.
    await page.goto(server.url + 'smtp/999/');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(new URL(page.url()).pathname, '/smtp/999/');
  } finally {
    await nearest.close();
  }
});

test('without JavaScript the full lists stay usable', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto(server.url + 'smtp/');
  // One entry per code of the catalog: content/smtp/<code>.json.
  const codes = readdirSync('content/smtp').filter((name) => /^[0-9]+\.json$/.test(name)).length;
  assert.ok(codes >= 34);
  assert.equal(await plain.locator('li[data-search]').count(), codes);
  await context.close();
});

test('the language switcher goes to the same page in the other language', async () => {
  await page.goto(server.url + 'compare/smtp/214-help-message-vs-535-authentication-failed/');
  await page.click('nav.languages a[hreflang="ar"]');
  assert.equal(new URL(page.url()).pathname, '/ar/compare/smtp/214-help-message-vs-535-authentication-failed/');
  await page.click('nav.languages a[hreflang="de"]');
  assert.equal(new URL(page.url()).pathname, '/de/compare/smtp/214-help-message-vs-535-authentication-failed/');
});

test('reversed pair URLs and bare code URLs end on the canonical page through the 404 page', async () => {
  const cases = [
    ['compare/smtp/535-authentication-failed-vs-214-help-message/', '/compare/smtp/214-help-message-vs-535-authentication-failed/'],
    ['fr/compare/http/404-not-found-vs-200-ok/', '/fr/compare/http/200-ok-vs-404-not-found/'],
    ['compare/smtp/535-vs-214/', '/compare/smtp/214-help-message-vs-535-authentication-failed/'],
    ['smtp/535/', '/smtp/535-authentication-failed/'],
    ['ar/http/418/', '/ar/http/418-im-a-teapot/'],
    ['smtp-enhanced/5.7.1/', '/smtp-enhanced/5.7.1-delivery-not-authorized-message-refused/'],
    ['de/compare/smtp-enhanced/5.2.2-vs-4.2.2/', '/de/compare/smtp-enhanced/4.2.2-mailbox-full-vs-5.2.2-mailbox-full/'],
    ['compare/smtp-enhanced/5.7.10-vs-5.7.9/', '/compare/smtp-enhanced/5.7.9-authentication-mechanism-is-too-weak-vs-5.7.10-encryption-needed/'],
  ];
  for (const [from, to] of cases) {
    const response = await page.goto(server.url + from);
    assert.equal(response.status(), 404, from);
    await page.waitForURL((url) => url.pathname === to, { timeout: 5000 });
    assert.equal(await page.locator('h1').count(), 1);
  }
});

test('Arabic pages are right to left, mirror, and keep English prose left to right', async () => {
  await page.goto(server.url + 'ar/compare/smtp/214-help-message-vs-535-authentication-failed/');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).direction), 'rtl');
  const crumbs = await page.$$eval('.breadcrumb li', (items) => items.map((item) => item.getBoundingClientRect().x));
  assert.ok(crumbs[0] > crumbs[1], 'the breadcrumb starts on the right');
  const english = await page.$$eval('[lang="en"]', (items) => items.map((item) => getComputedStyle(item).direction));
  assert.ok(english.length > 5);
  assert.ok(english.every((direction) => direction === 'ltr'));
  await page.goto(server.url + 'compare/smtp/214-help-message-vs-535-authentication-failed/');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).direction), 'ltr');
});

const axePages = (locale) => {
  const prefix = locale === 'en' ? '' : locale + '/';
  return [prefix, prefix + 'smtp/', prefix + 'smtp/535-authentication-failed/',
          prefix + 'compare/smtp/214-help-message-vs-535-authentication-failed/',
          prefix + 'compare/http/404-not-found-vs-410-gone/', prefix + 'smtp-enhanced/',
          prefix + 'smtp-enhanced/5.7.1-delivery-not-authorized-message-refused/',
          prefix + 'compare/smtp-enhanced/4.7.1-delivery-not-authorized-message-refused-vs-5.7.1-delivery-not-authorized-message-refused/'];
};

test('axe-core finds no violations on each kind of page in every language', async () => {
  const failures = [];
  for (const locale of ['en', 'fr', 'de', 'ar']) {
    for (const path of [...axePages(locale), (locale === 'en' ? '' : locale + '/') + '404.html']) {
      await page.goto(server.url + path);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => (await window.axe.run()).violations);
      for (const v of violations) failures.push(`${path}: ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} nodes]`);
    }
  }
  assert.deepEqual(failures, []);
});

test('screenshots of a code page and a pair page, desktop and phone, English and Arabic', async () => {
  for (const [width, height, device] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
    await page.setViewportSize({ width, height });
    for (const locale of ['en', 'ar']) {
      const prefix = locale === 'en' ? '' : locale + '/';
      await page.goto(server.url + prefix + 'smtp/535-authentication-failed/');
      await page.screenshot({ path: screenshotPath(`code-${locale}-${device}`), fullPage: false });
      await page.goto(server.url + prefix + 'compare/smtp/214-help-message-vs-535-authentication-failed/');
      await page.screenshot({ path: screenshotPath(`pair-${locale}-${device}`), fullPage: false });
    }
  }
});

test('on a 390 px phone a pair page fits the screen and shows both codes of every row side by side', async () => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  try {
    for (const path of ['compare/smtp/214-help-message-vs-535-authentication-failed/',
                        'ar/compare/smtp/214-help-message-vs-535-authentication-failed/',
                        'compare/smtp-enhanced/4.7.1-delivery-not-authorized-message-refused-vs-5.7.1-delivery-not-authorized-message-refused/']) {
      await phone.goto(server.url + path);
      const layout = await phone.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        rows: [...document.querySelectorAll('.comparison tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => {
          const box = cell.getBoundingClientRect();
          return { left: box.left, right: box.right, width: box.width };
        })),
      }));
      assert.ok(layout.scrollWidth <= layout.innerWidth, `${path}: ${layout.scrollWidth} > ${layout.innerWidth}`);
      assert.ok(layout.rows.length >= 6, path);
      for (const cells of layout.rows) {
        assert.equal(cells.length, 2, path);
        for (const cell of cells) {
          assert.ok(cell.left >= 0 && cell.right <= layout.innerWidth && cell.width > 100, `${path}: ${JSON.stringify(cell)}`);
        }
      }
      const name = path.startsWith('ar/') ? 'pair-phone-comparison-ar' : path.includes('enhanced') ? 'pair-phone-comparison-enhanced' : 'pair-phone-comparison-en';
      await phone.locator('.comparison').screenshot({ path: screenshotPath(name) });
    }
  } finally {
    await phone.close();
  }
});

test('printed with a dark colour scheme, the text is black on white and RFC links show their address', async () => {
  const printed = await browser.newPage();
  try {
    await printed.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await printed.goto(server.url + 'compare/smtp/214-help-message-vs-535-authentication-failed/');
    const colours = await printed.evaluate(() => {
      const rgb = (value) => value.match(/\d+/g).slice(0, 3).map(Number);
      const link = document.querySelector('a[href^="https://www.rfc-editor.org/"]');
      return { body: rgb(getComputedStyle(document.body).color), paragraph: rgb(getComputedStyle(document.querySelector('main p')).color),
               background: getComputedStyle(document.body).backgroundColor,
               after: getComputedStyle(link, '::after').content, nav: getComputedStyle(document.querySelector('.languages')).display };
    });
    for (const colour of [colours.body, colours.paragraph]) assert.ok(colour.every((c) => c < 0x33), JSON.stringify(colours));
    assert.match(colours.after, /rfc-editor\.org/);
    assert.equal(colours.nav, 'none');
  } finally {
    await printed.close();
  }
});

test('search finds words of explanations, announces the count, opens the first result on Enter, from any page', async () => {
  // On the SMTP index, "5.7.8" (named in 535's explanation) lists 535.
  await page.goto(server.url + 'smtp/');
  await page.fill('#search-input', '5.7.8');
  await page.waitForFunction(() => [...document.querySelectorAll('li[data-search]')].some((item) => !item.hidden && item.dataset.code === '535'),
                             null, { timeout: 5000 });
  // On the HTTP index, "not found" lists 404.
  await page.goto(server.url + 'http/');
  await page.fill('#search-input', 'not found');
  await page.waitForFunction(() => [...document.querySelectorAll('li[data-search]')].some((item) => !item.hidden && item.dataset.code === '404'),
                             null, { timeout: 5000 });
  assert.match(await page.textContent('#search-status'), /^Codes found: \d+$/);
  // The home page: one polite status line with the count, Enter opens the first result.
  await page.goto(server.url);
  await page.fill('#search-input', '535');
  await page.waitForSelector('#search-results li a');
  assert.equal(await page.getAttribute('#search-status', 'role'), 'status');
  assert.equal(await page.getAttribute('#search-results', 'aria-live'), null);
  assert.match(await page.textContent('#search-status'), /^Codes found: [1-9]\d*$/);
  await page.fill('#search-input', 'zzzzzz');
  await page.waitForFunction(() => document.getElementById('search-status').textContent === 'No code matches your search.');
  await page.fill('#search-input', '535');
  await page.waitForSelector('#search-results li a');
  await page.press('#search-input', 'ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'SMTP 535 Authentication Failed');
  await page.press('#search-input', 'Enter');
  await page.waitForURL((url) => url.pathname === '/smtp/535-authentication-failed/', { timeout: 5000 });
  // The header of a pair page sends its words to the home page's search.
  await page.goto(server.url + 'de/compare/smtp/214-help-message-vs-535-authentication-failed/');
  await page.fill('#header-search-input', '535');
  await page.press('#header-search-input', 'Enter');
  await page.waitForURL((url) => url.pathname === '/de/' && url.searchParams.get('q') === '535', { timeout: 5000 });
  await page.waitForSelector('#search-results li a');
  assert.equal(await page.textContent('#search-results li a'), 'SMTP 535 Authentication Failed');
  // A failed index load says so.
  await page.route('**/search.json', (route) => route.fulfill({ status: 500, body: 'no' }));
  await page.goto(server.url + 'fr/');
  await page.fill('#search-input', '535');
  await page.waitForFunction(() => document.getElementById('search-status').textContent.includes('pas disponible'), null, { timeout: 5000 });
  await page.unroute('**/search.json');
});

test('under a single 404 page, query-string, upper-case and self-pair URLs reach their page', async () => {
  const cases = [
    ['404.html?/smtp/535/', '/smtp/535-authentication-failed/'],
    ['SMTP/535/', '/smtp/535-authentication-failed/'],
    ['FR/SMTP/535/', '/fr/smtp/535-authentication-failed/'],
    ['compare/smtp/535-vs-535/', '/smtp/535-authentication-failed/'],
  ];
  for (const [from, to] of cases) {
    await page.goto(server.url + from);
    await page.waitForURL((url) => url.pathname === to, { timeout: 5000 });
  }
});
