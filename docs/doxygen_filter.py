#!/usr/bin/env python3
"""Doxygen's INPUT_FILTER for syzba's public headers (docs/Doxyfile).

The headers are commented with plain // lines. This hands them to Doxygen as documentation
without changing the files: a header's opening comment (after #pragma once) becomes its
file documentation, a run of // lines before a declaration becomes ///, and a // comment after
code on the same line becomes ///<. Lines are kept one for one, so line numbers hold.
"""
import re
import sys

# Characters Doxygen would take for commands or HTML in plain prose (not inside `code`).
SPECIAL = re.compile(r"([\\@<>#%&$])")
RULER = re.compile(r"^\s*//\s*[-=*]{4,}\s*$")


def escape(text):
    # Doxygen takes "quoted text" literally, commands and all: escape only outside quotes.
    parts = text.split('"')
    if len(parts) % 2 == 0:
        return SPECIAL.sub(r"\\\1", text)
    for i in range(0, len(parts), 2):
        parts[i] = SPECIAL.sub(r"\\\1", parts[i])
    return '"'.join(parts)


def prose(text):
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: take it literally
        return escape(text).replace("`", "\\`")
    for i in range(0, len(parts), 2):  # outside `code`
        parts[i] = escape(parts[i])
    return "`".join(parts)


def main(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out = []
    opening = True  # still before or in the comment that opens the file
    for line in lines:
        stripped = line.strip()
        if opening:
            if stripped.startswith("#pragma"):
                out.append("//! \\file")  # the pragma means nothing to Doxygen
                continue
            if stripped.startswith("//"):
                out.append("//! " + prose(stripped[2:].strip()))
                continue
            opening = False
        if RULER.match(line):
            out.append("")
            continue
        m = re.match(r"^(\s*)//(?!/)(.*)$", line)
        if m:
            out.append(f"{m.group(1)}///{prose(m.group(2))}")
            continue
        m = re.match(r"^(.*?[;,{])(\s*)//(?!/)(.*)$", line)
        if m and '"' not in m.group(1):
            out.append(f"{m.group(1)}{m.group(2)}///<{prose(m.group(3))}")
            continue
        out.append(line)
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
