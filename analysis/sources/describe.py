"""Who is speaking: the noun phrases that name or describe a speaker, and what they say.

A speaker phrase is a name (`Ana Pérez`), a title and name (`US Defense Secretary Jane
Roe`), a description (`a senior U.S. defence official`), an institution (`the Kremlin`,
`Press TV`, `India`) or a pronoun. `describe` turns one, with its apposition (`, a scholar
at the Brookings Institution,`), into a `Description`: name, role, organization, speaker
type and country. The words it relies on are data files: roles.tsv, organizations.tsv,
nationalities.tsv, reporting_verbs.tsv and attribution.toml.
"""

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, wraps
from typing import Literal, NamedTuple, TypeVar

from .actors import trie_pattern
from .resources import load_toml, load_tsv

SpeakerType = Literal["official", "legislator", "expert", "media", "other"]
Form = Literal["name", "role", "institution", "pronoun"]

# Longest speaker phrase and apposition the rules look at, in tokens. A personal name
# rarely has more than four words; a description ("two senior U.S. defence officials")
# rarely more than six modifiers.
MAX_NAME_TOKENS = 4
MAX_MODIFIERS = 6
MAX_APPOSITION_TOKENS = 30
MAX_POST_MODIFIER_TOKENS = 9
MAX_OBJECT_WORDS = 4
PRONOUNS = {"he": False, "she": False, "they": True, "it": False}
# Role types that say more about a speaker than the organization they work for: a senator
# from a party is a legislator, a columnist at a think tank's magazine is media.
DEFINING_ROLE_TYPES = ("legislator", "media")

NAME_CONNECTORS = frozenset({"of", "for", "the", "and", "de", "al", "bin", "ibn", "van", "von"})


@cache
def _token_pattern() -> re.Pattern:
    """Words, with the periods of initialisms and title abbreviations kept (`U.S.`,
    `Brig.`, `Sen.`: the sentence splitter's list of abbreviations that never end a
    sentence), masked quotations as one token, and punctuation marks one by one."""
    titles = sorted(load_toml("abbreviations.toml")["never_final"], key=len, reverse=True)
    titles = [re.escape(title) for title in titles if title[:1].isupper()]
    # The lookahead on first letters spares most words a try of every title.
    initials = "".join(sorted({title[0] for title in titles}))
    return re.compile(
        r"▮+"
        r"|(?:[A-Z]\.){2,}(?:-[\w’']+)*"
        rf"|(?<![\w.])(?=[{initials}])(?:{'|'.join(titles)})\.(?=\s)"
        r"|\w(?:[\w’'\-.&]*\w)?"
        r"|[^\w\s]"
    )


