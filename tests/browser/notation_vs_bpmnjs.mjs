// syzba's notation beside bpmn-js's: every diagram of the given files is drawn by syzba (SVG,
// no legend, no title, no durations) and by the real bpmn-js viewer (its saveSVG), both at
// 1 px per DI unit, both rasterised by the same headless Chromium; each picture is cropped to
// its ink, scaled to bpmn-js's cropped size (at most 800 px), turned grey and compared by SSIM
// (ssim.js: 11×11 window, as browser.svg-in-chromium compares with the MIWG pictures).
// Asserted: every diagram reaches its floor in FLOORS (a TSV "name<TAB>floor" measured when a
// symbol was fixed; a diagram not listed must reach --min), and the mean reaches --mean.
// Usage: node notation_vs_bpmnjs.mjs SYZBA [--floors FILE] [--write-floors FILE] [--min X]
//        [--mean X] [--keep DIR] [--report FILE.json] [--every N] FILE_OR_DIR...
// --every N takes every N-th file of the folders named after it (a fixed sample of a big corpus); --keep writes
// each pair side by side (bpmn-js left, syzba right) as PNG for looking at.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { ssim } from 'ssim.js';

const here = dirname(fileURLToPath(import.meta.url));
const viewerScript = join(here, 'node_modules/bpmn-js/dist/bpmn-viewer.production.min.js');

const args = process.argv.slice(2);
const syzba = args.shift();
const opt = { floors: null, writeFloors: null, min: 0.9, mean: 0.9, keep: null, report: null, every: 1 };
const inputs = [];
for (let i = 0; i < args.length; ++i) {
  const a = args[i];
  if (a === '--floors') opt.floors = args[++i];
  else if (a === '--write-floors') opt.writeFloors = args[++i];
  else if (a === '--min') opt.min = Number(args[++i]);
  else if (a === '--mean') opt.mean = Number(args[++i]);
  else if (a === '--keep') opt.keep = args[++i];
  else if (a === '--report') opt.report = args[++i];
  else if (a === '--every') opt.every = Number(args[++i]);
  else inputs.push({ path: a, every: opt.every });
}
const files = inputs.flatMap(({ path, every }) => {
  if (!statSync(path).isDirectory()) return [path];
  const all = readdirSync(path).filter((f) => f.endsWith('.bpmn')).sort();
  return all.filter((_, i) => i % every === 0).map((f) => join(path, f));
});
if (!syzba || files.length === 0) {
  console.error('usage: node notation_vs_bpmnjs.mjs SYZBA [--floors FILE] [--min X] [--mean X] [--keep DIR] FILE_OR_DIR...');
  process.exit(2);
}

// name → floor; a name is the file's stem, and ".DIAGRAM_ID" after it for files of several diagrams.
const floors = new Map();
if (opt.floors && existsSync(opt.floors))
  for (const line of readFileSync(opt.floors, 'utf8').split('\n')) {
    const m = /^([^#\t][^\t]*)\t([\d.]+)/.exec(line);
    if (m) floors.set(m[1], Number(m[2]));
  }

const diagramsOf = (xml) => [...xml.matchAll(/<(?:[\w-]+:)?BPMNDiagram\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);

// In the page: bpmn-js draws one diagram and gives its SVG (or the reason it could not).
async function bpmnJsSvg(page, xml, diagram) {
  return page.evaluate(async ([xml, diagram]) => {
    const host = document.getElementById('canvas');
    host.innerHTML = '';
    const viewer = new window.BpmnJS({ container: host });
    try {
      const { warnings } = await viewer.importXML(xml);
      if (diagram) await viewer.open(diagram);
      // A file bpmn-js reads none of (references it cannot resolve, such as
      // bpmnElement="bpmn2:id") gives an empty picture: no comparison of notation.
      const drawn = viewer.get('elementRegistry').filter((e) => e.parent).length;
      if (drawn === 0)
        return { error: `draws nothing of it (${warnings.length} import warnings${warnings.length ? ': ' + warnings[0].message : ''})` };
      return { svg: (await viewer.saveSVG()).svg };
    } catch (e) {
      return { error: String(e.message || e) };
    } finally {
      viewer.destroy();
    }
  }, [xml, diagram]);
}

// In the page: both SVGs rasterised at 1:1, cropped to their ink, scaled to the reference's
// cropped size (at most 800 px); grey pixels and a side-by-side PNG (when asked) come back.
async function comparable(page, referenceSvg, oursSvg, sideBySide) {
  return page.evaluate(async ([ref, ours, sideBySide]) => {
    const load = (svg) => new Promise((ok, fail) => {
      const img = new Image();
      img.onload = () => ok(img);
      img.onerror = () => fail(new Error('SVG does not load as an image'));
      img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(svg)));
    });
    const raster = (img) => {
      const c = new OffscreenCanvas(Math.max(1, img.width), Math.max(1, img.height));
      const g = c.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, c.width, c.height);
      g.drawImage(img, 0, 0);
      return c;
    };
    const inkBox = (c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let x0 = c.width, y0 = c.height, x1 = -1, y1 = -1;
      for (let y = 0; y < c.height; ++y)
        for (let x = 0; x < c.width; ++x) {
          const i = (y * c.width + x) * 4;
          if (Math.min(d[i], d[i + 1], d[i + 2]) < 160) {
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
          }
        }
      return x1 < 0 ? { x: 0, y: 0, w: c.width, h: c.height } : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
    };
    const [a, b] = [raster(await load(ref)), raster(await load(ours))];
    const boxA = inkBox(a), boxB = inkBox(b);
    const scale = Math.min(1, 800 / Math.max(boxA.w, boxA.h));
    const w = Math.max(8, Math.round(boxA.w * scale)), h = Math.max(8, Math.round(boxA.h * scale));
    const grey = (c, box) => {
      const out = new OffscreenCanvas(w, h);
      const g = out.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, w, h);
      g.imageSmoothingQuality = 'high';
      g.drawImage(c, box.x, box.y, box.w, box.h, 0, 0, w, h);
      return out;
    };
    const base64 = async (c) => {
      const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    };
    const [ga, gb] = [grey(a, boxA), grey(b, boxB)];
    let pair = null;
    if (sideBySide) {
      const c = new OffscreenCanvas(2 * w + 10, h);
      const g = c.getContext('2d');
      g.fillStyle = '#f0c0c0';
      g.fillRect(0, 0, c.width, h);
      g.drawImage(ga, 0, 0);
      g.drawImage(gb, w + 10, 0);
      pair = await base64(c);
    }
    return { a: await base64(ga), b: await base64(gb), pair };
  }, [referenceSvg, oursSvg, sideBySide]);
}

