"""Mentions of actors in one text: countries, international bodies, organisations, people
and social groups, each with the words the text uses.

No trained recogniser can be shipped here, so names are found by rules over the knowledge
pack (knowledge/pack.py):
- **Known names** (countries with their other names, demonyms, capitals and seats of
  power; international bodies; national institutions) are matched as whole words, the
  longest first.
- **Organisations** the pack does not know are capitalised phrases ending in an
  organisation's word (`Wagner Group`, `Competition and Markets Authority`), acronyms,
  and an acronym defined in parentheses is the same actor as its long form.
- **People** are capitalised phrases of two to four words with evidence that they name a
  person: a title before them (`Prime Minister Liz Truss`), a known first name, or a
  reporting verb or apposition after them. A later surname (`Truss`, `Ms Truss`) is the
  same person when only one person of the text has that surname. A title's country and
  role (`Ukrainian President …`) travel with the person.
- **Groups** are the social groups of the pack (`migrants`, `nurses`, `voters`).
Places (cities) are never actors: they only keep a capitalised word from being read as a
person.
"""

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Literal

from ..text import Span, SpanSet
from .pack import Knowledge, load_knowledge
from .trie import trie_pattern
from .verbs import reporting_verbs

ActorKind = Literal["country", "international", "organization", "person", "group"]
MAX_NAME_WORDS = 4
# A capitalised word used alone this often, and no one's surname, names an organisation.
SINGLE_NAME_REPEATS = 2
# How far on a surname is looked for again (characters): far beyond any article, and a
# bound that keeps a huge text linear.
REUSE_WINDOW = 50_000
# Lower-case words that may sit inside a name: `Bank of England`, `Osama bin Laden`.
CONNECTORS = frozenset(
    {
        "of",
        "for",
        "and",
        "the",
        "on",
        "de",
        "da",
        "del",
        "der",
        "den",
        "di",
        "dos",
        "du",
        "van",
        "von",
        "bin",
        "ibn",
        "al",
        "el",
        "la",
        "le",
        "abu",
    }
)
ORG_CONNECTORS = frozenset({"of", "for", "and", "the", "on"})
ABBREVIATED = frozenset(
    {
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Gen",
        "Sen",
        "Rep",
        "Gov",
        "Lt",
        "Col",
        "Maj",
        "Capt",
        "Prof",
        "St",
        "Jr",
        "Sr",
        "Rev",
        "Adm",
        "Brig",
        "Sgt",
        "Cmdr",
        "Sec",
    }
)
TOKEN = re.compile(r"[^\W\d_][\w’'\-]*\.?|\d[\w\-]*|[^\w\s]")
# `… Authority (CMA)`: the acronym a name defines right after it.
DEFINED_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z&]*[A-Z])\)")
POSSESSIVE = re.compile(r"[’']s?$")


@dataclass(frozen=True)
class Mention:
    """One place where the text names an actor, with the exact words used.

    `actor` identifies the actor within one text (an ISO code for a country, a body's
    code, `org:…`, `person:…`, `group:…`); `country` is the actor's country or body code
    where the text or the pack gives one; `role` a person's title (`president`)."""

    actor: str
    name: str
    kind: ActorKind
    country: str
    alias: str
    start: int
    end: int
    role: str = ""


@dataclass(frozen=True)
class _Known:
    actor: str
    name: str
    kind: ActorKind
    country: str


def find_mentions(text: str, knowledge: Knowledge | None = None) -> tuple[Mention, ...]:
    """Every actor mention in `text`, in reading order."""
    pack = knowledge or load_knowledge()
    known = list(_known_mentions(text, pack))
    named, defined = _named(text, pack, known)
    for mention in known:
        if mention.kind in ("organization", "international"):
            acronym = DEFINED_ACRONYM.match(text, mention.end)
            if acronym and acronym.group(1) != mention.alias:
                defined.setdefault(acronym.group(1), mention)
    # an acronym the text defines is its long form's, even when the pack knows it too
    known = [_as(defined[m.alias], m) if m.alias in defined else m for m in known]
    named = [_as(defined[m.alias], m) if m.alias in defined else m for m in named]
    orgs = _Index([m for m in named if m.kind == "organization"])
    # a longer organisation's name beats a known one inside it (`Hellenic Coast Guard`
    # over `Coast Guard`); country names inside it still count
    known = [m for m in known if m.kind == "country" or not orgs.holds_other(m)]
    found = known + named
    others = _spans(m for m in found if m.kind != "country")  # `Greek coast guard`: `Greek`
    found += [m for m in _institutions(text, pack) if not others.touches(m.start, m.end)]
    taken = _spans(found)
    found += [m for m in _groups(text, pack) if not taken.touches(m.start, m.end)]
    return tuple(sorted(found, key=lambda m: (m.start, -m.end)))


