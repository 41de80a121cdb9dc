#!/bin/sh
# What the browser tests (tests/test_browser.py) need, installed only when missing,
# so `make test` runs them on a fresh machine. `make test` calls this; CI does too.
#   - Debian's chromium at /usr/bin/chromium (Playwright drives it; we never let
#     Playwright download a browser of its own);
#   - axe-core from the npm registry, pinned by package-lock.json, installed with
#     `npm ci` into tests/browser/node_modules (the tests inject it from there,
#     never from a CDN). A stamp keeps this to once per lock-file change.
# The Python side (playwright) comes with the `[test]` extra in pyproject.toml.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "The browser tests need Debian's chromium; run as root: $*" >&2; exit 1
    fi
}

if [ ! -x /usr/bin/chromium ]; then
    if ! command -v apt-get >/dev/null; then
        echo "The browser tests need Chromium at /usr/bin/chromium; install it with your system's package manager." >&2
        exit 1
    fi
    echo "Installing Debian's chromium for the browser tests (once)..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi

if ! command -v npm >/dev/null; then
    if ! command -v apt-get >/dev/null; then
        echo "The browser tests need Node.js and npm (for axe-core); please install them." >&2
        exit 1
    fi
    echo "Installing Node.js and npm for the browser tests (once)..."
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi

stamp="$here/node_modules/.installed"
if [ ! -f "$stamp" ] || [ "$here/package-lock.json" -nt "$stamp" ]; then
    (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    touch "$stamp"
fi
