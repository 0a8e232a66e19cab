#!/usr/bin/env bash
# The Debian packages as a user gets them (issue 22), one step per ctest test (package.*):
#   deb BUILD OUT          cpack: syzba_*.deb and libsyzba-dev_*.deb into OUT, Depends computed
#   lintian OUT            lintian accepts both: no error, no warning
#   install OUT            dpkg -i both into the real system (as root; CI machines are throwaway)
#   cli SRC OUT            the installed /usr/bin/syzba on models/ and the text form, every output type
#   man OUT                every installed man page through man -l --warnings: not a word on stderr
#   completions OUT        bash, zsh and fish load their completion; every verb and option is in it
#   api SRC OUT            examples/api against the installed package: find_package and pkg-config
#   remove OUT             dpkg -r: every file and folder the packages brought is gone again
#   tree SRC BUILD OUT     cmake --install into a folder: each header compiles alone, the example builds
#   doxygen SRC OUT        the API reference from docs/Doxyfile without a warning
#   cheatsheet SYZBA SRC OUT  docs/cheatsheet.md has every keyword and only keywords; its example compiles
# The dpkg steps need root and are skipped (77) without it. Each starts from a clean state, so
# the whole set can run twice in a row.
set -euo pipefail
step=$1
shift
fail() { echo "package $step: $*" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
need_root() { [ "$(id -u)" -eq 0 ] || { echo "package $step: needs root (dpkg -i), skipped"; exit 77; }; }
PACKAGES=(syzba libsyzba-dev)

# The verbs `syzba --help` lists, and the option names of `syzba VERB --help`.
verbs() { "$1" --help | awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1}'; }
options() {
  "$1" "$2" --help | awk '/^Options:/ {on = 1; next} on && /^  -/ {print $1}' | tr ',' '\n' | grep -- '^-'
}

case $step in
deb)
  build=$1 out=$2
  rm -rf "$out" && mkdir -p "$out"
  cmake --build "$build" --target doc >/dev/null
  (cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log") || { cat "$out/cpack.log"; fail "cpack failed"; }
  for p in "${PACKAGES[@]}"; do
    deb=$(ls "$out"/${p}_*.deb 2>/dev/null | head -1)
    [ -n "$deb" ] || fail "no ${p}_*.deb in $out"
    dpkg-deb --field "$deb"
  done
  depends=$(dpkg-deb --field "$out"/syzba_*.deb Depends)
  for lib in libc6 libstdc++6 libcairo2 libpango-1.0-0 libpugixml1v5 libdeflate0; do
    grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib (dpkg-shlibdeps): $depends"
  done
  contents=$(dpkg-deb --contents "$out"/syzba_*.deb)
  grep -q ' ./usr/bin/syzba$' <<<"$contents" || fail "no /usr/bin/syzba in the package"
  ;;

lintian)
  out=$1
  # Root is "not recommended" for lintian, and says so on stderr; that is all it says there.
  lintian --fail-on error,warning --display-info --info "$out"/*.deb 2>&1 | grep -v 'running with root privileges'
  status=${PIPESTATUS[0]}
  [ "$status" -eq 0 ] || fail "lintian found errors or warnings (status $status)"
  ;;

install)
  need_root
  out=$1
  for p in "${PACKAGES[@]}"; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
      echo "package install: $p is installed already (an earlier run?): removing it first"
      dpkg -P "$p" >/dev/null
    fi
  done
  DEBIAN_FRONTEND=noninteractive dpkg -i "$out"/syzba_*.deb "$out"/libsyzba-dev_*.deb
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" | grep -q 'install ok installed' || fail "$p is not installed"
    dpkg -L "$p" >"$out/$p.list"
  done
  [ "$(command -v syzba)" = /usr/bin/syzba ] || fail "syzba on the PATH is $(command -v syzba), not /usr/bin/syzba"
  ;;

cli)
  need_root
  src=$1 out=$2/cli
  rm -rf "$out" && mkdir -p "$out"
  syzba=/usr/bin/syzba
  libs=$(ldd "$syzba")
  ! grep 'not found' <<<"$libs" || fail "a library is missing"
  version=$("$syzba" --version)
  grep -q '^syzba [0-9]' <<<"$version" || fail "--version: $version"
  status=0
  "$syzba" check "$src"/models/*.bpmn --format json >"$out/check.json" || status=$?
  [ "$status" -le 1 ] || fail "check on models/ exited $status"
  grep -q '"files"' "$out/check.json" || fail "check --format json wrote no report"
  bpmn=$src/models/004-child-benefit-center.bpmn
  text=$src/examples/text-form/portal-interaction.kk.syzba
  for input in "$bpmn" "$text"; do
    name=$(basename "$input")
    for format in svg pdf png; do
      "$syzba" render "$input" -o "$out/$name.$format" || fail "render $name to $format"
    done
    grep -q '<svg' "$out/$name.svg" || fail "$name.svg is no SVG"
    [ "$(head -c 5 "$out/$name.pdf")" = "%PDF-" ] || fail "$name.pdf is no PDF"
    [ "$(head -c 4 "$out/$name.png" | tail -c 3)" = "PNG" ] || fail "$name.png is no PNG"
    "$syzba" table "$input" -o "$out/$name.html" || fail "table $name"
  done
  "$syzba" compile "$text" -o "$out/compiled.bpmn" || fail "compile"
  status=0
  "$syzba" check "$out/compiled.bpmn" >/dev/null || status=$?
  [ "$status" -le 1 ] || fail "check of the compiled model exited $status"
  "$syzba" describe "$bpmn" -o "$out/described.syzba" 2>/dev/null || fail "describe"
  keywords=$("$syzba" keywords)
  grep -q 'әрекет' <<<"$keywords" || fail "keywords"
  # An installed example, run from a copy of the installed docs as a user would.
  cp -r /usr/share/doc/syzba/examples /usr/share/doc/syzba/models "$out/"
  SYZBA=$syzba bash "$out/examples/methodologist/run.sh" >"$out/methodologist.log" 2>&1 \
    || { cat "$out/methodologist.log"; fail "the installed methodologist example"; }
  # Many files into a folder, in one process.
  "$syzba" render "$src"/models/*.bpmn -o "$out/many/" -j 2 2>/dev/null || fail "render of models/ into a folder"
  [ "$(ls "$out/many" | wc -l)" = "$(ls "$src"/models/*.bpmn | wc -l)" ] || fail "render into a folder: not one SVG per model"
  # syzba serve becomes the installed server program (/usr/libexec/syzba/syzba-serve).
  [ -x /usr/libexec/syzba/syzba-serve ] || fail "no /usr/libexec/syzba/syzba-serve"
  "$syzba" serve --port 0 2>"$out/serve.log" &
  server=$!
  port=""
  for _ in $(seq 50); do
    port=$(grep -o 'http://127.0.0.1:[0-9]*' "$out/serve.log" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { kill "$server"; cat "$out/serve.log"; fail "syzba serve did not listen"; }
  health=$(python3 -c "import urllib.request;print(urllib.request.urlopen('http://127.0.0.1:$port/healthz').status)")
  kill -TERM "$server" && wait "$server" || fail "syzba serve did not stop with 0 on SIGTERM"
  [ "$health" = 200 ] || fail "syzba serve /healthz gave $health"
  echo "package cli: /usr/bin/syzba checked models/, drew .bpmn and .syzba to SVG, PDF and PNG, many into a folder; serve answered"
  ;;

man)
  need_root
  out=$1
  pages=$(grep '/man1/.*\.1\.gz$' "$out/syzba.list")
  [ -n "$pages" ] || fail "no man pages in the package"
  # A page per verb, besides syzba(1).
  for verb in $(verbs /usr/bin/syzba); do
    grep -q "/syzba-$verb.1.gz$" <<<"$pages" || fail "no man page for the verb $verb"
    [ "$(man -w "syzba-$verb")" = "/usr/share/man/man1/syzba-$verb.1.gz" ] || fail "man -w syzba-$verb"
  done
  for page in $pages; do
    # Pages have Kazakh words (кесте): they are read in a UTF-8 locale.
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l --warnings "$page" 2>&1 >/dev/null) || fail "man -l $page failed"
    [ -z "$warnings" ] || fail "man -l --warnings $page: $warnings"
    text=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" 2>/dev/null)
    grep -q '^NAME' <<<"$text" || fail "$page has no NAME"
  done
  echo "package man: $(wc -w <<<"$pages") pages, no warning"
  ;;

completions)
  need_root
  out=$1
  bash_file=/usr/share/bash-completion/completions/syzba
  zsh_file=/usr/share/zsh/vendor-completions/_syzba
  fish_file=/usr/share/fish/vendor_completions.d/syzba.fish
  for f in "$bash_file" "$zsh_file" "$fish_file"; do
    grep -qx "$f" "$out/syzba.list" || fail "$f is not in the package"
  done
  all_verbs=$(verbs /usr/bin/syzba)
  [ -n "$all_verbs" ] || fail "syzba --help lists no verbs"

  # bash: loads, registers, and completes verbs, options and choices.
  registered=$(bash -c "source $bash_file && complete -p syzba")
  grep -q -- '-F _syzba syzba' <<<"$registered" || fail "bash: complete -p syzba: $registered"
  bash_complete() {  # the words of a command line; the last one is being completed
    bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; _syzba; printf "%s\n" "${COMPREPLY[@]}"' \
      _ "$bash_file" "$@"
  }
  got=$(bash_complete syzba "")
  for verb in $all_verbs; do
    grep -qx "$verb" <<<"$got" || fail "bash: the verb $verb is not completed"
    got_options=$(bash_complete syzba "$verb" -)
    for option in $(options /usr/bin/syzba "$verb"); do
      grep -qx -- "$option" <<<"$got_options" || fail "bash: syzba $verb $option is not completed"
    done
  done
  [ "$(bash_complete syzba render --format "" | tr '\n' ' ')" = "svg pdf png " ] || fail "bash: render --format choices"

  # fish: loads, and completes verbs and options.
  fish -c "source $fish_file" || fail "fish: the completion does not load"
  got=$(fish -c "source $fish_file; complete -C'syzba '" | cut -f1)
  for verb in $all_verbs; do
    grep -qx "$verb" <<<"$got" || fail "fish: the verb $verb is not completed"
    got_options=$(fish -c "source $fish_file; complete -C'syzba $verb -'" | cut -f1)
    for option in $(options /usr/bin/syzba "$verb"); do
      [ "$option" = "-h" ] && continue  # fish offers the long form of -h,--help only once
      grep -qx -- "$option" <<<"$got_options" || fail "fish: syzba $verb $option is not completed"
    done
  done
  choices=$(fish -c "source $fish_file; complete -C'syzba render --format '" | cut -f1)
  grep -qx pdf <<<"$choices" || fail "fish: render --format choices: $choices"

  # zsh: the file parses, compinit binds it to syzba, and a real interactive zsh (in a
  # pseudo-terminal: tests/package/zsh_complete.zsh) completes verbs, options and choices.
  zsh -n "$zsh_file" || fail "zsh: syntax"
  bound=$(zsh -f -c "fpath=(${zsh_file%/*} \$fpath); autoload -Uz compinit; compinit -u -d $out/zcompdump; print -r -- \$_comps[syzba]")
  [ "$bound" = "_syzba" ] || fail "zsh: compinit binds syzba to '$bound', not _syzba"
  zsh_complete() { (cd "$out" && timeout 30 zsh -f "$here/zsh_complete.zsh" "${zsh_file%/*}" "$out/zcompdump" "$@") | tr -d '\r' | sed 's/ -- .*//'; }
  got=$(zsh_complete "syzba ")
  for verb in $all_verbs; do
    grep -qx "$verb" <<<"$got" || fail "zsh: the verb $verb is not completed"
    got_options=$(zsh_complete "syzba $verb -")
    for option in $(options /usr/bin/syzba "$verb"); do
      grep -qx -- "$option" <<<"$got_options" || fail "zsh: syzba $verb $option is not completed"
    done
  done
  [ "$(zsh_complete "syzba render --format " | tr '\n' ' ')" = "svg pdf png " ] || fail "zsh: render --format choices"
  echo "package completions: bash, zsh and fish complete all $(wc -w <<<"$all_verbs") verbs and their options"
  ;;

