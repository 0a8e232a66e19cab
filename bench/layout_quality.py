#!/usr/bin/env python3
"""Layout quality of syzba (and, in full mode, of bpmn-auto-layout and ELK) beside the people's
drawings of the MIWG corpora. Called by layout_quality.sh, which says what it prints."""
import argparse
import json
import statistics
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ap = argparse.ArgumentParser()
ap.add_argument('--syzba', required=True)  # the binary to run: a copy, safe from a rebuild meanwhile
ap.add_argument('--syzba-built', required=True)  # where that copy came from, for the report
ap.add_argument('--work', required=True)  # a scratch folder the caller removes
ap.add_argument('--shared', required=True)
ap.add_argument('--node-dir', required=True)  # bench/auto-layout, with run.mjs and elk.mjs
ap.add_argument('--quick', action='store_true')
ap.add_argument('--per-file', action='store_true')
ap.add_argument('--jobs', type=int, default=2)
opt = ap.parse_args()
CORPORA = ['miwg', 'miwg-suite']
TOOLS = ['syzba'] if opt.quick else ['syzba', 'bpmn-auto-layout', 'ELK']
RULES = ['overlappingNodes', 'nodesOutsideLane', 'edgesThroughShapes', 'nonOrthogonalSegments']


def run(cmd, timeout=120):
    """(exit status, stdout, first line of stderr, seconds); a timeout is exit status -1."""
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        err = (p.stderr.strip().splitlines() or [''])[0]
        for arg in cmd[1:]:  # a file's name is enough
            if '/' in arg:
                err = err.replace(str(Path(arg).parent) + '/', '')
        return p.returncode, p.stdout, err, time.monotonic() - start
    except subprocess.TimeoutExpired:
        return -1, '', f'timed out after {timeout} s', time.monotonic() - start
    except OSError as e:
        return -2, '', str(e), time.monotonic() - start


def figures(stats_json):
    """One file's figures, summed over its diagrams (bends are per edge in the JSON)."""
    ds = json.loads(stats_json)['diagrams']
    f = {k: sum(d[k] for d in ds) for k in ['nodes', 'edges', 'edgeCrossings', 'area'] + RULES}
    f['bends'] = sum(d['bendsPerEdge'] * d['edges'] for d in ds)
    f['violations'] = sum(f[k] for k in RULES)
    return f


def measured(cmd):
    """Figures from a syzba command printing --format json, or (None, why it failed)."""
    rc, out, err, secs = run(cmd)
    if rc != 0:
        return None, f'exit {rc}: {err}', secs
    try:
        return figures(out), '', secs
    except (ValueError, KeyError) as e:
        return None, f'bad JSON: {e}', secs


def first_pass(corpus, src, work):
    """The person's figures, the DI-less input for every tool, and syzba's layout of it."""
    r = {'corpus': corpus, 'file': src.name, 'tools': {}}
    r['person'], _, _ = measured([opt.syzba, 'layout', '--measure-only', '--format', 'json', str(src)])
    stripped = work / corpus / 'in' / src.name
    rc, _, err, _ = run([opt.syzba, 'convert', '--strip-di', str(src), '-o', str(stripped)])
    r['input'] = stripped if rc == 0 else None
    if r['input'] is None:  # syzba cannot read it: a failure of syzba; the others never see it
        r['tools']['syzba'] = (None, f'convert --strip-di, exit {rc}: {err}', 0)
    else:
        r['tools']['syzba'] = measured([opt.syzba, 'layout', str(stripped), '--stats', '--format', 'json'])
    return r


def node_tool(tool, script, corpus, rows, work):
    """Lays out a corpus in one node process (startup once), then measures what it wrote."""
    out = work / corpus / tool
    out.mkdir()
    inputs = [str(r['input']) for r in rows if r['input']]
    rc, stdout, err, secs = run(['node', str(Path(opt.node_dir) / script), str(out)] + inputs, timeout=1800)
    why = {Path(l.split(': ')[0][5:]).name: l.split(': ', 1)[-1] for l in stdout.splitlines() if l.startswith('FAIL')}
    def measure(r):
        laid = out / r['file']
        if not laid.exists():
            r['tools'][tool] = (None, why.get(r['file'], f'nothing written (node exit {rc}: {err})'), 0)
        else:
            fig, e, _ = measured([opt.syzba, 'layout', '--measure-only', '--format', 'json', str(laid)])
            r['tools'][tool] = (fig, e and 'measuring its DI: ' + e, 0)
    with ThreadPoolExecutor(opt.jobs) as pool:
        list(pool.map(measure, [r for r in rows if r['input']]))
    return secs


