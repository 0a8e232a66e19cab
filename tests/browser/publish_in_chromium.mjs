// syzba publish as a visitor sees it: the given models are published into a temporary folder;
// the W3C validator (vnu.jar, from npm) finds no HTML error in any page; Debian's chromium
// (driven by playwright-core) opens the index and every service page with no console error
// and no request outside the folder, finds the diagram, the legend and the action table,
// hovers a task and reads its duration, and follows a task's link to its table row.
// Usage: node publish_in_chromium.mjs SYZBA_BINARY FILE_OR_DIR...
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [syzba, ...inputs] = process.argv.slice(2);
if (!syzba || inputs.length === 0) {
  console.error('usage: node publish_in_chromium.mjs SYZBA_BINARY FILE_OR_DIR...');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const site = mkdtempSync(join(tmpdir(), 'syzba-site-'));
const failures = [];
const fail = (what) => { failures.push(what); console.error('FAIL', what); };

try {
  execFileSync(syzba, ['publish', ...inputs, '-o', site, '-j', '2', '--lang', 'kk'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const pages = readdirSync(site).filter((d) => !d.startsWith('.') && statSync(join(site, d)).isDirectory()).sort();
  const htmlFiles = [join(site, 'index.html'), ...pages.map((d) => join(site, d, 'index.html'))];

  // Valid HTML5, by the W3C's own checker.
  try {
    execFileSync('java', ['-jar', join(here, 'node_modules/vnu-jar/build/dist/vnu.jar'), '--errors-only', ...htmlFiles],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    console.log(`ok   vnu: ${htmlFiles.length} pages, no HTML errors`);
  } catch (e) {
    fail(`vnu found HTML errors:\n${e.stderr}`);
  }

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const root = pathToFileURL(site).href;
  const open = async (url) => {
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => { if (!r.url().startsWith(root) && !r.url().startsWith('data:')) problems.push(`request outside the site: ${r.url()}`); });
    await page.goto(url, { waitUntil: 'load' });
    return { page, problems };
  };

  // The index: one entry per page, every thumbnail loaded.
  {
    const { page, problems } = await open(pathToFileURL(join(site, 'index.html')).href);
    const entries = await page.locator('ul.services > li').count();
    if (entries !== pages.length) fail(`index lists ${entries} services, the site has ${pages.length} pages`);
    const broken = await page.evaluate(() => [...document.images].filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src));
    if (broken.length) fail(`index: thumbnails not loaded: ${broken.join(', ')}`);
    if ((await page.getAttribute('html', 'lang')) !== 'kk') fail('index: no lang="kk"');
    problems.forEach((p) => fail(`index: ${p}`));
    await page.close();
    console.log(`ok   index: ${entries} services`);
  }

  // Every page: diagram, legend, table, no errors, links to the downloads that exist.
  for (const name of pages) {
    const { page, problems } = await open(pathToFileURL(join(site, name, 'index.html')).href);
    const svg = await page.locator('figure svg').count();
    const legend = await page.locator('figure svg g.syzba-legend').count();
    const rows = await page.locator('table.syzba-steps tbody tr').count();
    if (svg !== 1) fail(`${name}: ${svg} diagrams on the page`);
    if (legend !== 1) fail(`${name}: no legend`);
    if (rows === 0) fail(`${name}: an empty action table`);
    // Each linked task leads to its row; each row whose task the diagram draws is linked from it.
    const links = await page.evaluate(() => {
      const bad = [];
      for (const a of document.querySelectorAll('a.syzba-link'))
        if (!document.getElementById(a.getAttribute('href').slice(1))) bad.push(`link ${a.getAttribute('href')} has no row`);
      for (const tr of document.querySelectorAll('table.syzba-steps tbody tr')) {
        const id = tr.id.replace(/^step-/, '');
        const g = [...document.querySelectorAll('g.syzba-element')].find((e) => e.dataset.elementId === id);
        if (g && !(g.parentNode.classList && g.parentNode.classList.contains('syzba-link'))) bad.push(`task ${id} drawn but not linked`);
      }
      return bad;
    });
    links.forEach((p) => fail(`${name}: ${p}`));
    // The diagram is in the viewer, fitted to its frame: a wide diagram no longer runs off the page.
    const fitted = await page.evaluate(() => {
      const frame = document.querySelector('figure.diagram');
      const svg = frame && frame.querySelector('.syzba-viewer-stage svg');
      if (!svg) return 'the diagram is not in the viewer';
      const f = frame.getBoundingClientRect(), r = svg.getBoundingClientRect();
      const inside = r.left >= f.left - 1 && r.right <= f.right + 1 && r.top >= f.top - 1 && r.bottom <= f.bottom + 1;
      return inside ? '' : `the diagram (${Math.round(r.width)}×${Math.round(r.height)}) is not fitted to its frame (${Math.round(f.width)}×${Math.round(f.height)})`;
    });
    if (fitted) fail(`${name}: ${fitted}`);
    for (const href of await page.locator('section a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      try { statSync(join(site, name, href)); } catch { fail(`${name}: download ${href} missing`); }
    }
    problems.forEach((p) => fail(`${name}: ${p}`));
    await page.close();
  }
  console.log(`ok   ${pages.length} service pages`);

  // A handbook: hover a task, read its performer and duration; its link leads to its row.
  const handbook = pages.find((p) => p === '004-child-benefit-main-1');
  if (handbook) {
    const { page, problems } = await open(pathToFileURL(join(site, handbook, 'index.html')).href);
    await page.hover('g.syzba-element[data-element-id="a3"]');
    const detail = await page.textContent('#hover-detail');
    if (!detail.includes('5 жұмыс күні') || !detail.includes('Учаскелік комиссия')) fail(`hover shows "${detail}"`);
    await page.focus('a.syzba-link[href="#step-a5"]');  // keyboard-reachable
    await page.keyboard.press('Enter');
    if (!page.url().endsWith('#step-a5')) fail(`following the task's link gives ${page.url()}`);
    const row = await page.textContent('tr:target');
    if (!row || !row.includes('1 жұмыс күні')) fail(`the targeted row is "${row}"`);
    // Zoom by keyboard in the viewer, then fit again.
    const width = () => page.evaluate(() => document.querySelector('.syzba-viewer-stage svg').getBoundingClientRect().width);
    const fittedWidth = await width();
    await page.focus('figure.diagram');
    await page.keyboard.press('+');
    const zoomed = await width();
    await page.keyboard.press('0');
    const refitted = await width();
    if (!(zoomed > fittedWidth * 1.1) || Math.abs(refitted - fittedWidth) > 1)
      fail(`viewer: fitted ${fittedWidth}, after + ${zoomed}, after 0 ${refitted}`);
    problems.forEach((p) => fail(`${handbook}: ${p}`));
    console.log(`ok   hover: ${detail}; viewer zoom ${fittedWidth.toFixed(0)} → ${zoomed.toFixed(0)} → ${refitted.toFixed(0)} px`);
  } else {
    fail('004-child-benefit-main-1 was not among the inputs');
  }
  await browser.close();
} finally {
  rmSync(site, { recursive: true, force: true });
}
console.log(`${failures.length} problem(s)`);
process.exit(failures.length ? 1 : 0);