api)
  need_root
  src=$1 out=$2/api
  rm -rf "$out" && mkdir -p "$out"
  model=$src/models/004-child-benefit-center.bpmn
  # find_package(syzba) from /usr.
  cmake -S /usr/share/doc/libsyzba-dev/examples/api -B "$out/cmake" -G Ninja >"$out/cmake.log" 2>&1 \
    || { cat "$out/cmake.log"; fail "cmake: find_package(syzba)"; }
  cmake --build "$out/cmake" >>"$out/cmake.log" 2>&1 || { cat "$out/cmake.log"; fail "the example does not build (CMake)"; }
  # pkg-config syzba.
  flags=$(pkg-config --cflags --libs syzba) || fail "pkg-config syzba"
  c++ /usr/share/doc/libsyzba-dev/examples/api/main.cpp -o "$out/pkg-config-example" $flags || fail "the example does not build (pkg-config)"
  pkg-config --exists syzba-serve || fail "pkg-config syzba-serve"
  for program in "$out/cmake/check_and_draw" "$out/pkg-config-example"; do
    status=0
    "$program" "$model" "$out/drawn.svg" >"$out/run.log" || status=$?
    [ "$status" -le 1 ] || { cat "$out/run.log"; fail "$program exited $status"; }
    grep -q '<svg' "$out/drawn.svg" || fail "$program drew no SVG"
    # The same picture as the installed command draws.
    /usr/bin/syzba render "$model" -o "$out/cli.svg"
    cmp -s "$out/drawn.svg" "$out/cli.svg" || fail "$program and syzba render draw different bytes"
    rm -f "$out/drawn.svg"
  done
  echo "package api: examples/api built with find_package(syzba) and with pkg-config; both draw syzba render's bytes"
  ;;

