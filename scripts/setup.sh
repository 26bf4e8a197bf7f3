#!/usr/bin/env bash
# Installs what building and testing need on a fresh Debian machine:
# the wasm target, the pinned wasm-bindgen CLI, Chromium and the npm packages.
# Each step is skipped when already done, so repeated runs are quick.
set -euo pipefail
cd "$(dirname "$0")/.."

# (Lists are read whole before grep: `grep -q` closing a pipe early would
# fail the pipeline under pipefail.)
targets=$(rustup target list --installed)
if ! grep -qx wasm32-unknown-unknown <<<"$targets"; then
  rustup target add wasm32-unknown-unknown
fi
components=$(rustup component list --installed)
for component in rustfmt clippy; do
  if ! grep -q "^$component" <<<"$components"; then
    rustup component add "$component"
  fi
done

# The CLI must match the crate's pinned wasm-bindgen exactly.
want=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
if [ -n "$want" ] && [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
  cargo install wasm-bindgen-cli --version "$want"
fi

# Chromium for the browser tests (Playwright drives it; CHROME_PATH overrides)
# and its driver for the wasm tests (CHROMEDRIVER overrides).
need_browser=
if [ -z "${CHROME_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  need_browser=1
fi
if [ -z "${CHROMEDRIVER:-}" ] && ! command -v chromedriver >/dev/null 2>&1; then
  need_browser=1
fi
if [ -n "$need_browser" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  else
    echo "Chromium is missing: install Debian's chromium and chromium-driver, or set CHROME_PATH and CHROMEDRIVER." >&2
    exit 1
  fi
fi

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
