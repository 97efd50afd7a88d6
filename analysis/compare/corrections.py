"""A reader's corrections to the story's actors: merge two, keep a name apart, rename, hide,
add an alias or a missing actor.

The analyzers find actors by rules, and a teacher knows the story better: the Kremlin may
be Russia in one lesson and its own actor in the next. Corrections are applied in the
order they were made, each to the actors the earlier ones left, and written back into the
reports (their mentions and their tone-of-sentences-mentioning rows), so every page,
export and handout that reads reports shows the corrected actors. An actor a correction
touched has an id starting `user:`; it is never linked to another by the automatic rules
(compare/actors.py), and it is always shown.

The same corrections are a TOML file for the command line (`--corrections FILE`):

    [[correction]]
    merge = "Kremlin"
    into = "Russia"

    [[correction]]
    rename = "Ruto"
    to = "President William Ruto"

    [[correction]]
    hide = "Reuters"

    [[correction]]
    alias = "Bibi"          # these words name the actor wherever they appear
    of = "Benjamin Netanyahu"

    [[correction]]
    apart = "Ruto"          # the mentions written so are another actor
    from = "William Ruto"

    [[correction]]
    add = "Extinction Rebellion"
    kind = "organization"
"""

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, cast, get_args

from ..datafile import fail, line_of, parse_toml
from ..errors import DataFileError
from ..knowledge import ActorKind, Mention
from ..report import Report
from ..sentiment import tone_toward
from .actors import USER, story_actors

Action = Literal["merge", "rename", "hide", "alias", "apart", "add"]
ACTIONS: tuple[Action, ...] = get_args(Action)
KINDS: tuple[ActorKind, ...] = get_args(ActorKind)
# The TOML key naming each action's second value (hide has none).
SECOND_KEY: dict[Action, str] = {
    "merge": "into",
    "rename": "to",
    "hide": "",
    "alias": "of",
    "apart": "from",
    "add": "kind",
}
# In the file these actions name the words first (`alias = "Bibi"`, `of = "Netanyahu"`).
WORDS_FIRST = ("alias", "apart")
MAX_WORDS_LENGTH = 120  # characters of a name or an alias: a name, not a paragraph
MAX_CORRECTIONS = 500


@dataclass(frozen=True)
class Correction:
    """One correction. `actor` is the actor it applies to, by the name shown (or its id);
    `value` is what the action needs: merge the actor it joins, rename the new name, alias
    and apart the words, add the new actor's kind (and `actor` its name)."""

    action: Action
    actor: str
    value: str = ""

    def describe(self) -> str:
        """The correction in words, as listed in the dashboard."""
        return {
            "merge": f"“{self.actor}” merged into “{self.value}”",
            "rename": f"“{self.actor}” renamed “{self.value}”",
            "hide": f"“{self.actor}” hidden",
            "alias": f"“{self.value}” also names “{self.actor}”",
            "apart": f"“{self.value}” kept apart from “{self.actor}”",
            "add": f"“{self.actor}” added ({self.value})",
        }[self.action]


@dataclass(frozen=True)
class Corrected:
    """The reports with the corrections applied, and the corrections that no longer apply
    to these articles (with the reason), to be shown rather than silently dropped."""

    reports: tuple[Report, ...]
    unused: tuple[tuple[Correction, str], ...]


def correction(action: str, actor: str, value: str = "") -> Correction:
    """A checked Correction: a known action, names that are names, a known kind for add.
    Raises ValueError with a reader's message."""
    if action not in ACTIONS:
        raise ValueError(f"unknown correction {action!r}; one of {', '.join(ACTIONS)}")
    chosen: Action = action
    actor, value = _words(actor), _words(value)
    if not actor:
        raise ValueError("name the actor")
    if chosen == "add" and value not in KINDS:
        raise ValueError(f"kind {value!r} is not one of {', '.join(KINDS)}")
    if chosen != "hide" and not value:
        raise ValueError(f"{chosen} needs {SECOND_KEY[chosen]!r}")
    if chosen == "hide":
        value = ""
    return Correction(chosen, actor, value)


def _words(text: str) -> str:
    text = " ".join(str(text).split())
    if len(text) > MAX_WORDS_LENGTH:
        raise ValueError(f"{text[:40]}…: longer than {MAX_WORDS_LENGTH} characters")
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in text):
        raise ValueError(f"{text!r}: contains control characters")
    return text


