// Writes syntaxes/syzba.tmLanguage.json from the keywords syzba itself knows:
//   node editors/vscode/make-grammar.mjs build/src/syzba
// The grammar is kept in the repository (VS Code reads it as is); tests/editor checks that it
// still covers every keyword, so a new keyword without a new grammar fails the tests.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const syzba = process.argv[2];
if (!syzba) {
  console.error('usage: node make-grammar.mjs SYZBA_BINARY');
  process.exit(2);
}
const keywords = JSON.parse(execFileSync(syzba, ['keywords', '--format', 'json'], { encoding: 'utf8' }));

// Longest first, so that "оқиға түрі" is not read as "оқиға"; spaces match any run of blanks.
function alternation(kind, meanings) {
  const words = [...new Set(keywords.filter((k) => k.kind === kind && (!meanings || meanings.includes(k.meaning)))
    .map((k) => k.spelling))];
  words.sort((a, b) => b.length - a.length || a.localeCompare(b));
  return words.map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&').replace(/ /g, '[ \\t]+')).join('|');
}

const durations = ['duration', 'term'];
const references = ['by', 'next', 'yes', 'no', 'default', 'output', 'attached to', 'process id'];
const properties = [...new Set(keywords.filter((k) => k.kind === 'property').map((k) => k.meaning))];
const plain = properties.filter((m) => !durations.includes(m) && !references.includes(m));
const headers = [...new Set(keywords.filter((k) => k.kind === 'header').map((k) => k.meaning))];

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'syzba',
  scopeName: 'source.syzba',
  fileTypes: ['syzba'],
  patterns: [
    { include: '#comment' },
    { include: '#duration-line' },
    { include: '#reference-line' },
    { include: '#property-line' },
    { include: '#statement-line' },
  ],
  repository: {
    comment: { name: 'comment.line.number-sign.syzba', match: '^[ \\t]*#.*$' },
    'duration-line': {
      match: `(?i)^[ \\t]*(${alternation('property', durations)}|${alternation('header', durations)})[ \\t]*(:)(.*)$`,
      captures: {
        1: { name: 'support.type.property-name.syzba' },
        2: { name: 'punctuation.separator.key-value.syzba' },
        3: { patterns: [{ include: '#number' }, { include: '#escape' }] },
      },
    },
    'reference-line': {
      match: `(?i)^[ \\t]*(${alternation('property', references)})[ \\t]*(:)(.*)$`,
      captures: {
        1: { name: 'support.type.property-name.syzba' },
        2: { name: 'punctuation.separator.key-value.syzba' },
        3: { patterns: [{ include: '#label' }, { name: 'punctuation.separator.comma.syzba', match: ',' },
          { name: 'variable.other.reference.syzba', match: '[^\\s,"]+' }] },
      },
    },
    'property-line': {
      match: `(?i)^[ \\t]*(${alternation('property', plain)}|${alternation('header', headers.filter((m) => !durations.includes(m)))})[ \\t]*(:)(.*)$`,
      captures: {
        1: { name: 'support.type.property-name.syzba' },
        2: { name: 'punctuation.separator.key-value.syzba' },
        3: { name: 'string.unquoted.value.syzba', patterns: [{ include: '#escape' }] },
      },
    },
    'statement-line': {
      match: `(?i)^[ \\t]*(${alternation('statement')})(?=[ \\t]|:|$)(?:[ \\t]+([^\\s:]+))?[ \\t]*(?:(:)(.*))?$`,
      captures: {
        1: { name: 'keyword.control.statement.syzba' },
        2: { name: 'entity.name.function.id.syzba' },
        3: { name: 'punctuation.separator.key-value.syzba' },
        4: { patterns: [{ include: '#arrow' }, { include: '#escape' }, { name: 'string.unquoted.label.syzba', match: '[^\\\\]+?(?=\\\\|->|→|$)' }] },
      },
    },
    arrow: { name: 'keyword.operator.arrow.syzba', match: '->|→' },
    number: { name: 'constant.numeric.syzba', match: '\\d+(?:[.,]\\d+)?' },
    escape: { name: 'constant.character.escape.syzba', match: '\\\\[ntrs"\\\\]' },
    label: {
      name: 'string.quoted.double.syzba',
      begin: '"',
      end: '"',
      patterns: [{ include: '#escape' }],
    },
  },
};
const out = join(dirname(fileURLToPath(import.meta.url)), 'syntaxes', 'syzba.tmLanguage.json');
writeFileSync(out, JSON.stringify(grammar, null, 2) + '\n');
console.log(`wrote ${out}`);
