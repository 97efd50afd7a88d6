"""Speakers across the article: later mentions (`Pérez`, `the official`, `she`) are resolved
in reading order to the speaker introduced earlier, and each quote gets its speaker.
"""

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..text import Document
from .describe import Description, describe
from .lexicon import roles, words
from .model import Form, Quote, Speaker, SpeakerType
from .phrases import apposition_after, phrase_before
from .records import Context, Cue, Found
from .subjects import MAX_FULL_NAME_WORDS, join_tokens, sentence_subject

# Pronouns refer back to a speaker quoted at most this many sentences earlier.
PRONOUN_REACH = 6


# --- speakers ----------------------------------------------------------------------------


@dataclass
class _Entity:
    description: Description
    name: str
    role: str
    organization: str
    speaker_type: SpeakerType
    country: str
    anonymous: bool
    last_seen: int
    chain: list[str] = field(default_factory=list)

    @property
    def form(self) -> Form:
        return self.description.form


def resolve_speakers(found: list[Found], context: Context) -> list[_Entity]:
    """Give every quote a speaker, in reading order: a later `Pérez`, `the official` or
    `she` is the speaker introduced earlier; a continuation has its quote's speaker."""
    entities: list[_Entity] = []
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
            cue.speaker = _full_mention(context, cue.speaker, cue.at) or cue.speaker
        item.speaker = _resolve(cue.speaker, cue.antecedent, entities, step, item.sentence, found)
        if item.speaker is None and item.kind != "indirect":
            entities.append(_new_entity(cue.speaker, step))  # "she said", nobody to refer to
            item.speaker = len(entities) - 1
        if item.speaker is None:
            continue  # reported speech by "it" or "they" with nobody to refer to
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


def _full_mention(context: Context, surname: Description, before: int) -> Description | None:
    """`Fischer says` after `Dr Lena Fischer, an associate professor …, is sceptical`: a
    surname first printed in full (with title and apposition) where nobody was quoted."""
    ends = context.full_mentions.get(surname.name)
    if ends is None:
        pattern = re.compile(
            rf"\b(?:[A-Z][\w’'.-]*\s+){{1,{MAX_FULL_NAME_WORDS}}}{re.escape(surname.name)}\b"
        )
        ends = context.full_mentions[surname.name] = [
            m.end() for m in pattern.finditer(context.masked)
        ]
    earlier = bisect_right(ends, before)
    if not earlier:
        return None
    end_offset = ends[earlier - 1]
    sentence = context.document.sentence_at(end_offset - 1)
    tokens = context.tokens(sentence)
    end = next((i for i, t in enumerate(tokens) if t.end == end_offset), None)
    if end is None:
        return None
    start = phrase_before(tokens, end, 0)
    apposition = ""
    if end + 1 < len(tokens) and tokens[end + 1].text == ",":
        span = apposition_after(tokens, end + 1, len(tokens))
        apposition = join_tokens(tokens, *span) if span else ""
    full = describe(join_tokens(tokens, start, end), apposition) if start is not None else None
    return full if full is not None and full.form == "name" and full.head == surname.head else None


def _antecedent(context: Context, cue: Cue) -> Description | None:
    """What a pronoun or definite description may stand for: the subject of its own
    sentence when that comes first, else of the sentence before."""
    sentence = context.document.sentence_at(cue.at)
    subject = sentence_subject(context.tokens(sentence))
    if subject is not None and subject[1] < cue.at:
        return subject[0]
    return _previous_subject(context, sentence)


def _previous_subject(context: Context, sentence: int) -> Description | None:
    """The subject of the sentence before, in the same paragraph: `The minister spoke
    calmly. “…,” she said.`"""
    sentences = context.document.sentences
    if sentence == 0 or sentences[sentence - 1].paragraph != sentences[sentence].paragraph:
        return None
    subject = sentence_subject(context.tokens(sentence - 1))
    return subject[0] if subject else None


