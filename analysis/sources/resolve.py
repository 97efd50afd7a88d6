"""Speakers across the article: later mentions (`Pérez`, `the official`, `she`) are resolved
in reading order to the speaker introduced earlier, and each quote gets its speaker.
"""

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from ..knowledge import Mention, load_knowledge
from ..text import Document
from .complete import complete_entities, described_at, is_proper
from .describe import Description, describe
from .lexicon import find_organization, role_entry, roles, words
from .model import Quote, Speaker
from .phrases import is_personal_name, phrase_after
from .records import Context, Cue, Entity, Found
from .subjects import MAX_FULL_NAME_WORDS, clause_subject, join_tokens, sentence_subject

# Pronouns refer back to a speaker quoted at most this many sentences earlier.
PRONOUN_REACH = 6
# `The statement said` refers to a statement mentioned at most this many sentences earlier.
STATEMENT_REACH = 8


# --- speakers ----------------------------------------------------------------------------


def resolve_speakers(found: list[Found], context: Context) -> list[Entity]:
    """Give every quote a speaker, in reading order: a later `Pérez`, `the official` or
    `she` is the speaker introduced earlier; a continuation has its quote's speaker."""
    entities: list[Entity] = []
    order = sorted(
        range(len(found)), key=lambda i: cue.at if (cue := found[i].cue) else found[i].start
    )
    for step, number in enumerate(order):
        item = found[number]
        if item.cue is None:
            continue
        cue = item.cue
        if cue.antecedent is None and (cue.speaker.form == "pronoun" or cue.speaker.definite):
            cue.antecedent = _antecedent(context, cue)
        if cue.speaker.form == "name" and " " not in cue.speaker.name:
            # `Nelson said` after `administrator Bill Nelson`: the person, before the actor
            # rules may read the bare surname as an organisation
            cue.speaker = _full_mention(context, cue.speaker, cue.at) or cue.speaker
        cue.speaker = with_mentions(context, cue.speaker, cue.at)
        issuer = _issuer(context, cue, entities)
        if isinstance(issuer, Description):
            cue.speaker = issuer
        elif issuer is not None:
            cue.speaker, cue.antecedent = entities[issuer].description, None
        if _a_title_alone(cue.speaker) and _same_speaker(cue.speaker, entities) is None:
            cue.speaker = (
                _title_holder(context, cue.speaker, cue.at)
                or _earlier_description(context, cue.speaker, cue.at)
                or cue.speaker
            )
        if _spokesperson_of_no_one(cue.speaker):
            cue.speaker = _speaking_for(context, cue.speaker, item.sentence)
        item.speaker = _resolve(cue.speaker, cue.antecedent, entities, step, item.sentence, found)
        if item.speaker is None and item.kind != "indirect":
            entities.append(_new_entity(cue.speaker, step))  # "she said", nobody to refer to
            item.speaker = len(entities) - 1
        if item.speaker is None:
            continue  # reported speech by "it" or "they" with nobody to refer to
        entity = entities[item.speaker]
        entity.cues.append(cue.at)
        if cue.speaker.form == "pronoun" and cue.speaker.head in ("he", "she"):
            entity.pronouns.append((cue.speaker.head, context.document.sentence_at(cue.at)))
        for carrier in item.cue.chain:
            outlet = _resolve(carrier, None, entities, step, item.sentence, found, create=False)
            name = (
                entities[outlet].name
                if outlet is not None
                else carrier.organization or carrier.text
            )
            if name not in item.chain:
                item.chain.append(name)
            if name not in entities[item.speaker].chain:
                entities[item.speaker].chain.append(name)
    for item in found:
        if item.kind == "continuation" and item.follows is not None:
            item.speaker = item.follows.speaker
    found[:] = [item for item in found if item.speaker is not None]
    return entities


# A document that speaks for whoever issued it (`the statement said`).
DOCUMENT_HEADS = frozenset({"statement", "release", "communique", "communiqué"})
# `X in a statement said`: the speaker before the occasion (searched up to the cue).
_IN_BEFORE = re.compile(r"(\S)\s+in\s+$")
_ISSUED_BY = re.compile(r"\s+(?:released|issued|posted|published|put out|sent)\s+by\s+")


