"""Coverage-guided fuzzing of the loaders and analyzers (atheris, libFuzzer's engine).

    python -m tests.fuzz.run                      # every target, 80 s (the CI budget)
    python -m tests.fuzz.run --seconds 3600       # longer
    python -m tests.fuzz.run paste --seconds 60   # one target

The targets (tests/fuzz/targets.py) share one process: the first byte of an input picks
the target. Fuzzing starts from the seed articles, the bundled codebooks and every kept
regression. A crash stops the run with the traceback, prints the input and saves it in
the work folder; copy it to `tests/fuzz/regressions/<target>/` (without its first byte)
so `tests/test_fuzz_regressions.py` replays it on every test run, then fix the bug.
"""

import argparse
import base64
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
REGRESSIONS = HERE / "regressions"
DEFAULT_SECONDS = 80
# Any single input taking longer than this is a crash too (a runaway regex, say).
INPUT_TIMEOUT_S = 20
MAX_INPUT_BYTES = 8192
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED_FILES = {
    "upload": [*SEEDS, *sorted((ROOT / "tests" / "articles").glob("*"))],
    "paste": SEEDS,
    "manifest": [ROOT / "seeds" / "manifest.csv"],
    "codebook": [
        *sorted((ROOT / "analysis" / "data" / "codebooks").glob("*.toml")),
        *sorted((ROOT / "tests" / "data" / "hostile").glob("*.toml")),  # issue 20's findings
    ],
    "comparison": [SEEDS[0].read_bytes()[:3000] + b"\x00" + SEEDS[1].read_bytes()[:3000]],
}


def fuzz(names: list[str], seconds: int, corpus: Path, artifacts: Path) -> None:
    """In the child process: atheris on the chosen targets until the time is up."""
    import atheris

    with atheris.instrument_imports(include=["analysis"]):
        from tests.fuzz.targets import TARGETS, dispatch

    atheris.Setup(
        [
            sys.argv[0],
            f"-max_total_time={seconds}",
            f"-timeout={INPUT_TIMEOUT_S}",
            f"-max_len={MAX_INPUT_BYTES}",
            "-rss_limit_mb=4096",
            f"-artifact_prefix={artifacts}/",
            str(corpus),
        ],
        dispatch([TARGETS[name] for name in names]),
    )
    atheris.Fuzz()


def seed_corpus(names: list[str], folder: Path) -> None:
    """Seeds and kept regressions, each behind the byte that routes it to its target."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, name in enumerate(names):
        route = bytes([index])
        kept = sorted((REGRESSIONS / name).glob("*")) if (REGRESSIONS / name).is_dir() else []
        for number, seed in enumerate([*SEED_FILES[name], *kept]):
            data = seed if isinstance(seed, bytes) else seed.read_bytes()
            if name == "upload" and seed not in kept:
                data = b"\x00" + data  # the name byte: story.txt
            (folder / f"{name}-{number}").write_bytes((route + data)[:MAX_INPUT_BYTES])


def main() -> int:
    from tests.fuzz.targets import TARGETS

    parser = argparse.ArgumentParser(
        prog="python -m tests.fuzz.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("targets", nargs="*", metavar="TARGET", help=", ".join(TARGETS))
    parser.add_argument("--seconds", type=int, default=DEFAULT_SECONDS, help="time budget")
    args = parser.parse_args()
    names = args.targets or list(TARGETS)
    unknown = set(names) - set(TARGETS)
    if unknown:
        parser.error(f"unknown target(s) {sorted(unknown)}; choose from {', '.join(TARGETS)}")
    work = Path(tempfile.mkdtemp(prefix="fuzz-"))
    seed_corpus(names, work / "corpus")
    command = [sys.executable, "-m", "tests.fuzz.run", "--child", str(args.seconds), str(work)]
    print(f"fuzzing {', '.join(names)} for {args.seconds} s (work folder {work})", flush=True)
    result = subprocess.run([*command, *names], cwd=ROOT, capture_output=True, text=True)
    print("  " + summary(result.stderr), flush=True)
    if result.returncode == 0:
        shutil.rmtree(work)
        return 0
    print(result.stderr[-8000:], file=sys.stderr)
    for crash in sorted(work.glob("crash-*")) + sorted(work.glob("timeout-*")):
        data = crash.read_bytes()
        target = names[data[0] % len(names)] if data else names[0]
        print(
            f"\n{target} crashed on {crash} (base64: {base64.b64encode(data[1:]).decode()});"
            f" keep it: save those bytes, without the first one, in {REGRESSIONS / target}/",
            file=sys.stderr,
        )
    return 1


def summary(log: str) -> str:
    """libFuzzer's closing line: how many inputs ran and how fast."""
    done = [line for line in log.splitlines() if line.startswith(("#", "Done"))]
    return done[-1] if done else "(no summary from the fuzzer)"


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        seconds, work, names = int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:]
        fuzz(names, seconds, work / "corpus", work)
    else:
        sys.exit(main())