def parse_corrections(text: str, source: str) -> tuple[Correction, ...]:
    """Corrections from a TOML file's text (the layout in this module's docstring); a
    malformed one raises DataFileError naming the file, line and key."""
    data = parse_toml(text, source)
    unknown = sorted(set(data) - {"correction"})
    if unknown:
        raise fail(source, 1, unknown[0], "unknown table; write [[correction]] tables")
    tables = data.get("correction", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise fail(source, 1, "correction", "write each one as a [[correction]] table")
    if len(tables) > MAX_CORRECTIONS:
        raise fail(source, 1, "correction", f"more than {MAX_CORRECTIONS} corrections")
    return tuple(_from_table(table, index, text, source) for index, table in enumerate(tables))


def _from_table(table: dict[str, Any], index: int, text: str, source: str) -> Correction:
    actions = [key for key in table if key in ACTIONS]
    where = f"correction {index + 1}"
    if len(actions) != 1:
        line = line_of(text, "correction", index)
        raise fail(source, line, where, f"needs exactly one of {', '.join(ACTIONS)}")
    action: Action = actions[0]
    allowed = {action, SECOND_KEY[action]} - {""}
    extra = sorted(set(table) - allowed)
    if extra:
        line = line_of(text, "correction", index, extra[0])
        raise fail(source, line, f"{where}.{extra[0]}", f"not a key of {action}")
    if SECOND_KEY[action] and SECOND_KEY[action] not in table:
        line = line_of(text, "correction", index, action)
        raise fail(source, line, where, f"{action} needs {SECOND_KEY[action]!r}")
    values = [table[key] for key in sorted(allowed)]
    if not all(isinstance(value, str) for value in values):
        line = line_of(text, "correction", index, action)
        raise fail(source, line, where, "names are text in quotes")
    if action == "add" and table["kind"] not in KINDS:
        line = line_of(text, "correction", index, "kind")
        raise fail(source, line, f"{where}.kind", f"one of {', '.join(KINDS)}")
    first, second = table[action], table.get(SECOND_KEY[action], "")
    if action in WORDS_FIRST:
        first, second = second, first
    try:
        return correction(action, first, second)
    except ValueError as error:
        line = line_of(text, "correction", index, action)
        raise fail(source, line, where, str(error)) from None


def corrections_toml(corrections: Iterable[Correction]) -> str:
    """The corrections as a TOML file `parse_corrections` reads back (the CLI's --corrections)."""
    blocks = []
    for item in corrections:
        first, second = item.actor, item.value
        if item.action in WORDS_FIRST:
            first, second = second, first
        lines = ["[[correction]]", f"{item.action} = {_toml_string(first)}"]
        if SECOND_KEY[item.action]:
            lines.append(f"{SECOND_KEY[item.action]} = {_toml_string(second)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _toml_string(text: str) -> str:
    # JSON's escapes are TOML's for a basic string, but for DEL, which TOML wants escaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")


def to_records(corrections: Iterable[Correction]) -> list[list[str]]:
    """Plain lists for the store."""
    return [[c.action, c.actor, c.value] for c in corrections]


def from_records(records: Any) -> tuple[Correction, ...]:
    """`to_records` undone; a record that is not a valid correction is left out."""
    found = []
    for record in records if isinstance(records, list) else []:
        try:
            found.append(correction(*record))
        except (TypeError, ValueError):
            continue
    return tuple(found)


@dataclass
class _Actor:
    name: str
    kind: ActorKind
    country: str
    role: str


class _Story:
    """The actors of the reports while corrections are applied: each mention with the key
    of the story actor it belongs to."""

    def __init__(self, reports: Sequence[Report]):
        self.reports = reports
        self.actors: dict[str, _Actor] = {}
        owner: dict[tuple[str, str], str] = {}
        for actor in story_actors(reports):
            self.actors[actor.key] = _Actor(actor.name, actor.kind, actor.country, actor.role)
            owner.update({ids: actor.key for ids in actor.ids})
        self.mentions = [
            [(mention, owner[report.article.id, mention.actor]) for mention in report.mentions]
            for report in reports
        ]
        self.touched: set[str] = set()
        self.hidden: set[str] = set()

    def find(self, reference: str) -> str | None:
        """The key of the actor a correction names: by id, by name, then by any alias."""
        bare = reference.removeprefix(USER)
        if bare in self.actors:
            return bare
        wanted = reference.casefold()
        by_name = [key for key, actor in self.actors.items() if actor.name.casefold() == wanted]
        if by_name:
            return by_name[0]
        for pairs in self.mentions:
            for mention, key in pairs:
                if mention.alias.casefold() == wanted and key in self.actors:
                    return key
        return None

    def new_key(self, prefix: str, name: str) -> str:
        base = prefix + (re.sub(r"\W+", "-", name.casefold()).strip("-") or "actor")
        key, number = base, 1
        while key in self.actors:
            number += 1
            key = f"{base}-{number}"
        return key

    def apply(self, item: Correction) -> str:
        """Apply one correction; "" when done, else why it does not apply here."""
        if item.action == "add":
            if self.find(item.actor) is not None:
                return "an actor of that name is already shown"
            added = self.new_key("add:", item.actor)
            self.actors[added] = _Actor(item.actor, cast(ActorKind, item.value), "", "")
            if not self.name_in_texts(added, item.actor):
                del self.actors[added]
                return "these articles never name it"
            return ""
        key = self.find(item.actor)
        if key is None:
            return "no actor of that name in these articles"
        if item.action == "merge":
            into = self.find(item.value)
            if into is None:
                return f"no actor named “{item.value}” in these articles"
            if into == key:
                return "they are already one actor"
            self.reassign(lambda _, owner: owner == key, into)
            self.actors[into].country = self.actors[into].country or self.actors[key].country
            self.actors[into].role = self.actors[into].role or self.actors[key].role
            del self.actors[key]
        elif item.action == "rename":
            self.actors[key].name = item.value
        elif item.action == "hide":
            self.hidden.add(key)
        elif item.action == "alias":
            if not self.name_in_texts(key, item.value):
                return "these articles never use those words"
        elif item.action == "apart":
            return self.keep_apart(key, item.value)
        self.touched.add(key)
        return ""

    def reassign(self, chosen: Callable[[Mention, str], bool], key: str) -> None:
        self.mentions = [
            [(mention, key if chosen(mention, owner) else owner) for mention, owner in pairs]
            for pairs in self.mentions
        ]
        self.touched.add(key)

    def keep_apart(self, key: str, words: str) -> str:
        wanted = words.casefold()
        written = [
            mention.alias.casefold() == wanted
            for pairs in self.mentions
            for mention, owner in pairs
            if owner == key
        ]
        if not any(written):
            return f"“{self.actors[key].name}” is never written “{words}”"
        if all(written):
            return f"every mention of “{self.actors[key].name}” is written so"
        actor = self.actors[key]
        apart = self.new_key("apart:", words)
        self.actors[apart] = _Actor(words, actor.kind, "", "")
        self.reassign(
            lambda mention, owner: owner == key and mention.alias.casefold() == wanted, apart
        )
        self.touched.add(key)
        return ""

    def name_in_texts(self, key: str, words: str) -> bool:
        """Every place the words appear becomes a mention of the actor (replacing a mention
        they overlap); False when no article uses them."""
        pattern = _words_pattern(words)
        actor, found = self.actors[key], False
        for index, report in enumerate(self.reports):
            spans = [
                (match.start(), match.end())
                for match in pattern.finditer(report.article.text)
                if _same_case(match.group(), words)
            ]
            if not spans:
                continue
            found = True
            kept = [
                (mention, owner)
                for mention, owner in self.mentions[index]
                if not any(mention.start < end and start < mention.end for start, end in spans)
            ]
            added = [
                (
                    Mention(
                        key,
                        actor.name,
                        actor.kind,
                        actor.country,
                        report.article.text[start:end],
                        start,
                        end,
                    ),
                    key,
                )
                for start, end in spans
            ]
            self.mentions[index] = sorted(kept + added, key=lambda pair: pair[0].start)
        if found:
            self.touched.add(key)
        return found

    def reports_now(self) -> tuple[Report, ...]:
        """The reports with corrected mentions and tone rows."""
        result = []
        for report, pairs in zip(self.reports, self.mentions, strict=True):
            mentions = tuple(
                self.corrected(mention, owner)
                for mention, owner in pairs
                if owner not in self.hidden
            )
            toward = tone_toward(report.document, report.sentiment.sentences, mentions)
            result.append(
                replace(
                    report, mentions=mentions, sentiment=replace(report.sentiment, toward=toward)
                )
            )
        return tuple(result)

    def corrected(self, mention: Mention, owner: str) -> Mention:
        if owner not in self.touched:
            return mention
        actor = self.actors[owner]
        return replace(
            mention,
            actor=USER + owner,
            name=actor.name,
            kind=actor.kind,
            country=actor.country,
            role=actor.role,
        )


def _words_pattern(words: str) -> re.Pattern[str]:
    parts = [re.escape(part).replace("'", "['’]") for part in words.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


def _same_case(found: str, words: str) -> bool:
    """Words with capitals match only with the same capitals (bar the first letter, which a
    sentence may capitalise): `ANC` is not `anc`, `the Kremlin` is `The Kremlin`."""
    if words == words.lower():
        return True
    return " ".join(found.split())[1:].replace("’", "'") == words[1:].replace("’", "'")


def apply_corrections(reports: Sequence[Report], corrections: Sequence[Correction]) -> Corrected:
    """The reports with the corrections applied in order (see the module docstring)."""
    if not corrections:
        return Corrected(tuple(reports), ())
    story = _Story(reports)
    unused = []
    for item in corrections:
        if reason := story.apply(item):
            unused.append((item, reason))
    return Corrected(story.reports_now(), tuple(unused))


def load_corrections(path: str) -> tuple[Correction, ...]:
    """A corrections file (TOML); unreadable or malformed is a DataFileError."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(1_000_001)
    except OSError as error:
        raise DataFileError(f"{path}: cannot be read ({error.strerror})") from None
    if len(raw) > 1_000_000:
        raise DataFileError(f"{path}: larger than 1 MB; a corrections file is short")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataFileError(f"{path}: not UTF-8 text") from None
    return parse_corrections(text, path)
