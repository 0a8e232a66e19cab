#!/usr/bin/env bash
# Outputs of two syzba binaries side by side (issue 20: the fast paths draw the same): SVG and
# PDF byte for byte, PNG as decoded pixels (the encoder may change the bytes, not the image),
# for every file in models/ and the MIWG corpus, drawn one by one and as many files in one
# process; and every output twice the same (deterministic).
# Usage: bench/speed/same_output.sh OLD_SYZBA NEW_SYZBA
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shared=${SYZBA_SHARED_DIR:-$here/../../../shared}
old=$1 new=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
inputs=("$here"/../../models/*.bpmn "$shared"/corpus/miwg/*.bpmn)
fail=0
for f in "${inputs[@]}"; do
  b=$(basename "$f" .bpmn)
  for ext in svg pdf png; do
    "$old" render "$f" -o "$work/$b.old.$ext" >/dev/null 2>&1 || true
    "$new" render "$f" -o "$work/$b.new.$ext" >/dev/null 2>&1 || true
    "$new" render "$f" -o "$work/$b.again.$ext" >/dev/null 2>&1 || true
  done
done
mkdir -p "$work/many-old" "$work/many-new"
"$old" render "${inputs[@]}" -o "$work/many-old/" -j 2 >/dev/null 2>&1 || true
"$new" render "${inputs[@]}" -o "$work/many-new/" -j 2 >/dev/null 2>&1 || true
python3 - "$work" "${inputs[@]}" <<'PY' || fail=1
import os, struct, sys, zlib
work, inputs = sys.argv[1], sys.argv[2:]
def pixels(path):
    d = open(path, 'rb').read()
    assert d[:8] == b'\x89PNG\r\n\x1a\n', path
    i, idat, ihdr = 8, b'', None
    while i < len(d):
        n = struct.unpack('>I', d[i:i + 4])[0]; t = d[i + 4:i + 8]; body = d[i + 8:i + 8 + n]
        assert zlib.crc32(t + body) == struct.unpack('>I', d[i + 8 + n:i + 12 + n])[0], path + ': CRC'
        if t == b'IHDR': ihdr = body
        if t == b'IDAT': idat += body
        i += 12 + n
    w, h, depth, colour = struct.unpack('>IIBB', ihdr[:10])
    bpp = {2: 3, 6: 4, 0: 1}[colour]
    raw = zlib.decompress(idat); rb = 1 + w * bpp
    assert len(raw) == rb * h, path + ': size'
    out, prev = bytearray(), bytearray(w * bpp)
    for y in range(h):
        f, row = raw[y * rb], bytearray(raw[y * rb + 1:(y + 1) * rb])
        for x in (range(len(row)) if f else ()):
            a = row[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
            if f == 1: row[x] = (row[x] + a) & 255
            elif f == 2: row[x] = (row[x] + b) & 255
            elif f == 3: row[x] = (row[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[x] = (row[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += row; prev = row
    return (w, h, colour, bytes(out))
bad = 0
def same(a, b, png):
    if not os.path.exists(a) and not os.path.exists(b): return True
    if not (os.path.exists(a) and os.path.exists(b)): return False
    if png: return pixels(a) == pixels(b)
    return open(a, 'rb').read() == open(b, 'rb').read()
for f in inputs:
    b = os.path.basename(f)[:-5]
    for ext in ('svg', 'pdf', 'png'):
        o, n, g = (f'{work}/{b}.{k}.{ext}' for k in ('old', 'new', 'again'))
        if not same(o, n, ext == 'png'): print(f'DIFFERENT {b}.{ext}'); bad += 1
        if os.path.exists(n) and open(n, 'rb').read() != open(g, 'rb').read(): print(f'NOT DETERMINISTIC {b}.{ext}'); bad += 1
for name in sorted(os.listdir(f'{work}/many-old')):
    if not same(f'{work}/many-old/{name}', f'{work}/many-new/{name}', name.endswith('.png')): print(f'DIFFERENT (many) {name}'); bad += 1
print(f'{len(inputs)} inputs × svg, pdf, png and many-in-one: {"all the same" if not bad else f"{bad} different"}')
sys.exit(1 if bad else 0)
PY
exit $fail
