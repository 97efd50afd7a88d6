"""Key entities and numbers to line up across articles (money, large numbers and
percentages, laws, acronyms and weapon designators), and the matrix of which outlet names
which of them and of the story's actors (compare.actors: people, organisations,
countries).

Rules, not a trained recogniser (none can be downloaded here): amounts are matched by
currency mark and magnitude word, laws by a capitalised phrase ending in `Act`, acronyms
by capitals. Keys are shared across texts: `$5.43 billion` and `US$5.4bn` are one amount,
and a law written out in one article and abbreviated in another is one law. Word lists:
data/entities.toml.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from ..knowledge import ActorKind, load_knowledge
from ..report import Report, analyze
from ..resources import load_toml
from .actors import StoryActor
from .columns import Evidence

EntityKind = Literal["money", "number", "law", "acronym"]
RowKind = EntityKind | ActorKind  # the rows of the entity matrix: entities and actors
SIGNIFICANT_DIGITS = 2  # amounts equal to two significant digits are one amount

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
ACRONYM = re.compile(
    r"(?<![\w/-])(?:[A-Z][A-Za-z]{0,5}(?:/[A-Z])?-\d+[A-Z]?|[A-Z]{2,}[0-9]*)(?=s?(?![\w-]))"
)
LAW = re.compile(r"(?:[A-Z][a-z][\w’'-]*\s+(?:(?:of|for|and|on|the|to|in)\s+)*){1,12}Act\b")
MAGNITUDE_NAMES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
PERCENT = re.compile(rf"({NUMBER})\s?(?:%|percent\b|per cent\b)")
DEFINITION = re.compile(r"\(([A-Z][A-Za-z0-9-]*[A-Z0-9])\)")


@dataclass(frozen=True)
class EntityMention:
    """One place where a text names a key entity; `key` is shared by all its forms."""

    kind: EntityKind
    key: str
    form: str
    start: int
    end: int


@cache
def _lexicon() -> dict[str, Any]:
    return load_toml("entities.toml")


@cache
def _money_pattern() -> re.Pattern[str]:
    data = _lexicon()
    marks = "|".join(re.escape(mark) for mark in sorted(data["currency_marks"], key=len)[::-1])
    words = "|".join(sorted(data["currency_words"]))
    scale = "|".join(sorted(data["magnitudes"], key=len)[::-1])
    return re.compile(
        rf"(?P<mark>{marks})\s?(?P<amount>{NUMBER})(?:\s?(?P<scale>{scale})\b)?"
        rf"|(?<![\w.])(?P<amount2>{NUMBER})\s(?:(?P<scale2>{scale})\s)?(?P<word>{words})\b"
    )


@cache
def _magnitude_pattern() -> re.Pattern[str]:
    long_scales = [word for word in _lexicon()["magnitudes"] if len(word) > 2]
    return re.compile(rf"(?<![\w.$€£₹])({NUMBER})\s({'|'.join(long_scales)})\b")


def _value(amount: str, scale: str | None) -> float:
    return float(amount.replace(",", "")) * (_lexicon()["magnitudes"][scale] if scale else 1.0)


def _rounded(value: float) -> str:
    """`5.43e9` -> `5.4 billion`: the value to two significant digits, in words."""
    value = float(f"{value:.{SIGNIFICANT_DIGITS}g}")
    for size, name in MAGNITUDE_NAMES:
        if value >= size:
            return f"{value / size:g} {name}"
    return f"{value:,g}"


def find_money(text: str) -> list[EntityMention]:
    """Amounts of money, keyed by currency and value to two significant digits."""
    data = _lexicon()
    found = []
    for match in _money_pattern().finditer(text):
        if match["mark"]:
            currency = data["currency_marks"][match["mark"]]
            value = _value(match["amount"], match["scale"])
        else:
            currency = data["currency_words"][match["word"]]
            value = _value(match["amount2"], match["scale2"])
        key = f"{currency} {_rounded(value)}"
        found.append(EntityMention("money", key, match.group(), match.start(), match.end()))
    return found


def find_numbers(text: str, money: Sequence[EntityMention] = ()) -> list[EntityMention]:
    """Percentages and large numbers written with a magnitude word, outside amounts of money."""
    taken = [(m.start, m.end) for m in money]
    found = []
    for match in PERCENT.finditer(text):
        found.append(EntityMention("number", f"{match[1]}%", match.group(), *match.span()))
    for match in _magnitude_pattern().finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        key = _rounded(_value(match[1], match[2]))
        found.append(EntityMention("number", key, match.group(), *match.span()))
    return found


@cache
def _alias_words() -> frozenset[str]:
    """Country names, demonyms and capitals: a possessive before a law (`Washington’s`)."""
    pack = load_knowledge()
    return frozenset(
        name
        for country in pack.countries.values()
        for name in (country.name, *country.names, *country.demonyms, *country.capitals)
    )


def find_laws(text: str) -> list[EntityMention]:
    """Capitalised phrases ending in `Act`, without a leading possessive (`Washington’s`)."""
    found = []
    for match in LAW.finditer(text):
        start, form = match.start(), match.group()
        while head := re.match(r"(?:(\S+?)[’']s|The)\s+(?=[A-Z])", form):
            if head[1] and head[1] not in _alias_words():
                break
            start, form = start + head.end(), form[head.end() :]
        if len(form.split()) > 1:
            found.append(EntityMention("law", _normal(form), form, start, start + len(form)))
    return found


def find_acronyms(text: str) -> list[EntityMention]:
    """Acronyms (CAATSA, THAAD) and designators (S-400, F-35); actors' aliases excluded."""
    skip = set(_lexicon()["not_entities"]["acronyms"])
    return [
        EntityMention("acronym", match.group(), match.group(), *match.span())
        for match in ACRONYM.finditer(text)
        if match.group() not in skip
    ]