# --- known names ------------------------------------------------------------------------


@cache
def _known_table(pack: Knowledge) -> tuple[re.Pattern[str], dict[str, _Known]]:
    """Every name the pack knows, and what it names."""
    table: dict[str, _Known] = {}
    for institution in pack.institutions:
        if "*" not in institution.name:
            key = _org_id(institution.name)
            table.setdefault(
                institution.name,
                _Known(key, institution.name, "organization", institution.country),
            )
    for body in pack.bodies.values():
        for alias in (body.name, *body.aliases, body.code):
            table[alias] = _Known(body.code, body.name, "international", body.code)
    for country in pack.countries.values():
        for alias in (*country.seats, *country.capitals, *country.demonyms, *country.names):
            table[alias] = _Known(country.code, country.name, "country", country.code)
        table[country.name] = _Known(country.code, country.name, "country", country.code)
    names = [name for name in table if len(name) > 1 and not name.isdigit()]
    pattern = re.compile(rf"(?<![\w.]){trie_pattern(names)}(?!\w)")
    return pattern, table


def _known_mentions(text: str, pack: Knowledge) -> Iterator[Mention]:
    pattern, table = _known_table(pack)
    for match in pattern.finditer(text):
        entry = table[match.group()]
        yield Mention(
            entry.actor, entry.name, entry.kind, entry.country, match.group(), *match.span()
        )


def _org_id(name: str, country: str = "", pack: Knowledge | None = None) -> str:
    """An organisation's key: its name in lower case; for a country's institution named
    by a common noun (`Hellenic Coast Guard`, `Greek coast guard`), the country and the
    noun, so every way of naming it is one actor."""
    plain = " ".join(re.sub(r"^(?:the|The)\s+", "", name).lower().split())
    if country and pack is not None:
        noun = next((n for n in _institution_nouns(pack) if plain.endswith(n)), "")
        if noun:
            return f"org:{country} {noun}"
    return "org:" + plain


@cache
def _institution_nouns(pack: Knowledge) -> tuple[str, ...]:
    return tuple(sorted(pack.word_list("institution_nouns"), key=len, reverse=True))


# --- names the pack does not know -------------------------------------------------------


@dataclass
class _Run:
    """A run of capitalised tokens (with connectors inside), as (text, start, end)."""

    tokens: list[tuple[str, int, int]]
    sentence_start: bool

    @property
    def start(self) -> int:
        return self.tokens[0][1]

    @property
    def end(self) -> int:
        return self.tokens[-1][2]


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _runs(text: str, dates: frozenset[str] = frozenset()) -> Iterator[_Run]:
    """Runs of capitalised words, broken by punctuation and by known names; a connector
    never joins a day or month (`the Bank of England on Friday`)."""
    tokens = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]
    index = 0
    while index < len(tokens):
        word, start, end = tokens[index]
        if not _capitalised(word):
            index += 1
            continue
        previous = tokens[index - 1][0] if index else "."
        run = [(word, start, end)]
        index += 1
        while index < len(tokens):
            word, start, end = tokens[index]
            gap = text[run[-1][2] : start]
            ends_sentence = run[-1][0].endswith(".") and run[-1][0][:-1] not in ABBREVIATED
            if gap not in (" ", "") or (ends_sentence and len(run[-1][0]) > 2):
                break
            if _capitalised(word):
                run.append((word, start, end))
                index += 1
                continue
            # connectors only inside a name: `Bank of England`, never at its end
            following = index + 1
            while following < len(tokens) and tokens[following][0] in CONNECTORS:
                following += 1
            if (
                word in CONNECTORS
                and following < len(tokens)
                and _capitalised(tokens[following][0])
                and _strip(tokens[following][0]) not in dates
                and all(
                    text[tokens[i][2] : tokens[i + 1][1]] == " "
                    for i in range(index - 1, following)
                )
            ):
                run.extend(tokens[index : following + 1])
                index = following + 1
                continue
            break
        yield _Run(run, previous in '.!?“"‘:—–' or previous[:1] in "“\"'‘(")