def _issuer(context: Context, cue: Cue, entities: list[Entity]) -> Description | int | None:
    """Who a statement speaks for: `a statement released by OceanGate` → OceanGate;
    `the statement said` → the speaker last quoted in a sentence that mentions a
    statement (`The union said in a statement …`), else that sentence's subject
    (`Acme released a statement …`). None when the phrase is no bare document noun."""
    speaker = cue.speaker
    if speaker.form != "institution" or speaker.head.lower() not in DOCUMENT_HEADS:
        return None
    end = cue.at + len(speaker.text)
    if by := _ISSUED_BY.match(context.masked, end):
        agent = _phrase_at(context, by.end())
        if agent is not None:
            return agent
    window = max(0, cue.at - len(" in "))
    if in_ := _IN_BEFORE.search(context.masked, window - 1, cue.at):
        agent = described_at(context, in_.end(1))
        if agent is not None:  # `OpenAI in a brief statement said`
            return with_mentions(context, agent, in_.end(1) - len(agent.text))
    if not speaker.definite:
        return None
    sentence = context.document.sentence_at(cue.at)
    noun = speaker.head
    for earlier in range(sentence, max(-1, sentence - STATEMENT_REACH), -1):
        if noun not in context.document.sentence_text(earlier).lower():
            continue
        for number in range(len(entities) - 1, -1, -1):
            if any(context.document.sentence_at(at) == earlier for at in entities[number].cues):
                return number
        subject = sentence_subject(context.tokens(earlier))
        if subject is None or subject[0].head in DOCUMENT_HEADS:
            continue
        described, at = subject
        if described.form == "institution" and described.organization.lower() != described.head:
            described = describe(described.organization) or described  # `The company, Acme`
        return with_mentions(context, described, at)
    return None


def _phrase_at(context: Context, offset: int) -> Description | None:
    """The speaker phrase that starts at `offset` (`OceanGate, which operates …`)."""
    tokens = context.tokens(context.document.sentence_at(offset))
    start = next((i for i, token in enumerate(tokens) if token.start == offset), None)
    end = phrase_after(tokens, start) if start is not None else None
    if start is None or end is None:
        return None
    described = describe(join_tokens(tokens, start, end))
    return with_mentions(context, described, offset) if described is not None else None


def _full_mention(context: Context, surname: Description, before: int) -> Description | None:
    """`Fischer says` after `Dr Lena Fischer, an associate professor …, is sceptical`: a
    surname first printed in full (with title and apposition) where nobody was quoted;
    also a name whose first word is the one used alone (`Amara` after `director-general
    Amara Kone Diallo`)."""
    ends = context.full_mentions.get(surname.name)
    if ends is None:
        word = re.escape(surname.name)
        last = re.compile(rf"\b(?:[A-Z][\w’'.-]*\s+){{1,{MAX_FULL_NAME_WORDS}}}{word}\b")
        first = re.compile(rf"\b{word}(?:\s+[A-Z][\w’'-]*[\w’']){{1,{MAX_FULL_NAME_WORDS - 1}}}\b")
        ends = context.full_mentions[surname.name] = sorted(
            {m.end() for pattern in (last, first) for m in pattern.finditer(context.masked)}
        )
    earlier = bisect_right(ends, before)
    found = None
    for end_offset in reversed(ends[:earlier]):
        full = described_at(context, end_offset)
        if (
            full is not None
            and full.form == "name"
            and not full.joint
            and surname.name in full.name.split()
            and len(full.name.split()) > 1
        ):
            if found is not None and found.name != full.name:
                return None  # `Assange` after `Julian Assange` and `Stella Assange`: either
            found = found or full
    return found


def _spokesperson_of_no_one(description: Description) -> bool:
    """`a spokesman said` with no organisation in the phrase (nor a country's seat or
    name: `a Buckingham Palace spokesperson` speaks for the state)."""
    return (
        description.form == "role"
        and not description.organization
        and not description.country
        and description.head in SPOKESPEOPLE
        and not description.plural
    )


