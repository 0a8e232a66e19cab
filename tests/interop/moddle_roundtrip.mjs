// Interop check with the real bpmn-moddle (the library under bpmn-js and Camunda Modeler):
// every given BPMN file is converted by syzba (or, with --layout, laid out afresh), and the
// written file must import with no more warnings than the original, and with none that
// mention syzba's own extension; with --strict, with no warnings at all. A text-form file
// (.syzba) is compiled, and what compile writes must import with no warnings. With
// --via-text, a BPMN file goes through the text form: describe, then compile. With --pages, a
// BPMN file is cut into A4 landscape pages (`layout --pages`: link events, a diagram per page).
// Usage: node moddle_roundtrip.mjs SYZBA_BINARY [--layout | --via-text | --pages] [--strict] FILE_OR_DIR...
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { bpmnFiles, readXml } from './files.mjs';

const [syzba, ...rest] = process.argv.slice(2);
const layout = rest.includes('--layout');
const strict = rest.includes('--strict');
const viaText = rest.includes('--via-text');
const pages = rest.includes('--pages');
const inputs = rest.filter((a) => !a.startsWith('--'));
if (!syzba || inputs.length === 0) {
  console.error('usage: node moddle_roundtrip.mjs SYZBA_BINARY FILE_OR_DIR...');
  process.exit(2);
}

const files = bpmnFiles(inputs, ['.bpmn', '.syzba']);
if (files.length === 0) {
  console.error('no .bpmn files found in', inputs.join(' '));
  process.exit(1);
}

const moddle = new BpmnModdle();
const warningsOf = async (xml) => {
  const { warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  return warnings.map((w) => w.message);
};

const work = mkdtempSync(join(tmpdir(), 'syzba-moddle-'));
let passed = 0;
let failed = 0;
for (const file of files) {
  const out = join(work, 'out.bpmn');
  try {
    const text = file.endsWith('.syzba');
    const args = text ? ['compile', file, '-o', out]
      : layout ? ['layout', '--relayout', file, '-o', out]
        : pages ? ['layout', file, '--pages', 'A4', '--landscape', '-o', out] : ['convert', file, '-o', out];
    if (viaText && !text) {
      const described = join(work, 'described.syzba');
      execFileSync(syzba, ['describe', file, '-o', described], { stdio: ['ignore', 'ignore', 'pipe'] });
      args.splice(0, args.length, 'compile', described, '-o', out);
    }
    execFileSync(syzba, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const before = text ? [] : await warningsOf(readXml(file));
    const after = await warningsOf(readXml(out));
    const aboutSyzba = after.filter((m) => /syzba/i.test(m));
    if (after.length > before.length || aboutSyzba.length > 0 || ((strict || text) && after.length > 0)) {
      failed++;
      console.log(`FAIL ${file}: ${before.length} warnings before, ${after.length} after`);
      for (const m of after.filter((m) => !before.includes(m))) console.log(`  new: ${m}`);
    } else {
      passed++;
      console.log(`ok   ${file}: ${before.length} warnings before, ${after.length} after`);
    }
  } catch (e) {
    failed++;
    console.log(`FAIL ${file}: ${e.message.split('\n')[0]}`);
  }
}
rmSync(work, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
