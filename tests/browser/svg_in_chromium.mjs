// syzba's SVG as a website shows it: each given model is rendered by syzba to SVG and PNG,
// the SVG is opened in a real headless Chromium (Debian's chromium, driven by playwright-core)
// and must load with no console or page error, no dialog and no script; its screenshot must
// match syzba's own PNG of the same diagram closely; every task's label must lie inside the
// task's box as the browser lays the text out. Where the MIWG suite holds a reference picture,
// syzba's PNG is compared with it by SSIM (content cropped, scaled to the same size, grey):
// the scores are printed as figures, and only a floor far below them is asserted.
// Usage: node svg_in_chromium.mjs SYZBA_BINARY [--report FILE.json] FILE_OR_DIR...
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { ssim } from 'ssim.js';

// A screenshot and syzba's PNG differ in text anti-aliasing and hinting only: a pixel counts
// as different when a channel differs by more than this, and at most this share may.
const CHANNEL_TOLERANCE = 96;
const MAX_DIFFERENT_SHARE = 0.02;
// Floor for the SSIM against the MIWG reference pictures (drawn by other tools, other fonts,
// other sizes): a broken picture scores far below it.
const MIN_REFERENCE_SSIM = 0.35;

const args = process.argv.slice(2);
const syzba = args.shift();
let report = null;
const inputs = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--report') report = args[++i];
  else inputs.push(args[i]);
}
const files = inputs.flatMap((p) =>
  statSync(p).isDirectory()
    ? readdirSync(p).filter((f) => f.endsWith('.bpmn')).sort().map((f) => join(p, f))
    : [p]);
if (!syzba || files.length === 0) {
  console.error('usage: node svg_in_chromium.mjs SYZBA_BINARY [--report FILE.json] FILE_OR_DIR...');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'syzba-browser-'));
const render = (file, out, extra = []) => execFileSync(syzba, ['render', file, '-o', out, ...extra], { stdio: 'pipe' });

// The reference pictures of a MIWG file: X.png, or X.1.png, X.2.png … one per diagram.
function referencesOf(file) {
  const stem = file.replace(/\.bpmn$/, '');
  if (existsSync(`${stem}.png`)) return [{ png: `${stem}.png`, diagram: null }];
  const ids = [...readFileSync(file, 'utf8').matchAll(/<(?:\w+:)?BPMNDiagram\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
  return ids.map((id, i) => ({ png: `${stem}.${i + 1}.png`, diagram: id })).filter((r) => existsSync(r.png));
}

function differentShare(a, b) {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let different = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]),
      Math.abs(a.data[i + 2] - b.data[i + 2]));
    if (d > CHANNEL_TOLERANCE) ++different;
  }
  return different / (a.width * a.height);
}

// In the page: both pictures cropped to their drawn content, scaled to the reference's
// cropped size by the browser's own resampling, returned as PNG data URLs.
async function croppedPair(page, referencePng, oursPng) {
  const dataUrl = (f) => `data:image/png;base64,${readFileSync(f).toString('base64')}`;
  return page.evaluate(async ([ref, ours]) => {
    const load = (src) => new Promise((ok, fail) => {
      const img = new Image();
      img.onload = () => ok(img);
      img.onerror = fail;
      img.src = src;
    });
    const contentBox = (img) => {
      const c = new OffscreenCanvas(img.width, img.height);
      const g = c.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, img.width, img.height);
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, img.width, img.height).data;
      let x0 = img.width, y0 = img.height, x1 = -1, y1 = -1;
      for (let y = 0; y < img.height; ++y)
        for (let x = 0; x < img.width; ++x) {
          const i = (y * img.width + x) * 4;
          if (Math.min(d[i], d[i + 1], d[i + 2]) < 160) {
            if (x < x0) x0 = x;
            if (x > x1) x1 = x;
            if (y < y0) y0 = y;
            if (y > y1) y1 = y;
          }
        }
      return x1 < 0 ? { x: 0, y: 0, w: img.width, h: img.height } : { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 };
    };
    const [a, b] = [await load(ref), await load(ours)];
    const boxA = contentBox(a), boxB = contentBox(b);
    // Scaled down so that the comparison weighs structure, not font hinting.
    const scale = Math.min(1, 800 / Math.max(boxA.w, boxA.h));
    const w = Math.max(8, Math.round(boxA.w * scale)), h = Math.max(8, Math.round(boxA.h * scale));
    const draw = async (img, box) => {
      const c = new OffscreenCanvas(w, h);
      const g = c.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, w, h);
      g.imageSmoothingQuality = 'high';
      g.drawImage(img, box.x, box.y, box.w, box.h, 0, 0, w, h);
      const blob = await c.convertToBlob({ type: 'image/png' });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (const byte of bytes) s += String.fromCharCode(byte);
      return btoa(s);
    };
    return [await draw(a, boxA), await draw(b, boxB)];
  }, [dataUrl(referencePng), dataUrl(oursPng)]);
}