# Posts that speak for the organisation the text has just named.
SPOKESPEOPLE = frozenset({"spokesperson", "spokesman", "spokeswoman"})


def _speaking_for(context: Context, description: Description, sentence: int) -> Description:
    """`Telstra confirms … ⏎ “…,” a spokesman said`: the spokesperson of the
    organisation that is the subject of the sentence before."""
    subject = _previous_subject(context, sentence)
    if subject is None or not (subject.form == "institution" or _one_word_body(context, subject)):
        return description
    return replace(
        description,
        organization=subject.organization or subject.name,
        speaker_type=subject.speaker_type,
        country=description.country or subject.country,
    )


def _one_word_body(context: Context, subject: Description) -> bool:
    """`Telstra confirms …`: one capitalised word as a subject that the article never
    shows to be a person."""
    return (
        subject.form == "name"
        and " " not in subject.name
        and not _person_evidence(context, subject.name)
        and not any(m.kind == "person" and subject.name in m.name.split() for m in context.mentions)
    )


def _a_title_alone(description: Description) -> bool:
    """`the former president`, `the minister`: one person named by a title alone."""
    return description.form == "role" and description.definite and not description.plural


def _title_holder(context: Context, title: Description, before: int) -> Description | None:
    """`The former president protested …` after `former President Donald Trump`: the
    person the article last named with that title, as described there."""
    for mention in reversed(context.mentions_in(0, before)):
        if mention.kind == "person" and _holds(mention.role, _post(title.role)):
            full = described_at(context, mention.end)
            return full if full is not None and full.form == "name" else None
    return None


# How far back, and through how many of the head noun's uses, a definite post (`the
# spokesperson`) looks for the description it refers to: a reader's reach, and a bound
# that keeps analysis linear in a long article's length.
EARLIER_REACH = 3000  # characters
EARLIER_TRIES = 5


def _earlier_description(context: Context, title: Description, before: int) -> Description | None:
    """`The spokesperson added …` after `… through a Buckingham Palace spokesperson`: the
    body's post the article last described with the same head noun, where that
    description says whose post it is (an organisation or a country)."""
    if not title.head:
        return None
    start = max(0, before - EARLIER_REACH)
    pattern = re.compile(rf"\b{re.escape(title.head)}\b")
    for found in reversed(list(pattern.finditer(context.masked, start, before))[-EARLIER_TRIES:]):
        earlier = described_at(context, found.end())
        if (
            earlier is not None
            and earlier.form == "role"
            and not earlier.definite
            and not earlier.plural
            and earlier.head == title.head
            and (earlier.organization or earlier.country)
        ):
            return earlier
    return None


def _post(role: str) -> str:
    """The post a title names, without `former`/`ex-` (`the former president`)."""
    return re.sub(r"^(?:former|ex-?)\s*", "", role)


def _holds(role: str, title: str) -> bool:
    """`prime minister` holds `the PM` (written out: `prime minister`), `foreign
    minister` holds `the minister`; `vice president` does not hold `the president`."""
    if not title or not role.endswith(title) or (role != title and role[-len(title) - 1] != " "):
        return False
    return not set(role[: -len(title)].split()) & {"vice", "deputy", "assistant", "under"}


