// Parity of syzba's bpmnlint rules with the real bpmnlint (npm), recommended configuration:
// on every given BPMN file both must report the same (rule, element) pairs. Known, reasoned
// differences are listed in bpmnlint-differences.json; any other difference fails, and so
// does a listed difference that no longer occurs.
// Where both report the same pair, the English messages must match too.
// Usage: node bpmnlint_parity.mjs SYZBA_BINARY DIFFERENCES_JSON FILE_OR_DIR...
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import { bpmnFiles, readXml } from './files.mjs';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const [syzba, differencesFile, ...inputs] = process.argv.slice(2);
if (!syzba || !differencesFile || inputs.length === 0) {
  console.error('usage: node bpmnlint_parity.mjs SYZBA_BINARY DIFFERENCES_JSON FILE_OR_DIR...');
  process.exit(2);
}
const files = bpmnFiles(inputs);
if (files.length === 0) {
  console.error('no .bpmn files in', inputs.join(' '));
  process.exit(1);
}

const moddle = new BpmnModdle();
// A new Linter per file: bpmnlint's rules keep state (no-duplicate-sequence-flows remembers
// the flows it saw), which would carry findings from one file into the next.
const newLinter = () => new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
const bpmnlintRules = new Set(Object.keys(require('bpmnlint/config/recommended').rules));

const work = mkdtempSync(join(tmpdir(), 'syzba-parity-'));
const config = join(work, 'config.json');
writeFileSync(config, JSON.stringify({ extends: 'bpmnlint:recommended' }));

const known = JSON.parse(readFileSync(differencesFile, 'utf8'));
const keyOf = (d) => `${d.file} ${d.side} ${d.rule} ${d.element}`;
const knownKeys = new Map(known.map((d) => [keyOf(d), d]));
const seenKnown = new Set();
let unexplained = 0;
let compared = 0;

for (const file of files) {
  const { rootElement } = await moddle.fromXML(readXml(file), 'bpmn:Definitions');
  const theirs = new Set();
  const theirMessages = new Set();
  for (const [rule, reports] of Object.entries(await newLinter().lint(rootElement)))
    for (const r of reports) {
      if (!r.id) continue;
      theirs.add(`${rule} ${r.id}`);
      theirMessages.add(`${rule} ${r.id} ${r.message}`);
    }

  let out;
  try {
    out = execFileSync(syzba, ['check', '--format', 'json', '--config', config, file], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout; // exit 1: findings at error level
  }
  const ours = new Set();
  const ourMessages = new Set();
  for (const d of JSON.parse(out).files[0].diagnostics)
    if (bpmnlintRules.has(d.rule)) {
      ours.add(`${d.rule} ${d.element}`);
      ourMessages.add(`${d.rule} ${d.element} ${d.message}`);
    }
  // Where both report the same (rule, element), the English messages must be bpmnlint's own.
  for (const m of theirMessages) {
    const [rule, element] = m.split(' ');
    if (ours.has(`${rule} ${element}`) && !ourMessages.has(m)) {
      unexplained++;
      console.log(`MESSAGE ${basename(file)}: bpmnlint says "${m}", syzba says otherwise`);
    }
  }

  const name = basename(file);
  const report = (side, pair) => {
    const [rule, element] = pair.split(' ');
    const key = keyOf({ file: name, side, rule, element });
    if (knownKeys.has(key)) {
      seenKnown.add(key);
      return;
    }
    unexplained++;
    console.log(`DIFF ${name}: ${side === 'syzba-only' ? 'only syzba' : 'only bpmnlint'} reports ${rule} on ${element}`);
  };
  for (const pair of ours) if (!theirs.has(pair)) report('syzba-only', pair);
  for (const pair of theirs) if (!ours.has(pair)) report('bpmnlint-only', pair);
  compared += theirs.size;
  console.log(`${name}: bpmnlint ${theirs.size} findings, syzba ${ours.size}`);
}
rmSync(work, { recursive: true, force: true });

let stale = 0;
for (const [key, d] of knownKeys) {
  if (!seenKnown.has(key) && files.some((f) => basename(f) === d.file)) {
    stale++;
    console.log(`STALE listed difference no longer occurs: ${key}`);
  }
}
const failed = unexplained + stale;
console.log(`${compared} bpmnlint findings compared, ${seenKnown.size} known differences, ${unexplained} unexplained, ${stale} stale`);
console.log(`${failed === 0 ? 1 : 0} passed, ${failed === 0 ? 0 : 1} failed`);
process.exit(failed === 0 ? 0 : 1);