def arrow(a, b, fmt):
    return f'{fmt.format(a)} → {fmt.format(b)}'


def aggregate(corpus, tool, rows, secs):
    tried = [r for r in rows if tool == 'syzba' or r['input']]
    laid = [r['tools'][tool][0] for r in tried if r['tools'][tool][0]]
    both = [(r['person'], r['tools'][tool][0]) for r in tried
            if r['person'] and r['person']['nodes'] > 0 and r['tools'][tool][0]]
    if not both:
        return f'| {corpus} | {tool} | {len(rows)} | 0 | | | | | | | {len(tried) - len(laid)} | {secs:.1f} s |'
    P, T = [p for p, _ in both], [t for _, t in both]
    total = lambda fs, k: sum(f[k] for f in fs)
    more = sum(t['edgeCrossings'] > p['edgeCrossings'] for p, t in both)
    bends = lambda fs: total(fs, 'bends') / max(1, total(fs, 'edges'))
    per_node = lambda fs: statistics.median(f['area'] / f['nodes'] for f in fs if f['nodes'])
    rules = ' / '.join(str(total(laid, k)) for k in RULES)
    return (f'| {corpus} | {tool} | {len(rows)} | {len(both)} | {total(T, "nodes") / total(P, "nodes"):.2f} '
            f'| {arrow(total(P, "edgeCrossings") / len(both), total(T, "edgeCrossings") / len(both), "{:.2f}")} '
            f'| {more} ({100 * more / len(both):.0f}%) | {arrow(bends(P), bends(T), "{:.2f}")} '
            f'| {arrow(per_node(P) / 1000, per_node(T) / 1000, "{:.1f}k")} '
            f'| {total(laid, "violations")} ({rules}) | {len(tried) - len(laid)} | {secs:.1f} s |')


def per_file_rows(rows):
    """Worst first: failures of syzba, then by how many more crossings syzba has than the person."""
    def cell(f, k):
        return '—' if not f else f'{f[k]:g}'
    def key(r):
        s, p = r['tools']['syzba'][0], r['person']
        if not s:
            return (0, 0)
        return (1, -(s['edgeCrossings'] - (p['edgeCrossings'] if p else 0)))
    head = ['corpus', 'file', 'nodes person', 'nodes syzba', 'crossings person']
    head += [f'crossings {t}' for t in TOOLS] + ['bends/edge person', 'bends/edge syzba',
             'area/node person', 'area/node syzba', 'syzba violations', 'syzba ms']
    print('| ' + ' | '.join(head) + ' |\n|' + '---|' * len(head))
    for r in sorted(rows, key=key):
        p, s = r['person'], r['tools']['syzba'][0]
        bpe = lambda f: '—' if not f else f'{f["bends"] / max(1, f["edges"]):.2f}'
        apn = lambda f: '—' if not f or not f['nodes'] else f'{f["area"] / f["nodes"] / 1000:.1f}k'
        cross = ['not run' if t not in r['tools'] else 'FAIL' if not r['tools'][t][0]
                 else cell(r['tools'][t][0], 'edgeCrossings') for t in TOOLS]
        cells = [r['corpus'], r['file'], cell(p, 'nodes'), cell(s, 'nodes'), cell(p, 'edgeCrossings'), *cross,
                 bpe(p), bpe(s), apn(p), apn(s), cell(s, 'violations'), f'{1000 * r["tools"]["syzba"][2]:.0f}']
        print('| ' + ' | '.join(cells) + ' |')