def acronym_definitions(text: str) -> dict[str, str]:
    """`Long Name (ACR)` in the text: the normalised long name for each acronym defined."""
    definitions = {}
    for match in DEFINITION.finditer(text):
        acronym = match[1]
        before = text[max(0, match.start() - 200) : match.start()].rstrip()
        words = re.findall(r"[\w’'-]+", before)
        initials = [c for c in acronym if c.isalpha()]
        # take as many trailing words as it needs to cover the acronym's letters
        capitals = 0
        for count in range(1, min(len(words), 2 * len(initials) + 2) + 1):
            if words[-count][:1].isupper():
                capitals += 1
            if capitals >= len(initials) - 1 and words[-count][:1] == initials[0]:
                definitions[_normal(" ".join(words[-count:]))] = acronym
                break
    return definitions


def _normal(phrase: str) -> str:
    return " ".join(phrase.replace("’", "'").split()).lower()


def key_entities(reports: Sequence[Report]) -> list[tuple[EntityMention, ...]]:
    """The entity mentions of each report's text, with keys made common across all the
    texts. Acronyms that name an actor (the report's mentions) are the actor's, not here."""
    texts = [report.article.text for report in reports]
    definitions: dict[str, str] = {}
    for text in texts:
        definitions.update(acronym_definitions(text))
    result = []
    for report, text in zip(reports, texts, strict=True):
        actors = {mention.alias for mention in report.mentions}
        money = find_money(text)
        laws = [_as_acronym(law, definitions) for law in find_laws(text)]
        acronyms = [a for a in find_acronyms(text) if a.form not in actors]
        found = [*money, *find_numbers(text, money), *laws, *acronyms]
        result.append(tuple(sorted(found, key=lambda m: (m.start, m.end, m.kind))))
    return result


def _as_acronym(law: EntityMention, definitions: dict[str, str]) -> EntityMention:
    acronym = definitions.get(law.key)
    return EntityMention("acronym", acronym, law.form, law.start, law.end) if acronym else law


def find_entities(text: str) -> tuple[EntityMention, ...]:
    """Key entities and numbers in one text."""
    return key_entities([analyze(text)])[0]


@dataclass(frozen=True)
class Form:
    """The exact words used for an entity or actor, and how often."""

    text: str
    count: int


@dataclass(frozen=True)
class Cell:
    """What one column says about one row: how often, in which words, and where."""

    column: str
    count: int
    forms: tuple[Form, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class EntityRow:
    """A key entity or number and the columns that name it."""

    key: str
    kind: RowKind
    label: str
    cells: tuple[Cell, ...]


# --- key entities and numbers ---------------------------------------------------------


def entity_matrix(
    reports: Sequence[Report],
    entities: Sequence[Sequence[EntityMention]],
    actors: Sequence[StoryActor],
    column_of: dict[str, str],
) -> tuple[EntityRow, ...]:
    """Amounts, numbers, laws, acronyms and the story's actors × the columns naming them."""
    uses: dict[tuple[RowKind, str], dict[str, list[tuple[Report, str, int]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    labels: dict[tuple[RowKind, str], Counter[str]] = defaultdict(Counter)
    owner = {key: actor for actor in actors for key in actor.ids}
    for report, found in zip(reports, entities, strict=True):
        column = column_of[report.article.id]
        for entity in found:
            row: tuple[RowKind, str] = (entity.kind, entity.key)
            uses[row][column].append((report, entity.form, entity.start))
            labels[row][entity.form] += 1
        for mention in report.mentions:
            actor = owner[report.article.id, mention.actor]
            row = (actor.kind, actor.key)
            uses[row][column].append((report, mention.alias, mention.start))
            labels[row][actor.name] += 1
    rows = [
        EntityRow(key, kind, _label(kind, key, labels[(kind, key)]), column_cells(columns))
        for (kind, key), columns in uses.items()
    ]
    return tuple(sorted(rows, key=lambda r: (-len(r.cells), KIND_ORDER.index(r.kind), r.key)))


KIND_ORDER = (
    "money",
    "number",
    "law",
    "acronym",
    "country",
    "international",
    "organization",
    "person",
    "group",
)


def by_count(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _label(kind: str, key: str, forms: Counter[str]) -> str:
    if kind in ("money", "number"):
        return key
    if kind == "law":
        return forms.most_common(1)[0][0]
    return forms.most_common(1)[0][0] if kind in ("country", "organization") else key


def column_cells(columns: dict[str, list[tuple[Report, str, int]]]) -> tuple[Cell, ...]:
    """One cell per column: mentions counted, forms most used first, sentences as evidence."""
    cells = []
    for column, uses in columns.items():
        forms = Counter(form for _, form, _ in uses)
        sentences: dict[str, set[int]] = defaultdict(set)
        for report, _, offset in uses:
            sentences[report.article.id].add(report.document.sentence_at(offset))
        cells.append(
            Cell(
                column,
                len(uses),
                tuple(Form(text, n) for text, n in sorted(forms.items(), key=by_count)),
                tuple(Evidence(a, tuple(sorted(s))) for a, s in sentences.items()),
            )
        )
    return tuple(cells)
