"""Fuzz targets: every entry point that takes what a user supplies, fed raw bytes.

Each target either returns (the input was read, or refused with a reason) or raises:
an unexpected exception or a broken invariant is a crash. The per-report checks are
those of the property tests (tests/invariants.py); the JSON schema is checked on the
comparison target only, as validating every report would halve the inputs tried.
`tests/fuzz/run.py` drives them with atheris; `tests/test_fuzz_regressions.py` replays
every crash kept in `tests/fuzz/regressions/<target>/`.
"""

import tempfile
from collections.abc import Callable
from pathlib import Path

from analysis import AnalysisError, InputError, analyze, article_from_bytes, compare, make_article
from analysis.corpus import read_manifest
from analysis.errors import DataFileError
from analysis.framing import parse_codebook
from analysis.report import as_json

from ..invariants import check_json, check_report, refused_with_a_reason

NAMES = ("story.txt", "page.html", "notes.md", "upload", "x.htm")
# A text for codebook inputs to score: quotes, actors, frame-like words.
PROBE = (
    "“Sanctions will hurt our economy,” the minister said. The US warned India over the "
    "S-400 deal, officials said, citing security and trade.\n\nRussia called it pressure."
)


def upload(data: bytes) -> None:
    """A file uploaded or read from disk (the name's suffix chosen by the first byte)."""
    name = NAMES[data[0] % len(NAMES)] if data else NAMES[0]
    try:
        article = article_from_bytes(data[1:], name)
    except InputError as error:
        refused_with_a_reason(error)
        return
    check_report(analyze(article), schema=False)


def paste(data: bytes) -> None:
    """Text pasted into the dashboard (any code points, lone surrogates included)."""
    text = data.decode("utf-8", errors="surrogateescape")
    try:
        article = make_article(text, title=text[:60], outlet=text[-30:])
    except InputError as error:
        refused_with_a_reason(error)
        return
    check_report(analyze(article), schema=False)


def manifest(data: bytes) -> None:
    """A folder's manifest.csv."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "manifest.csv"
        path.write_bytes(data)
        try:
            entries = read_manifest(path)
        except InputError as error:
            refused_with_a_reason(error)
            return
    assert all(name and "\n" not in name for name in entries)


def codebook(data: bytes) -> None:
    """An uploaded codebook, then an article scored with it."""
    try:
        loaded = parse_codebook(data.decode("utf-8", errors="replace"), "upload.toml")
    except DataFileError as error:
        assert "upload.toml" in str(error)
        return
    check_report(analyze(PROBE, codebook=loaded), schema=False)


def comparison(data: bytes) -> None:
    """Two or three pasted articles compared, in two orders: the same comparison."""
    texts = data.decode("utf-8", errors="replace").split("\x00")[:3]
    reports = []
    for number, text in enumerate(texts):
        try:
            reports.append(analyze(make_article(text, outlet="AB"[number % 2])))
        except AnalysisError:
            continue
    assert as_json(compare(reports)) == as_json(compare(reports[::-1]))
    check_json(reports)


TARGETS: dict[str, Callable[[bytes], None]] = {
    target.__name__: target for target in (upload, paste, manifest, codebook, comparison)
}


def dispatch(targets: list[Callable[[bytes], None]]) -> Callable[[bytes], None]:
    """One fuzz entry for several targets: the first byte picks the target, so a single
    process (one start-up) explores them all under one coverage map."""

    def one_input(data: bytes) -> None:
        if data:
            targets[data[0] % len(targets)](data[1:])

    return one_input
