"""The words the attribution rules rely on, read from data files: reporting verbs
(knowledge.verbs), roles (roles.tsv), organisations (organizations.tsv), nationalities
(nationalities.tsv) and the word lists of attribution.toml.
"""

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from ..knowledge.trie import trie_pattern
from ..resources import load_toml, load_tsv
from .memo import per_article
from .model import SpeakerType
from .tokens import Token


@dataclass(frozen=True)
class Organization:
    name: str
    speaker_type: SpeakerType
    country: str


# --- lexicons ---------------------------------------------------------------------------


@cache
def roles() -> dict[str, tuple[str, bool]]:
    """Role (lower case, singular and plural) → (speaker type or `organization`, plural)."""
    table: dict[str, tuple[str, bool]] = {}
    for role, speaker_type, *_ in load_tsv("roles.tsv"):
        singular, *plural = role.split("|")
        plural = plural or [plural_of(singular)]
        table.setdefault(singular.lower(), (speaker_type, False))
        for form in plural:
            table.setdefault(form.lower(), (speaker_type, True))
    return table


def plural_of(noun: str) -> str:
    last = noun.rsplit(" ", 1)[-1]
    if noun.endswith("."):
        return noun
    if last == "person":
        return noun[: -len("person")] + "people"
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if last.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if last.endswith("man"):
        return noun[:-3] + "men"
    return noun + "s"


@dataclass(frozen=True)
class _NamePattern:
    """A name pattern of organizations.tsv (`* Ministry`, `Ministry of *`)."""

    regex: re.Pattern[str]
    organization: Organization
    fixed: tuple[str, ...]  # its literal words: a text without one of them cannot match

    def search(self, text: str) -> re.Match[str] | None:
        for word in self.fixed:
            if word not in text:
                return None
        return self.regex.search(text)


@cache
def _organizations() -> tuple[dict[str, Organization], tuple[_NamePattern, ...]]:
    names: dict[str, Organization] = {}
    patterns = []
    for name, speaker_type, country, *_ in load_tsv("organizations.tsv"):
        org = Organization(name, cast(SpeakerType, speaker_type), country)
        if "*" in name:
            words = r"(?:[A-Z][\w’'\-.&]*\s+){0,4}?[A-Z][\w’'\-.&]*"
            regex = r"\s+".join(words if part == "*" else re.escape(part) for part in name.split())
            fixed = tuple(part for part in name.split() if part != "*")
            patterns.append(_NamePattern(re.compile(rf"\b{regex}(?!\w)"), org, fixed))
        else:
            names[name] = org
    return names, tuple(patterns)


@cache
def _patterns_by_word() -> dict[str, tuple[tuple[int, _NamePattern], ...]]:
    """The name patterns by their first literal word, numbered in file order: a text
    without any of these words is done with in a few substring tests."""
    _, patterns = _organizations()
    table: dict[str, list[tuple[int, _NamePattern]]] = {}
    for number, pattern in enumerate(patterns):
        table.setdefault(pattern.fixed[0], []).append((number, pattern))
    return {word: tuple(numbered) for word, numbered in table.items()}


@cache
def _names_in_lower_case() -> dict[str, Organization]:
    names, _ = _organizations()
    return {name.lower(): org for name, org in names.items()}


@cache
def pattern_heads() -> dict[str, SpeakerType]:
    """The fixed word of each name pattern (`* Ministry` → Ministry): "the Ministry said"."""
    _, patterns = _organizations()
    heads: dict[str, SpeakerType] = {}
    for pattern in patterns:
        org = pattern.organization
        fixed = [word for word in org.name.split() if word != "*" and word[:1].isupper()]
        if len(fixed) == 1:
            heads.setdefault(fixed[0], org.speaker_type)
    return heads


@cache
def _organization_pattern() -> re.Pattern[str]:
    """Any listed name, the longest where several match (in lower case, so that names
    differing only in case share their branch of the trie)."""
    names, _ = _organizations()
    alternatives = trie_pattern(name.lower() for name in names)
    return re.compile(rf"(?<![\w.]){alternatives}(?![\w])", re.IGNORECASE)


