#!/usr/bin/env python3
"""Man pages and shell completions made from syzba's own --help, so that they never drift.

    cli_docs.py SYZBA OUTDIR [--date YYYY-MM-DD]

runs `SYZBA --help` and `SYZBA VERB --help` for every verb the first one lists (CLI11's
format: a description, Usage:, Positionals:, Options:, a closing paragraph) and writes
  OUTDIR/man/syzba.1.gz, OUTDIR/man/syzba-VERB.1.gz   (roff, man(7), gzip -9n)
  OUTDIR/completions/syzba.bash, _syzba, syzba.fish
A verb or an option added to the command line is in all of them at the next build.
"""
import argparse
import gzip
import os
import re
import subprocess
import sys


def run_help(binary, *args):
    # argv[0] "syzba", so that Usage: lines name the command, not the build folder.
    out = subprocess.run(["syzba", *args, "--help"], executable=binary, check=True,
                         capture_output=True, text=True, env={**os.environ, "LC_ALL": "C.UTF-8"})
    return out.stdout


COLUMN = 30


class Option:
    def __init__(self, spec, description):
        self.description = description
        head, _, rest = spec.partition(" ")
        self.names = head.split(",")                   # ["-o", "--output"]
        rest = rest.strip()
        self.required = rest.endswith("REQUIRED")
        rest = rest.removesuffix("REQUIRED").strip()
        self.repeatable = rest.endswith("...")
        rest = rest.removesuffix("...").strip()
        self.type = rest.split(":")[0] if rest else ""  # "" = a flag
        m = re.search(r"\{([^}]*)\}", rest)
        self.choices = list(dict.fromkeys(m.group(1).split(","))) if m else []
        # CLI11 lists a choice in both cases (A4, a4): offer the first spelling of each.
        seen, choices = set(), []
        for c in self.choices:
            if c.lower() not in seen:
                seen.add(c.lower())
                choices.append(c)
        self.choices = choices
        self.is_dir = rest.endswith(":DIR")
        self.constraint = rest.partition(":")[2] if ":" in rest else ""

    @property
    def takes_value(self):
        return bool(self.type)

    @property
    def is_file(self):
        words = self.description.lower()
        return self.takes_value and not self.choices and self.type == "TEXT" and (
            "file" in words or "folder" in words or "config" in words or self.is_dir)


class Positional:
    def __init__(self, spec, description):
        parts = spec.split()
        self.name = parts[0]
        self.required = "REQUIRED" in parts
        self.many = "..." in parts
        self.description = description


class Verb:
    def __init__(self, name, summary, text):
        self.name = name
        self.summary = summary
        self.usage = ""
        self.description = []   # paragraphs before Usage:
        self.positionals = []
        self.options = []
        self.notes = []         # paragraphs after the lists
        self.subcommands = []   # (name, summary) of `syzba --help`
        self.parse(text)

    def parse(self, text):
        section = "description"
        entries = []
        for line in text.splitlines():
            if line.startswith("Usage:"):
                self.usage = line[len("Usage:"):].strip()
                section = "after-usage"
                continue
            if line in ("Positionals:", "Options:", "Subcommands:"):
                section = line[:-1].lower()
                continue
            if section == "description":
                if line.strip():
                    self.description.append(line.strip())
                continue
            if section in ("positionals", "options", "subcommands"):
                if not line.strip():
                    continue
                # CLI11's columns: the name from column 2, its description from column 30 (on
                # the next line when the name is longer).
                if line.startswith("  ") and not line.startswith(" " * COLUMN):
                    if len(line) > COLUMN and line[COLUMN - 1] == " ":
                        spec, desc = line[:COLUMN].strip(), line[COLUMN:].strip()
                    else:
                        spec, desc = line.strip(), ""
                    entries.append([section, spec, desc])
                elif line.startswith(" " * COLUMN) and entries:
                    entries[-1][2] = (entries[-1][2] + " " + line.strip()).strip()
                else:
                    section = "notes"
                    self.notes.append(line.strip())
                continue
            if section == "notes" and line.strip():
                self.notes.append(line.strip())
        for section, spec, desc in entries:
            if section == "positionals":
                self.positionals.append(Positional(spec, desc))
            elif section == "options":
                self.options.append(Option(spec, desc))
            else:
                self.subcommands.append((spec, desc))


