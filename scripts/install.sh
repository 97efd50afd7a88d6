#!/usr/bin/env bash
# Install everything the dashboard, the command line and the tests need, on a fresh
# Debian machine with Python 3.11: Chromium for the browser tests, poppler-utils for the
# handout PDF test, then the pinned Python packages. Safe to run again; it skips what is
# already there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
if ! command -v chromium >/dev/null 2>&1; then
    $apt_get update -qq
    DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq chromium >/dev/null
fi
# poppler-utils: pdftoppm turns the classroom handout PDF into images in the tests.
if ! command -v pdftoppm >/dev/null 2>&1; then
    $apt_get update -qq
    DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq poppler-utils >/dev/null
fi
python3 -m pip install --quiet --disable-pip-version-check -r requirements.txt
