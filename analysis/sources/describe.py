"""What a speaker phrase says about its speaker: `describe` turns a phrase, with its
apposition (`, a scholar at the Brookings Institution,`), into a `Description`: name,
role, organization, speaker type and country.
"""

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal, cast

from ..resources import load_tsv
from .lexicon import (
    anonymity_pattern,
    find_country,
    find_organization,
    is_determiner,
    is_title_word,
    nationalities,
    pattern_heads,
    plural_of,
    roles,
    word_set,
    words,
)
from .memo import per_article
from .model import Form, SpeakerType
from .phrases import MAX_NAME_TOKENS, NAME_CONNECTORS, PRONOUNS, is_name_token, role_at_end
from .tokens import Token, tokenize

# Role types that say more about a speaker than the organization they work for: a senator
# from a party is a legislator, a columnist at a think tank's magazine is media.
DEFINING_ROLE_TYPES = ("legislator", "media")


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
    if is_name_token(body[-1]) and all(
        is_name_token(t) or t.lower in NAME_CONNECTORS or is_title_word(t.text) for t in body
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
    kind = cast(SpeakerType | Literal[""], speaker_type)  # roles.tsv's or the organization's
    return kind, role, org.name if org else "", country


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
