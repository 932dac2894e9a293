#!/usr/bin/env bash
# Run the test suite: unit tests, and integration tests on a real Apache Kafka the suite starts
# itself (Java 17 + Maven needed; jars are cached in ~/.cache/khabar/kafka-jars). Tests needing
# ../shared skip with a reason when it is absent. Extra arguments go to pytest, e.g.
#   scripts/test.sh tests/shell -k broker
#   scripts/test.sh -m 'not integration'      # no broker, no Java
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  echo "no .venv: run .ci/run, or: python3.11 -m venv .venv && .venv/bin/pip install -e '.[dev,local]'" >&2
  exit 2
fi
# importlib mode: test files in different folders may share a basename (tests/core/*/test_countries.py)
# and tests/ has no __init__.py files. The -W filters mute kafka-python's importlib.resources noise.
set +e
.venv/bin/python -m pytest -q --import-mode=importlib \
  -W "ignore:read_text is deprecated:DeprecationWarning" \
  -W "ignore:open_text is deprecated:DeprecationWarning" \
  "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: treating that as a failure" >&2
  exit 1
fi
exit "$status"