const work = mkdtempSync(join(tmpdir(), 'syzba-bpmnjs-'));
if (opt.keep) mkdirSync(opt.keep, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--force-color-profile=srgb'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
await page.setContent('<!doctype html><div id="canvas" style="width:1200px;height:900px"></div>');
await page.addScriptTag({ path: viewerScript });

const failures = [];
const scores = [];
try {
  for (const file of files) {
    const stem = basename(file, '.bpmn');
    const xml = readFileSync(file, 'utf8');
    const diagrams = diagramsOf(xml);
    for (const diagram of diagrams.length > 1 ? diagrams : [null]) {
      const name = diagram ? `${stem}.${diagram}` : stem;
      const out = join(work, `${name}.svg`);
      try {
        const run = spawnSync(syzba, ['render', file, '-o', out, '--legend', 'none', '--no-title', '--durations', 'off',
                                      ...(diagram ? ['--diagram', diagram] : [])], { encoding: 'utf8' });
        if (run.status !== 0) throw new Error(run.stderr);
        // A file whose DI is broken or incomplete (syzba warns and lays parts out itself) is
        // no comparison of notation.
        if (/warning/i.test(run.stderr)) {
          console.log(`skip ${name}: incomplete DI (${run.stderr.trim().split('\n')[0].slice(0, 90)})`);
          continue;
        }
      } catch (e) {
        failures.push(`${name}: syzba render failed: ${e.stderr || e.message}`);
        continue;
      }
      const reference = await bpmnJsSvg(page, xml, diagram);
      if (reference.error) {  // bpmn-js cannot draw it: nothing to compare with, said so
        console.log(`skip ${name}: bpmn-js: ${reference.error.slice(0, 100)}`);
        continue;
      }
      const pair = await comparable(page, reference.svg, readFileSync(out, 'utf8'), Boolean(opt.keep));
      const asPng = (data) => PNG.sync.read(Buffer.from(data, 'base64'));
      const { mssim } = ssim(asPng(pair.a), asPng(pair.b));
      const score = Number(mssim.toFixed(3));
      const floor = floors.get(name) ?? opt.min;
      scores.push({ name, ssim: score, floor });
      if (opt.keep && pair.pair) writeFileSync(join(opt.keep, `${name}.png`), Buffer.from(pair.pair, 'base64'));
      const ok = score >= floor;
      if (!ok) failures.push(`${name}: SSIM ${score.toFixed(3)} below its floor ${floor.toFixed(3)}`);
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name.padEnd(60)} ${score.toFixed(3)}  (floor ${floor.toFixed(3)})`);
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}

if (scores.length) {
  const mean = scores.reduce((t, s) => t + s.ssim, 0) / scores.length;
  const sorted = [...scores].sort((a, b) => a.ssim - b.ssim);
  console.log(`\nSSIM of syzba against bpmn-js: ${scores.length} diagrams, min ${sorted[0].ssim.toFixed(3)}, mean ${mean.toFixed(3)}`);
  console.log('worst: ' + sorted.slice(0, 10).map((s) => `${s.name} ${s.ssim.toFixed(3)}`).join(', '));
  if (mean < opt.mean) failures.push(`mean SSIM ${mean.toFixed(3)} below ${opt.mean}`);
  if (opt.report) writeFileSync(opt.report, JSON.stringify({ mean, scores }, null, 2));
  // Floors a little under what was measured, so that antialiasing noise does not fail the test.
  if (opt.writeFloors)
    writeFileSync(opt.writeFloors, '# name\tSSIM floor against bpmn-js (measured − 0.01); written by notation_vs_bpmnjs.mjs --write-floors\n' +
      scores.map((s) => `${s.name}\t${Math.max(0, s.ssim - 0.01).toFixed(3)}`).join('\n') + '\n');
}
for (const f of failures) console.error(f);
const passed = scores.length - failures.filter((f) => / below its floor /.test(f)).length;
console.log(`${passed} passed, ${files.length && failures.length} failed`);
process.exit(failures.length || scores.length === 0 ? 1 : 0);