def _strip(word: str) -> str:
    """A token as a name word: no possessive, no final period (unless an initial)."""
    word = POSSESSIVE.sub("", word)
    return word if re.fullmatch(r"[A-Z]\.", word) else word.rstrip(".")


@dataclass
class _Person:
    name: str
    words: tuple[str, ...]
    role: str
    country: str
    mentions: list[tuple[int, int, str]]


@dataclass
class _Found:
    """What the capitalised runs of one text name: people (by key), organisations, single
    words waiting to be told apart (with the title or honorific before them), and the
    acronyms the text defines."""

    people: dict[str, _Person]
    orgs: list[Mention]
    singles: list[tuple[str, int, int, str]]
    acronyms: dict[str, str]
    known: SpanSet  # the spans of the names the pack knows


def _named(
    text: str, pack: Knowledge, known: Sequence[Mention]
) -> tuple[list[Mention], dict[str, Mention]]:
    """People and organisations named in capitalised words the pack does not know, and the
    organisation each acronym the text defines stands for."""
    found = _Found({}, [], [], {}, _spans(known))
    index = _Index(known)
    for run in _runs(text, pack.word_list("dates")):
        for segment in _segments(run.tokens, pack, index):
            _read(text, segment, pack, index, found, run.sentence_start and segment is run.tokens)
    orgs = {m.actor: m for m in found.orgs}
    defined = {acronym: orgs[key] for acronym, key in found.acronyms.items() if key in orgs}
    return found.orgs + _people(text, pack, found), defined


def _segments(
    tokens: list[tuple[str, int, int]], pack: Knowledge, known: "_Index"
) -> Iterator[list[tuple[str, int, int]]]:
    """A run split where `and` joins two names: the part before it ends as an
    organisation's name does, or is a name the pack knows (`Wagner Group and Nord Stream
    AG`, `Hamas and the Israel Defense Forces`), not inside one name (`Competition and
    Markets Authority`)."""
    org_words = pack.word_list("org_words")
    start = 0
    for index, (word, _, _) in enumerate(tokens):
        if word != "and" or index == start:
            continue
        before = tokens[index - 1]
        whole = known.reach_from(tokens[start][1]) >= before[1]
        if _strip(before[0]) in org_words or whole:
            yield tokens[start:index]
            start = index + 1
    yield tokens[start:] if start else tokens


def _read(
    text: str,
    tokens: list[tuple[str, int, int]],
    pack: Knowledge,
    known: "_Index",
    found: _Found,
    sentence_start: bool,
) -> None:
    not_names, dates = pack.word_list("not_names"), pack.word_list("dates")
    while tokens and (
        tokens[0][0] in not_names or tokens[0][0] in CONNECTORS or _strip(tokens[0][0]) in dates
    ):
        tokens = tokens[1:]
        sentence_start = False
    while tokens and tokens[-1][0] in CONNECTORS:
        tokens = tokens[:-1]
    if not tokens:
        return
    words = [_strip(token[0]) for token in tokens]
    if any(word in pack.word_list("org_words") for word in words):
        _organization(text, tokens, pack, known, found)
        return
    for piece in _unknown_pieces(tokens, found.known):
        for part in _split(piece, ORG_CONNECTORS):  # no `and`, `of` inside a person's name
            _person_or_single(text, part, pack, found, sentence_start and part[0] == tokens[0])


def _not_a_person(word: str, pack: Knowledge) -> bool:
    """A word that makes a capitalised phrase a thing, time or place, not a person."""
    return word in pack.word_list("not_people") or word in pack.word_list("dates")


def _end(text: str, token: tuple[str, int, int]) -> int:
    """Where a token's name ends: before a possessive `'s` and a final period."""
    word, start, _ = token
    stripped = POSSESSIVE.sub("", word)
    stripped = stripped if re.fullmatch(r"[A-Z]\.", stripped) else stripped.rstrip(".")
    return start + len(stripped)