remove)
  need_root
  out=$1
  for p in "${PACKAGES[@]}"; do
    [ -s "$out/$p.list" ] || fail "no file list of $p (did package.dpkg-install run?)"
  done
  dpkg -r libsyzba-dev syzba
  dpkg -P libsyzba-dev syzba >/dev/null
  left=0
  for p in "${PACKAGES[@]}"; do
    while IFS= read -r path; do
      [ -e "$path" ] || [ -L "$path" ] || continue
      # A folder may stay when another package owns it too (/usr/share/man/man1, ...).
      if [ -d "$path" ] && dpkg-query -S "$path" >/dev/null 2>&1; then continue; fi
      [ "$path" = "/." ] && continue
      echo "package remove: left behind: $path" >&2
      left=$((left + 1))
    done <"$out/$p.list"
    rm -f "$out/$p.list"
  done
  [ "$left" -eq 0 ] || fail "$left paths left behind"
  [ ! -e /usr/bin/syzba ] || fail "/usr/bin/syzba is still there"
  echo "package remove: nothing left behind"
  ;;

tree)
  src=$1 build=$2 out=$3/tree
  rm -rf "$out" && mkdir -p "$out"
  cmake --install "$build" --prefix "$out/prefix" --component dev >"$out/install.log"
  cmake --install "$build" --prefix "$out/prefix" --component syzba >>"$out/install.log"
  prefix=$out/prefix
  include=$prefix/include/syzba
  # Each public header compiles on its own against the installed tree (what it includes is there).
  pc_flags=$(pkg-config --cflags pangocairo cairo libdeflate fmt pugixml nlohmann_json)
  export include pc_flags
  (cd "$include" && find . -name '*.h' ! -name walk.h | sort) | xargs -P "$(nproc)" -I{} sh -c \
    'echo "#include \"$1\"" | c++ -std=c++20 -fsyntax-only -x c++ -I"$include" $pc_flags - || { echo "include/syzba/$1 does not compile on its own" >&2; exit 255; }' _ {} \
    || fail "a header does not compile on its own"
  cmake -S "$prefix/share/doc/libsyzba-dev/examples/api" -B "$out/example" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
    >"$out/example.log" 2>&1 || { cat "$out/example.log"; fail "cmake: find_package(syzba) in $prefix"; }
  cmake --build "$out/example" >>"$out/example.log" 2>&1 || { cat "$out/example.log"; fail "the example does not build"; }
  status=0
  "$out/example/check_and_draw" "$src/examples/text-form/portal-interaction.kk.syzba" "$out/drawn.svg" >/dev/null || status=$?
  [ "$status" -le 1 ] && grep -q '<svg' "$out/drawn.svg" || fail "the example built against $prefix drew nothing"
  cflags=$(PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name syzba.pc)") pkg-config --cflags syzba)
  grep -q -- "-I$prefix/.*include/syzba" <<<"$cflags" || fail "syzba.pc does not point into $prefix: $cflags"
  for f in bin/syzba share/man/man1/syzba.1.gz share/man/man1/syzba-render.1.gz share/bash-completion/completions/syzba \
           share/zsh/vendor-completions/_syzba share/fish/vendor_completions.d/syzba.fish share/syzba/vscode/package.json \
           share/doc/syzba/README.md share/doc/syzba/text-form.md share/doc/syzba/cheatsheet.md share/doc/syzba/examples/README.md; do
    [ -e "$prefix/$f" ] || fail "cmake --install put no $f"
  done
  echo "package tree: every header compiles alone; the example builds against $prefix"
  ;;

