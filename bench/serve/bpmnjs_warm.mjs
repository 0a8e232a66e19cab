// The anchor for syzba serve: bpmn-js in one warm headless Chromium (the way Kroki draws BPMN),
// drawing the same model to SVG again and again (importXML + saveSVG), after a warm-up.
// Prints diagrams per second and the median and 99th percentile per diagram.
// usage: node bench/serve/bpmnjs_warm.mjs MODEL.bpmn [SECONDS]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const browserDir = join(dirname(fileURLToPath(import.meta.url)), '../../tests/browser');
const { chromium } = createRequire(join(browserDir, 'package.json'))('playwright-core');
const [model, seconds = '5'] = process.argv.slice(2);
const xml = readFileSync(model, 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setContent('<!doctype html><div id="host" style="width:1600px;height:1000px"></div>');
await page.addScriptTag({ path: join(browserDir, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js') });
const times = await page.evaluate(async ({ xml, seconds }) => {
  const host = document.getElementById('host');
  const once = async () => {
    const viewer = new window.BpmnJS({ container: host });
    await viewer.importXML(xml);
    const { svg } = await viewer.saveSVG();
    viewer.destroy();
    return svg.length;
  };
  for (let i = 0; i < 20; i++) await once();
  const out = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const t = performance.now();
    await once();
    out.push(performance.now() - t);
  }
  return out;
}, { xml, seconds: Number(seconds) });
await browser.close();
times.sort((a, b) => a - b);
const total = times.reduce((a, b) => a + b, 0);
console.log(`bpmn-js, one warm Chromium: ${(1000 * times.length / total).toFixed(0)} diagrams/s, ` +
  `p50 ${times[Math.floor(times.length / 2)].toFixed(1)} ms, p99 ${times[Math.floor(times.length * 0.99)].toFixed(1)} ms ` +
  `(${times.length} diagrams, one at a time)`);