def _organization(
    text: str,
    tokens: list[tuple[str, int, int]],
    pack: Knowledge,
    known: "_Index",
    found: _Found,
) -> None:
    """A capitalised phrase holding an organisation's word: one organisation, unless the
    pack knows it already (then its known mention stands)."""
    start, end = tokens[0][1], _end(text, tokens[-1])
    if known.holds(start, end):
        return
    owner = known.first_country(start, start + 1)
    if owner and re.match(r"[’']s\s", text[owner.end : owner.end + 3]):
        start = owner.end + 3  # `Britain's Competition and Markets Authority`: the country's
    name = text[start:end]
    inside = known.first_country(tokens[0][1], end)
    country = inside.country if inside else _country_before(text, start, pack)
    key = _org_id(name, country, pack)
    found.orgs.append(Mention(key, name, "organization", country, name, start, end))
    defined = DEFINED_ACRONYM.match(text, end)
    if defined:
        found.acronyms[defined.group(1)] = key


def _split(
    tokens: list[tuple[str, int, int]], words: frozenset[str]
) -> Iterator[list[tuple[str, int, int]]]:
    part: list[tuple[str, int, int]] = []
    for token in tokens:
        if token[0] in words:
            if part:
                yield part
            part = []
        else:
            part.append(token)
    if part:
        yield part


def _unknown_pieces(
    tokens: list[tuple[str, int, int]], known: SpanSet
) -> Iterator[list[tuple[str, int, int]]]:
    """The stretches of a run the pack's known names leave (`WHO Director-General …`)."""
    piece: list[tuple[str, int, int]] = []
    for token in tokens:
        if known.touches(token[1], token[2]):
            if piece:
                yield piece
            piece = []
        else:
            piece.append(token)
    if piece:
        yield piece


def _person_or_single(
    text: str,
    tokens: list[tuple[str, int, int]],
    pack: Knowledge,
    found: _Found,
    sentence_start: bool,
) -> None:
    words = [_strip(token[0]) for token in tokens]
    # the title: up to its last title word (`Foreign Minister`); a modifier alone
    # (`Foreign`, names.toml's title_modifiers) is none
    titles = pack.word_list("titles")
    last_title = max((i for i, w in enumerate(words) if w in titles), default=-1)
    title = words[last_title] if last_title >= 0 else ""
    name_tokens, name_words = tokens[last_title + 1 :], words[last_title + 1 :]
    if not name_words:
        return
    start, end = name_tokens[0][1], _end(text, name_tokens[-1])
    if len(name_words) == 1:
        word = name_words[0]
        if _is_acronym(word, pack):
            if word in found.acronyms or _acts(text, end, pack):
                key = found.acronyms.get(word) or _org_id(word)
                found.orgs.append(Mention(key, word, "organization", "", word, start, end))
        elif (
            (not sentence_start or title or _speaks_after(text, end))
            and word not in pack.cities
            and not _not_a_person(word, pack)
            and not any(c.isdigit() for c in word)  # COP28, Covid-19: events and codes
            and not _case_name(text, start, end)
        ):
            found.singles.append((word, start, end, title))
        return
    name = " ".join(name_words)
    if (
        len(name_words) > MAX_NAME_WORDS
        or name in pack.cities
        or any(_not_a_person(w, pack) for w in name_words)
    ):
        return
    # a name right after `the`, `of` or `for` is a thing's (`the Persian Gulf`, `Line of
    # Actual Control`) unless a title says it is a person's
    after_article = re.search(
        r"(?:\b[Tt]he|\bof|\bfor)\s+$", text[max(0, tokens[0][1] - 5) : tokens[0][1]]
    )
    evidence = bool(title) or (
        not after_article
        and (
            _title_before(text, tokens[0][1], pack)
            or name_words[0] in pack.first_names
            or _speaks_after(text, end)
            or _surname_reused(text, name_words[-1], end)
        )
    )
    if not evidence:
        return
    key = "person:" + _fold(name)
    role = _title_role(" ".join(words[: last_title + 1]), pack)
    person = found.people.setdefault(
        key, _Person(name, tuple(name_words), role, _country_before(text, tokens[0][1], pack), [])
    )
    person.mentions.append((start, end, text[start:end]))


