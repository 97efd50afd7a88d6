"""The story's actors: who the selected articles talk about, linked across articles.

Each article's mentions (knowledge.find_mentions) name actors by what that article says;
here they become the story's actors: the same person in two outlets is one actor (a
surname alone, or a transliteration variant such as Zelensky / Zelenskyy, joins the full
name another article gives), a person's country and role come from whichever article
states them, and the actors the articles make central (named in at least two articles, or
at least CENTRAL_MENTIONS times in one) are the ones shown, ranked by weight. An actor a
reader corrected (compare/corrections.py, ids starting USER) is linked only as the reader
said, and always shown.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..knowledge import ActorKind, Mention
from ..report import Report
from ..sentiment import ActorTone

# An actor is central when named in this many articles, or this many times in one.
CENTRAL_ARTICLES = 2
CENTRAL_MENTIONS = 3
# Two full names are one person spelt two ways (Zelensky, Zelenskyy; Al Jaber, Al-Jaber)
# when their letters agree this much (rapidfuzz's ratio, 0-100) and they start alike.
SAME_NAME_SIMILARITY = 90
# The id prefix of an actor a reader's correction made or changed.
USER = "user:"


@dataclass(frozen=True)
class StoryActor:
    """One actor of the selected articles, with the mention ids it joins in each article
    (`ids`: (article id, actor id) pairs) and every way the articles name it."""

    key: str
    name: str
    kind: ActorKind
    country: str
    role: str
    aliases: tuple[str, ...]
    ids: tuple[tuple[str, str], ...]
    mentions: int
    articles: int
    central: bool

    @property
    def weight(self) -> int:
        return self.mentions + CENTRAL_MENTIONS * (self.articles - 1)


@dataclass
class _Entry:
    key: str
    name: str
    kind: ActorKind
    country: str = ""
    role: str = ""

    def __post_init__(self) -> None:
        self.aliases: Counter[str] = Counter()
        self.ids: dict[tuple[str, str], int] = {}


def story_actors(reports: Sequence[Report]) -> tuple[StoryActor, ...]:
    """Every actor of the reports, heaviest first; `central` marks the ones to show."""
    entries: dict[str, _Entry] = {}
    for report in reports:
        for mention in report.mentions:
            entry = entries.setdefault(
                mention.actor, _Entry(mention.actor, mention.name, mention.kind)
            )
            _take(entry, report.article.id, mention)
    for merged, into in _links(entries.values()):
        target = entries[into]
        for alias, count in entries[merged].aliases.items():
            target.aliases[alias] += count
        for key, count in entries[merged].ids.items():
            target.ids[key] = target.ids.get(key, 0) + count
        target.country = target.country or entries[merged].country
        target.role = target.role or entries[merged].role
        del entries[merged]
    actors = [_actor(entry) for entry in entries.values()]
    return tuple(sorted(actors, key=lambda a: (-a.weight, a.name)))


def _take(entry: _Entry, article: str, mention: Mention) -> None:
    entry.aliases[mention.alias] += 1
    entry.ids[article, mention.actor] = entry.ids.get((article, mention.actor), 0) + 1
    entry.country = entry.country or mention.country
    entry.role = entry.role or mention.role


def _links(entries: Iterable[_Entry]) -> list[tuple[str, str]]:
    """(merged, into) pairs: surnames and spelling variants joining a full name."""
    entries = [e for e in entries if not e.key.startswith(USER)]
    people = [e for e in entries if e.kind == "person"]
    full = [e for e in people if len(e.name.split()) > 1]
    links: list[tuple[str, str]] = []
    taken: set[str] = set()
    for entry in sorted(full, key=lambda e: -sum(e.aliases.values())):
        if entry.key in taken:
            continue
        for other in full:
            if other.key != entry.key and other.key not in taken and _same_person(entry, other):
                links.append((other.key, entry.key))
                taken.add(other.key)
    by_surname: dict[str, list[_Entry]] = defaultdict(list)
    for entry in full:
        if entry.key not in taken:
            by_surname[entry.name.split()[-1].lower()].append(entry)
    by_given: dict[str, list[_Entry]] = defaultdict(list)
    for entry in full:
        if entry.key not in taken:
            by_given[entry.name.split()[0].lower()].append(entry)
    singles = [
        e for e in entries if len(e.name.split()) == 1 and e.kind in ("person", "organization")
    ]
    for entry in singles:
        # a surname alone (`Ruto`), or a given name as news uses some (`Dr Tedros`)
        owners = by_surname.get(entry.name.lower()) or by_given.get(entry.name.lower(), [])
        if len(owners) == 1:  # two people sharing the name: it stays apart
            links.append((entry.key, owners[0].key))
    orgs = [e for e in entries if e.kind == "organization" and len(e.name.split()) > 1]
    for entry in (e for e in entries if e.kind == "organization" and e.name.isupper()):
        owners = [o for o in orgs if _initials(o.name) == entry.name and o.key not in taken]
        if len(owners) == 1:  # `CMA` where another article writes it out
            links.append((entry.key, owners[0].key))
    return links


def _initials(name: str) -> str:
    """`Competition and Markets Authority` -> `CMA`: the capitals' first letters."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


def _same_person(first: _Entry, second: _Entry) -> bool:
    a, b = first.name.split(), second.name.split()
    if a[0][0].lower() != b[0][0].lower() or a[-1][0].lower() != b[-1][0].lower():
        return False
    if a[-1].lower() == b[-1].lower() and (len(a) == 1 or len(b) == 1 or a[0] == b[0]):
        return True
    return fuzz.ratio(first.name.lower(), second.name.lower()) >= SAME_NAME_SIMILARITY


def _actor(entry: _Entry) -> StoryActor:
    per_article = Counter[str]()
    for (article, _), count in entry.ids.items():
        per_article[article] += count
    mentions = sum(per_article.values())
    return StoryActor(
        key=entry.key,
        name=entry.name,
        kind=entry.kind,
        country=entry.country,
        role=entry.role,
        aliases=tuple(alias for alias, _ in entry.aliases.most_common()),
        ids=tuple(entry.ids),
        mentions=mentions,
        articles=len(per_article),
        central=len(per_article) >= CENTRAL_ARTICLES
        or max(per_article.values()) >= CENTRAL_MENTIONS
        or entry.key.startswith(USER),
    )


def mentions_of(report: Report, actor: StoryActor) -> list[Mention]:
    """The report's mentions of a story actor (under whichever id the report gives it)."""
    ids = {actor_id for article, actor_id in actor.ids if article == report.article.id}
    return [mention for mention in report.mentions if mention.actor in ids]


def tone_of(report: Report, actor: StoryActor) -> ActorTone | None:
    """The report's tone of sentences mentioning the actor (its first id with a row)."""
    ids = [actor_id for article, actor_id in actor.ids if article == report.article.id]
    return next((t for t in report.sentiment.toward if t.actor in ids), None)
