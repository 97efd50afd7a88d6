"""The words the attribution rules rely on: reporting verbs (knowledge.verbs), roles
(roles.tsv), the word lists of attribution.toml, and what the knowledge pack knows of the
world (knowledge.load_knowledge): countries with their names, demonyms, capitals and seats
of power, international bodies and national institutions. organizations.tsv adds the
outlets, companies and think tanks the sources layer needs and the name patterns
(`* Ministry`); nationalities.tsv the spellings the pack lacks (`Washington-based`) and
the cities that place an organisation.
"""

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, cast

from ..knowledge import load_knowledge
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


AGED = re.compile(r"(?:\d+-)?year-old(s?)")


def role_entry(role: str) -> tuple[str, bool]:
    """(speaker type or `organization`, plural) of a role; `34-year-old` is a person of
    no stated post; ("", False) for no role."""
    aged = AGED.fullmatch(role)
    if aged:
        return "other", bool(aged.group(1))
    return roles().get(role, ("", False))


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


# How each kind of international body speaks: an organisation or agency as `international`
# (with its own code as country), an international NGO as `civil_society` (of no country:
# the guideline gives codes to intergovernmental bodies); a bloc (the G7, small island
# states) is a group of states, an official voice of no one country. An international
# sports body (the IOC, FIFA) governs its sport across countries: `international`, with
# its own code.
BODY_TYPES: dict[str, tuple[SpeakerType, bool]] = {
    "international": ("international", True),
    "sport": ("international", True),
    "ngo": ("civil_society", False),
    "bloc": ("official", False),
}


@cache
def _organizations() -> tuple[dict[str, Organization], tuple[_NamePattern, ...]]:
    """Every organisation name the rules know: the pack's international bodies (their
    names and aliases) first, then organizations.tsv, then the pack's national
    institutions."""
    pack = load_knowledge()
    names: dict[str, Organization] = {}
    for body in pack.bodies.values():
        body_type, own_code = BODY_TYPES[body.kind]
        for alias in (body.name, *body.aliases):
            names[alias] = Organization(alias, body_type, body.code if own_code else "")
    patterns = []
    for name, listed_type, country, *_ in load_tsv("organizations.tsv"):
        org = Organization(name, cast(SpeakerType, listed_type), country)
        if "*" in name:
            words = r"(?:[A-Z][\w’'\-.&]*\s+){0,4}?[A-Z][\w’'\-.&]*"
            regex = r"\s+".join(words if part == "*" else re.escape(part) for part in name.split())
            fixed = tuple(part for part in name.split() if part != "*")
            patterns.append(_NamePattern(re.compile(rf"\b{regex}(?!\w)"), org, fixed))
        else:
            names.setdefault(name, org)
    for institution in pack.institutions:
        names.setdefault(
            institution.name,
            Organization(
                institution.name, cast(SpeakerType, institution.speaker_type), institution.country
            ),
        )
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
    listed = None
    for match in _organization_pattern().finditer(text):
        found = match.group()
        org = names.get(found) or (_names_in_lower_case()[found.lower()] if " " in found else None)
        if org:
            listed = Organization(found, org.speaker_type, org.country), match.start(), match.end()
            break
    patterned = _pattern_organization(text)
    if patterned is None:
        return listed
    org, start, end, head = patterned
    if listed is None:
        return org, start, end
    if head < listed[1] <= end + 1 and text[end : listed[1]].strip() == "":
        # a listed word that goes on a longer name: `Writers Guild of America West`
        end = max(end, listed[2])
        name = re.sub(r"^(?:The|A|An)\s+", "", text[start:end])
        return Organization(name, org.speaker_type, org.country), start, end
    return listed


def _pattern_organization(text: str) -> tuple[Organization, int, int, int] | None:
    """The leftmost, then longest, organisation name pattern matching in `text`, with where
    its last fixed word (`Guild` in `* Guild of *`) ends."""
    candidates = [
        (
            m.start() + _article_length(m.group()),
            m.start() - m.end(),
            number,
            m,
            pattern.organization,
        )
        for word, numbered in _patterns_by_word().items()
        if word in text
        for number, pattern in numbered
        if (m := pattern.search(text))
    ]
    if not candidates:
        return None
    _, _, number, match, org = min(candidates, key=lambda item: item[:3])
    name = re.sub(r"^(?:The|A|An)\s+", "", match.group())
    last = _organizations()[1][number].fixed[-1]
    head = match.start() + match.group().rfind(last) + len(last)
    return Organization(name, org.speaker_type, org.country), match.start(), match.end(), head


def _article_length(name: str) -> int:
    """The length of a leading `The ` a name pattern took in (`The Royal College` starts
    where `Royal College of Surgeons` does)."""
    article = re.match(r"(?:The|A|An)\s+", name)
    return article.end() if article else 0


# A capital or seat that is also a first name (Victoria, Douglas, Hamilton) and a short
# demonym noun that is one (Dane, Finn, Scot) name a person far more often than a country.
MAX_AMBIGUOUS_DEMONYM = 4


@cache
def nationalities() -> dict[str, tuple[str, str]]:
    """Country name, demonym, capital or seat of power as printed → (ISO code, form):
    `name`, `adjective`, `capital`, `seat` (`Kremlin`, `Downing Street`), or `city` (a
    city that places an organisation but never speaks). From the knowledge pack, with
    nationalities.tsv's rows where the pack has none."""
    pack = load_knowledge()
    first_names = pack.first_names
    table: dict[str, tuple[str, str]] = {}
    for term, code, form, *_ in load_tsv("nationalities.tsv"):
        table[term] = (code, form)
    for country in pack.countries.values():
        forms = (
            [(t, "name") for t in (country.name, *country.names)]
            + [(t, "adjective") for t in country.demonyms]
            + [(t, "capital") for t in country.capitals]
            + [(t, "seat") for t in country.seats]
        )
        for term, form in forms:
            if term in first_names and (
                form in ("capital", "seat")
                or (form == "adjective" and len(term) <= MAX_AMBIGUOUS_DEMONYM)
            ):
                continue
            table.setdefault(term, (country.code, form))
    return table


@cache
def _nationality_pattern() -> re.Pattern[str]:
    alternatives = trie_pattern(nationalities())
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")


_BASED = re.compile(r"\b((?:[A-Z][\w.]*\s)?[A-Z][\w.]*)-based\b")


@cache
def _region_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])(?:{trie_pattern(load_knowledge().regions)})(?![\w])")


def find_country(text: str) -> str:
    """ISO code of the first country, demonym, capital or seat in `text`, else of a state
    or province of a federal country (`Maryland Gov.`), else of a city in `<City>-based`,
    or ""."""
    match = _nationality_pattern().search(text)
    if match:
        return nationalities()[match.group()][0]
    region = _region_pattern().search(text)
    if region:
        return load_knowledge().regions[region.group()]
    based = _BASED.search(text)  # `a Nairobi-based analyst`: a city the list lacks
    return load_knowledge().cities.get(based.group(1), "") if based else ""


def is_place(term: str) -> bool:
    """A country, demonym, capital, seat or listed city."""
    return term in nationalities()


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
    """A function word no speaker phrase runs across (`after`, `in`, `who`); an acronym
    in capitals is a name (`WHO`, `IT`)."""
    if len(token) > 1 and token.isupper():
        return False
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
