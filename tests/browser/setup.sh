#!/bin/sh
# What the browser tests (tests/test_browser.py) need, installed only when missing,
# so `make test` runs them on a fresh machine. `make test` calls this; CI does too.
#   - Debian's chromium at /usr/bin/chromium (Playwright drives it; we never let
#     Playwright download a browser of its own);
#   - axe-core and Pyodide from the npm registry, pinned by package-lock.json,
#     installed with `npm ci` into tests/browser/node_modules (the tests inject
#     axe-core from there, never from a CDN, and run Pyodide in Node). A stamp
#     keeps this to once per lock-file change;
#   - micropip's wheel from PyPI (see below);
#   - JupyterHub's proxy, configurable-http-proxy, for the hub test (tests/test_hub.py)
#     and `make hub-bench`: from the npm registry, pinned by hub/package-lock.json,
#     installed with `npm ci` into hub/node_modules, where hub/jupyterhub_config.py
#     finds it (the same stamp rule).
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

npm_ci() {  # $1: a folder with package.json and package-lock.json; once per change of its lock file
    stamp="$1/node_modules/.installed"
    if [ ! -f "$stamp" ] || [ "$1/package-lock.json" -nt "$stamp" ]; then
        (cd "$1" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
        touch "$stamp"
    fi
}
npm_ci "$here"
npm_ci "$here/../../hub"

# micropip for tests/test_lite_pyodide.py, which runs the notebooks' JupyterLite install
# code in real Pyodide (node_modules/pyodide, pinned above). Pyodide's own copy of micropip
# lives on its CDN, so the same version's wheel comes from PyPI, once.
micropip=$(cd "$here" && node -p 'require("./node_modules/pyodide/pyodide-lock.json").packages.micropip.version')
if [ ! -f "$here/wheels/micropip-$micropip-py3-none-any.whl" ]; then
    echo "Fetching micropip $micropip for the in-browser (Pyodide) test (once)..."
    rm -rf "$here/wheels"
    "${PYTHON:-python3}" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary :all: \
        --python-version 3.14 --dest "$here/wheels" "micropip==$micropip"
fi