def with_mentions(context: Context, description: Description, at: int) -> Description:
    """What the article's actor mentions (knowledge.find_mentions) add to a speaker
    phrase: a capitalised word that is an organisation, not a person (`Acme
    said`), and the long form of an acronym the article defines (`the FTA` for the
    Federal Transport Agency), with the actor both are known by."""
    if description.form not in ("name", "institution"):
        return description
    if description.form == "institution" and description.definite and not description.actor:
        earlier = _named_before(context, description, at)
        if earlier is not None:
            return earlier
    mentions = [
        m
        for m in context.mentions_in(at, at + len(description.text))
        if m.kind in ("organization", "international")
    ]
    printed = description.name if description.form == "name" else description.organization
    mention = next((m for m in mentions if m.alias == printed), None)
    if mention is None:
        return description
    if (
        description.form == "name"
        and mention.kind == "organization"
        and not find_organization(printed)
        and (" " in printed or _person_evidence(context, printed))
    ):
        return description  # a person the actor rules took for an organisation
    name = description.name or description.text
    first = next(m for m in context.mentions if m.actor == mention.actor)
    if mention.alias.isupper() and first.alias != mention.alias and mention.kind == "organization":
        name = first.alias  # an acronym the article defines: its long form
    elif mention.alias != mention.name and mention.kind == "organization":
        name = mention.name
    elif description.form == "name":
        name = _longer_name(context, printed, at) or printed
    found = find_organization(mention.name) or find_organization(name)
    org = found[0] if found else None
    return replace(
        description,
        form="institution",
        name=name,
        organization=name if description.form == "name" else description.organization,
        speaker_type=(
            org.speaker_type
            if org
            else description.speaker_type
            if description.form == "institution"
            else "other"
        ),
        country=description.country or (org.country if org else "") or mention.country,
        head=name.split()[-1].lower(),
        actor=mention.actor,
        role="",
    )


def _named_before(context: Context, description: Description, at: int) -> Description | None:
    """`the conservative court` after `the Supreme Court`, `the regulator`
    … : a definite description by a common noun is the organisation of that noun the
    article last named, as it first printed it."""
    head = description.head
    if not head or description.name or head not in INSTITUTION_HEADS:
        return None
    if _proper_name(description.organization):  # `the Algerian Olympic Committee`
        return None
    introduced = _introduced_company(context, at) if head in COMPANY_HEADS else None
    for mention in reversed(context.mentions_in(introduced[0] if introduced else 0, at)):
        if mention.kind not in ("organization", "international"):
            continue
        if mention.alias.lower() == description.organization.lower():
            continue
        if _head_noun(mention.name) != head and not (
            (head in COMPANY_HEADS and _is_company(mention.name))
            or (head == "agency" and _bare(description) and _is_public_body(mention))
        ):
            continue
        first = next(m for m in context.mentions if m.actor == mention.actor)
        found = find_organization(first.alias) or find_organization(mention.name)
        org = found[0] if found else None
        return replace(
            description,
            name=first.alias,
            organization=first.alias,
            speaker_type=org.speaker_type if org else description.speaker_type,
            country=description.country or mention.country or (org.country if org else ""),
            actor=mention.actor,
        )
    if introduced is None:
        return None
    name = introduced[1]
    return replace(description, name=name, organization=name, speaker_type="other")


# `OpenAI, the company behind ChatGPT,`, `Acme, a Dutch firm that …`: a name the article
# introduces as a company (the noun heads the apposition: not `the company’s founder`).
_INTRODUCED_COMPANY = re.compile(
    r"\b([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}),\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:company|firm)(?=,|\s+(?:that|which|whose|behind|based|founded|owned|run|in|from)\b)"
)


def _introduced_company(context: Context, at: int) -> tuple[int, str] | None:
    """The last name before `at` that the article introduced as a company, with where it
    starts; never a person's name or a word that opens sentences (`However, the firm …`)."""
    for start, name in reversed(_introduced_companies(context.masked)):
        if start < at:
            return start, name
    return None


@lru_cache(maxsize=8)  # one article's text is asked about many times in a row
def _introduced_companies(masked: str) -> tuple[tuple[int, str], ...]:
    not_names = load_knowledge().word_list("not_names")
    return tuple(
        (match.start(1), match.group(1))
        for match in _INTRODUCED_COMPANY.finditer(masked)
        if match.group(1).split()[0] not in not_names and not is_personal_name(match.group(1))
    )


def _head_noun(name: str) -> str:
    """The noun an organisation's name is built on, in lower case: its last word, or the
    last before `of` (`Bank of England`, `Maritime and Port Authority of Singapore`)."""
    words = name.split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words[-1].lower() if words else ""


