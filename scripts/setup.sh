#!/usr/bin/env bash
# Installs what building and testing need on a fresh Debian machine:
# the wasm target, the pinned wasm-bindgen CLI, the browsers and the npm packages.
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

# The browsers, from Debian's packages:
# - Chromium for the browser tests (Playwright drives it; CHROME_PATH
#   overrides) and its driver for the wasm tests (CHROMEDRIVER overrides);
# - Firefox ESR and WebKitGTK's WebDriver with its MiniBrowser, in an Xvfb
#   display, for the cross-engine tests (FIREFOX_PATH, WEBKIT_DRIVER and
#   WEBKIT_BROWSER override);
# - a font with Chinese glyphs.
packages=()
if [ -z "${CHROME_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  packages+=(chromium)
fi
if [ -z "${CHROMEDRIVER:-}" ] && ! command -v chromedriver >/dev/null 2>&1; then
  packages+=(chromium-driver)
fi
if [ -z "${FIREFOX_PATH:-}" ] && ! command -v firefox-esr >/dev/null 2>&1; then
  packages+=(firefox-esr)
fi
if [ -z "${WEBKIT_DRIVER:-}" ] && ! command -v WebKitWebDriver >/dev/null 2>&1; then
  packages+=(webkit2gtk-driver)
fi
if ! command -v Xvfb >/dev/null 2>&1; then
  packages+=(xvfb)
fi
# A Chinese font, so that the tests lay out and read real glyphs.
if [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  packages+=(fonts-droid-fallback)
fi
if [ "${#packages[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
  else
    echo "Missing browsers or tools: install Debian's ${packages[*]} (or set CHROME_PATH, CHROMEDRIVER, FIREFOX_PATH, WEBKIT_DRIVER)." >&2
    exit 1
  fi
fi

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi
