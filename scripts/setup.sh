#!/usr/bin/env bash
# Installs everything syzba needs on Debian 12: system packages (apt) and the
# Node packages the interop tests use (from the committed lockfile).
# Idempotent: packages already present are not installed again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential make cmake ninja-build pkg-config
  libpugixml-dev libboost-graph-dev libcli11-dev nlohmann-json3-dev libfmt-dev catch2
  libcairo2-dev libpango1.0-dev libfontconfig-dev libdeflate-dev
  # syzba import: DOCX regulations are zip archives (word/document.xml).
  libzip-dev
  # Fonts that cover Kazakh (ә ғ қ ң ө ұ ү һ і); Liberation Sans has Arial's metrics.
  fonts-liberation2 fonts-noto-core fonts-dejavu-core fonts-paratype
  # Tests: pdftotext reads the PDFs back; a real headless browser loads the SVGs and the
  # published pages; Java runs the W3C HTML validator (vnu.jar, from npm).
  poppler-utils chromium default-jre-headless
  # Fuzzing: clang with libFuzzer and the sanitizer runtimes.
  clang libclang-rt-14-dev
  hyperfine time
  # syzba serve: the HTTP server library; its tests: Python (an independent Kroki encoder and
  # HTTP client) and the load generators.
  libcpp-httplib-dev python3 wrk hey
  # The Debian packages and the installed library (make package, ctest -L package): CPack's
  # dpkg-shlibdeps and lintian, the API reference, man -l for the man pages, and the shells
  # whose completions are tested.
  dpkg-dev file lintian doxygen man-db bash zsh fish
)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Node packages for the interop tests (bpmn-moddle, bpmnlint), the browser tests
# (playwright-core drives Debian's chromium) and the editor grammar test (vscode-textmate),
# exactly as locked. The copy of the lockfile in node_modules records what was installed.
for dir in tests/interop tests/browser tests/editor; do
  lock=$dir/package-lock.json
  stamp=$dir/node_modules/.syzba-installed-lock
  if ! cmp -s "$lock" "$stamp" 2>/dev/null; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$lock" "$stamp"
  fi
done
echo "setup: done"