def parse_top(binary):
    text = run_help(binary)
    top = Verb.__new__(Verb)
    top.name, top.summary, top.usage = "syzba", "", ""
    top.description, top.positionals, top.options, top.notes, top.subcommands = [], [], [], [], []
    top.parse(text)
    verbs = [Verb(name, summary, run_help(binary, name)) for name, summary in top.subcommands]
    return top, verbs


# ---- man(7) ------------------------------------------------------------------------------

def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = text.replace("'", "\\(aq").replace("\"", "\\(dq")
    return text


def roff_line(text):
    text = roff(text)
    text = re.sub(r"`([^`]+)`", r"\\fB\1\\fR", text)  # `code` in bold
    return "\\&" + text if text.startswith((".", "'")) else text


def option_head(option):
    names = ", ".join(f"\\fB{roff(n)}\\fR" for n in option.names)
    if option.takes_value:
        value = "|".join(option.choices) if option.choices else option.type
        names += f" \\fI{roff(value)}\\fR"
        if option.repeatable:
            names += " ..."
    return names


def option_text(option):
    text = option.description
    extra = []
    if option.required:
        extra.append("required")
    if option.repeatable and "repeatable" not in text:
        extra.append("repeatable")
    m = re.search(r"in \[([^\]]*)\]", option.constraint)
    if m:
        extra.append(f"from {m.group(1).replace(' - ', ' to ')}")
    if extra:
        text += " (" + "; ".join(extra) + ")"
    return text


def man_header(name, summary, version, date):
    return [
        f'.TH "{name.upper()}" "1" "{date}" "syzba {version}" "User Commands"',
        ".nh",  # no hyphenation: names like syzba-layout(1) stay whole
        ".SH NAME",
        f"{roff(name)} \\- {roff_line(summary.rstrip('.'))}",
    ]


def exit_status(notes):
    """The 'Exit status: 0 ..., 1 ..., 2 ...' sentence of a verb's help, split off."""
    text = " ".join(notes)
    m = re.search(r"Exit status: (.*)$", text)
    if not m:
        return text, []
    before = text[:m.start()].strip()
    codes = re.findall(r"(\d+) ((?:(?!, \d+ ).)*)", m.group(1).rstrip("."))
    return before, codes


def verb_page(verb, verbs, version, date):
    lines = man_header(f"syzba-{verb.name}", verb.summary, version, date)
    lines += [".SH SYNOPSIS", f".B syzba {verb.name}"]
    synopsis = []
    for option in verb.options:
        if option.required:
            synopsis.append(option_head(option).split(", ")[-1])
    synopsis.append("[\\fIOPTIONS\\fR]")
    for p in verb.positionals:
        word = f"\\fI{roff(p.name)}\\fR" + (" ..." if p.many else "")
        synopsis.append(word if p.required else f"[{word}]")
    lines.append(" ".join(synopsis))
    lines += [".SH DESCRIPTION", roff_line(" ".join(verb.description) or verb.summary)]
    notes, codes = exit_status(verb.notes)
    if notes:
        lines += [".PP", roff_line(notes)]
    if verb.positionals:
        lines.append(".SH ARGUMENTS")
        for p in verb.positionals:
            lines += [".TP", f"\\fI{roff(p.name)}\\fR" + (" ..." if p.many else ""), roff_line(p.description)]
    lines.append(".SH OPTIONS")
    for option in verb.options:
        lines += [".TP", option_head(option), roff_line(option_text(option))]
    if codes:
        lines.append(".SH EXIT STATUS")
        for code, meaning in codes:
            lines += [".TP", f"\\fB{code}\\fR", roff_line(meaning.strip().rstrip(",") + ".")]
    lines.append(".SH SEE ALSO")
    others = [f".BR syzba\\-{v.name} (1)" for v in verbs if v.name != verb.name]
    lines.append(",\n".join([".BR syzba (1)"] + others))
    return "\n".join(lines) + "\n"