# Common nouns that name an organisation already named (`the court`, `the agency`).
INSTITUTION_HEADS = frozenset(
    {"court", "agency", "authority", "commission", "regulator", "ministry", "department"}
    | {"company", "firm", "organization", "organisation", "council", "committee", "union"}
    | {"party", "group", "bank", "office", "service", "tribunal", "parliament", "watchdog"}
)


# `the company` is the business last named, whatever its name ends with (`Acme Group`).
COMPANY_HEADS = frozenset({"company", "firm"})


def _bare(description: Description) -> bool:
    """`the agency`, not `the UN migration agency`: a determiner and the noun only."""
    return len(description.text.split()) == 2


def _is_public_body(mention: Mention) -> bool:
    """`the agency` after `NASA`, `the FAA`, `WHO`: a government or international body,
    whatever its name ends with."""
    found = find_organization(mention.name)
    return mention.kind == "international" or bool(found and found[0].speaker_type == "official")


def _is_company(name: str) -> bool:
    found = find_organization(name)
    return bool(found and found[0].speaker_type == "other" and found[2] - found[1] == len(name))


def _acronym_of(acronym: str, name: str) -> bool:
    return len(acronym) > 1 and acronym.isupper() and " " in name and _initials(name) == acronym


def _initials(name: str) -> str:
    """`FTA` for `Federal Transport Agency`."""
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w not in ("The",))


def _person_evidence(context: Context, word: str) -> bool:
    """Whether the article shows a single capitalised word to be a person: an age or a
    `who` after it (`Mwangi, 55,`, `Mwangi, who …`), a title or honorific before it."""
    return word in _shown_as_people(context.masked)


# `Mwangi, 55,` and `Mwangi, who …`: the word before is a person's.
_AGED = re.compile(r"([\w’'.-]+?)(?:[’']s)?,\s+(?:\d{1,3},|who\b)")
# Any word and the one after it (the second is read ahead, so that pairs overlap).
_PAIR = re.compile(r"([\w.-]+)\s+(?=([\w’'.-]+))")


@lru_cache(maxsize=8)  # one article's text is asked about many times in a row
def _shown_as_people(masked: str) -> frozenset[str]:
    """Every word the text shows to be a person's (see `_person_evidence`), found in one
    pass, so that a long article is read in linear time: the word parts of a token that
    start where a word starts (`Mwangi` in `Kip-Mwangi, 55,`), or, after a title or role,
    end where a word ends."""
    titles = {title.lower() for title in load_knowledge().word_list("titles")} | set(roles())
    people: set[str] = set()
    for match in _AGED.finditer(masked):
        token = match.group(1)
        people.update(token[i:] for i in range(len(token)) if _word_starts(token, i))
    for match in _PAIR.finditer(masked):
        if match.group(1).lower() in titles:
            token = match.group(2)
            people.update(token[:i] for i in range(1, len(token) + 1) if _word_ends(token, i))
    return frozenset(people)


def _word_starts(token: str, at: int) -> bool:
    return (token[at].isalnum() or token[at] == "_") and (
        at == 0 or not (token[at - 1].isalnum() or token[at - 1] == "_")
    )


def _word_ends(token: str, at: int) -> bool:
    return (token[at - 1].isalnum() or token[at - 1] == "_") and (
        at == len(token) or not (token[at].isalnum() or token[at] == "_")
    )


def _longer_name(context: Context, word: str, before: int) -> str:
    """`Acme Holdings` for `Acme`: the organisation first printed with more
    capitalised words after the one used alone."""
    pattern = re.compile(rf"\b{re.escape(word)}(?:\s+[A-Z][\w&’'-]*){{1,2}}")
    for match in pattern.finditer(context.masked, 0, before):
        full = match.group()
        if not any(part in load_knowledge().word_list("not_names") for part in full.split()):
            return full
    return ""


