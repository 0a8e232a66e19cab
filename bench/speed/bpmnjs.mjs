// The anchors of bench/speed/run.sh: bpmn-js (the viewer the browser tests pin) drawing BPMN to
// SVG (importXML + saveSVG) in Debian's headless Chromium.
//   node bpmnjs.mjs cold FILE        launch a browser, draw FILE once, close (time the process)
//   node bpmnjs.mjs warm FILE...     one browser; every file drawn once to warm up, then all
//                                    again, timed; prints "warm-ms TOTAL" for the second pass
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const browserDir = join(dirname(fileURLToPath(import.meta.url)), '../../tests/browser');
const { chromium } = createRequire(join(browserDir, 'package.json'))('playwright-core');
const [mode, ...files] = process.argv.slice(2);
if (!['cold', 'warm'].includes(mode) || files.length === 0) {
  console.error('usage: node bpmnjs.mjs cold|warm FILE...');
  process.exit(2);
}
const xmls = files.map((f) => readFileSync(f, 'utf8'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setContent('<!doctype html><div id="host" style="width:1600px;height:1000px"></div>');
await page.addScriptTag({ path: join(browserDir, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js') });
const ms = await page.evaluate(async ({ xmls, passes }) => {
  const host = document.getElementById('host');
  const draw = async (xml) => {
    const viewer = new window.BpmnJS({ container: host });
    await viewer.importXML(xml);
    const { svg } = await viewer.saveSVG();
    viewer.destroy();
    if (!svg.includes('<svg')) throw new Error('no SVG');
  };
  let t = 0;
  for (let pass = 0; pass < passes; pass++) {
    t = performance.now();
    for (const xml of xmls) await draw(xml);
  }
  return performance.now() - t;
}, { xmls, passes: mode === 'warm' ? 2 : 1 });
await browser.close();
if (mode === 'warm') console.log(`warm-ms ${ms.toFixed(1)}`);
