#!/usr/bin/env bash
# Install everything the dashboard, the command line and the tests need, on a fresh
# Debian or Ubuntu machine with Python 3.11: Debian's Chromium (browser tests) and
# poppler-utils (the handout PDF test), then the pinned Python packages and this package
# in a virtual environment, .venv/, so it works where the system Python refuses `pip
# install` (an "externally managed environment", as on current Debian and Ubuntu).
# Safe to run again; it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
# Debian splits the standard library's venv/ensurepip into its own package.
python3 -c "import ensurepip, venv" 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
    $apt_get update -qq
    DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq "${missing[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
pip=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)
"${pip[@]}" -r requirements.txt
# The package itself, editable: `import analysis` works from any folder in this environment.
"${pip[@]}" --no-deps --no-build-isolation -e .
