"""What a speaker phrase says about its speaker: `describe` turns a phrase, with its
apposition (`, a scholar at the Brookings Institution,`), into a `Description`: name,
role, organization, speaker type and country.
"""

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal, cast

from ..knowledge import load_knowledge
from ..knowledge.verbs import reporting_verbs
from ..resources import load_tsv
from .lexicon import (
    AGED,
    Organization,
    anonymity_pattern,
    find_country,
    find_organization,
    is_determiner,
    is_title_word,
    nationalities,
    pattern_heads,
    plural_of,
    role_entry,
    roles,
    word_set,
    words,
)
from .memo import per_article, personal_name_words
from .model import Form, SpeakerType
from .phrases import (
    MAX_NAME_TOKENS,
    NAME_CONNECTORS,
    PRONOUNS,
    is_name_token,
    one_organization,
    role_at_end,
)
from .tokens import Token, tokenize

# Role types that say more about a speaker than the organization they work for: a senator
# from a party is a legislator, a columnist at a think tank's magazine is media.
DEFINING_ROLE_TYPES = ("legislator", "media")
# Connectors that join the words of a title (`Secretary of State`), not of a name
# (`Omar Al Sayed`, `Anna van der Berg`).
TITLE_CONNECTORS = frozenset({"of", "for", "the", "and"})
# Determiners that make a description plural (`two officials`, `several diplomats`).
PLURAL_DETERMINERS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some"}
    | {"many", "both", "dozens", "hundreds"}
)
# Modifiers that grade a post without naming another one (`senior official`).
GRADE_WORDS = frozenset(
    {"senior", "junior", "top", "former", "retired", "acting", "interim", "outgoing"}
    | {"incoming", "deputy", "chief", "high-ranking", "high-level", "veteran", "ex"}
)
# A document or release that speaks for whoever issued it (`UNICEF data`, `a Pentagon
# statement`): `according to UNICEF data` is UNICEF's statement.
DOCUMENT_WORDS = frozenset(
    {"data", "figures", "statistics", "statement", "release", "report", "documents"}
)


