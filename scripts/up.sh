#!/usr/bin/env bash
# Set up the virtualenv (first run only) and run the whole pipeline locally: an embedded broker,
# the three services, the sample articles in, events printed as JSON lines. Ctrl-C stops it all.
# Extra arguments go to `khabar up` (e.g. a path to ingest, or --exit-after-events N).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/khabar ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e '.[local]'
fi
if [ "$#" -eq 0 ]; then set -- samples; fi
exec .venv/bin/khabar up "$@"