def _people(text: str, pack: Knowledge, found: _Found) -> list[Mention]:
    """Every person mention: full names, and single words that are one person's surname
    (or, after a title, given name: `Dr Tedros`) when only one person has it."""
    by_word: dict[str, list[_Person]] = {}
    for person in found.people.values():
        by_word.setdefault(person.words[-1], []).append(person)
    result = []
    honorifics = pack.word_list("honorifics") | pack.word_list("titles")
    repeated = Counter(word for word, *_ in found.singles)
    for word, start, end, title in found.singles:
        owners = by_word.get(word) or (
            [p for p in found.people.values() if p.words[0] == word] if title else []
        )
        if len(owners) == 1:
            owners[0].mentions.append((start, end, text[start:end]))
        elif not owners and title in honorifics and title:
            key = f"person:{_fold(word)}"
            person = found.people.setdefault(
                key, _Person(word, (word,), _title_role(title, pack), "", [])
            )
            person.mentions.append((start, end, text[start:end]))
            by_word.setdefault(word, []).append(person)
        elif not owners and word in found.acronyms:
            key = found.acronyms[word]
            result.append(Mention(key, key[4:], "organization", "", word, start, end))
        elif not owners and repeated[word] >= SINGLE_NAME_REPEATS:
            # a name used alone, again and again, that is no one's surname: a company or
            # group (`Microsoft`, `Activision`); another article may give the person's
            # full name, and the story's actors then join them (compare.actors)
            key = _org_id(word)
            result.append(Mention(key, word, "organization", "", word, start, end))
    for key, person in found.people.items():
        for start, end, alias in person.mentions:
            result.append(
                Mention(key, person.name, "person", person.country, alias, start, end, person.role)
            )
    return result


def _as(owner: Mention, mention: Mention) -> Mention:
    """`mention`'s words, as a mention of `owner`'s actor."""
    return Mention(
        owner.actor,
        owner.name,
        owner.kind,
        owner.country or mention.country,
        mention.alias,
        mention.start,
        mention.end,
        owner.role,
    )


def _spans(mentions: Iterable[Mention]) -> SpanSet:
    return SpanSet(Span(m.start, m.end) for m in mentions)