@dataclass(frozen=True)
class Description:
    """What a speaker phrase says about its speaker.

    `text` is the phrase as printed. `head` is what later mentions match on: the surname
    of a person, the role noun of a description (`official`), the last word of an
    institution. `definite` descriptions ("the official") refer back to a speaker already
    introduced; indefinite ones ("a senior official", "another official") introduce one.
    `apposition` is the words describing the speaker beside the phrase, as printed.
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
    apposition: str = ""
    actor: str = ""  # the actor of knowledge.find_mentions it names, when known
    joint: bool = False  # two named speakers who speak together (`X and Y said`)

    @property
    def named(self) -> bool:
        return self.form == "name"

    @property
    def person(self) -> bool:
        """One person (a name, or a singular role that is no institution)."""
        return self.form == "name" or (self.form == "role" and not self.plural)


# --- describing a speaker phrase ---------------------------------------------------------


@per_article
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
    if not body or is_vague_group(phrase) or _not_a_name(body):
        return None
    whole = find_organization(phrase[body[0].start :])
    across = any(t.lower in ("of", "and", "for") for t in body[1:-1])  # a name across words
    if not whole and across and one_organization(phrase[body[0].start :]):
        return _with(  # `the Alliance of Motion Picture and Television Producers`
            _unknown_organization(phrase, phrase[body[0].start :], bool(determiner)), apposition
        )
    named_whole = whole and whole[1:] == (0, len(phrase) - body[0].start)
    # `Independent Electoral and Boundaries Commission chairman X`: an organisation
    # named across the `and` is not two speakers
    across_and = whole and " and " in phrase[body[0].start :][whole[1] : whole[2]]
    joint = None if named_whole or across_and else _joint(phrase, phrase[body[0].start :])
    if joint:
        return _with(joint, apposition)
    qualifier = None if whole and whole[1] == 0 else _name_qualifier(phrase)
    if qualifier:  # `Rubina Khalid of the Pakistan Peoples Party`
        return describe(phrase[:qualifier], f"{phrase[qualifier:]} , {apposition}")
    owner = _possessor(body[0].text)
    if owner and len(body) > 1:  # Pakistan's Foreign Office, Russia's defence minister
        body = body[1:]
        apposition = f"{owner} , {apposition}"
    named_at = _name_after_epithet(body) if determiner in ("a", "an") else 0
    named = describe(phrase[body[named_at].start :], apposition) if named_at else None
    if named is not None:  # `a clearly shocked Altman`: the person, with how they seemed
        return replace(named, text=phrase)
    body_text = phrase[body[0].start :]
    definite = determiner in ("the", "this", "that", "these", "those")
    institution = _institution(body_text, phrase, definite, apposition)
    if institution:
        return _with(institution, apposition)
    if is_name_token(body[-1]) and all(
        is_name_token(t) or t.lower in NAME_CONNECTORS or is_title_word(t.text) for t in body
    ):
        named = _named_person(phrase, body, apposition, anonymous)
        if named and apposition.lstrip(" ,").startswith("which ") and named.role == "":
            return _with(_unknown_organization(phrase, body_text, definite), apposition)
        if named:
            return _with(named, apposition)
    titled = _titled_name(phrase, body, definite, apposition, anonymous)
    if titled:
        return _with(titled, apposition)
    described = _role_description(phrase, body, determiner, apposition, anonymous)
    return _with(described, apposition) if described else None


def _joint(phrase: str, body: str) -> Description | None:
    """`Jane Roe and Tom Cole`, `Acme Holdings and Zentrix Ltd`: two speakers named
    together speak as one, by both names (the guideline's conjoined speaker); the type,
    country and organisation are the first one's, and the pair has no role. Each side must
    be a personal name or an organisation the rules know, so that one name built across
    `and` (`Competition and Markets Authority`) stays whole."""
    first_text, joined, second_text = body.partition(" and ")
    if not joined or " and " in second_text:
        return None
    first, second = describe(first_text), describe(second_text)
    if not (first and second and _one_named_speaker(first) and _one_named_speaker(second)):
        return None
    name = f"{first.name or first.organization} and {second.name or second.organization}"
    return Description(
        phrase,
        first.form,
        name=name,
        organization=first.organization,
        speaker_type=first.speaker_type,
        country=first.country,
        plural=True,
        head=name.lower(),
        joint=True,
    )


def _one_named_speaker(description: Description) -> bool:
    """A personal name (`Tom Cole`, `Senator Jane Roe`) or a known organisation."""
    if description.form == "name":
        return " " in description.name and not description.anonymous
    return description.form == "institution" and not description.plural


# `a visibly emotional Hermoso`: at most this many words of manner before a name.
MAX_EPITHET_WORDS = 3


def _name_after_epithet(body: list[Token]) -> int:
    """Where the name starts in `visibly emotional Hermoso` (after `a`): lower-case words
    that are no role, then only a name; 0 when the phrase is not built so."""
    start = next((i for i, t in enumerate(body) if t.capitalized), 0)
    if not 0 < start <= MAX_EPITHET_WORDS:
        return 0
    if any(role_entry(t.lower)[0] or not t.text.isalpha() for t in body[:start]):
        return 0
    if not all(is_name_token(t) and not is_title_word(t.text) for t in body[start:]):
        return 0
    return start


def _with(description: Description, apposition: str) -> Description:
    description = _out_of_government(description)
    kept = apposition.strip(" ,")
    if description.apposition == kept:
        return description
    return replace(description, apposition=kept)


def _out_of_government(description: Description) -> Description:
    """`Opposition foreign affairs spokesman X`, `shadow health secretary X`: a post of
    politicians out of government (the guideline's `legislator`), not an official's."""
    out = load_knowledge().word_list("out_of_government")
    if description.speaker_type == "official" and not out.isdisjoint(description.role.split()):
        return replace(description, speaker_type="legislator")
    return description


def _not_a_name(body: list[Token]) -> bool:
    """`Even`, `If`, `Nonetheless`, `Wednesday`: a capitalised word that opens a sentence
    or names a date but never a speaker (the knowledge pack's `not_names` and `dates`)."""
    knowledge = load_knowledge()
    return len(body) == 1 and (
        (body[0].text in knowledge.word_list("not_names") and body[0].lower not in roles())
        or body[0].text in knowledge.word_list("dates")
        or (body[0].lower.endswith("ing") and body[0].lower in reporting_verbs())
    )


def _name_qualifier(phrase: str) -> int | None:
    """Where `of the X Party` starts after a personal name (not after a title:
    `Secretary of State John Doe` is one title and name)."""
    for match in re.finditer(r"\s+(?:of|from|at|with)\s+(?:the\s+)?(?=[A-Z])", phrase):
        before = tokenize(phrase[: match.start()])
        if before and is_name_token(before[-1]) and not is_title_word(before[-1].text):
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
    """A whole phrase that is an organization, a country, its capital or a seat of its
    government: `the Kremlin`, `Press TV`, `India`, `Kyiv`, `Downing Street`; or an
    organization's document (`UNICEF data`, `a Pentagon statement`), which speaks for it. A
    city that is no capital is never a speaker."""
    found = find_organization(body)
    if (
        found and found[1] > 0 and all(word in nationalities() for word in body[: found[1]].split())
    ):  # `the Turkish Red Crescent`, `the Italian Coast Guard`
        apposition = f"{body[: found[1]]} , {apposition}"
        body = body[found[1] :]
        found = find_organization(body)
    last = body.rsplit(" ", 1)
    if (
        found
        and found[1] == 0
        and last[-1].lower() in DOCUMENT_WORDS
        and found[2] == len(last[0])
        and " " in body
    ):
        return _institution(last[0], last[0], definite, apposition)  # `UNICEF data`
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
    if " " not in body and body in pattern_heads():
        kind = pattern_heads()[body]
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
    if entry and entry[1] in ("name", "capital", "seat"):
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


def _unknown_organization(phrase: str, name: str, definite: bool) -> Description:
    """A name the rules do not know, that the text shows to be an organisation (`Alarm
    Phone, which operates a network …`)."""
    return Description(
        phrase,
        "institution",
        name=name,
        organization=name,
        speaker_type="other",
        definite=definite,
        head=name.split()[-1].lower(),
    )


def _named_person(
    phrase: str, body: list[Token], apposition: str, anonymous: bool
) -> Description | None:
    """`Rahul Mehta`, `US Defense Secretary Jane Roe`, `Kremlin spokesman Dmitry Peskov`,
    `Deputy Director of the Federal Service for Military-Technical Cooperation Igor Semyonov`:
    the name is what follows the last title word or organization."""
    split = len(body) - 1  # a title never ends the phrase: `Arindam Sen` is no senator
    while (
        split > 0
        and not is_title_word(body[split - 1].text)
        and body[split - 1].lower not in TITLE_CONNECTORS
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
    if find_organization(name) or name in nationalities() or _not_a_name(name_tokens):
        return None
    if len(name_tokens) == 1 and name.isupper() and len(name) > 1 and split:
        return None  # `state broadcaster XTV`: an acronym after a title is an institution
    if len(name_tokens) == 1 and role_at_end(name_tokens, 0) is not None:
        return None  # `Witnesses`, `Regulators` opening a sentence: a role, not a name
    title = phrase[body[0].start : name_tokens[0].start].strip() if split else ""
    return _person(phrase, name, name_tokens[-1].text, title, apposition, anonymous)


def _person(
    phrase: str, name: str, head: str, title: str, apposition: str, anonymous: bool
) -> Description:
    speaker_type, role, organization, country = _affiliation(title, apposition, _last_role(title))
    return Description(
        phrase,
        "name",
        name=name,
        role=role,
        organization=organization,
        speaker_type=speaker_type or "other",
        country=country,
        head=head,
        anonymous=anonymous,
        modifiers=frozenset(re.findall(r"[\w.’'-]+", f"{role} {organization}".lower())),
    )


def _titled_name(
    phrase: str, body: list[Token], definite: bool, apposition: str, anonymous: bool
) -> Description | None:
    """A name after a title in lower case: `coast guard spokesperson Ana Ruiz`,
    `retired Italian navy admiral Marco Conti` (a person), `state broadcaster XTV`
    (an institution named by what it is)."""
    first = len(body)
    while first > 0 and is_name_token(body[first - 1]):
        first -= 1
    if first == 0 or first == len(body) or role_at_end(body, first - 1) is None:
        return None
    name_tokens = body[first:]
    name = phrase[name_tokens[0].start : name_tokens[-1].end]
    title = phrase[body[0].start : name_tokens[0].start].strip()
    found = find_organization(name)
    if (found and found[1] == 0 and found[2] == len(name)) or (
        len(name_tokens) == 1 and name.isupper() and len(name) > 1
    ):
        role = " ".join(t.lower for t in body[role_at_end(body, first - 1) or 0 : first])
        kind = role_entry(role)[0]
        org = found[0] if found else None
        speaker_type = (org.speaker_type if org else "") or (
            kind if kind not in ("", "organization") else "other"
        )
        return Description(
            phrase,
            "institution",
            name=name,
            organization=name,
            speaker_type=cast(SpeakerType, speaker_type),
            country=(org.country if org else "") or find_country(title) or find_country(apposition),
            definite=definite,
            head=name_tokens[-1].lower,
        )
    if len(name_tokens) < 2 or len(name_tokens) > MAX_NAME_TOKENS:
        return None
    if any(is_title_word(t.text) for t in name_tokens[:-1]) or _not_a_name(name_tokens[:1]):
        return None
    return _person(phrase, name, name_tokens[-1].text, title, apposition, anonymous)


def _role_description(
    phrase: str, body: list[Token], determiner: str, apposition: str, anonymous: bool
) -> Description | None:
    """`a senior state department official`, `U.S. lawmakers and officials`, `the ministry`,
    `the chief executive of the country’s competition watchdog` (the head comes before
    what qualifies it)."""
    qualified = next(
        (i for i, t in enumerate(body) if i and t.lower in ("of", "for", "at", "from", "with")),
        len(body),
    )
    if not any(role_at_end(body, end) is not None for end in range(qualified)):
        qualified = len(body)
    head_start = None
    for end in range(qualified - 1, -1, -1):
        head_start = role_at_end(body, end)
        if head_start is not None:
            head_end = end
            break
    if head_start is None:
        return None
    head = " ".join(t.lower for t in body[head_start : head_end + 1])
    first_end = next(i for i in range(len(body)) if role_at_end(body, i) is not None)
    first_role = " ".join(t.lower for t in body[role_at_end(body, first_end) : first_end + 1])
    plural = role_entry(head)[1] or determiner in PLURAL_DETERMINERS
    description = phrase[body[0].start :]
    speaker_type, _, organization, country = _affiliation(description, apposition, first_role)
    definite = determiner in ("the", "this", "that", "these", "those")
    modifiers = frozenset(t.lower for t in body[:head_start] if t.lower not in ("and", "or"))
    institution = head in word_set("institutions") and not plural
    if institution and role_entry(head)[0] not in ("", "organization") and not organization:
        speaker_type = cast(SpeakerType, role_entry(head)[0])  # `the teachers' union`
    noun_org = _institution_noun(body[:head_start])
    if not organization and not noun_org and qualified < len(body):
        # `the chief executive of the country’s competition watchdog`
        noun_org = _institution_noun(body[qualified + 1 :])
        noun_type = role_entry(noun_org.split()[-1].lower())[0] if noun_org else ""
        if noun_type not in ("", "organization") and role_entry(head)[0] in (
            "organization",
            "other",
        ):
            speaker_type = cast(SpeakerType, noun_type)
    if not speaker_type and country and role_entry(head)[0] == "organization":
        speaker_type = "official"  # `Turkey’s disaster management agency`: a state's
    collective = institution or _singular(head) in COLLECTIVE_HEADS
    return Description(
        phrase,
        "institution" if institution else "role",
        role="" if collective else clean_role(description, organization or noun_org),
        organization=organization or noun_org or (description if institution else ""),
        speaker_type=speaker_type or "other",
        country=country,
        plural=plural,
        definite=definite,
        head=_singular(head),
        modifiers=modifiers,
        anonymous=anonymous,
    )


# `, of Acme,` `, from the Red Cross,`: the organisation a named person speaks for.
OF_ORGANIZATION = re.compile(r"(?:of|from|at|with)\s+(?:the\s+)?((?:[A-Z][\w&’'.-]*\s*)+)")
# `Acme’s vice-chairman`: a capitalised possessor is the organisation of the post.
# An organisation's acronym (`NEB`, `SAG-AFTRA`) in a title, or after `of` in an apposition
# (`president of SAG-AFTRA`).
ACRONYM = re.compile(r"\b[A-Z]{2,6}(?:-[A-Z]{2,6})*\b")
OF_ACRONYM = re.compile(r"\bof\s+(?:the\s+)?([A-Z]{2,6}(?:-[A-Z]{2,6})*)\b")
POSSESSIVE_OWNER = re.compile(r"(?:the\s+)?((?:[A-Z][\w&.-]*\s)*[A-Z][\w&.-]*)[’']s\s+[a-z]")
# Heads that name a body of people, not a post: `Greek authorities` has no role.
COLLECTIVE_HEADS = frozenset({"authorities", "authority", "police", "military", "government"})


@cache
def _institution_nouns() -> tuple[tuple[str, ...], ...]:
    """Institution nouns (`coast guard`, `foreign ministry`, `government`) as word tuples,
    longest first."""
    nouns = set(load_knowledge().word_list("institution_nouns")) | set(word_set("institutions"))
    return tuple(sorted((tuple(n.lower().split()) for n in nouns), key=len, reverse=True))


def _institution_noun(modifiers: list[Token]) -> str:
    """The institution a role description names before its head, with the noun that
    qualifies it: `coast guard` in `a Greek coast guard official`, `shipping ministry` in
    `a shipping ministry official`, `government` in `a government spokesman`."""
    lowered = [t.lower for t in modifiers]
    for noun in _institution_nouns():
        size = len(noun)
        if size <= len(lowered) and tuple(lowered[-size:]) == noun:
            start = len(lowered) - size
            if (
                start > 0
                and modifiers[start - 1].text.isalpha()
                and modifiers[start - 1].text.islower()
                and lowered[start - 1] not in GRADE_WORDS
                and not is_determiner(lowered[start - 1])
                and not lowered[start - 1].endswith(("al", "ic", "ese", "an", "ish"))
            ):
                start -= 1  # `shipping ministry`, not `federal ministry`
            return " ".join(t.text for t in modifiers[start:])
    return ""


def _singular(role: str) -> str:
    if AGED.fullmatch(role):
        return "year-old"
    return _singulars().get(role, role)


@cache
def _singulars() -> dict[str, str]:
    table: dict[str, str] = {}
    for role, *_ in load_tsv("roles.tsv"):
        singular, *plural = role.lower().split("|")
        for form in plural or [plural_of(singular)]:
            table.setdefault(form, singular)
    return table


def _affiliation(
    description: str, apposition: str, role_word: str = ""
) -> tuple[SpeakerType | Literal[""], str, str, str]:
    """(speaker type, role, organization, country) from a title or description and its
    apposition. The organization's type decides, except for defining roles (a senator
    is a legislator wherever they sit); a country comes from the organization, else from
    a nationality or capital in the description, else in the apposition."""
    text = f"{description} , {apposition}"
    found = find_organization(text)
    org = found[0] if found else None
    of = OF_ORGANIZATION.fullmatch(apposition.strip(" ,"))
    unknown = False  # an organisation the rules do not know: the role's type decides
    if org is None and of and not description.strip():
        org = Organization(of.group(1).strip(), "other", "")  # `Jane Roe, of Acme,`
        apposition = ""
        unknown = True
    acronym = next(
        (
            word
            for word in ACRONYM.findall(description) + OF_ACRONYM.findall(apposition)
            if word not in nationalities()
            and word.lower() not in roles()
            and word not in _abbreviations_upper()
        ),
        "",
    )
    if org is None and acronym:
        org = Organization(acronym, "other", "")  # `NEB chairman Tom Okello`
        unknown = True
    owner = POSSESSIVE_OWNER.match(apposition.strip(" ,") or description.strip())
    if (
        org is None
        and owner
        and not nationalities().get(owner.group(1))
        and not set(owner.group(1).split()) & personal_name_words()
    ):
        org = Organization(owner.group(1), "other", "")  # `Acme’s vice-chairman`
        unknown = True
    role = _role_text(description, apposition)
    role_word = role_word or _head_role(apposition) or _first_role(text)
    role_type = role_entry(role_word)[0]
    if unknown and role_word.lower() in word_set("head_roles"):
        role_type = "organization"  # the head of a body the rules do not know
    if role_type in DEFINING_ROLE_TYPES or not org or (unknown and role_type != "organization"):
        speaker_type = role_type if role_type != "organization" else ""
    else:
        speaker_type = org.speaker_type
    if not speaker_type and org:
        speaker_type = org.speaker_type
    if apposition.lstrip(" ,").lower().startswith(("who ", "which ")):
        apposition = re.sub(r"\b(?:lives|living|lived|based|born)\s+in\s+[\w ]+", "", apposition)
    country = (org.country if org else "") or find_country(description) or find_country(apposition)
    kind = cast(SpeakerType | Literal[""], speaker_type)  # roles.tsv's or the organization's
    organization = org.name.strip(" .,;") if org else ""
    return kind, clean_role(role, organization), organization, country


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
    (`a scholar at the Brookings Institution` → `scholar at the Brookings Institution`;
    clean_role takes the organization out). A relative clause (`who will become …`) or a
    participle (`speaking to …`) gives no role."""
    honorifics = load_knowledge().word_list("honorifics")
    title = " ".join(word for word in title.split() if word not in honorifics)
    role = title.strip() if title.strip() else apposition.split(",")[0].strip()
    first = role.split(" ", 1)[0]
    if first.lower() in ("who", "whose", "which") and not first.isupper():
        return ""  # `who will become …`: a relative clause (not the WHO)
    if first.endswith("ing") and not title.strip():
        return ""
    role = re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.IGNORECASE)
    found = find_organization(role)
    if found and found[1] > 0:
        before = role[: found[1]]
        cut = re.search(r"\s+(?:at|of|with|for|from|in)(?:\s+the)?\s*$", before)
        if cut:
            role = before[: cut.start()]
    return role.strip(" ,")


@cache
def _place_pattern() -> re.Pattern[str]:
    """Country names, demonyms, capitals, seats and states of several words, as printed."""
    from ..knowledge.trie import trie_pattern

    places = [term for term in (*nationalities(), *load_knowledge().regions) if " " in term]
    return re.compile(rf"(?<![\w.])(?:{trie_pattern(places)})(?![\w])")


@cache
def _abbreviations_upper() -> frozenset[str]:
    return frozenset(key.upper().rstrip(".") for key in words()["role_abbreviations"])


@cache
def _abbreviations() -> dict[str, str]:
    return {key.lower(): value for key, value in words()["role_abbreviations"].items()}


def clean_role(role: str, organization: str = "") -> str:
    """A role as the guideline writes it: lower case, without the country, the
    organisation, articles and honorifics, abbreviations written out (`UK PM` → `prime
    minister`, `head of a United Nations Refugee Agency delegation` → `head of
    delegation`, `WHO Director-General` → `director-general`)."""
    if organization:
        role = re.sub(rf"(?<!\w){re.escape(organization)}(?:[’']s)?(?!\w)", " ", role)
    found = find_organization(role)
    while found:
        role = role[: found[1]] + " " + role[found[2] :]
        found = find_organization(role)
    role = re.split(r"\s(?:in|at|from|on|with|who|which)\s", role, maxsplit=1)[0]
    role = _place_pattern().sub(" ", role)  # `Downing Street`, `United States`
    honorifics = load_knowledge().word_list("honorifics")
    kept: list[str] = []
    for token in tokenize(role):
        if token.text.endswith(("’s", "'s")):  # `the prime minister’s`, `Derek Roe’s`
            while kept and kept[-1] not in ("of", "for", "at", "and") and len(kept) <= 2:
                kept.pop()
            continue
        word = token.text
        bare = re.sub(r"[’']s$", "", word)
        place = bare in nationalities() or bare in load_knowledge().regions
        if place or word in honorifics or not re.match(r"\w", word):
            continue
        if is_determiner(word) or word.endswith(("’s", "'s")) or AGED.fullmatch(word.lower()):
            continue
        abbreviations = _abbreviations()  # `Gov.` may come without its full stop
        word = word.lower()
        kept.append(abbreviations.get(word) or abbreviations.get(f"{word}.", word))
    while kept and kept[-1] in ("of", "at", "for", "from", "in", "with", "and"):
        kept.pop()
    while kept and kept[0] in ("of", "out", "at", "for", "from", "in", "with", "and"):
        kept.pop(0)
    return " ".join(kept)
