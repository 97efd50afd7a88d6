"""The package works outside this repository: built as a wheel, installed on its own and run
from another folder, it reports the bundled sample (its data and sample travel with it)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_a_built_wheel_reports_the_sample_from_another_folder(tmp_path):
    built = run(
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        str(tmp_path),
        str(ROOT),
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("analysis-*.whl"))
    target = tmp_path / "site"
    installed = run(
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--no-index",
        "--target",
        str(target),
        str(wheel),
        cwd=tmp_path,
    )
    assert installed.returncode == 0, installed.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = run("-c", "import analysis; print(analysis.__file__)", cwd=elsewhere, env=env)
    assert where.stdout.startswith(str(target)), where.stdout + where.stderr
    report = run("-m", "analysis", "--format", "csv", cwd=elsewhere, env=env)
    assert report.returncode == 0, report.stderr
    outlets = [line.split(",")[2] for line in report.stdout.splitlines()[1:]]
    assert sorted(outlets) == sorted(
        ["RT", "Hindustan Times", "Asia Times", "Foreign Policy", "YourNewsWire"]
    )
    usage = run("-m", "analysis", "evaluate", cwd=elsewhere, env=env)
    assert usage.returncode == 2 and "GOLD" in usage.stderr