def _antecedent(context: Context, cue: Cue) -> Description | None:
    """What a pronoun or definite description may stand for: the subject of a clause its
    sentence opens with (a pronoun only), the subject of its own sentence when that comes
    first, else of the sentence before."""
    sentence = context.document.sentence_at(cue.at)
    tokens = context.tokens(sentence)
    if cue.speaker.form == "pronoun" and (clause := clause_subject(tokens)) and clause[1] < cue.at:
        return _known_person(context, *clause)  # `Once Ruiz got there, she said`
    subject = sentence_subject(tokens)
    if subject is not None and subject[1] < cue.at:
        return _known_person(context, *subject)
    return _previous_subject(context, sentence, cue.speaker.form == "pronoun")


def _known_person(context: Context, description: Description, at: int) -> Description:
    """A subject that the article's actor mentions know as a person (so a lone surname
    can stand behind a pronoun)."""
    if description.form != "name" or description.actor:
        return description
    for mention in context.mentions_in(at, at + len(description.text)):
        if mention.kind == "person":
            return replace(description, actor=mention.actor)
    if " " not in description.name and description.name in load_knowledge().first_names:
        # `Stella thanked …` after `his wife Stella Assange`: a first name used alone
        full = _full_mention(context, description, at)
        return full or replace(description, actor=f"person:{description.name.lower()}")
    return description


def _previous_subject(context: Context, sentence: int, pronoun: bool = True) -> Description | None:
    """The subject of the sentence before (`The minister spoke calmly. “…,” she said.`),
    or of the last sentence of the paragraph before when the pronoun opens a paragraph
    (`… Omar Sayed welcomed the report.⏎⏎He added: “…”`); sentences wholly in
    quotation marks are passed over."""
    sentences = context.document.sentences
    paragraph = sentences[sentence].paragraph
    for earlier in range(sentence - 1, max(-1, sentence - 1 - MAX_QUOTED_SENTENCES), -1):
        if sentences[earlier].paragraph < paragraph - (1 if pronoun else 0):
            return None
        if (
            sentences[earlier].paragraph != paragraph
            and earlier + 1 != sentence
            and not _all_quoted(context, earlier + 1)
        ):
            return None
        subject = sentence_subject(context.tokens(earlier))
        if subject:
            return _known_person(context, *subject)
        if not _all_quoted(context, earlier):
            return None
    return None


# A pronoun looks back past at most this many sentences wholly in quotation marks.
MAX_QUOTED_SENTENCES = 3


def _all_quoted(context: Context, sentence: int) -> bool:
    """Whether a sentence's words are all inside quotation marks."""
    tokens = context.tokens(sentence)
    return bool(tokens) and all(not t.text[0].isalnum() for t in tokens)


def _resolve(
    description: Description,
    antecedent: Description | None,
    entities: list[Entity],
    step: int,
    sentence: int,
    found: list[Found],
    create: bool = True,
) -> int | None:
    if antecedent is not None and not _can_be_antecedent(antecedent, entities):
        antecedent = None
    if description.form == "pronoun":
        if antecedent is not None and _pronoun_fits(description, antecedent):
            return _resolve(antecedent, None, entities, step, sentence, found)
        match = _pronoun_antecedent(description, entities, found, sentence)
        if match is None:
            return None
    else:
        match = _same_speaker(description, entities)
        if match is None and antecedent is not None and _names_the_same(description, antecedent):
            return _resolve(antecedent, None, entities, step, sentence, found)
    if match is not None:
        entity = entities[match]
        entity.last_seen = step
        _fill_in(entity, description)
        return match
    if not create:
        return None
    entities.append(_new_entity(description, step))
    return len(entities) - 1


def _can_be_antecedent(description: Description, entities: list[Entity]) -> bool:
    """A sentence's subject can stand behind a pronoun or `the service` unless it is a
    lone capitalised word that is no known speaker (`Western sanctions` → `Western`)."""
    if description.form == "pronoun":
        return False
    if description.form == "name" and len(description.name.split()) == 1:
        return (
            description.actor.startswith("person:")
            or _same_speaker(description, entities) is not None
        )
    return True


