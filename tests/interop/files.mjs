// What the interop scripts share: the .bpmn (and .syzba) files of the given paths, and reading a BPMN file
// as text in the encoding its XML declaration names (the MIWG files are Latin-1).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function bpmnFiles(paths, extensions = ['.bpmn']) {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p).filter((f) => extensions.some((e) => f.endsWith(e))).sort().map((f) => join(p, f))
      : [p]);
}

export function readXml(path) {
  const bytes = readFileSync(path);
  const declared = /^<\?xml[^>]*encoding=["']([^"']+)/i.exec(bytes.subarray(0, 200).toString('latin1'));
  const latin1 = declared && /^(iso-8859-1|latin1)$/i.test(declared[1]);
  return bytes.toString(latin1 ? 'latin1' : 'utf8');
}