// In the page: every task whose label the browser draws outside the task's box.
const labelsOutsideTheirTasks = (page) => page.evaluate(() => {
  const out = [];
  for (const g of document.querySelectorAll('g.syzba-element')) {
    const type = g.getAttribute('data-element-type') || '';
    if (!/(^task$|Task$)/.test(type)) continue;
    const box = g.querySelector('rect');
    if (!box) continue;
    const b = box.getBoundingClientRect();
    for (const t of g.querySelectorAll('text')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < b.left - 2 || r.right > b.right + 2 || r.top < b.top - 2 || r.bottom > b.bottom + 2)
        out.push(`${g.getAttribute('data-element-id')}: text ${JSON.stringify(t.textContent.slice(0, 40))}`);
    }
  }
  return out;
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--force-color-profile=srgb'],
});
const context = await browser.newContext({ deviceScaleFactor: 1, javaScriptEnabled: true });
await context.addInitScript(() => { window.__syzbaScriptRan = false; });
const failures = [];
const scores = [];
let checked = 0;
let previous = null;  // the last diagram compared with a reference, for the control
try {
  for (const file of files) {
    const name = basename(file, '.bpmn');
    const svg = join(work, `${name}.svg`), png = join(work, `${name}.png`);
    try {
      render(file, svg);
      render(file, png);
    } catch (e) {
      failures.push(`${name}: syzba render failed: ${e.stderr || e.message}`);
      continue;
    }
    const markup = readFileSync(svg, 'utf8');
    const width = Math.ceil(Number(/<svg[^>]*\bwidth="([\d.]+)"/.exec(markup)?.[1] ?? 0));
    const height = Math.ceil(Number(/<svg[^>]*\bheight="([\d.]+)"/.exec(markup)?.[1] ?? 0));
    const page = await context.newPage({ viewport: { width, height } });
    await page.setViewportSize({ width, height });
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
    await page.goto(pathToFileURL(svg).href, { waitUntil: 'load' });
    const scripts = await page.evaluate(() => document.querySelectorAll('script, foreignObject, iframe').length);
    if (scripts) problems.push(`${scripts} script/foreignObject/iframe element(s) in the document`);
    problems.push(...(await labelsOutsideTheirTasks(page)));
    const shot = PNG.sync.read(await page.screenshot({ clip: { x: 0, y: 0, width, height } }));
    const ours = PNG.sync.read(readFileSync(png));
    const share = differentShare(shot, ours);
    if (share > MAX_DIFFERENT_SHARE)
      problems.push(`screenshot differs from syzba's PNG in ${(share * 100).toFixed(2)}% of pixels (${shot.width}×${shot.height} vs ${ours.width}×${ours.height})`);

    for (const ref of referencesOf(file)) {
      const bare = join(work, `${basename(ref.png, '.png')}.bare.png`);
      render(file, bare, ['--legend', 'none', '--no-title', ...(ref.diagram ? ['--diagram', ref.diagram] : [])]);
      const [a, b] = await croppedPair(page, ref.png, bare);
      const [imgA, imgB] = [a, b].map((s) => PNG.sync.read(Buffer.from(s, 'base64')));
      const { mssim } = ssim(imgA, imgB, { ssim: 'weber' });
      // Controls: the same reference against a blank page and against the previous diagram,
      // which a meaningful score must beat.
      const blank = new PNG({ width: imgA.width, height: imgA.height });
      blank.data.fill(255);
      const vsBlank = ssim(imgA, blank, { ssim: 'weber' }).mssim;
      let vsOther = null;
      if (previous) {
        const [, c] = await croppedPair(page, ref.png, previous);
        vsOther = ssim(imgA, PNG.sync.read(Buffer.from(c, 'base64')), { ssim: 'weber' }).mssim;
      }
      previous = bare;
      scores.push({ reference: basename(ref.png), ssim: Number(mssim.toFixed(3)), blank: Number(vsBlank.toFixed(3)),
                    other: vsOther === null ? null : Number(vsOther.toFixed(3)) });
      if (mssim < MIN_REFERENCE_SSIM) problems.push(`SSIM against ${basename(ref.png)} is ${mssim.toFixed(3)}`);
    }
    await page.close();
    ++checked;
    if (problems.length) failures.push(...problems.map((p) => `${name}: ${p}`));
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name}  screenshot differs ${(share * 100).toFixed(2)}%`);
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}

if (scores.length) {
  console.log('\nSSIM of syzba against the MIWG reference pictures:');
  console.log('  reference      syzba  blank  another diagram');
  for (const s of scores)
    console.log(`  ${s.reference.padEnd(14)} ${s.ssim.toFixed(3)}  ${s.blank.toFixed(3)}  ${s.other === null ? '  -' : s.other.toFixed(3)}`);
  const average = (key) => {
    const values = scores.map((s) => s[key]).filter((v) => v !== null);
    return values.reduce((t, v) => t + v, 0) / values.length;
  };
  const mean = { syzba: average('ssim'), blank: average('blank'), other: average('other') };
  console.log(`  mean           ${mean.syzba.toFixed(3)}  ${mean.blank.toFixed(3)}  ${mean.other.toFixed(3)}`);
  // The scores mean something only if syzba's pictures resemble their references more than
  // an empty page or another diagram does.
  if (!(mean.syzba > mean.blank + 0.05)) failures.push(`mean SSIM ${mean.syzba.toFixed(3)} does not beat a blank page (${mean.blank.toFixed(3)})`);
  if (scores.length > 1 && !(mean.syzba > mean.other + 0.1))
    failures.push(`mean SSIM ${mean.syzba.toFixed(3)} does not beat another diagram (${mean.other.toFixed(3)})`);
  if (report) writeFileSync(report, JSON.stringify({ scores, mean }, null, 2));
}
for (const f of failures) console.error(f);
console.log(`\n${checked} of ${files.length} diagram(s) checked in Chromium, ${failures.length} problem(s)`);
process.exit(failures.length || checked !== files.length ? 1 : 0);