def main_page(top, verbs, version, date):
    lines = man_header("syzba", "check, lay out and draw BPMN process models of state-service regulations",
                       version, date)
    lines += [".SH SYNOPSIS", ".B syzba", "\\fIVERB\\fR [\\fIOPTIONS\\fR] [\\fIFILE\\fR ...]", ".br",
              ".B syzba", "\\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR",
              ".SH DESCRIPTION", roff_line(" ".join(top.description)), ".PP",
              roff_line("Each verb reads BPMN 2.0 XML or the text form (.syzba files) and has its own "
                        "page, syzba-VERB(1), and its own --help."),
              ".SH VERBS"]
    for verb in verbs:
        lines += [".TP", f".BR syzba\\-{verb.name} (1)", roff_line(verb.summary)]
    lines.append(".SH OPTIONS")
    for option in top.options:
        lines += [".TP", option_head(option), roff_line(option_text(option))]
    lines += [
        ".SH ENVIRONMENT",
        ".TP", ".B SOURCE_DATE_EPOCH",
        roff_line("the creation date written into PDF files (default 2000-01-01), so that the same "
                  "input gives the same bytes."),
        ".SH FILES",
        ".TP", ".I /usr/share/doc/syzba/text\\-form.md",
        roff_line("the text form: its keywords in Kazakh, Russian and English, and full examples."),
        ".TP", ".I /usr/share/doc/syzba/cheatsheet.md",
        roff_line("the text form on one page."),
        ".TP", ".I /usr/share/doc/syzba/examples/",
        roff_line("a runnable example for each kind of user."),
        ".TP", ".I /usr/share/syzba/vscode/",
        roff_line("a Visual Studio Code grammar for the text form (how to install it: /usr/share/doc/syzba/vscode.md)."),
        ".SH EXAMPLES",
        ".nf",
        roff("syzba check models/*.bpmn --format sarif"),
        roff("syzba render service.bpmn -o service.pdf --page A4 --landscape"),
        roff("syzba compile handbook.syzba -o handbook.bpmn"),
        roff("syzba publish models/ -o site/"),
        ".fi",
        ".SH SEE ALSO",
        ",\n".join(f".BR syzba\\-{v.name} (1)" for v in verbs),
    ]
    return "\n".join(lines) + "\n"


# ---- completions -------------------------------------------------------------------------

def sh_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def bash_completion(top, verbs):
    out = ["# bash completion for syzba; made from `syzba --help` by packaging/cli_docs.py.",
           "_syzba()",
           "{",
           "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}",
           "    local verb='' i",
           "    for ((i = 1; i < COMP_CWORD; i++)); do",
           "        case ${COMP_WORDS[i]} in -*) ;; *) verb=${COMP_WORDS[i]}; break ;; esac",
           "    done",
           "    COMPREPLY=()",
           "    if [[ -z $verb ]]; then",
           "        COMPREPLY=($(compgen -W " + sh_quote(" ".join(
               [v.name for v in verbs] + [n for o in top.options for n in o.names if n.startswith("--")]))
           + " -- \"$cur\"))",
           "        return",
           "    fi",
           "    case $verb in"]
    for verb in verbs:
        out.append(f"    {verb.name})")
        value_cases = []
        for option in verb.options:
            if not option.takes_value:
                continue
            pattern = "|".join(option.names)
            if option.choices:
                action = f"COMPREPLY=($(compgen -W {sh_quote(' '.join(option.choices))} -- \"$cur\")); return ;;"
            elif option.is_dir:
                action = "COMPREPLY=($(compgen -d -- \"$cur\")); return ;;"
            elif option.is_file:
                action = "return ;;  # files: readline's default"
            else:
                action = "return ;;  # a value"
            value_cases.append(f"            {pattern}) {action}")
        if value_cases:
            out += ["        case $prev in", *value_cases, "        esac"]
        words = " ".join(n for o in verb.options for n in o.names)
        out += ["        if [[ $cur == -* ]]; then",
                f"            COMPREPLY=($(compgen -W {sh_quote(words)} -- \"$cur\"))",
                "        fi",
                "        ;;"]
    out += ["    esac",
            "}",
            "complete -o default -F _syzba syzba", ""]
    return "\n".join(out)


def zsh_escape(text):
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("'", "'\\''").replace(":", "\\:")


