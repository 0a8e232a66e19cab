// Lays out each given BPMN file (its DI already removed) with bpmn-auto-layout and writes the
// result into OUT_DIR under the same name; a file it cannot lay out is reported and skipped.
// Usage: node run.mjs OUT_DIR FILE...
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { layoutProcess } from 'bpmn-auto-layout';

const [out, ...files] = process.argv.slice(2);
for (const file of files) {
  try {
    const xml = await layoutProcess(readFileSync(file, 'utf8'));
    writeFileSync(join(out, basename(file)), xml);
    console.log(`ok   ${file}`);
  } catch (e) {
    console.log(`FAIL ${file}: ${String(e.message).split('\n')[0]}`);
  }
}