@per_article
def find_organization(text: str) -> tuple[Organization, int, int] | None:
    """The first organization named in `text` (listed names before name patterns; of
    these, the leftmost, then the longest).

    Listed names of several words match in any case ("state department"); a one-word
    name or acronym only as printed, so "dawn" is not the newspaper Dawn.
    """
    names, _ = _organizations()
    for match in _organization_pattern().finditer(text):
        found = match.group()
        org = names.get(found) or (_names_in_lower_case()[found.lower()] if " " in found else None)
        if org:
            return Organization(found, org.speaker_type, org.country), match.start(), match.end()
    candidates = [
        (m.start(), -len(m.group()), number, m, pattern.organization)
        for word, numbered in _patterns_by_word().items()
        if word in text
        for number, pattern in numbered
        if (m := pattern.search(text))
    ]
    if not candidates:
        return None
    _, _, _, match, org = min(candidates, key=lambda item: item[:3])
    name = re.sub(r"^(?:The|A|An)\s+", "", match.group())
    return Organization(name, org.speaker_type, org.country), match.start(), match.end()


@cache
def nationalities() -> dict[str, tuple[str, str]]:
    """Country name, capital or adjective as printed → (ISO code, form)."""
    return {term: (country, form) for term, country, form, *_ in load_tsv("nationalities.tsv")}


@cache
def _nationality_pattern() -> re.Pattern[str]:
    terms = sorted(nationalities(), key=len, reverse=True)
    return re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, terms))})(?![\w])")


def find_country(text: str) -> str:
    """ISO code of the first country, capital or nationality word in `text`, or ""."""
    match = _nationality_pattern().search(text)
    return nationalities()[match.group()][0] if match else ""


@cache
def words() -> dict[str, Any]:
    """The word lists of attribution.toml."""
    return load_toml("attribution.toml")


@cache
def word_set(section: str) -> frozenset[str]:
    """One `[words]` list of attribution.toml, lower-cased."""
    return frozenset(word.lower() for word in words()["words"][section])


@dataclass(frozen=True)
class Phrases:
    """A list of phrases of attribution.toml (`has also`, `close to`) to match on tokens,
    longest first; a token that starts (ends) no phrase is turned down at once."""

    by_length: tuple[tuple[int, frozenset[tuple[str, ...]]], ...]
    first_words: frozenset[str]
    last_words: frozenset[str]

    def length_at(self, tokens: list[Token], start: int) -> int:
        """Length of the longest phrase that starts at token `start` (≥ 0), else 0."""
        if start >= len(tokens) or tokens[start].lower not in self.first_words:
            return 0
        for length, phrases in self.by_length:
            if tuple(t.lower for t in tokens[start : start + length]) in phrases:
                return length
        return 0

    def length_before(self, tokens: list[Token], end: int, floor: int) -> int:
        """Length of the longest phrase that ends at token `end` and starts at `floor` or
        later, else 0."""
        if not floor <= end < len(tokens) or tokens[end].lower not in self.last_words:
            return 0
        for length, phrases in self.by_length:
            start = end - length + 1
            if start >= floor and tuple(t.lower for t in tokens[start : end + 1]) in phrases:
                return length
        return 0


@cache
def phrases(section: str) -> Phrases:
    """One `[words]` list of attribution.toml as Phrases."""
    listed = {tuple(phrase.lower().split()) for phrase in words()["words"][section]}
    lengths = sorted({len(phrase) for phrase in listed}, reverse=True)
    return Phrases(
        tuple((n, frozenset(p for p in listed if len(p) == n)) for n in lengths),
        frozenset(phrase[0] for phrase in listed),
        frozenset(phrase[-1] for phrase in listed),
    )


INITIAL = re.compile(r"[A-Z]\.")


def is_determiner(token: str) -> bool:
    return token.lower() in word_set("determiners") or token.isdigit()


def is_boundary(token: str) -> bool:
    return token.lower() in word_set("boundaries")


def is_title_word(token: str) -> bool:
    """Words of a title before a name: `Defense Secretary`, `Brig. Gen.`, `analyst`,
    `Russian`, `retired`."""
    return (
        token.lower() in word_set("title_words")
        or token.lower() in roles()
        or nationalities().get(token, ("", ""))[1] in ("adjective", "name")
    )


@cache
def anonymity_pattern() -> re.Pattern[str]:
    """Any phrase of anonymity, the longest where several match."""
    phrases = trie_pattern(phrase.lower() for phrase in words()["anonymity"])
    return re.compile(rf"\b{phrases}\b", re.IGNORECASE)