def zsh_completion(top, verbs):
    out = ["#compdef syzba",
           "# zsh completion for syzba; made from `syzba --help` by packaging/cli_docs.py.",
           "",
           "_syzba() {",
           "  local curcontext=$curcontext state line",
           "  local -a verbs",
           "  verbs=("]
    for verb in verbs:
        out.append(f"    '{verb.name}:{zsh_escape(verb.summary)}'")
    out += ["  )",
            "  _arguments -C \\",
            "    '(- *)'{-h,--help}'[print the help and exit]' \\",
            "    '(- *)--version[print the version and exit]' \\",
            "    '1: :->verb' \\",
            "    '*:: :->args'",
            "  case $state in",
            "    verb) _describe -t verbs 'syzba verb' verbs ;;",
            "    args)",
            "      curcontext=${curcontext%:*:*}:syzba-$line[1]:",
            "      case $line[1] in"]
    for verb in verbs:
        specs = []
        for option in verb.options:
            desc = zsh_escape(option.description)
            if option.takes_value:
                if option.choices:
                    action = "(" + " ".join(option.choices) + ")"
                elif option.is_dir:
                    action = "_files -/"
                elif option.is_file:
                    action = "_files"
                else:
                    action = " "
                value = f":{option.names[-1].lstrip('-')}:{action}"
            else:
                value = ""
            star = "*" if option.repeatable else ""
            names = option.names
            if len(names) > 1:
                exclusion = "" if option.repeatable else "(" + " ".join(names) + ")"
                specs.append(f"'{exclusion}'{star}{{{','.join(names)}}}'[{desc}]{value}'")
            else:
                specs.append(f"'{star}{names[0]}[{desc}]{value}'")
        for p in verb.positionals:
            prefix = "*" if p.many else ""
            specs.append(f"'{prefix}:{p.name}:_files'")
        out.append(f"        {verb.name})")
        out.append("          _arguments \\")
        out += [f"            {s} \\" for s in specs[:-1]]
        out.append(f"            {specs[-1]}")
        out.append("          ;;")
    out += ["      esac",
            "      ;;",
            "  esac",
            "}",
            "",
            "_syzba \"$@\"", ""]
    return "\n".join(out)


def fish_quote(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def fish_completion(top, verbs):
    names = " ".join(v.name for v in verbs)
    out = ["# fish completion for syzba; made from `syzba --help` by packaging/cli_docs.py.",
           "complete -c syzba -f",
           "complete -c syzba -n __fish_use_subcommand -s h -l help -d 'print the help and exit'",
           "complete -c syzba -n __fish_use_subcommand -l version -d 'print the version and exit'"]
    for verb in verbs:
        out.append(f"complete -c syzba -n __fish_use_subcommand -a {verb.name} -d {fish_quote(verb.summary)}")
    for verb in verbs:
        condition = f"-n '__fish_seen_subcommand_from {verb.name}'"
        if verb.positionals:
            out.append(f"complete -c syzba {condition} -F")
        for option in verb.options:
            flags = []
            for n in option.names:
                flags.append(f"-l {n[2:]}" if n.startswith("--") else f"-s {n[1:]}")
            if option.takes_value:
                if option.choices:
                    flags.append(f"-x -a {fish_quote(' '.join(option.choices))}")
                elif option.is_dir:
                    flags.append("-x -a '(__fish_complete_directories)'")
                elif option.is_file:
                    flags.append("-r -F")
                else:
                    flags.append("-x")
            out.append(f"complete -c syzba {condition} {' '.join(flags)} -d {fish_quote(option.description)}")
    out.append("")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("syzba")
    parser.add_argument("outdir")
    parser.add_argument("--date", default="")
    parser.add_argument("--version", dest="version", default="")
    args = parser.parse_args()
    top, verbs = parse_top(args.syzba)
    if not verbs:
        sys.exit("cli_docs: `syzba --help` lists no verbs")
    version = args.version or subprocess.run([args.syzba, "--version"], capture_output=True,
                                             text=True, check=True).stdout.split()[-1]
    man = os.path.join(args.outdir, "man")
    completions = os.path.join(args.outdir, "completions")
    os.makedirs(man, exist_ok=True)
    os.makedirs(completions, exist_ok=True)
    files = {os.path.join(man, "syzba.1"): main_page(top, verbs, version, args.date)}
    for verb in verbs:
        files[os.path.join(man, f"syzba-{verb.name}.1")] = verb_page(verb, verbs, version, args.date)
    files[os.path.join(completions, "syzba.bash")] = bash_completion(top, verbs)
    files[os.path.join(completions, "_syzba")] = zsh_completion(top, verbs)
    files[os.path.join(completions, "syzba.fish")] = fish_completion(top, verbs)
    for path, text in files.items():
        if path.endswith(".1"):
            # gzip -9n: no name, no time, so that the same help gives the same bytes.
            with open(path + ".gz", "wb") as raw:
                with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as f:
                    f.write(text.encode("utf-8"))
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    with open(os.path.join(args.outdir, "stamp"), "w", encoding="utf-8") as f:
        f.write(" ".join(v.name for v in verbs) + "\n")


if __name__ == "__main__":
    main()