class Token(NamedTuple):
    """A word or punctuation mark with its offsets, lower-cased once: the rules look at
    `lower` thousands of times per article. A named tuple, as an article has hundreds of
    tokens and a frozen dataclass takes twice as long to build."""

    text: str
    start: int
    end: int
    lower: str
    capitalized: bool


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word and punctuation tokens of text[start:end], with offsets into `text`."""
    end = len(text) if end is None else end
    tokens = []
    for match in _token_pattern().finditer(text, start, end):
        word = match.group()
        tokens.append(Token(word, match.start(), match.end(), word.lower(), word[:1].isupper()))
    return tokens


@dataclass(frozen=True)
class ReportingVerb:
    form: str
    lemma: str
    category: str
    complement: Literal["clause", "directive", "object", "quote"]


@dataclass(frozen=True)
class Organization:
    name: str
    speaker_type: SpeakerType
    country: str


@dataclass(frozen=True)
class Description:
    """What a speaker phrase says about its speaker.

    `text` is the phrase as printed. `head` is what later mentions match on: the surname
    of a person, the role noun of a description (`official`), the last word of an
    institution. `definite` descriptions ("the official") refer back to a speaker already
    introduced; indefinite ones ("a senior official", "another official") introduce one.
    """

    text: str
    form: Form
    name: str = ""
    role: str = ""
    organization: str = ""
    speaker_type: SpeakerType | None = None
    country: str = ""
    plural: bool = False
    definite: bool = False
    head: str = ""
    modifiers: frozenset[str] = frozenset()
    anonymous: bool = False

    @property
    def named(self) -> bool:
        return self.form == "name"


# --- one article's memo ------------------------------------------------------------------

# An article names the same few speakers again and again (`Okafor`, `the official`);
# within `one_article()`, `describe` and the tests it makes work each phrase out once.
_MEMO: ContextVar[dict | None] = ContextVar("speakers_memo", default=None)
Result = TypeVar("Result")


@contextmanager
def one_article() -> Iterator[None]:
    """Remember what the phrases of one article describe, until the block ends."""
    reset = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(reset)


def _per_article(function: Callable[..., Result]) -> Callable[..., Result]:
    @wraps(function)
    def remembered(*args: str) -> Result:
        memo = _MEMO.get()
        if memo is None:
            return function(*args)
        key = (function, args)
        if key not in memo:
            memo[key] = function(*args)
        return memo[key]

    return remembered


# --- lexicons ---------------------------------------------------------------------------


def _inflections(lemma: str) -> set[str]:
    """Regular forms of a verb: claim → claims, claimed, claiming; deny → denies, denied."""
    first, _, rest = lemma.partition(" ")
    rest = f" {rest}" if rest else ""
    forms = {first}
    if first.endswith("y") and first[-2:-1] not in "aeiou":
        forms |= {first[:-1] + "ies", first[:-1] + "ied", first + "ing"}
    elif first.endswith("e"):
        forms |= {first + "s", first + "d", first[:-1] + "ing"}
    elif first.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {first + "es", first + "ed", first + "ing"}
    else:
        forms |= {first + "s", first + "ed", first + "ing"}
    return {form + rest for form in forms}


@cache
def reporting_verbs() -> dict[str, ReportingVerb]:
    """Every form of every reporting verb (lower case, `called on` included) → its entry."""
    verbs: dict[str, ReportingVerb] = {}
    for verb, category, complement, *_ in load_tsv("reporting_verbs.tsv"):
        lemma, *irregular = verb.split("|")
        forms = set(irregular) or _inflections(lemma)
        if irregular and " " not in lemma and not any(f.endswith("ing") for f in irregular):
            forms |= {form for form in _inflections(lemma) if not form.endswith("ed")}
        for form in sorted(forms | {lemma}):
            verbs.setdefault(form, ReportingVerb(form, lemma, category, complement))
    return verbs


@cache
def roles() -> dict[str, tuple[str, bool]]:
    """Role (lower case, singular and plural) → (speaker type or `organization`, plural)."""
    table: dict[str, tuple[str, bool]] = {}
    for role, speaker_type, *_ in load_tsv("roles.tsv"):
        singular, *plural = role.split("|")
        plural = plural or [_plural(singular)]
        table.setdefault(singular.lower(), (speaker_type, False))
        for form in plural:
            table.setdefault(form.lower(), (speaker_type, True))
    return table


def _plural(noun: str) -> str:
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

    regex: re.Pattern
    organization: Organization
    fixed: tuple[str, ...]  # its literal words: a text without one of them cannot match

    def search(self, text: str) -> re.Match | None:
        for word in self.fixed:
            if word not in text:
                return None
        return self.regex.search(text)


@cache
def _organizations() -> tuple[dict[str, Organization], tuple[_NamePattern, ...]]:
    names: dict[str, Organization] = {}
    patterns = []
    for name, speaker_type, country, *_ in load_tsv("organizations.tsv"):
        org = Organization(name, speaker_type, country)
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
def _pattern_heads() -> dict[str, SpeakerType]:
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
def _organization_pattern() -> re.Pattern:
    """Any listed name, the longest where several match (in lower case, so that names
    differing only in case share their branch of the trie)."""
    names, _ = _organizations()
    alternatives = trie_pattern(name.lower() for name in names)
    return re.compile(rf"(?<![\w.]){alternatives}(?![\w])", re.IGNORECASE)


@_per_article
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
    found = [
        (m.start(), -len(m.group()), number, m, pattern.organization)
        for word, numbered in _patterns_by_word().items()
        if word in text
        for number, pattern in numbered
        if (m := pattern.search(text))
    ]
    if not found:
        return None
    _, _, _, match, org = min(found, key=lambda item: item[:3])
    name = re.sub(r"^(?:The|A|An)\s+", "", match.group())
    return Organization(name, org.speaker_type, org.country), match.start(), match.end()


@cache
def nationalities() -> dict[str, tuple[str, str]]:
    """Country name, capital or adjective as printed → (ISO code, form)."""
    return {term: (country, form) for term, country, form, *_ in load_tsv("nationalities.tsv")}


@cache
def _nationality_pattern() -> re.Pattern:
    terms = sorted(nationalities(), key=len, reverse=True)
    return re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, terms))})(?![\w])")


def find_country(text: str) -> str:
    """ISO code of the first country, capital or nationality word in `text`, or ""."""
    match = _nationality_pattern().search(text)
    return nationalities()[match.group()][0] if match else ""


@cache
def words() -> dict:
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


_WORD_START = re.compile(r"\w")
_INITIAL = re.compile(r"[A-Z]\.")


def starts_word(token: str) -> bool:
    """Whether a token is a word (not punctuation or a masked quotation)."""
    return _WORD_START.match(token) is not None


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
def anonymity_pattern() -> re.Pattern:
    """Any phrase of anonymity, the longest where several match."""
    phrases = trie_pattern(phrase.lower() for phrase in words()["anonymity"])
    return re.compile(rf"\b{phrases}\b", re.IGNORECASE)


# --- finding speaker phrases in tokens ---------------------------------------------------


def role_at_end(tokens: list[Token], end: int) -> int | None:
    """Start index of the longest role that ends at token `end` (inclusive), if any."""
    table = roles()
    if 0 <= end < len(tokens) and tokens[end].lower not in _role_last_words():
        return None
    for length in (3, 2, 1):
        start = end - length + 1
        if start >= 0 and " ".join(t.lower for t in tokens[start : end + 1]) in table:
            return start
    return None


@cache
def _role_last_words() -> frozenset[str]:
    return frozenset(role.rsplit(" ", 1)[-1] for role in roles())


def _is_name_token(token: Token) -> bool:
    return (token.capitalized and token.text[0].isalpha()) or bool(_INITIAL.fullmatch(token.text))


def phrase_before(tokens: list[Token], end: int, floor: int = 0) -> int | None:
    """Start index of the speaker phrase that ends at token `end` (inclusive).

    Reads leftwards: a pronoun; a role with what follows it (`a spokesperson for the
    Foreign Office`, `a source close to the talks`); a role noun with its modifiers back to
    a determiner or the start of the clause (`two senior U.S. defence officials`); or a
    run of capitalised words with the titles and roles among them (`Kremlin spokesman
    Dmitry Peskov`).
    """
    if end < floor:
        return None
    if tokens[end].lower in PRONOUNS:
        return end
    starts = [_name_run_start(tokens, end, floor)]
    for start in range(end, max(floor, end - MAX_POST_MODIFIER_TOKENS) - 1, -1):
        head = role_at_end(tokens, start - 1) if start - 1 >= floor else None
        if head is not None and _post_modifier_end(tokens, start) == end:
            starts.append(_description_start(tokens, head, floor))
    if role_at_end(tokens, end) is not None:
        starts.append(_description_start(tokens, role_at_end(tokens, end), floor))
    starts = [start for start in starts if start is not None]
    return min(starts) if starts else None


def _name_run_start(tokens: list[Token], end: int, floor: int) -> int | None:
    """Start of the capitalised run, with its titles, that ends at `end`."""
    if not _is_name_token(tokens[end]):
        return None
    start = end
    while start - 1 >= floor:
        previous = tokens[start - 1]
        if is_boundary(previous.text) or previous.lower in word_set("time_words"):
            break
        if (
            previous.text == ")"
            and start - 3 >= floor
            and tokens[start - 3].text == "("
            and is_title_word(tokens[start - 2].text)
        ):
            start -= 3  # `Vice Admiral (retd) Sunil Rao`
            continue
        if _is_name_token(previous) or is_title_word(previous.text):
            start -= 1
            continue
        # `of the` in `Director of the Federal Service`: connectors between capitals
        gap = start - 1
        while gap >= floor and tokens[gap].lower in NAME_CONNECTORS and start - gap <= 2:
            gap -= 1
        if gap < start - 1 and gap >= floor and tokens[gap].capitalized:
            start = gap
        else:
            break
    while tokens[start].lower in NAME_CONNECTORS and start < end:
        start += 1
    if start - 1 >= floor and tokens[start - 1].lower in ("the", "a", "an"):
        start -= 1
    return start


def _post_modifier_end(tokens: list[Token], start: int) -> int | None:
    """The last token of what follows a role at `start`: `for the Foreign Office`, `at
    the embassy`, `close to the talks`, `cited above`; None if nothing there qualifies a
    speaker."""
    final = phrases("post_modifier_ends").length_at(tokens, start)
    if final:
        return start + final - 1
    length = phrases("post_modifiers").length_at(tokens, start)
    if not length:
        return None
    index = start + length
    if index < len(tokens) and tokens[index].lower == "the":
        index += 1
    if index >= len(tokens):
        return None
    if length > 1:  # close to the talks, familiar with the matter
        end = index
        while (
            end + 1 < len(tokens)
            and starts_word(tokens[end + 1].text)
            and not (
                is_boundary(tokens[end + 1].text) or tokens[end + 1].lower in reporting_verbs()
            )
        ):
            end += 1
        return end if end - start < MAX_POST_MODIFIER_TOKENS else None
    if tokens[index].lower in word_set("institutions") or tokens[index].lower in roles():
        return index
    return _object_name_end(tokens, index)


def _object_name_end(tokens: list[Token], index: int) -> int | None:
    """The end of a named object after a preposition: `the Foreign Office`, `the border
    town of Narowal`, `the University of London` (up to three lower-case words, then a
    capitalised name)."""
    for _ in range(MAX_OBJECT_WORDS):
        if index >= len(tokens) or _is_name_token(tokens[index]):
            break
        token = tokens[index]
        if not starts_word(token.text) or (is_boundary(token.text) and token.lower != "of"):
            return None
        index += (
            2
            if token.lower == "of" and index + 1 < len(tokens) and tokens[index + 1].lower == "the"
            else 1
        )
    if index >= len(tokens) or not _is_name_token(tokens[index]):
        return None
    end = index
    while end + 1 < len(tokens) and (
        _is_name_token(tokens[end + 1]) or _connects_names(tokens, end + 1, end)
    ):
        end += 1
    while tokens[end].lower in NAME_CONNECTORS:
        end -= 1
    return end


def _description_start(tokens: list[Token], head_start: int, floor: int) -> int:
    start = head_start
    modifiers = 0
    while start - 1 >= floor and modifiers < MAX_MODIFIERS:
        previous = tokens[start - 1]
        if is_determiner(previous.text):
            return start - 1
        if not starts_word(previous.text) or is_boundary(previous.text):
            break
        if previous.lower.endswith("ly") and not previous.capitalized:
            break
        start -= 1
        modifiers += 1
    return start


def phrase_after(tokens: list[Token], start: int) -> int | None:
    """End index (inclusive) of the speaker phrase that starts at token `start`: a pronoun,
    or modifiers up to a role or capitalised head, the name or roles right after it and
    what qualifies a role (`an Indian defence official`, `Kremlin spokesman Dmitry Peskov`,
    `a spokesperson for the Foreign Office`)."""
    if start >= len(tokens) or (
        is_boundary(tokens[start].text) and tokens[start].lower not in PRONOUNS
    ):
        return None
    if tokens[start].lower in PRONOUNS:
        return start
    index = start + 1 if is_determiner(tokens[start].text) else start
    end = None
    while index < len(tokens) and index - start <= MAX_MODIFIERS + MAX_NAME_TOKENS:
        token = tokens[index]
        is_role = role_at_end(tokens, index) is not None
        if not starts_word(token.text) or (
            end is not None and is_determiner(token.text) and not token.capitalized
        ):
            break
        if is_role or _is_name_token(token):
            end = index
        elif end is not None and (
            _connects_names(tokens, index, end)
            or (is_title_word(token.text) and _next_is_name(tokens, index))
        ):
            pass
        elif end is not None and (
            role_at_end(tokens, end) is not None or _is_name_token(tokens[end])
        ):
            qualifier = _post_modifier_end(tokens, index)
            if qualifier is not None or not _role_ahead(tokens, index):
                return qualifier if qualifier is not None else end
        elif (is_boundary(token.text) and token.lower not in ("and", "or")) or (
            end is not None and not _role_ahead(tokens, index)
        ):
            break
        index += 1
    return end


def _next_is_name(tokens: list[Token], index: int) -> bool:
    return index + 1 < len(tokens) and _is_name_token(tokens[index + 1])


def _role_ahead(tokens: list[Token], index: int) -> bool:
    """Whether lower-case modifiers from `index` lead to a role: `Indian defence official`."""
    for ahead in range(index, min(len(tokens), index + MAX_MODIFIERS)):
        if role_at_end(tokens, ahead) is not None:
            return True
        if not starts_word(tokens[ahead].text) or is_boundary(tokens[ahead].text):
            return False
        if tokens[ahead].lower in reporting_verbs():
            return False
    return False


def _connects_names(tokens: list[Token], index: int, end: int) -> bool:
    """`of` in `Secretary of State John Doe`, `for` in `Center for …`."""
    return (
        tokens[index].lower in NAME_CONNECTORS
        and end == index - 1
        and tokens[end].capitalized
        and index + 1 < len(tokens)
        and tokens[index + 1].capitalized
    )


def apposition_after(tokens: list[Token], comma: int, stop: int) -> tuple[int, int] | None:
    """The apposition that opens with the comma at `comma` and closes before a comma
    (or `stop`): `, a scholar at the Brookings Institution,`. Returns token indices
    (first, last) of its words when they describe a speaker (a role, an organization or
    anonymity), else None."""
    for close in range(comma + 1, min(stop, comma + MAX_APPOSITION_TOKENS)):
        if tokens[close].text in ",;:▮" or tokens[close].text.startswith("▮"):
            break
    else:
        close = min(stop, comma + MAX_APPOSITION_TOKENS)
    if close <= comma + 1:
        return None
    words_ = " ".join(t.text for t in tokens[comma + 1 : close])
    return (comma + 1, close - 1) if describes_speaker(words_) else None


@_per_article
def is_personal_name(text: str) -> bool:
    """`Arindam Sen`, `V K Malhotra`: two to four capitalised words, none of them a title,
    an organization or a country."""
    tokens = tokenize(text)
    return (
        2 <= len(tokens) <= MAX_NAME_TOKENS
        and all(_is_name_token(t) for t in tokens)
        and not any(is_title_word(t.text) for t in tokens[:-1])
        and not find_organization(text)
        and not any(t.text in nationalities() for t in tokens)
    )


@_per_article
def describes_speaker(text: str) -> bool:
    """Whether an apposition says who a speaker is (role, organization, anonymity, or a
    relative clause: `, who oversees the Army's modernization,`)."""
    tokens = tokenize(text)
    return bool(
        (tokens and tokens[0].lower in ("who", "whose"))
        or anonymity_pattern().search(text)
        or find_organization(text)
        or any(role_at_end(tokens, i) is not None for i in range(len(tokens)))
    )


# --- describing a speaker phrase ---------------------------------------------------------


@_per_article
def describe(phrase: str, apposition: str = "") -> Description | None:
    """A Description of the speaker phrase (and its apposition), or None if the phrase
    cannot name a speaker ("the move", "the deal")."""
    phrase = re.sub(r"\s*\([^()]{1,12}\)", "", phrase).strip(" ,")  # `(retd)`, `(ISPR)`
    tokens = tokenize(phrase)
    if not tokens:
        return None
    anonymous = bool(anonymity_pattern().search(apposition))
    if len(tokens) == 1 and tokens[0].lower in PRONOUNS:
        return Description(
            phrase, "pronoun", plural=PRONOUNS[tokens[0].lower], head=tokens[0].lower
        )
    determiner = tokens[0].lower if is_determiner(tokens[0].text) else ""
    body = tokens[1:] if determiner else tokens
    if not body or is_vague_group(phrase):
        return None
    qualifier = _name_qualifier(phrase)
    if qualifier:  # `Rubina Khalid of the Pakistan Peoples Party`
        return describe(phrase[:qualifier], f"{phrase[qualifier:]} , {apposition}")
    owner = _possessor(body[0].text)
    if owner and len(body) > 1:  # Pakistan's Foreign Office, Russia's defence minister
        body = body[1:]
        apposition = f"{owner} , {apposition}"
    body_text = phrase[body[0].start :]
    definite = determiner in ("the", "this", "that", "these", "those")
    institution = _institution(body_text, phrase, definite, apposition)
    if institution:
        return institution
    if _is_name_token(body[-1]) and all(
        _is_name_token(t) or t.lower in NAME_CONNECTORS or is_title_word(t.text) for t in body
    ):
        named = _named_person(phrase, body, determiner, apposition, anonymous)
        if named:
            return named
    return _role_description(phrase, body, determiner, apposition, anonymous)


def _name_qualifier(phrase: str) -> int | None:
    """Where `of the X Party` starts after a personal name (not after a title:
    `Secretary of State John Doe` is one title and name)."""
    for match in re.finditer(r"\s+(?:of|from|at|with)\s+(?:the\s+)?(?=[A-Z])", phrase):
        before = tokenize(phrase[: match.start()])
        if before and _is_name_token(before[-1]) and not is_title_word(before[-1].text):
            return match.start()
    return None


def _possessor(token: str) -> str:
    """`Pakistan` from `Pakistan's`, when the possessor is a country or organization."""
    match = re.fullmatch(r"(.+)[’']s", token)
    if not match:
        return ""
    owner = match.group(1)
    return owner if owner in nationalities() or find_organization(owner) else ""


def is_vague_group(phrase: str) -> bool:
    """`critics`, `some experts`, `Indian analysts`, `major media outlets`: a group nobody
    could check is no speaker (its claims are unsourced)."""
    lower = phrase.lower()
    groups = words()["unsourced"]["group"]
    return (lower in groups or lower.endswith(_group_endings())) and not find_organization(phrase)


@cache
def _group_endings() -> tuple[str, ...]:
    return tuple(" " + group for group in words()["unsourced"]["group"])


def _institution(body: str, phrase: str, definite: bool, apposition: str) -> Description | None:
    """A whole phrase that is an organization or a country: `the Kremlin`, `Press TV`, `India`."""
    found = find_organization(body)
    if found and found[1] == 0 and found[2] == len(body):
        org = found[0]
        country = org.country or find_country(body) or find_country(apposition)
        return Description(
            phrase,
            "institution",
            organization=org.name,
            speaker_type=org.speaker_type,
            country=country,
            definite=definite,
            head=org.name.split()[-1].lower(),
        )
    if " " not in body and body in _pattern_heads():
        kind = _pattern_heads()[body]
        return Description(
            phrase,
            "institution",
            organization=body,
            speaker_type=kind,
            definite=definite,
            head=body.lower(),
            country=find_country(apposition),
        )
    entry = nationalities().get(body)
    if entry and entry[1] in ("name", "capital"):
        return Description(
            phrase,
            "institution",
            organization=body,
            speaker_type="official",
            country=entry[0],
            definite=definite,
            head=body.lower(),
        )
    return None


def _named_person(
    phrase: str, body: list[Token], determiner: str, apposition: str, anonymous: bool
) -> Description | None:
    """`Rahul Mehta`, `US Defense Secretary Jane Roe`, `Kremlin spokesman Dmitry Peskov`,
    `Deputy Director of the Federal Service for Military-Technical Cooperation Igor Semyonov`:
    the name is what follows the last title word or organization."""
    split = len(body) - 1  # a title never ends the phrase: `Arindam Sen` is no senator
    while (
        split > 0
        and not is_title_word(body[split - 1].text)
        and body[split - 1].lower not in NAME_CONNECTORS
    ):
        split -= 1
    text = phrase[body[0].start :]
    found = find_organization(text)
    if found:
        org_end = body[0].start + found[2]
        split = max(split, next((i for i, t in enumerate(body) if t.start >= org_end), len(body)))
    name_tokens = body[split:]
    if not name_tokens or len(name_tokens) > MAX_NAME_TOKENS:
        return None
    name = phrase[name_tokens[0].start : name_tokens[-1].end]
    if find_organization(name) or name in nationalities():
        return None
    title = phrase[body[0].start : name_tokens[0].start].strip() if split else ""
    speaker_type, role, organization, country = _affiliation(title, apposition, _last_role(title))
    return Description(
        phrase,
        "name",
        name=name,
        role=role,
        organization=organization,
        speaker_type=speaker_type or "other",
        country=country,
        head=name_tokens[-1].text,
        anonymous=anonymous,
        modifiers=frozenset(re.findall(r"[\w.’'-]+", f"{role} {organization}".lower())),
    )


def _role_description(
    phrase: str, body: list[Token], determiner: str, apposition: str, anonymous: bool
) -> Description | None:
    """`a senior state department official`, `U.S. lawmakers and officials`, `the ministry`."""
    head_start = None
    for end in range(len(body) - 1, -1, -1):
        head_start = role_at_end(body, end)
        if head_start is not None:
            head_end = end
            break
    if head_start is None:
        return None
    head = " ".join(t.lower for t in body[head_start : head_end + 1])
    first_end = next(i for i in range(len(body)) if role_at_end(body, i) is not None)
    first_role = " ".join(t.lower for t in body[role_at_end(body, first_end) : first_end + 1])
    plural = roles()[head][1] or determiner in (
        "two",
        "three",
        "four",
        "five",
        "several",
        "some",
        "many",
        "both",
    )
    description = phrase[body[0].start :]
    speaker_type, _, organization, country = _affiliation(description, apposition, first_role)
    definite = determiner in ("the", "this", "that", "these", "those")
    modifiers = frozenset(t.lower for t in body[:head_start] if t.lower not in ("and", "or"))
    institution = head in word_set("institutions") and not plural
    return Description(
        phrase,
        "institution" if institution else "role",
        role="" if institution else description,
        organization=organization or (description if institution else ""),
        speaker_type=speaker_type or "other",
        country=country,
        plural=plural,
        definite=definite,
        head=_singular(head),
        modifiers=modifiers,
        anonymous=anonymous,
    )


def _singular(role: str) -> str:
    return _singulars().get(role, role)


@cache
def _singulars() -> dict[str, str]:
    table: dict[str, str] = {}
    for role, *_ in load_tsv("roles.tsv"):
        singular, *plural = role.lower().split("|")
        for form in plural or [_plural(singular)]:
            table.setdefault(form, singular)
    return table


def _affiliation(
    description: str, apposition: str, role_word: str = ""
) -> tuple[str, str, str, str]:
    """(speaker type, role, organization, country) from a title or description and its
    apposition. The organization's type decides, except for defining roles (a senator
    is a legislator wherever they sit); a country comes from the organization, else from
    a nationality or capital in the description, else in the apposition."""
    text = f"{description} , {apposition}"
    found = find_organization(text)
    org = found[0] if found else None
    role = _role_text(description, apposition)
    role_word = role_word or _head_role(apposition) or _first_role(text)
    role_type = roles().get(role_word, ("", False))[0]
    if role_type in DEFINING_ROLE_TYPES or not org:
        speaker_type = role_type if role_type != "organization" else ""
    else:
        speaker_type = org.speaker_type
    if not speaker_type and org:
        speaker_type = org.speaker_type
    country = (org.country if org else "") or find_country(description) or find_country(apposition)
    return speaker_type, role, org.name if org else "", country


def _last_role(title: str) -> str:
    """The head of a title before a name: `secretary` in `US Defense Secretary`, `analyst`
    in `Military analyst`."""
    tokens = tokenize(title)
    for end in range(len(tokens) - 1, -1, -1):
        start = role_at_end(tokens, end)
        if start is not None:
            return " ".join(t.lower for t in tokens[start : end + 1])
    return ""


def _head_role(apposition: str) -> str:
    """The role an apposition gives: the last role of its first noun phrase, before any
    preposition (`expert` in `a Beijing-based military expert`, `fellow` in `a visiting
    fellow at the American Enterprise Institute and former special assistant …`)."""
    first = re.split(r",|\s(?:of|at|for|with|from|in|to|on)\s", apposition, maxsplit=1)[0]
    return _last_role(first)


def _first_role(text: str) -> str:
    tokens = tokenize(text)
    for end in range(len(tokens)):
        for length in (3, 2, 1):
            start = end - length + 1
            words_ = " ".join(t.lower for t in tokens[max(start, 0) : end + 1])
            if (
                start >= 0
                and words_ in roles()
                and (
                    end + 1 == len(tokens)
                    or " ".join(t.lower for t in tokens[start : end + 2]) not in roles()
                )
            ):
                return words_
    return ""


def _role_text(title: str, apposition: str) -> str:
    """The role as printed: the title before a name, else the apposition's first part
    without its article and organization (`a scholar at the Brookings Institution` →
    `scholar`)."""
    role = title.strip() if title.strip() else apposition.split(",")[0].strip()
    role = re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.IGNORECASE)
    found = find_organization(role)
    if found and found[1] > 0:
        before = role[: found[1]]
        cut = re.search(r"\s+(?:at|of|with|for|from|in)(?:\s+the)?\s*$", before)
        if cut:
            role = before[: cut.start()]
    return role.strip(" ,")
