"""Reading article files and folders (with an optional manifest.csv), and the bundled
sample.
"""

from importlib.resources import files as package_files
from pathlib import Path

from ..errors import InputError, ManifestError
from .article import Article
from .fetch import fetch_article, is_web_address
from .make import ARTICLE_SUFFIXES, read_article
from .manifest import MANIFEST, manifest_rows

# The bundled sample: five articles on US pressure over India's purchase of the S-400
# (the repository's seeds/ folder, shipped inside the package).
OUTSIDE = "a link to a file outside this folder; not read"
SAMPLE = Path(str(package_files("analysis").joinpath("data", "sample")))


def load(*paths: str | Path, allow_private: bool | None = None) -> list[Article]:
    """Articles from files, folders (every .txt, .md, .html, .htm in a folder) and web
    addresses (http/https, fetched: `corpus.fetch`, which refuses private network
    addresses unless `allow_private`); with no path, the bundled sample.

    A folder's `manifest.csv` (columns file, outlet, title, date, url, outlet_country,
    note; only `file` required) supplies metadata. Raises InputError for the first file
    that cannot be read; use `load_each` to collect failures instead.
    """
    articles, failures = load_each(*paths, allow_private=allow_private)
    if failures:
        raise failures[0]
    return articles


def load_each(
    *paths: str | Path, allow_private: bool | None = None
) -> tuple[list[Article], list[InputError]]:
    """Like `load`, but returns the readable articles and an error for each failure.

    A malformed manifest is reported and its folder's articles are still read, without
    the manifest's metadata: nothing readable is dropped.
    """
    articles: list[Article] = []
    failures: list[InputError] = []
    for given in paths or (SAMPLE,):
        if isinstance(given, str) and is_web_address(given):
            try:
                articles.append(fetch_article(given, allow_private=allow_private)[0])
            except InputError as error:
                failures.append(error)
            continue
        path = Path(given)
        if path.is_dir():
            folder = path
            files, outside = folder_files(path)
            failures.extend(InputError(str(f), OUTSIDE) for f in outside)
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
        if (folder / MANIFEST).is_file() and not within(folder, folder / MANIFEST):
            failures.append(ManifestError(str(folder / MANIFEST), OUTSIDE))
        elif (folder / MANIFEST).is_file():
            try:
                manifest = manifest_rows(folder / MANIFEST)
            except InputError as error:
                reason = f"{error.reason}; the articles were read without the manifest"
                failures.append(ManifestError(error.source, reason))
        if path.is_dir():
            failures.extend(unmatched_entries(folder / MANIFEST, manifest, files))
        for file in files:
            try:
                articles.append(read_article(file, **manifest.get(file.name, (0, {}))[1]))
            except InputError as error:
                failures.append(error)
    return articles, failures


def folder_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """The article files of a folder, sorted, and those that are links to a file outside
    it (a `passwd.txt` pointing at /etc/passwd), which are not read."""
    found = sorted(
        p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
    )
    return [p for p in found if within(folder, p)], [p for p in found if not within(folder, p)]


def within(folder: Path, path: Path) -> bool:
    """Whether `path`, links followed, is inside `folder` (links followed too)."""
    return path.resolve().is_relative_to(folder.resolve())


def unmatched_entries(
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