doxygen)
  src=$1 out=$2/doxygen
  rm -rf "$out" && mkdir -p "$out"
  (cd "$src" && { cat docs/Doxyfile; echo "OUTPUT_DIRECTORY = $out"; echo "WARN_LOGFILE = $out/warnings.log"; } | doxygen -) \
    || { cat "$out/warnings.log"; fail "doxygen failed"; }
  [ ! -s "$out/warnings.log" ] || { cat "$out/warnings.log"; fail "doxygen warned"; }
  # Every module's public header (<module>/<module>.h) is in the reference.
  for header in $(cd "$src" && ls src/*/*.h render/*.h export/*.h | awk -F/ '{m = $(NF - 1); if ($NF == m ".h") print}'); do
    [ "$header" = src/cli/cli.h ] && continue
    grep -q "$header" "$src/docs/Doxyfile" || fail "$header is not in docs/Doxyfile's INPUT"
  done
  grep -q 'pipeline::read\|read' "$out/html/namespacesyzba_1_1pipeline.html" || fail "no reference of syzba::pipeline"
  grep -q 'what the verbs do with one model' "$out/html/pipeline_8h.html" || fail "the header comments are not in the reference"
  echo "package doxygen: $(ls "$out/html" | wc -l) files, no warning"
  ;;

cheatsheet)
  # docs/cheatsheet.md against the tool: every spelling of every keyword is in its table, each
  # word of the table is one, and its example compiles without an error.
  syzba=$1 src=$2 out=$3/cheatsheet
  rm -rf "$out" && mkdir -p "$out"
  sheet=$src/docs/cheatsheet.md
  "$syzba" keywords | cut -f4 | sort -u >"$out/keywords.txt"
  grep '^| [a-z]' "$sheet" | grep -v '^| meaning' | cut -d'|' -f3-5 | grep -o '`[^`]*`' | tr -d '`' | sort -u >"$out/table.txt"
  missing=$(comm -23 "$out/keywords.txt" "$out/table.txt")
  [ -z "$missing" ] || fail "keywords missing from the cheat sheet: $missing"
  extra=$(comm -13 "$out/keywords.txt" "$out/table.txt")
  [ -z "$extra" ] || fail "words in the cheat sheet's table that are no keyword: $extra"
  awk '/^```syzba/ {on = 1; next} /^```/ {on = 0} on' "$sheet" >"$out/example.syzba"
  "$syzba" compile "$out/example.syzba" -o "$out/example.bpmn" || fail "the cheat sheet's example does not compile"
  "$syzba" check "$out/example.syzba" >/dev/null || fail "the cheat sheet's example has errors"
  echo "package cheatsheet: $(wc -l <"$out/keywords.txt") spellings, all in the table; the example compiles"
  ;;

*)
  fail "unknown step"
  ;;
esac
