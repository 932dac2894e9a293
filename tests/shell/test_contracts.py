"""The checked-in protobuf code must match what scripts/gen_proto.sh generates from proto/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_generated_code_is_up_to_date(tmp_path: Path) -> None:
    env_path = str(Path(sys.executable).parent)  # protoc-gen-mypy lives beside the interpreter
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "gen_proto.sh"), str(tmp_path)],
        check=True,
        capture_output=True,
        env={"PATH": f"{env_path}:/usr/bin:/bin"},
    )
    fresh = sorted(
        p.relative_to(tmp_path / "khabar" / "v1") for p in (tmp_path / "khabar" / "v1").glob("*_pb2.py*")
    )
    assert fresh, "gen_proto.sh produced nothing"
    checked_in = ROOT / "services" / "khabar" / "v1"
    stale = [
        str(name)
        for name in fresh
        if not (checked_in / name).exists()
        or (checked_in / name).read_bytes() != (tmp_path / "khabar" / "v1" / name).read_bytes()
    ]
    assert not stale, f"stale generated code, run scripts/gen_proto.sh: {stale}"
    extra = sorted(p.name for p in checked_in.glob("*_pb2.py*") if Path(p.name) not in fresh)
    assert not extra, f"generated files without a .proto: {extra}"
