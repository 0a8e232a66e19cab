// The VS Code grammar of the text form, tokenized by the real vscode-textmate with the
// Oniguruma engine VS Code uses:
//   node grammar_test.mjs SYZBA GRAMMAR FILE.syzba...
// Every keyword syzba knows (syzba keywords) is highlighted as the kind of keyword it is, in
// any letter case; in the files, every line is a comment or starts with a keyword, ids and
// durations get their scopes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';

const [syzba, grammarPath, ...files] = process.argv.slice(2);
if (!syzba || !grammarPath || files.length === 0) {
  console.error('usage: node grammar_test.mjs SYZBA GRAMMAR FILE.syzba...');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
await oniguruma.loadWASM(wasm);
const registry = new vsctm.Registry({
  onigLib: Promise.resolve({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  }),
  loadGrammar: async () => vsctm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath),
});
const grammar = await registry.loadGrammar('source.syzba');

function tokens(line) {
  return grammar.tokenizeLine(line, vsctm.INITIAL).tokens.map((t) => ({
    text: line.slice(t.startIndex, t.endIndex),
    scopes: t.scopes.join(' '),
  }));
}

let failures = 0;
function fail(message) {
  failures += 1;
  console.error(`FAIL: ${message}`);
}
function expectScope(line, text, scope) {
  const found = tokens(line).find((t) => t.text === text);
  if (!found) fail(`${JSON.stringify(line)}: no token ${JSON.stringify(text)} (tokens: ${JSON.stringify(tokens(line).map((t) => t.text))})`);
  else if (!found.scopes.includes(scope)) fail(`${JSON.stringify(line)}: ${JSON.stringify(text)} is ${found.scopes}, not ${scope}`);
}

const keywords = JSON.parse(execFileSync(syzba, ['keywords', '--format', 'json'], { encoding: 'utf8' }));
if (keywords.length < 100) fail(`only ${keywords.length} keywords from syzba`);
const capitalised = (s) => s.charAt(0).toLocaleUpperCase('kk') + s.slice(1);
for (const k of keywords) {
  for (const spelling of [k.spelling, capitalised(k.spelling)]) {
    if (k.kind === 'statement') {
      const line = `  ${spelling} a1: Құжаттарды қабылдау`;
      expectScope(line, spelling, 'keyword.control.statement.syzba');
      expectScope(line, 'a1', 'entity.name.function.id.syzba');
    } else {
      expectScope(`    ${spelling}: 15 (он бес) минут`, spelling, 'support.type.property-name.syzba');
    }
  }
}
const durationLine = '    ұзақтығы: 1,5 минут';
expectScope(durationLine, '1,5', 'constant.numeric.syzba');
expectScope('    келесі: a2, a3 "Иә"', 'a3', 'variable.other.reference.syzba');
expectScope('хабар m1: request -> shep', '->', 'keyword.operator.arrow.syzba');
expectScope('  әрекет a: Бірінші\\nекінші', '\\n', 'constant.character.escape.syzba');

let lines = 0;
for (const file of files) {
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    lines += 1;
    const first = tokens(line).find((t) => t.text.trim() !== '');
    const want = line.trim().startsWith('#') ? 'comment.line' : ['keyword.control.statement', 'support.type.property-name'];
    const ok = Array.isArray(want) ? want.some((w) => first.scopes.includes(w)) : first.scopes.includes(want);
    if (!ok) fail(`${file}:${i + 1}: ${JSON.stringify(first.text)} is ${first.scopes}`);
  });
}
console.log(`${keywords.length} keywords, ${lines} lines of ${files.length} files: ${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
