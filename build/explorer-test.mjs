// Drives a run's explorer.html in headless Chromium (puppeteer-core against Debian's chromium):
// zooms with the wheel, goes to the first leader change with the keyboard, clicks its marker, and
// checks that the story names the blocking fdatasync and the neighbour; takes a screenshot; fails on
// any console error, page error or network request. Usage: node explorer-test.mjs PAGE SCREENSHOT
import puppeteer from 'puppeteer-core';
import { pathToFileURL } from 'node:url';
import { statSync } from 'node:fs';

const [pagePath, shot] = process.argv.slice(2);
const url = pathToFileURL(pagePath).href;
const fail = msg => { console.error('explorer-test: ' + msg); process.exitCode = 1; };

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1600, height: 1300 });
  const errors = [];
  const requests = [];
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.type() + ': ' + m.text()); });
  page.on('pageerror', e => errors.push('page error: ' + e.message));
  page.on('request', r => { if (r.url() !== url) requests.push(r.url()); });
  const loadStart = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction('window.stormglassExplorer && window.stormglassExplorer.ready', { timeout: 60000 });
  const paintMs = await page.evaluate(() => window.stormglassExplorer.firstPaintMs);
  console.log(`explorer-test: ${(statSync(pagePath).size / 1e6).toFixed(2)} MB page, first paint ${paintMs.toFixed(0)} ms after the script started, ${Date.now() - loadStart} ms after navigation`);
  const changes = await page.evaluate(() => window.stormglassExplorer.leaderChanges());
  if (changes < 1) throw new Error('the run has no leader change to explain');

  // the mouse wheel zooms in around the cursor
  const whole = await page.evaluate(() => window.stormglassExplorer.view());
  const box = await (await page.$('#events')).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 40);
  await page.mouse.wheel({ deltaY: -600 });
  await page.waitForFunction(w => { const v = window.stormglassExplorer.view(); return v.t1 - v.t0 < (w.t1 - w.t0) * 0.7; }, {}, whole);

  // back to the whole run, then "n": the first leader change's window
  await page.keyboard.press('0');
  await page.keyboard.press('n');
  await page.waitForFunction(() => window.stormglassExplorer.changeMarkerPoint(0) !== null
      && window.stormglassExplorer.view().t1 - window.stormglassExplorer.view().t0 < 30);
  await new Promise(r => setTimeout(r, 200));
  const point = await page.evaluate(() => window.stormglassExplorer.changeMarkerPoint(0));
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction(() => window.stormglassExplorer.selected() === 0);
  const story = await page.evaluate(() => window.stormglassExplorer.storyText());
  console.log('explorer-test: story of the first leader change:\n' + story);
  for (const needed of ['blocked in a WAL fdatasync', 'queued ahead', 'prometheus', 'election timer fired first', 'first heartbeat']) {
    if (!story.includes(needed)) fail(`the story does not say "${needed}"`);
  }
  // the slowest sampled request: its stages, from received to answered
  const slowest = await page.$('#slowest li');
  if (slowest) {
    await slowest.click();
    const stages = await page.$eval('#request', el => el.innerText);
    console.log('explorer-test: slowest sampled request:\n' + stages);
    if (!stages.includes('received') || !stages.includes('answered')) fail('the request breakdown lacks its first or last stage');
    // back to the leader change for the screenshot
    await page.keyboard.press('0');
    await page.keyboard.press('n');
    await new Promise(r => setTimeout(r, 200));
  } else {
    fail('no sampled request listed');
  }
  await new Promise(r => setTimeout(r, 200));
  await page.screenshot({ path: shot, fullPage: true });
  console.log('explorer-test: screenshot ' + shot);
  if (errors.length) fail('console errors: ' + errors.join(' | '));
  if (requests.length) fail('network requests: ' + requests.join(' '));
} catch (e) {
  fail(e.stack || String(e));
} finally {
  await browser.close();
}
