"""Reading article files and folders (with an optional manifest.csv), and the bundled
sample.
"""

from collections.abc import Iterable
from importlib.resources import files as package_files
from pathlib import Path

from ..errors import InputError, ManifestError
from .article import Article
from .make import ARTICLE_SUFFIXES, read_article
from .manifest import MANIFEST, manifest_rows

# The bundled sample: five articles on US pressure over India's purchase of the S-400
# (the repository's seeds/ folder, shipped inside the package).
SAMPLE = Path(str(package_files("analysis").joinpath("data", "sample")))


def load(*paths: str | Path) -> list[Article]:
    """Articles from files and folders (every .txt, .md, .html, .htm in a folder); with no
    path, the bundled sample.

    A folder's `manifest.csv` (columns file, outlet, title, date, url, outlet_country,
    note; only `file` required) supplies metadata. Raises InputError for the first file
    that cannot be read; use `load_each` to collect failures instead.
    """
    articles, failures = load_each(*paths)
    if failures:
        raise failures[0]
    return articles


def load_each(*paths: str | Path) -> tuple[list[Article], list[InputError]]:
    """Like `load`, but returns the readable articles and an error for each failure.

    A malformed manifest is reported and its folder's articles are still read, without
    the manifest's metadata: nothing readable is dropped.
    """
    articles: list[Article] = []
    failures: list[InputError] = []
    for path in map(Path, paths or (SAMPLE,)):
        if path.is_dir():
            folder = path
            files = sorted(_article_files(path))
            if not files:
                kinds = ", ".join(ARTICLE_SUFFIXES)
                failures.append(InputError(str(path), f"no article files ({kinds}) in this folder"))
                continue
        elif path.is_file():
            folder, files = path.parent, [path]
        else:
            failures.append(InputError(str(path), "no such file or folder"))
            continue
        manifest: dict[str, tuple[int, dict[str, str]]] = {}
        if (folder / MANIFEST).is_file():
            try:
                manifest = manifest_rows(folder / MANIFEST)
            except InputError as error:
                reason = f"{error.reason}; the articles were read without the manifest"
                failures.append(ManifestError(error.source, reason))
        if path.is_dir():
            failures.extend(_unmatched_entries(folder / MANIFEST, manifest, files))
        for file in files:
            try:
                articles.append(read_article(file, **manifest.get(file.name, (0, {}))[1]))
            except InputError as error:
                failures.append(error)
    return articles, failures


def _article_files(folder: Path) -> Iterable[Path]:
    return (p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())


def _unmatched_entries(
    manifest_path: Path, manifest: dict[str, tuple[int, dict[str, str]]], files: list[Path]
) -> list[ManifestError]:
    """An error for each manifest row naming a file the folder does not hold (a typo
    there would silently drop that article's metadata)."""
    names = {file.name for file in files}
    return [
        ManifestError(
            str(manifest_path), f"line {line}, column `file`: no article file `{name}` here"
        )
        for name, (line, _) in manifest.items()
        if name not in names
    ]