def _resolve(
    description: Description,
    antecedent: Description | None,
    entities: list[_Entity],
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


def _can_be_antecedent(description: Description, entities: list[_Entity]) -> bool:
    """A sentence's subject can stand behind a pronoun or `the service` unless it is a
    lone capitalised word that is no known speaker (`Western sanctions` → `Western`)."""
    if description.form == "pronoun":
        return False
    if description.form == "name" and len(description.name.split()) == 1:
        return _same_speaker(description, entities) is not None
    return True


def _names_the_same(description: Description, subject: Description) -> bool:
    """`the service` for the U.S. Army, `the company` for Raytheon: a definite description
    of an institution refers to the sentence's institutional subject of the same type."""
    return (
        description.definite
        and description.form == "institution"
        and subject.form == "institution"
        and subject.text != description.text
        and description.speaker_type in (subject.speaker_type, "other")
    )


def _pronoun_fits(pronoun: Description, antecedent: Description) -> bool:
    if pronoun.plural:
        return antecedent.plural or antecedent.form == "institution"
    if pronoun.head == "it":
        return antecedent.form == "institution"
    return not antecedent.plural and antecedent.form in ("name", "role")


def _pronoun_antecedent(
    pronoun: Description, entities: list[_Entity], found: list[Found], sentence: int
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


def _same_speaker(description: Description, entities: list[_Entity]) -> int | None:
    """An earlier speaker this phrase refers back to, by surname, organization or role."""
    candidates = sorted(range(len(entities)), key=lambda n: entities[n].last_seen, reverse=True)
    for number in candidates:
        entity = entities[number]
        if _refers_to(description, entity):
            return number
    return None


def _refers_to(description: Description, entity: _Entity) -> bool:
    known = entity.description
    if description.form == "name":
        if known.form != "name":
            return False
        mention, full = description.name.split(), known.name.split()
        if len(mention) == 1 or len(full) == 1:
            # `Pérez` for Ana Pérez; `Wang` for Wang Lin (family name first)
            return mention[-1] in (full[0], full[-1]) or full[-1] == mention[-1]
        return mention[-1] == full[-1] and mention[0] == full[0]
    if description.form == "institution":
        return known.form == "institution" and (
            description.organization.lower() == known.organization.lower()
            or (description.head == known.head and description.speaker_type == known.speaker_type)
        )
    if description.form == "role" and known.form == "name":
        # `the official`, `the expert`: a speaker named earlier with that type of role
        return (
            description.definite
            and not description.plural
            and entity.speaker_type == roles().get(description.head, ("", False))[0]
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
        if not _introduces(description):
            return description.role.lower() == known.role.lower()
    return False


def _nationality_words(description: Description) -> frozenset[str]:
    return frozenset({"u.s.", "us"}) if description.country == "US" else frozenset()


def _introduces(description: Description) -> bool:
    """`a senior official`, `another official`, `two officials` introduce a new speaker."""
    first = description.text.split()[0].lower()
    return first in {w.lower() for w in words()["words"]["indefinite"]} or first.isdigit()


def _fill_in(entity: _Entity, description: Description) -> None:
    """A later mention may say more: the role or organization of a speaker first named bare."""
    if description.form == "name" and len(description.name.split()) > len(entity.name.split()):
        entity.name = description.name
    entity.role = entity.role or description.role
    entity.organization = entity.organization or description.organization
    entity.country = entity.country or description.country
    entity.anonymous = entity.anonymous or description.anonymous
    if entity.speaker_type == "other" and description.speaker_type not in (None, "other"):
        entity.speaker_type = description.speaker_type


def _new_entity(description: Description, step: int) -> _Entity:
    name = description.name if description.form == "name" else description.text
    return _Entity(
        description,
        name,
        description.role,
        description.organization,
        description.speaker_type or "other",
        description.country,
        description.anonymous,
        step,
    )


def speaker_records(entities: list[_Entity], found: list[Found]) -> tuple[Speaker, ...]:
    """One Speaker per entity that said something, numbered in order of first quote."""
    quoted = [f.speaker for f in found if f.speaker is not None]
    order = list(dict.fromkeys(quoted))
    speakers = []
    for new_id, number in enumerate(order):
        entity = entities[number]
        speakers.append(
            Speaker(
                id=new_id,
                name=entity.name,
                role=entity.role,
                organization=entity.organization,
                speaker_type=entity.speaker_type,
                country=entity.country,
                named=entity.form == "name",
                anonymous=entity.anonymous,
                form=entity.form,
                quotes=tuple(i for i, f in enumerate(found) if f.speaker == number),
                chain=tuple(entity.chain),
            )
        )
    renumber = {number: new_id for new_id, number in enumerate(order)}
    for item in found:
        item.speaker = renumber.get(item.speaker) if item.speaker is not None else None
    return tuple(speakers)


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