class _Index:
    """Mentions by where they start, answering the questions the name rules ask by
    bisection, so that a long article is read in linear time."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        ordered = sorted(mentions, key=lambda m: m.start)  # stable: reading order kept
        self._starts = [m.start for m in ordered]
        self._reach = list(accumulate((m.end for m in ordered), max))  # furthest end so far
        self._at: dict[int, int] = {}  # furthest end of the mentions starting at an offset
        for m in ordered:
            self._at[m.start] = max(m.end, self._at.get(m.start, 0))
        self._countries = [m for m in ordered if m.kind == "country"]
        self._country_starts = [m.start for m in self._countries]

    def reach_from(self, start: int) -> int:
        """The furthest end of a mention starting exactly at `start` (-1: none)."""
        return self._at.get(start, -1)

    def holds(self, start: int, end: int) -> bool:
        """Whether one mention spans all of [start, end)."""
        index = bisect_right(self._starts, start)
        return index > 0 and self._reach[index - 1] >= end

    def holds_other(self, mention: Mention) -> bool:
        """Whether a mention other than one with the same span holds `mention`."""
        index = bisect_left(self._starts, mention.start)
        before = index > 0 and self._reach[index - 1] >= mention.end
        return before or self.reach_from(mention.start) > mention.end

    def first_country(self, start: int, end: int) -> Mention | None:
        """The first country mention starting in [start, end), or None."""
        index = bisect_left(self._country_starts, start)
        if index < len(self._countries) and self._countries[index].start < end:
            return self._countries[index]
        return None


def _title_role(title: str, pack: Knowledge) -> str:
    """A person's role from the title before the name, without honorifics: `prime
    minister` from `Prime Minister`, nothing from `Mr`."""
    honorifics = pack.word_list("honorifics")
    return " ".join(w for w in title.split() if w not in honorifics).lower().rstrip(".")


def _case_name(text: str, start: int, end: int) -> bool:
    """A party's name in a court case's (`Roe v. Wade`): the case is a document."""
    return bool(re.match(r"\s+v(?:s)?\.?\s", text[end : end + 6])) or bool(
        re.search(r"\sv(?:s)?\.?\s$", text[max(0, start - 6) : start])
    )


def _title_before(text: str, start: int, pack: Knowledge) -> bool:
    """A title in lower case right before the name: `… director-general Tedros …`."""
    word = re.search(r"([\w\-]+)\s+$", text[max(0, start - 30) : start])
    if word is None:
        return False
    titles = pack.word_list("titles")
    return word.group(1).capitalize() in titles | {title.capitalize() for title in titles}


def _acts(text: str, end: int, pack: Knowledge) -> bool:
    """An acronym that acts like an organisation: it speaks (`ISRO said`), owns
    (`IEBC's`) or has officers (`IEBC chairman`). A law or a weapon (`CAATSA`, `THAAD`)
    does none of these."""
    after = text[end : end + 30]
    role = re.match(r"\s+([a-z\-]+)", after)
    return (
        after.startswith(("'s", "’s"))
        or _speaks_after(text, end)
        or bool(role and role.group(1).capitalize() in pack.word_list("titles"))
    )


def _is_acronym(word: str, pack: Knowledge) -> bool:
    return (
        2 <= len(word) <= 6
        and word.isupper()
        and word.isalpha()
        and word not in pack.word_list("not_acronyms")
    )


def _a_place(word: str, pack: Knowledge) -> bool:
    return word in pack.cities or _not_a_person(word, pack)


def _speaks_after(text: str, end: int) -> bool:
    """A reporting verb or an apposition right after the name: `Ruto said`, `Ruto, who`."""
    after = text[end : end + 40]
    if re.match(r"(?:[’']s)?,\s(?:a|an|the|who|[a-z]+ (?:of|at|for))\b", after):
        return True
    word = re.match(r"\s+(\w+)", after)
    return bool(word and word.group(1).lower() in reporting_verbs())


def _surname_reused(text: str, surname: str, end: int) -> bool:
    """Whether the surname comes again in what follows (within REUSE_WINDOW characters: a
    long text is read in linear time)."""
    pattern = re.compile(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-])")
    return pattern.search(text, end, end + REUSE_WINDOW) is not None


def _country_before(text: str, start: int, pack: Knowledge) -> str:
    """The country of a demonym or country name right before a name or title
    (`Ukrainian President …`, `Greek Coast Guard`), or ""."""
    pattern, table = _known_table(pack)
    before = text[max(0, start - 40) : start]
    last = None
    for match in pattern.finditer(before):
        last = match
    if last is None or before[last.end() :].strip():
        return ""
    entry = table[last.group()]
    return entry.country if entry.kind == "country" else ""


def _fold(name: str) -> str:
    """A name as a key: lower case, no accents, single spaces (Zelensky = Zelenskyy is for
    the story level to tell; here `Pérez` = `Perez`)."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.lower().split())


# --- institutions named by a common noun --------------------------------------------------


@cache
def _noun_pattern(pack: Knowledge) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w\-]){trie_pattern(_institution_nouns(pack))}(?![\w\-])")


def _institutions(text: str, pack: Knowledge) -> Iterator[Mention]:
    """`the government`, `the Greek coast guard`, `Kenya's electoral commission`: in lower
    case (a capitalised one is a name, found above); the country is the demonym or
    country (with its `'s`) right before the noun."""
    pattern, table = _known_table(pack)
    for match in _noun_pattern(pack).finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        owner = None
        for known in pattern.finditer(before):
            owner = known
        country, start = "", match.start()
        if owner and re.fullmatch(r"(?:[’']s)?\s+", before[owner.end() :]):
            entry = table[owner.group()]
            if entry.kind == "country":
                country, start = entry.country, match.start() - len(before) + owner.start()
        name = text[start : match.end()]
        key = f"org:{country} {match.group()}" if country else f"org:{match.group()}"
        yield Mention(key, name, "organization", country, name, start, match.end())


# --- groups ------------------------------------------------------------------------------


@cache
def _group_pattern(pack: Knowledge) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w\-]){trie_pattern(pack.groups)}(?![\w\-])", re.IGNORECASE)


def _groups(text: str, pack: Knowledge) -> Iterator[Mention]:
    lower = {form.lower(): name for form, name in pack.groups.items()}
    for match in _group_pattern(pack).finditer(text):
        name = lower[match.group().lower()]
        if (
            match.group()[:1].isupper()
            and match.start()
            and text[match.start() - 2 : match.start()].strip() not in ("", ".", "“", '"')
        ):
            continue  # a capitalised word mid-sentence is a name (`Students for Fair Admissions`)
        yield Mention(f"group:{name}", name, "group", "", match.group(), *match.span())
