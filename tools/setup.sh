#!/usr/bin/env bash
# Installs what building (and, with "test", testing) Samiksha needs, skipping whatever is
# already there, so it is slow once on a fresh machine and instant afterwards.
#   tools/setup.sh build   wasm32 target, Trunk, the matching wasm-bindgen CLI, wasm-split-cli, npm tools
#   tools/setup.sh test    all of the above plus Chromium, ChromeDriver and Devanagari fonts
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-build}"
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
say() { printf 'setup: %s\n' "$*"; }

TRUNK_VERSION=0.21.14
# The CLI must equal the wasm-bindgen crate in Cargo.lock exactly, or Trunk tries a download.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

# Rust comes from rustup (this project's toolchain is stable 1.95); everything else is installed here.
command -v cargo >/dev/null && command -v rustup >/dev/null || { say "cargo and rustup are needed: install them from https://rustup.rs and run again"; exit 1; }
# Node runs the build hook, the test driver (node:test, version 18 or newer) and npm's tools.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing nodejs and npm with apt"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm
fi
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' || { say "Node 18 or newer is needed (found $(node --version))"; exit 1; }
if ! rustup target list --installed 2>/dev/null | grep -x wasm32-unknown-unknown >/dev/null; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! trunk --version 2>/dev/null | grep "$TRUNK_VERSION" >/dev/null; then
  say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if ! wasm-bindgen --version 2>/dev/null | grep "$WASM_BINDGEN_VERSION" >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: one of its locked dependencies is no longer in the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
# Cuts the viewer's wasm into its modules (the first, the app's, the other views', the shared
# one: tools/split.mjs), between
# cargo and wasm-bindgen, where Trunk 0.21 has no step of its own. Leptos's own splitter, the
# version its `wasm_split_helpers` in Cargo.lock speaks to (about 2 minutes on 2 cores).
WASM_SPLIT_VERSION=0.2.4
# (The CLI has no --version; cargo's list of what it installed says it.)
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -x "wasm_split_cli_support v$WASM_SPLIT_VERSION:" >/dev/null; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/exceljs ] || [ ! -d node_modules/fflate ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (binaryen's wasm-opt, esbuild, playwright-core, axe-core, lighthouse, d3, topojson-client, exceljs, fflate)"
  npm ci --no-audit --no-fund
fi

if [ "$mode" = test ]; then
  # `make test` starts with `cargo fmt --check` and clippy; a minimal rustup profile has neither.
  for component in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep "^$component" >/dev/null; then
      say "adding the $component component"
      rustup component add "$component"
    fi
  done
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  # Without a Devanagari font headless Chromium draws Hindi as empty boxes.
  [ -f /usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf ] || missing+=(fonts-noto-core)
  # The printed briefing pack's test reads the PDF's pages and text with pdfinfo and pdftotext.
  [ -x /usr/bin/pdftotext ] || missing+=(poppler-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} with apt"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  fi
fi
say "ready ($mode)"