def main():
    work = Path(opt.work)
    started = time.monotonic()
    table, rows_of, secs_of = [], {}, {}
    for corpus in CORPORA:
        (work / corpus / 'in').mkdir(parents=True)
        files = sorted((Path(opt.shared) / 'corpus' / corpus).glob('*.bpmn'))
        with ThreadPoolExecutor(opt.jobs) as pool:
            rows = list(pool.map(lambda f: first_pass(corpus, f, work), files))
        secs_of[corpus, 'syzba'] = sum(r['tools']['syzba'][2] for r in rows)
        if not opt.quick:  # the two node tools side by side, one core each
            with ThreadPoolExecutor(2) as pool:
                jobs = {t: pool.submit(node_tool, t, s, corpus, rows, work)
                        for t, s in [('bpmn-auto-layout', 'run.mjs'), ('ELK', 'elk.mjs')]}
                for t, j in jobs.items():
                    secs_of[corpus, t] = j.result()
        rows_of[corpus] = rows

    git = subprocess.run(['git', '-C', str(Path(opt.node_dir).parent.parent), 'describe', '--always', '--dirty'],
                         capture_output=True, text=True).stdout.strip()
    print('# Layout quality: people\'s drawings beside ' + ', '.join(TOOLS) + '\n')
    print(f'syzba `{opt.syzba_built}` (source {git}, binary of '
          f'{time.strftime("%Y-%m-%d %H:%M", time.localtime(Path(opt.syzba).stat().st_mtime))}); '
          f'{"quick" if opt.quick else "full"} mode, {opt.jobs} jobs, {time.monotonic() - started:.0f} s in all.\n')
    print('Person: `syzba layout --measure-only` of the file as drawn. Tools: the file with its DI removed by '
          '`syzba convert --strip-di`, laid out, measured by syzba the same way. Figures are summed over a file\'s '
          'diagrams. Compared: files where the person drew at least one node and the tool laid the file out.\n')
    head = ['corpus', 'tool', 'files', 'compared', 'nodes drawn tool/person', 'mean crossings person → tool',
            'files tool > person in crossings', 'bends/edge person → tool', 'median area/node px² person → tool',
            'hard-rule violations (overlapping / outside lane / through shapes / non-orthogonal)', 'failures',
            'wall time']
    print('| ' + ' | '.join(head) + ' |\n|' + '---|' * len(head))
    for corpus in CORPORA:
        for tool in TOOLS:
            print(aggregate(corpus, tool, rows_of[corpus], secs_of[corpus, tool]))
    print()
    for corpus in CORPORA:
        rows = rows_of[corpus]
        nodi = [r['file'] for r in rows if not r['person'] or r['person']['nodes'] == 0]
        print(f'- {corpus}: {len(nodi)} of {len(rows)} files left out of the comparisons, their DI missing, '
              f'empty or unreadable' + (f' ({", ".join(nodi)})' if 0 < len(nodi) <= 12 else '') + '.')
    print('- Hard-rule violations: over every file the tool laid out, compared or not.')
    print('- Wall time: syzba, the sum of its `syzba layout` processes (one a file); bpmn-auto-layout and ELK, '
          'their one node process for the corpus (startup included; measuring not included).')
    if not opt.quick:
        print('- bpmn-auto-layout 1.x lays out only the first process and draws no pools or lanes (see its '
              '"nodes drawn"). ELK (elkjs, `bench/auto-layout/elk.mjs`): layered, direction RIGHT, orthogonal '
              'edges; pools, lanes and expanded sub-processes are hierarchical child nodes laid out with their '
              'contents (INCLUDE_CHILDREN), so lanes come out as boxes in the flow, not as bands across the pool; '
              'boundary events are ports on the host\'s south side; groups and label positions are left out.')
    failures = [(r['corpus'], t, r['file'], r['tools'][t][1]) for c in CORPORA for r in rows_of[c]
                for t in TOOLS if t in r['tools'] and not r['tools'][t][0]]
    if failures:
        print('\n## Failures\n')
        for c, t, f, why in failures:
            print(f'- {c} / {t} / {f}: {why}')
    if opt.per_file:
        print('\n## Per file (syzba\'s failures first, then by syzba\'s crossings minus the person\'s)\n')
        per_file_rows([r for c in CORPORA for r in rows_of[c]])


main()