def _names_the_same(description: Description, subject: Description) -> bool:
    """`the service` for the U.S. Army, `the company` for Raytheon: a definite description
    of an institution refers to the sentence's institutional subject of the same type (a
    company to a business, never to a court or ministry)."""
    return (
        description.definite
        and description.form == "institution"
        and not description.modifiers
        and subject.form == "institution"
        and subject.text != description.text
        and not _two_proper_names(description.organization, subject.organization)
        and description.speaker_type in (subject.speaker_type, "other")
        and (description.head not in COMPANY_HEADS or subject.speaker_type == "other")
    )


def _pronoun_fits(pronoun: Description, antecedent: Description) -> bool:
    if pronoun.plural:
        return antecedent.plural or antecedent.form == "institution"
    if pronoun.head == "it":
        return antecedent.form == "institution"
    return not antecedent.plural and antecedent.form in ("name", "role")


def _pronoun_antecedent(
    pronoun: Description, entities: list[Entity], found: list[Found], sentence: int
) -> int | None:
    """The most recently quoted compatible speaker, within PRONOUN_REACH sentences."""
    recent = {
        f.speaker: f.sentence for f in found if f.speaker is not None and f.sentence <= sentence
    }
    candidates = [
        (entity.last_seen, number)
        for number, entity in enumerate(entities)
        if _pronoun_fits(pronoun, entity.description)
        and sentence - recent.get(number, -99) <= PRONOUN_REACH
    ]
    return max(candidates)[1] if candidates else None


def _same_speaker(description: Description, entities: list[Entity]) -> int | None:
    """An earlier speaker this phrase refers back to, by surname, organization or role."""
    candidates = sorted(range(len(entities)), key=lambda n: entities[n].last_seen, reverse=True)
    for number in candidates:
        entity = entities[number]
        if _refers_to(description, entity):
            return number
    return None


def _refers_to(description: Description, entity: Entity) -> bool:
    known = entity.description
    if description.joint or known.joint:  # `Cole` alone is not `Jane Roe and Tom Cole`
        return description.name == known.name
    if description.form == "name":
        if known.form != "name":
            return False
        mention, full = description.name.split(), known.name.split()
        if len(mention) == 1 or len(full) == 1:
            # `Pérez` for Ana Pérez; `Wang` for Wang Lin (family name first)
            return mention[-1] in (full[0], full[-1]) or full[-1] == mention[-1]
        # `Al Jaber` for Sultan Al Jaber, `Van Hollen` for Chris Van Hollen: a family name
        # of several words
        tail = len(mention) < len(full) and full[-len(mention) :] == mention
        return tail or (mention[-1] == full[-1] and mention[0] == full[0])
    if description.form == "institution":
        return known.form == "institution" and (
            (bool(description.actor) and description.actor == known.actor)
            or description.organization.lower() == known.organization.lower()
            or _acronym_of(description.organization, known.organization)
            or _acronym_of(known.organization, description.organization)
            or (
                description.head == known.head
                and description.speaker_type == known.speaker_type
                and not _two_proper_names(description.organization, known.organization)
            )
            or _a_company_that_spoke(description, known)
        )
    if description.form == "role" and known.form == "name":
        # `the official`, `the expert`: a speaker named earlier with that type of role
        return (
            description.definite
            and not description.plural
            and entity.speaker_type == role_entry(description.head)[0]
            and description.modifiers <= known.modifiers | _nationality_words(known)
        )
    if description.form == "role":
        if (
            known.form != "role"
            or description.head != known.head
            or description.plural != known.plural
        ):
            return False
        if description.definite:
            return description.modifiers <= known.modifiers | _nationality_words(known)
        if not _introduces(description):  # `officials said` again: the same words
            return description.text.lower() == known.text.lower()
    return False


def _proper_name(organization: str) -> bool:
    """`Algerian Olympic Committee`: a body's own name of several words, not a short
    reference to a body (`the committee`, `the regulator`)."""
    return " " in organization and is_proper(organization)


def _two_proper_names(first: str, second: str) -> bool:
    """Two bodies' own names (`Algerian Olympic Committee`, `International Olympic
    Committee`) that differ: two bodies."""
    return _proper_name(first) and _proper_name(second) and first.lower() != second.lower()


