// The HTML of syzba diff in Debian's Chromium: the changed shapes carry the amber mark in the
// new diagram, and clicking a row of the table highlights its shape. usage: node diff_in_chromium.mjs PAGE.html
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const browserDir = join(dirname(fileURLToPath(import.meta.url)), '../browser');
const { chromium } = createRequire(join(browserDir, 'package.json'))('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(pathToFileURL(process.argv[2]).href);
const fail = async (what) => { console.error('FAIL', what); await browser.close(); process.exit(1); };
if (errors.length) await fail(`script errors: ${errors.join('; ')}`);
const stroke = await page.evaluate(() => {
  const g = document.querySelector('#new g[data-element-id="a3"]');
  const shape = g && g.querySelector('rect');
  return shape ? shape.getAttribute('stroke') : null;
});
if (stroke !== '#e8590c') await fail(`a3 in the new diagram is drawn with ${stroke}, not the mark of a change`);
await page.click('tr[data-element="a3"]');
const lit = await page.evaluate(() => !!document.querySelector('#new .syzba-highlight[data-element-id="a3"]'));
if (!lit) await fail('clicking the row of a3 did not highlight its shape');
await page.check('#overlay');
if (!(await page.evaluate(() => document.getElementById('sides').classList.contains('overlaid')))) await fail('overlay switch');
await browser.close();
console.log('ok   diff HTML: a3 marked, its row selects it, overlay switches');
