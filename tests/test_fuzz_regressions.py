"""Every input the fuzzer ever crashed on, replayed through its target (tests/fuzz/)."""

from pathlib import Path

import pytest

from .fuzz.targets import TARGETS

REGRESSIONS = Path(__file__).resolve().parent / "fuzz" / "regressions"
KEPT = sorted(path for path in REGRESSIONS.glob("*/*") if path.is_file())


@pytest.mark.parametrize("path", KEPT, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_a_kept_crash_no_longer_crashes(path):
    TARGETS[path.parent.name](path.read_bytes())


def test_every_kept_crash_names_a_target():
    assert {path.parent.name for path in KEPT} <= set(TARGETS)