def _a_company_that_spoke(description: Description, known: Description) -> bool:
    """`the company said` after `Deepsea Ventures, which operates the vessel, said`: a
    definite company noun refers back to an organisation of the business type that spoke."""
    return (
        description.definite
        and description.head in COMPANY_HEADS
        and not description.modifiers
        and not description.name
        and known.head not in COMPANY_HEADS
        and known.speaker_type == "other"
        and not known.plural
    )


def _nationality_words(description: Description) -> frozenset[str]:
    return frozenset({"u.s.", "us"}) if description.country == "US" else frozenset()


def _introduces(description: Description) -> bool:
    """`a senior official`, `another official`, `two officials` introduce a new speaker."""
    first = description.text.split()[0].lower()
    return first in {w.lower() for w in words()["words"]["indefinite"]} or first.isdigit()


def _fill_in(entity: Entity, description: Description) -> None:
    """A later mention may say more: the role or organization of a speaker first named bare."""
    if description.form == "name" and len(description.name.split()) > len(entity.name.split()):
        entity.name = description.name
    entity.role = entity.role or description.role
    entity.organization = entity.organization or description.organization
    entity.country = entity.country or description.country
    entity.anonymous = entity.anonymous or description.anonymous
    if entity.speaker_type == "other" and description.speaker_type not in (None, "other"):
        entity.speaker_type = description.speaker_type
    if description.form != "pronoun":
        entity.descriptions.append(description)


def _new_entity(description: Description, step: int) -> Entity:
    name = description.name or description.text
    return Entity(
        description,
        name,
        description.role,
        description.organization,
        description.speaker_type or "other",
        description.country,
        description.anonymous,
        step,
        descriptions=[description],
    )


def speaker_records(
    entities: list[Entity], found: list[Found], context: Context
) -> tuple[Speaker, ...]:
    """One Speaker per entity that said something, numbered in order of first quote,
    completed with what the whole article says about it."""
    quoted = [f.speaker for f in found if f.speaker is not None]
    order = list(dict.fromkeys(quoted))
    complete_entities([entities[number] for number in order], context)
    speakers = []
    for new_id, number in enumerate(order):
        entity = entities[number]
        speakers.append(
            Speaker(
                id=new_id,
                name=_as_printed_in_text(entity),
                role=entity.role,
                organization=entity.organization,
                speaker_type=entity.speaker_type,
                country=entity.country,
                named=entity.form == "name",
                anonymous=entity.anonymous,
                form=entity.form,
                quotes=tuple(i for i, f in enumerate(found) if f.speaker == number),
                chain=tuple(entity.chain),
                gender=entity.gender,
                gender_evidence=entity.gender_evidence,
            )
        )
    renumber = {number: new_id for new_id, number in enumerate(order)}
    for item in found:
        item.speaker = renumber.get(item.speaker) if item.speaker is not None else None
    return tuple(speakers)


def _as_printed_in_text(entity: Entity) -> str:
    """`LIONEL MESSI has confirmed …` (a tabloid's capitals at the start of a story): a
    person's name of several words all in capitals is written as a name."""
    words = entity.name.split()
    if entity.form == "name" and len(words) > 1 and all(w.isupper() for w in words):
        return entity.name.title()
    return entity.name


def make_quote(item: Found, document: Document, speakers: Sequence[Speaker]) -> Quote:
    speaker = speakers[item.speaker] if item.speaker is not None else None
    cue = item.cue
    verb = cue.verb if cue else None
    return Quote(
        item.start,
        item.end,
        kind=item.kind,
        text=document.text[item.start : item.end],
        speaker=speaker.name if speaker else "",
        speaker_id=speaker.id if speaker else None,
        speaker_type=speaker.speaker_type if speaker else None,
        country=speaker.country if speaker else "",
        named=speaker.named if speaker else False,
        cue=cue.cue if cue else "",
        verb=verb.lemma if verb else "",
        verb_category=verb.category if verb else "",
        rule=cue.rule if cue else "continuation",
        sentence=item.sentence,
        chain=tuple(item.chain),
    )
