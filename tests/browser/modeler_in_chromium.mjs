// The modeler (`syzba serve`, page /) driven in Debian's Chromium by playwright-core, as a
// person uses it: type a model and see its shapes appear; break a line and see the mark in
// the margin while the last good diagram stays; click a shape and get its lines selected;
// move the caret and see its shape; click a finding and land on its line with its elements
// highlighted; download the text, BPMN, SVG, PDF and PNG; open a .bpmn from the folder and
// read what the text form cannot carry; save with Ctrl-S under --root, and be asked before
// overwriting a file that changed on disk. Prints the time from the last keystroke to the
// new diagram for a seed-size model (not asserted).
// Usage: node modeler_in_chromium.mjs SYZBA_BINARY
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [syzba] = process.argv.slice(2);
if (!syzba) {
  console.error('usage: node modeler_in_chromium.mjs SYZBA_BINARY');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const failures = [];
const fail = (what) => { failures.push(what); console.error('FAIL', what); };
const ok = (what) => console.log('ok  ', what);
const check = (cond, what) => (cond ? ok(what) : fail(what));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The folder the server serves: copies, never the repository's own files.
const root = mkdtempSync(join(tmpdir(), 'syzba-modeler-'));
const SYZBA_FILE = 'center-handbook.ru.syzba';
const SEED_BPMN = '004-child-benefit-main-1.bpmn';
const LOSSY_BPMN = 'flow-between-pools.bpmn';
copyFileSync(join(repo, 'examples/text-form', SYZBA_FILE), join(root, SYZBA_FILE));
copyFileSync(join(repo, 'models', SEED_BPMN), join(root, SEED_BPMN));
copyFileSync(join(repo, 'tests/fixtures/text', LOSSY_BPMN), join(root, LOSSY_BPMN));

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(syzba, ['serve', '--host', '127.0.0.1', '--port', String(port), '--root', root, '--lang', 'kk'],
  { stdio: ['ignore', 'inherit', 'inherit'] });
let serverExited = null;
server.on('exit', (code, signal) => { serverExited = { code, signal }; });

async function waitForHealth() {
  for (let i = 0; i < 150; ++i) {
    if (serverExited) throw new Error(`syzba serve exited (${JSON.stringify(serverExited)})`);
    try { const r = await fetch(`${base}/healthz`); if (r.ok) return; } catch (_) { /* not up yet */ }
    await sleep(100);
  }
  throw new Error('syzba serve did not answer /healthz within 15 s');
}

// A small model typed as a person types it: Enter, then the line (the editor's own
// indentation after Enter is selected first, so that the typed indentation replaces it).
const SMALL_START = [
  'процесс p: Өтінішті қарау',
  '  бөлімше office: Кеңсе',
  '  басталуы s: Өтініш',
  '    орындаушы: office',
  '    келесі: a1',
  '  әрекет a1: Құжаттарды қабылдау',
  '    орындаушы: office',
  '    ұзақтығы: 15 минут',
  '    келесі: e',
  '  аяқталуы e: Нәтиже берілді',
  '    орындаушы: office',
];
const SMALL_MORE = [
  '  әрекет a2: Тексеру',
  '    орындаушы: office',
  '    ұзақтығы: 1 жұмыс күні',
];

let browser;
try {
  await waitForHealth();
  ok(`syzba serve answers on ${base}`);

  // The page itself is valid HTML (the W3C checker, as for the published pages).
  const vnu = join(here, 'node_modules/vnu-jar/build/dist/vnu.jar');
  if (existsSync(vnu)) {
    const html = join(root, '..', `${root.split('/').pop()}-modeler.html`);
    writeFileSync(html, await (await fetch(`${base}/`)).text());
    try {
      execFileSync('java', ['-jar', vnu, '--errors-only', html], { stdio: ['ignore', 'pipe', 'pipe'] });
      ok('vnu: the modeler page has no HTML errors');
    } catch (e) {
      fail(`vnu found HTML errors in the modeler page:\n${e.stderr}`);
    } finally {
      rmSync(html, { force: true });
    }
  }

  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const pageErrors = [];
  const outside = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) outside.push(r.url()); });
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push({ type: d.type(), message: d.message() }); await d.accept(); });

  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 10000 });
  check(await page.locator('html[lang="kk"]').count() === 1, 'the UI starts in the server\'s language (kk)');
  check((await page.textContent('#findings-heading')).includes('Тексеру нәтижесі'), 'the findings panel is headed in Kazakh');

  const shapes = () => page.locator('#diagram [data-element-id]').count();
  const textarea = page.locator('#source');
  const popupVisible = () => page.locator('.ed-complete:not([hidden])').count();
  async function typeLines(lines, first) {
    for (let i = 0; i < lines.length; ++i) {
      if (i > 0 || !first) {
        if (await popupVisible()) await page.keyboard.press('Escape');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Shift+Home');
      }
      await page.keyboard.type(lines[i]);
    }
    if (await popupVisible()) await page.keyboard.press('Escape');
  }
  const lineOfText = (text, needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
  const caret = () => page.evaluate(() => {
    const a = document.getElementById('source');
    const line = (o) => a.value.slice(0, o).split('\n').length;
    return { start: a.selectionStart, end: a.selectionEnd, startLine: line(a.selectionStart), endLine: line(a.selectionEnd), text: a.value };
  });

  // 1. Type a model: its shapes appear, and more appear as it grows.
  await textarea.click();
  await typeLines(SMALL_START, true);
  try {
    await page.waitForFunction(() => document.querySelectorAll('#diagram [data-element-id]').length >= 4, null, { timeout: 10000 });
  } catch (_) { /* reported below */ }
  const firstCount = await shapes();
  check(firstCount >= 4, `typing a model draws it (${firstCount} shapes)`);
  check(await page.locator('.ed-line .tk-kw').count() >= 4 && await page.locator('.ed-line .tk-id').count() >= 4,
    'keywords and ids are highlighted');
  await page.keyboard.press('Control+End');
  await typeLines(SMALL_MORE, false);
  try {
    await page.waitForFunction((n) => document.querySelectorAll('#diagram [data-element-id]').length > n, firstCount, { timeout: 10000 });
  } catch (_) { /* reported below */ }
  // The diagram of a line typed half-way may come first ("әрекет a" is a step too): wait for
  // the step as typed to the end.
  try {
    await page.waitForSelector('#diagram [data-element-id="a2"]', { timeout: 10000 });
  } catch (_) { /* reported below */ }
  const grownCount = await shapes();
  check(grownCount > firstCount, `the diagram grows with the text (${firstCount} → ${grownCount} shapes)`);
  check(await page.locator('#diagram [data-element-id="a2"]').count() === 1, 'the step typed last is drawn');

  // Completion: Ctrl-Space after `келесі: ` offers the step ids of the text.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('    келесі: ');
  await page.keyboard.press('Control+Space');
  const offered = await page.locator('.ed-complete:not([hidden]) .ed-item-label').allTextContents();
  check(['s', 'a1', 'e', 'a2'].every((id) => offered.includes(id)), `Ctrl-Space after a step property offers the step ids (${offered.join(', ')})`);
  await page.keyboard.type('no');  // the popup narrows; `nowhere` is no step: a half-typed, broken line
  await page.keyboard.press('Escape');
  await page.keyboard.type('where');

  // 2. The broken line: a mark in the margin with the message, the last good diagram kept.
  const brokenLine = SMALL_START.length + SMALL_MORE.length + 1;
  try {
    await page.waitForFunction((n) => {
      const mark = document.querySelector(`.ed-gutter .ed-num:nth-child(${n}).mark-error`);
      return mark && mark.title.includes('nowhere') && document.getElementById('findings').textContent.includes('nowhere');
    }, brokenLine, { timeout: 10000 });
  } catch (_) { /* reported below */ }
  const mark = page.locator(`.ed-gutter .ed-num:nth-child(${brokenLine})`);
  const markTitle = (await mark.getAttribute('title')) || '';
  check(await mark.evaluate((e) => e.classList.contains('mark-error')), `a broken line gets an error mark in the margin (line ${brokenLine})`);
  check(markTitle.includes('nowhere'), `the mark's hover text is the message (${JSON.stringify(markTitle)})`);
  check((await page.textContent('#findings')).includes('nowhere'), 'the findings panel shows the error');
  check(await shapes() === grownCount && await page.locator('#diagram [data-element-id="a2"]').count() === 1,
    'the last good diagram stays while the text is broken');
  check((await page.textContent('#diagram-state')).trim() !== '', 'the diagram says it shows the last good text');
  // Mend it: the line names a real step again.
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('    келесі: e');
  if (await popupVisible()) await page.keyboard.press('Escape');
  try {
    await page.waitForFunction(() => !document.querySelector('.ed-gutter .mark-error') || !document.getElementById('diagram-state').textContent.trim(), null, { timeout: 10000 });
    await page.waitForFunction(() => window.SyzbaModeler.state.diagnostics.some((d) => d.rule === 'unreachable'), null, { timeout: 10000 });
  } catch (_) { /* reported below */ }
  check((await page.textContent('#diagram-state')).trim() === '', 'mended, the diagram is current again');

  // 3. Click a shape: its lines are selected in the text.
  await page.click('#diagram [data-element-id="a1"]');
  let c = await caret();
  const a1Line = lineOfText(c.text, 'әрекет a1');
  check(c.startLine === a1Line && c.endLine >= a1Line + 3 && c.text.slice(c.start, c.end).includes('келесі: e'),
    `clicking shape a1 selects its block (lines ${c.startLine}–${c.endLine}, a1 at ${a1Line})`);
  check(await page.locator('#diagram .syzba-highlight[data-element-id="a1"]').count() === 1, 'the clicked shape is highlighted');

  // The caret on a line highlights the shape whose block holds it.
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < lineOfText(c.text, 'Нәтиже берілді') + 1; ++i) await page.keyboard.press('ArrowDown');
  try {
    await page.waitForSelector('#diagram .syzba-highlight[data-element-id="e"]', { timeout: 3000 });
  } catch (_) { /* reported below */ }
  check(await page.locator('#diagram .syzba-highlight[data-element-id="e"]').count() === 1,
    'the caret in the block of end event e highlights its shape');

  // 4. Click a finding: the caret goes to its line, its elements are highlighted.
  const finding = await page.evaluate(() => window.SyzbaModeler.state.diagnostics.find((d) => d.rule === 'unreachable'));
  if (!finding) fail('the unreachable step a2 is reported');
  else {
    await page.locator('#findings button', { hasText: finding.message }).first().click();
    c = await caret();
    check(c.startLine === finding.line, `clicking the finding puts the caret on its line (${c.startLine}, expected ${finding.line})`);
    const ids = [finding.element, ...(finding.path || [])].filter(Boolean);
    const lit = await page.locator('#diagram .syzba-highlight').evaluateAll((es) => es.map((e) => e.dataset.elementId));
    check(ids.length > 0 && ids.every((id) => lit.includes(id)), `the finding's elements are highlighted (${lit.join(', ')})`);
  }

  // 5. Downloads, each checked by its first bytes.
  const text = (await caret()).text;
  const expect = {
    text: (b) => b.toString('utf8') === text,
    bpmn: (b) => /^(\uFEFF)?\s*<\?xml/.test(b.toString('utf8', 0, 64)) && b.includes('definitions'),
    svg: (b) => /^\s*(<\?xml|<svg)/.test(b.toString('utf8', 0, 64)) && b.includes('<svg'),
    pdf: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
    png: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  };
  for (const kind of Object.keys(expect)) {
    try {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15000 }),
        page.click(`button[data-download="${kind}"]`),
      ]);
      const bytes = readFileSync(await download.path());
      const name = download.suggestedFilename();
      check(expect[kind](bytes) && name.endsWith(kind === 'text' ? '.syzba' : `.${kind}`),
        `download ${kind}: ${name}, ${bytes.length} bytes`);
    } catch (e) {
      fail(`download ${kind}: ${e.message.split('\n')[0]}`);
    }
  }

  // 6. The folder's files; a .bpmn opens as text with what the form cannot carry said.
  const listed = await page.locator('#file-list button').evaluateAll((bs) => bs.map((b) => b.dataset.path));
  check([SYZBA_FILE, SEED_BPMN, LOSSY_BPMN].every((f) => listed.includes(f)), `the file list shows the folder (${listed.join(', ')})`);
  dialogs.length = 0;
  await page.click(`#file-list button[data-path="${LOSSY_BPMN}"]`);
  try {
    await page.waitForSelector('#notice:not([hidden])', { timeout: 10000 });
  } catch (_) { /* reported below */ }
  check(dialogs.some((d) => d.type === 'confirm'), 'opening a file over unsaved text asks first');
  const notice = (await page.textContent('#notice-text')) || '';
  check(notice.includes('Мәтіндік пішін мыналарды бере алмайды') && notice.length > 50,
    `the notice says what the text form cannot carry (${JSON.stringify(notice.slice(0, 120))}…)`);
  check((await caret()).text.trim().length > 0, 'the .bpmn is shown as text');

  // 7. Open the seed-size model, measure keystroke → new diagram, save it with Ctrl-S.
  dialogs.length = 0;
  await page.click(`#file-list button[data-path="${SEED_BPMN}"]`);
  await page.waitForFunction(() => document.getElementById('source').value.includes('child-benefit-main-1'), null, { timeout: 10000 });
  await page.waitForFunction(() => document.querySelectorAll('#diagram [data-element-id="a1"]').length === 1, null, { timeout: 10000 });
  check(await page.locator('#notice:not([hidden])').count() === 0, 'a model that loses nothing shows no notice');
  const seedText = (await caret()).text;
  const describeText = execFileSync(syzba, ['describe', join(root, SEED_BPMN)], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  check(seedText.trim() === describeText.trim(), 'the .bpmn comes in as `syzba describe` writes it');

  await page.evaluate(() => {
    window.__keyAt = 0;
    window.__drawnAt = [];
    // Typing a letter the keyboard layout lacks sends no keydown, only the input events.
    const key = () => { window.__keyAt = performance.now(); };
    for (const type of ['keydown', 'beforeinput']) document.addEventListener(type, key, true);
    new MutationObserver(() => { window.__drawnAt.push(performance.now()); }).observe(document.querySelector('.syzba-viewer-stage'), { childList: true });
  });
  const a1 = lineOfText(seedText, 'әрекет a1');
  await page.evaluate((line) => window.SyzbaModeler.editor.gotoLine(line, 1), a1);
  await page.keyboard.press('End');
  const latencies = [];
  for (const ch of 'абвгдежзик') {
    await sleep(400);
    const before = await page.evaluate(() => window.__drawnAt.length);
    await page.keyboard.type(ch);
    try {
      await page.waitForFunction((n) => window.__drawnAt.length > n, before, { timeout: 5000 });
      latencies.push(await page.evaluate(() => window.__drawnAt[window.__drawnAt.length - 1] - window.__keyAt));
    } catch (_) {
      fail('no new diagram within 5 s of a keystroke');
      break;
    }
  }
  if (latencies.length) {
    const sorted = [...latencies].sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)];
    const lines = seedText.split('\n').length;
    console.log(`modeler: new diagram ${median.toFixed(0)} ms after the last keystroke (median of ${latencies.length}; ` +
      `min ${sorted[0].toFixed(0)}, max ${sorted[sorted.length - 1].toFixed(0)} ms; seed-size model ${SEED_BPMN}, ${lines} lines)`);
  }

  // Ctrl-S: a model opened from .bpmn is saved beside it as .syzba.
  const savedPath = join(root, SEED_BPMN.replace(/\.bpmn$/, '.syzba'));
  await page.keyboard.press('Control+s');
  try {
    await page.waitForFunction(() => document.getElementById('file-state').classList.contains('saved'), null, { timeout: 10000 });
  } catch (_) { /* reported below */ }
  const edited = (await caret()).text;
  check(existsSync(savedPath) && readFileSync(savedPath, 'utf8') === edited, `Ctrl-S saves under the root (${savedPath.split('/').pop()})`);
  check(readFileSync(join(root, SEED_BPMN), 'utf8') === readFileSync(join(repo, 'models', SEED_BPMN), 'utf8'), 'the .bpmn itself is left as it was');

  // Changed on disk since: Ctrl-S asks before overwriting, and overwrites when told to.
  writeFileSync(savedPath, '# changed by someone else\n' + edited);
  await page.keyboard.type('!');
  dialogs.length = 0;
  await page.keyboard.press('Control+s');
  try {
    await page.waitForFunction(() => document.getElementById('file-state').classList.contains('saved'), null, { timeout: 10000 });
  } catch (_) { /* reported below */ }
  check(dialogs.some((d) => d.type === 'confirm'), `saving over a file changed on disk asks first (${JSON.stringify(dialogs.map((d) => d.message))})`);
  const final = (await caret()).text;
  check(readFileSync(savedPath, 'utf8') === final, 'agreed, the save overwrites the changed file');

  // A .bpmn whose .syzba exists already: saving asks before overwriting it.
  await page.click(`#file-list button[data-path="${SEED_BPMN}"]`);
  await page.waitForFunction(() => document.getElementById('file-state').textContent.includes('.bpmn'), null, { timeout: 10000 });
  dialogs.length = 0;
  await page.keyboard.press('Control+s');
  try {
    await page.waitForFunction(() => document.getElementById('file-state').classList.contains('saved'), null, { timeout: 10000 });
  } catch (_) { /* reported below */ }
  check(dialogs.some((d) => d.type === 'confirm' && d.message.includes('бұрыннан бар')),
    `saving a .bpmn's text over an existing .syzba asks first (${JSON.stringify(dialogs.map((d) => d.message))})`);
  check(readFileSync(savedPath, 'utf8') === (await caret()).text, 'agreed, the .syzba is overwritten');

  // Dragging a step into another lane rewrites its performer line.
  await page.click(`#file-list button[data-path="${SYZBA_FILE}"]`);
  await page.waitForFunction(() => document.querySelectorAll('#diagram [data-element-id="review"]').length === 1 &&
    document.getElementById('source').value.includes('действие review'), null, { timeout: 10000 });
  await page.click('#fit');
  const reviewLine = lineOfText((await caret()).text, 'действие review');
  const performerOf = (txt) => txt.split('\n')[reviewLine].trim();
  check(performerOf((await caret()).text) === 'исполнитель: office', 'the step to drag is done by office');
  const shapeBox = await page.locator('#diagram [data-element-id="review"]').boundingBox();
  const laneBox = await page.locator('#diagram [data-element-id="head"]').boundingBox();
  if (!shapeBox || !laneBox) fail('the step and the lane to drag into are drawn');
  else {
    const sx = shapeBox.x + shapeBox.width / 2, sy = shapeBox.y + shapeBox.height / 2;
    await page.mouse.move(sx, sy);
    await page.mouse.down();
    await page.mouse.move(sx, (sy + laneBox.y + laneBox.height / 2) / 2, { steps: 4 });
    await page.mouse.move(sx, laneBox.y + laneBox.height / 2, { steps: 4 });
    await page.mouse.up();
    const after = (await caret()).text;
    check(performerOf(after) === 'исполнитель: head', `dropped in lane head, the step's performer line says head (${JSON.stringify(performerOf(after))})`);
    await page.keyboard.press('Control+z');
    check(performerOf((await caret()).text) === 'исполнитель: office', 'and Ctrl-Z takes it back');
  }

  // The language switch: the UI and the findings follow it.
  await page.selectOption('#lang', 'ru');
  check((await page.textContent('#findings-heading')).includes('Результат проверки') && await page.locator('html[lang="ru"]').count() === 1,
    'the language selector switches the UI to Russian');
  await page.selectOption('#lang', 'en');
  check((await page.textContent('#table-heading')).includes('Action table'), 'and to English');

  // The viewer: fit, zoom by keys and wheel.
  const transform = () => page.evaluate(() => window.SyzbaModeler.viewer.transform);
  await page.click('#fit');
  const fitted = await transform();
  await page.focus('#diagram');
  await page.keyboard.press('+');
  const zoomed = await transform();
  check(zoomed.scale > fitted.scale, `+ zooms in (${fitted.scale.toFixed(3)} → ${zoomed.scale.toFixed(3)})`);
  await page.keyboard.press('0');
  check(Math.abs((await transform()).scale - fitted.scale) < 1e-6, '0 fits again');
  const box = await page.locator('#diagram').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await sleep(100);
  check((await transform()).scale > fitted.scale, 'the wheel zooms');

  // Keyboard: Tab indents by two spaces, Shift-Tab outdents; Esc then Tab leaves the editor.
  await textarea.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type('# x');
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const lastLine = (await caret()).text.split('\n').pop();
  check(lastLine === '  # x', `Tab indents by two spaces and Shift-Tab outdents (${JSON.stringify(lastLine)})`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement && document.activeElement.id !== 'source'), 'Esc then Tab leaves the editor');

  check(pageErrors.length === 0, `no script errors in the page${pageErrors.length ? `: ${pageErrors.join('; ')}` : ''}`);
  check(outside.length === 0, `nothing fetched from outside the server${outside.length ? `: ${outside.join(', ')}` : ''}`);
} catch (e) {
  fail(e.stack || String(e));
} finally {
  if (browser) await browser.close().catch(() => {});
  if (!serverExited) {
    server.kill('SIGTERM');
    const exited = await Promise.race([new Promise((r) => server.once('exit', () => r(true))), sleep(5000).then(() => false)]);
    if (!exited && !serverExited) server.kill('SIGKILL');
  }
  rmSync(root, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`modeler_in_chromium: ${failures.length} failure(s)`);
  process.exit(1);
}
console.log('modeler_in_chromium: all checks passed');
