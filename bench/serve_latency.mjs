// Save-to-visible of `sitegen serve` on the repository's own site, in Chromium: the time from
// writing an edited catalog entry to the open page showing the edit, over 5 edits.
//   node bench/serve_latency.mjs        (after building build/sitegen; run from the repository)
// Prints each edit's time and the median; serve's own log lines say how long each rebuild took.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repo, binary, launch } from '../tests/browser/support.mjs';

const dir = mkdtempSync(join(tmpdir(), 'sitegen-latency-'));
for (const part of ['sitegen.json', 'content', 'locales', 'templates', 'static']) {
  cpSync(join(repo, part), join(dir, part), { recursive: true });
}
const server = spawn(binary, ['serve', '--port', '0', '--source', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
let log = '';
server.stdout.on('data', (chunk) => { log += chunk; });
const waitFor = async (pattern) => {
  for (let i = 0; i < 600 && !pattern.test(log); i++) await new Promise((r) => setTimeout(r, 50));
  const match = log.match(pattern);
  if (!match) throw new Error('serve did not print ' + pattern + ':\n' + log);
  return match;
};
const url = (await waitFor(/http:\/\/127\.0\.0\.1:\d+\//))[0];
await waitFor(/sitegen serve: built \d+ pages/);
const browser = await launch();
const page = await browser.newPage();
await page.goto(url + 'smtp/535-authentication-failed/');
const file = join(dir, 'content/smtp/535.json');
const original = JSON.parse(readFileSync(file, 'utf8'));
const times = [];
for (let edit = 1; edit <= 5; edit++) {
  const marker = `Latency check ${edit}.`;
  const entry = { ...original, how_to_fix: original.how_to_fix + ' ' + marker };
  await new Promise((r) => setTimeout(r, 500));  // let the previous reload settle
  const started = performance.now();
  writeFileSync(file, JSON.stringify(entry, null, 2) + '\n');
  await page.waitForFunction((text) => document.body && document.body.textContent.includes(text), marker,
                             { polling: 'raf', timeout: 10000 });
  times.push(performance.now() - started);
}
await browser.close();
server.kill('SIGINT');
await new Promise((r) => server.on('exit', r));
rmSync(dir, { recursive: true, force: true });
const sorted = [...times].sort((a, b) => a - b);
console.log('save-to-visible, ms: ' + times.map((t) => t.toFixed(0)).join(', ') +
            '; median ' + sorted[2].toFixed(0) + ' ms (5 edits of content/smtp/535.json, repository site)');
console.log(log.split('\n').filter((line) => line.includes('535.json')).join('\n'));
