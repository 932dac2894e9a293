#!/usr/bin/env bash
# Regenerate the Python protobuf code (and mypy stubs) from the wire contracts.
# Usage: scripts/gen_proto.sh [OUT_DIR]   (default: services, i.e. services/khabar/v1/)
# tests/shell/test_contracts.py runs this into a temp dir and fails when the checked-in code is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-services}"
mkdir -p "$out"
python -m grpc_tools.protoc -Iproto --python_out="$out" --mypy_out="$out" proto/khabar/v1/*.proto
