"""The speaker of a reporting verb: the subject before it (`the minister said`), after it
(`said the minister`), a clause's subject, or the sentence's subject for a pronoun.
"""

import re
from dataclasses import replace
from functools import cache
from typing import TypeGuard

from ..knowledge.verbs import ReportingVerb, reporting_verbs
from .describe import Description, describe
from .lexicon import (
    anonymity_pattern,
    is_boundary,
    is_determiner,
    nationalities,
    phrases,
    roles,
    word_set,
)
from .phrases import (
    PRONOUNS,
    apposition_after,
    describes_speaker,
    is_personal_name,
    leading_name,
    phrase_after,
    phrase_before,
    role_at_end,
)
from .records import Cue
from .tokens import Token, starts_word

PASSIVE_AUXILIARIES = frozenset({"is", "was", "are", "were", "be", "been", "being", "get", "got"})


# --- the speaker of a reporting verb -----------------------------------------------------


@cache
def verb_first_words() -> frozenset[str]:
    """The first word of every reporting verb form: most tokens are none, and are turned
    down at once."""
    return frozenset(form.split(" ")[0] for form in reporting_verbs())


def reporting_verb_at(tokens: list[Token], index: int) -> tuple[ReportingVerb, int] | None:
    """The reporting verb starting at token `index` and how many tokens it takes."""
    if (
        index < 0
        or index >= len(tokens)
        or tokens[index].lower not in verb_first_words()
        or (tokens[index].capitalized and not _opening_participle(tokens, index))
    ):
        return None
    verbs = reporting_verbs()
    if index + 1 < len(tokens):
        pair = f"{tokens[index].lower} {tokens[index + 1].lower}"
        if pair in verbs:
            return verbs[pair], 2
    entry = verbs.get(tokens[index].lower)
    if entry is None or (" " in entry.lemma and entry.form == tokens[index].lower):
        return None
    if (
        tokens[index].lower in ("state", "states")
        and index > 0
        and _names_states(tokens[index - 1])
    ):
        return None  # `50 US states that …`, `member states`: the noun
    if (
        tokens[index].lower.endswith("ing")
        and index > 0
        and (
            is_determiner(tokens[index - 1].text)
            or tokens[index - 1].lower.endswith(ADJECTIVE_ENDINGS)
        )
    ):
        return None  # `a sweeping ruling that …`, `the warning`: the noun
    return entry, 1


# Endings of adjectives before an -ing noun (`a sweeping ruling`, `a formal warning`).
ADJECTIVE_ENDINGS = ("ic", "al", "ous", "ful", "ive", "est", "ent", "ant", "ary", "ing")


def _opening_participle(tokens: list[Token], index: int) -> bool:
    """`Noting that …` opening a sentence: a capitalised participle is still a verb."""
    return index == dateline_end(tokens) and tokens[index].lower.endswith("ing")


def _names_states(previous: Token) -> bool:
    """Whether the word before `state(s)` makes it the noun: a number, determiner, place
    or demonym, or a modifier such as `member`, `island`, `nation`."""
    return (
        is_determiner(previous.text)
        or previous.text in nationalities()
        or previous.lower in ("member", "island", "nation", "federal", "other", "neighbouring")
        or previous.lower.endswith(("-controlled", "-led", "-run", "ern"))
    )


def skip_auxiliaries(tokens: list[Token], index: int) -> int:
    """Past words like `has also`, `on Thursday`, `went on to` before a verb."""
    while index < len(tokens) and (length := phrases("auxiliaries").length_at(tokens, index)):
        index += length
    return index


def _skip_auxiliaries_left(tokens: list[Token], index: int, floor: int) -> int:
    moved = True
    while moved and index >= floor:
        moved = False
        if (
            index - 2 >= floor
            and tokens[index].text == ","
            and tokens[index - 2].text == ","
            and tokens[index - 1].lower in word_set("parenthetical_adverbs")
        ):
            index -= 3  # `The representative, however, told …`
            moved = True
            continue
        length = phrases("auxiliaries").length_before(tokens, index, floor)
        if length:
            index -= length
            moved = True
    return index


def _is_passive(tokens: list[Token], index: int, verb: ReportingVerb) -> bool:
    """`has been told`, `is said to`, `was on Monday declared`: the subject is not the
    speaker."""
    if tokens[index].lower.endswith("ing"):
        return False
    before = index - 1
    while (
        before > 0
        and index - before <= MAX_PASSIVE_GAP
        and (
            tokens[before].lower in word_set("time_words")
            or tokens[before].lower in ("on", "also", "not", "then", "later", "formally")
            or (tokens[before].lower.endswith("ly") and not tokens[before].capitalized)
        )
    ):
        before -= 1
    return before >= 0 and tokens[before].lower in PASSIVE_AUXILIARIES


# Words allowed between a passive auxiliary and its verb (`was on Monday declared`).
MAX_PASSIVE_GAP = 3


def subject_cue(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int], rule: str, floor: int
) -> Cue | None:
    """`X said`, `X, a scholar at Y, said`, `X has also said`: the speaker phrase before
    the verb, with an apposition between commas."""
    if _is_passive(tokens, index, verb[0]):
        return None
    before_parenthesis = _skip_auxiliaries_left(tokens, index - 1, floor)
    end = _skip_parenthesis(tokens, before_parenthesis, floor)
    american = end != before_parenthesis and bool(
        US_PARTY_STATE.fullmatch("".join(t.text for t in tokens[end + 2 : before_parenthesis]))
    )
    apposition = ""
    if (
        end > floor
        and tokens[end].text == ","
        and "," not in (t.text for t in tokens[max(floor, end - 30) : end])
        and _relative_clause_before(tokens, end - 1, floor) is not None
    ):
        end -= 1  # `Alvin Bragg who is the first to …, said`: a relative clause, one comma
    if end >= floor and tokens[end].text in ",—–":
        mark = tokens[end].text
        opening = next(
            (i for i in range(end - 1, max(floor - 1, end - 30), -1) if tokens[i].text == mark),
            None,
        )
        if opening is None:
            return None
        apposition = join_tokens(tokens, opening + 1, end - 1)
        if _participle_clause(tokens[opening + 1]):
            apposition = anonymity_after(tokens, opening + 1)  # `, speaking to XTV,`
        elif not describes_speaker(apposition) and not is_personal_name(apposition):
            return None
        end = opening - 1
    elif (
        end > floor
        and _participle_clause(tokens[end])
        and tokens[end - 1].lower in PASSIVE_AUXILIARIES
    ):
        return None  # `was seeking answers`: the object of a participle, no verb
    elif (relative := _relative_clause_before(tokens, end, floor)) is not None:
        apposition = join_tokens(tokens, relative, end)  # `an official who spoke … said`
        end = relative - 1
        if end > floor and tokens[end].text == ",":
            end -= 1  # `Jane Roe, who called it …`
    if end < floor:
        return None
    start = phrase_before(tokens, end, floor)
    if (
        start is not None
        and apposition.split(" ", 1)[0] in ("who", "whose")
        and start > floor
        and tokens[start - 1].lower in COPULAS
    ):
        subject = sentence_subject(tokens)  # `Otieno is a farmer who had called …`
        if subject is None or subject[1] >= tokens[start].start:
            return None
        return _verb_cue(subject[0], subject[1], tokens, index, verb, rule)
    if (
        start is not None
        and apposition.split(" ", 1)[0] in ("who", "whose")
        and start > floor
        and (tokens[start - 1].text == "(" or tokens[start - 1].lower in PREPOSITIONS)
        and not is_determiner(tokens[start].text)
        and not tokens[start].capitalized
    ):
        return None  # `under fire from activists who argue …`: a group in passing
    if start is None and is_personal_name(apposition):
        start = _noun_phrase_start(tokens, end, floor)  # `His neighbour, Nasreen Akter, said`
    if start is None:
        start = _qualified_role_start(tokens, end, floor)  # `Officials from around the globe`
    if start is None:
        return None
    if (
        apposition
        and start > floor
        and tokens[start - 1].text == ","
        and not (start - 2 >= floor and tokens[start - 2].lower in LEAD_IN_STARTS)
        and _ends_speaker_phrase(tokens, start - 2, floor)
    ):
        return None  # `X, Y, Z said` is a list, not an apposition (`However, X, …` is one)
    anonymity = anonymity_after(tokens, index + verb[1])
    phrase = join_tokens(tokens, start, end)
    if is_personal_name(apposition) and not is_personal_name(phrase):
        phrase, apposition = apposition, phrase  # `The MEA spokesperson, Arindam Sen, said`
    description = describe(phrase, apposition + anonymity)
    if not is_speaker(description):
        return None
    if american:  # `Gov. Doug Burgum (R-ND)`: a US politician's party and state
        description = replace(
            description,
            country=description.country or "US",
            speaker_type=(
                "legislator" if description.speaker_type == "other" else description.speaker_type
            ),
        )
    return _verb_cue(description, tokens[start].start, tokens, index, verb, rule)


def _participle_clause(token: Token) -> bool:
    """`speaking to Italy's XTV`, `addressing reporters`: a participle opens an
    adverbial clause, not a description."""
    return (
        token.lower.endswith("ing")
        and len(token.text) > 5
        and not token.capitalized
        and token.text.isalpha()
        and token.lower not in roles()
    )


def _relative_clause_before(tokens: list[Token], end: int, floor: int) -> int | None:
    """Where a relative clause between a speaker and the verb starts: `a shipping ministry
    official who spoke on condition of anonymity said`."""
    for index in range(end, max(floor, end - MAX_RELATIVE_TOKENS) - 1, -1):
        token = tokens[index]
        if token.text in ("who", "whose") and index > floor:
            return index
        if not starts_word(token.text):
            return None
    return None


def _ends_speaker_phrase(tokens: list[Token], end: int, floor: int) -> bool:
    """Whether the words before a comma could be a speaker of their own (so `X, Y, Z
    said` is a list): not a lead-in such as `Speaking at the conference this morning,`."""
    if end < floor:
        return False
    start = phrase_before(tokens, end, floor)
    return start is not None and not _participle_clause(tokens[start]) and start == floor


def _qualified_role_start(tokens: list[Token], end: int, floor: int) -> int | None:
    """`Officials from around the globe`, `people on the boat`: a role opening the clause
    and what qualifies it, up to the verb."""
    for start in range(end, max(floor, end - MAX_QUALIFIED_TOKENS) - 1, -1):
        token = tokens[start]
        if not starts_word(token.text):
            return None
        opens = start == floor or tokens[start - 1].text in ",;:"
        if opens:
            head = start + 1 if is_determiner(token.text) else start
            if (
                head < end
                and role_at_end(tokens, head) is not None
                and tokens[head + 1].lower in ("from", "in", "on", "at", "of", "across", "around")
            ):
                return start
            return None
    return None


COPULAS = frozenset({"is", "was", "are", "were", "been", "became", "remains"})
PREPOSITIONS = frozenset(
    {"from", "by", "of", "with", "among", "to", "for", "between", "including", "like"}
)
# A relative clause between a speaker and its verb, and a role with what qualifies it,
# have at most this many tokens.
MAX_RELATIVE_TOKENS = 16
MAX_QUALIFIED_TOKENS = 8


def _noun_phrase_start(tokens: list[Token], end: int, floor: int) -> int | None:
    """Start of a short noun phrase opening its clause: `His neighbour`, `The lawyer`."""
    for start in range(end, max(floor, end - MAX_MODIFIERS_BEFORE_NAME) - 1, -1):
        if is_determiner(tokens[start].text) and (
            start == floor or tokens[start - 1].text in ".,;:"
        ):
            return start
        if not starts_word(tokens[start].text) or is_boundary(tokens[start].text):
            return None
    return None


# `(R-ND)`, `(D-Calif.)`, `(I-Vt.)`: the party and state US news prints after a politician.
US_PARTY_STATE = re.compile(r"[RDI]-(?:[A-Z]{2}|[A-Z][a-z]{1,4}\.?|[A-Z]\.[A-Z]\.)")


def _skip_parenthesis(tokens: list[Token], end: int, floor: int) -> int:
    """Past an acronym in brackets before the verb: `the Inter-Services Public Relations
    (ISPR) said`, `Sen. Jane Roe (D-Calif.) said`."""
    if end - 2 >= floor and tokens[end].text == ")" and tokens[end - 2].text == "(":
        return end - 3
    if (
        end - 3 >= floor
        and tokens[end].text == ")"
        and tokens[end - 1].text == "."
        and tokens[end - 3].text == "("
    ):
        return end - 4
    return end


def anonymity_after(tokens: list[Token], index: int) -> str:
    """`…, a former official said, speaking on condition of anonymity.`"""
    rest = join_tokens(tokens, index, len(tokens) - 1) if index < len(tokens) else ""
    match = anonymity_pattern().search(rest)
    return f" {match.group()}" if match else ""


def clause_speaker(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int], rule: str
) -> Cue | None:
    """The speaker of a reporting verb inside a sentence, by construction: the subject
    before it, a coordinated verb (`X reiterated … and urged …`) or a participle
    (`X published a letter urging …`) take the sentence's subject."""
    if index > 0 and tokens[index - 1].lower in CONJUNCTIONS:
        return _sentence_subject_cue(tokens, index, verb, "coordinated_cue")
    if tokens[index].lower.endswith("ing") and not _progressive(tokens, index):
        return (
            _quoted_as_saying_cue(tokens, index, verb)
            or _opening_participle_cue(tokens, index, verb)
            or _with_subject_cue(tokens, index, verb)
            or _reporting_clause_cue(tokens, index, verb)
            or _sentence_subject_cue(tokens, index, verb, "participle_cue")
        )
    cue = subject_cue(tokens, index, verb, rule, floor=0)
    if cue is None:
        before = _skip_auxiliaries_left(tokens, index - 1, 0)
        if before >= 0 and tokens[before].lower in CONJUNCTIONS:
            return _sentence_subject_cue(tokens, index, verb, "coordinated_cue")
        return None
    return cue


def _quoted_as_saying_cue(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int]
) -> Cue | None:
    """`The agency quoted a police officer as saying the dam had burst`: the one quoted
    said it; an outlet that quoted them is the chain."""
    if index < 3 or tokens[index - 1].lower != "as":
        return None
    if tokens[index - 2].lower == "quoted" and tokens[index - 3].lower in PASSIVE_AUXILIARIES:
        return _quoted_passive_cue(tokens, index, verb)
    quoted = next(
        (
            i
            for i in range(index - 2, max(-1, index - 2 - MAX_NAME_SPAN), -1)
            if tokens[i].lower == "quoted"
        ),
        None,
    )
    if quoted is None:
        return None
    speaker = describe(join_tokens(tokens, quoted + 1, index - 2))
    if not is_speaker(speaker):
        return None
    cue = Cue(
        speaker,
        tokens[quoted + 1].start,
        verb[0],
        join_tokens(tokens, quoted, index),
        "quoted_as_saying",
        verb_at=tokens[index].start,
    )
    outlet = subject_cue(tokens, quoted, (verb[0], 1), "chain", floor=0)
    if outlet is not None and outlet.speaker.speaker_type == "media":
        cue.chain.append(outlet.speaker)
    return cue


def _quoted_passive_cue(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int]
) -> Cue | None:
    """`Carini was quoted as saying (by Reuters) that …`."""
    end = index - 4
    start = phrase_before(tokens, end, 0) if end >= 0 else None
    return None if start is None else quoted_passive(tokens, start, end, index - 2)


def quoted_passive(tokens: list[Token], start: int, end: int, quoted: int) -> Cue | None:
    """`Carini was quoted as saying by Reuters`: the subject (tokens `start`…`end`) said
    it; an outlet after `by` is the chain. `quoted` is the index of `quoted`."""
    speaker = describe(join_tokens(tokens, start, end))
    if not is_speaker(speaker):
        return None
    cue = Cue(
        speaker,
        tokens[start].start,
        reporting_verbs()["saying"],
        join_tokens(tokens, end + 1, quoted + 2),
        "quoted_as_saying",
        verb_at=tokens[quoted].start,
    )
    outlet = outlet_by(tokens, quoted + 3)
    if outlet is not None:
        cue.chain.append(outlet)
    return cue


def outlet_by(tokens: list[Token], index: int) -> Description | None:
    """The outlet of `… was quoted as saying by Reuters`, from `by` at `index`."""
    if index >= len(tokens) or tokens[index].lower != "by":
        return None
    last = phrase_after(tokens, index + 1)
    outlet = describe(join_tokens(tokens, index + 1, last)) if last is not None else None
    return outlet if outlet is not None and outlet.speaker_type == "media" else None


# A speaker phrase between `quoted` and `as saying` has at most this many tokens.
MAX_NAME_SPAN = 10


def _with_subject_cue(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int]
) -> Cue | None:
    """`…, with Finance Minister Karl Berg saying it was …`: the participle's own
    subject, after `with`."""
    if index == 0 or tokens[index - 1].text == ",":
        return None
    start = phrase_before(tokens, index - 1, 0)
    if start is None or start == 0 or tokens[start - 1].lower != "with":
        return None
    description = describe(join_tokens(tokens, start, index - 1))
    if not is_speaker(description):
        return None
    return _verb_cue(description, tokens[start].start, tokens, index, verb, "participle_cue")


def _opening_participle_cue(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int]
) -> Cue | None:
    """`Noting that …, he said …`: a participle opening the sentence has the subject of
    the clause after it."""
    first = dateline_end(tokens)
    while first < len(tokens) and tokens[first].lower in LEAD_IN_STARTS:
        first += 1
    if index != first:
        return None
    for comma in range(index + 1, len(tokens)):
        if tokens[comma].text != ",":
            continue
        end = phrase_after(tokens, comma + 1)
        if end is None:
            continue
        following = skip_auxiliaries(tokens, end + 1)
        if following >= len(tokens) or not starts_word(tokens[following].text):
            continue
        description = describe(join_tokens(tokens, comma + 1, end))
        verb_after = tokens[following].lower
        if is_speaker(description) and (
            reporting_verb_at(tokens, following) is not None
            or verb_after in word_set("finite")
            or verb_after.endswith("ed")
        ):
            cue = Cue(
                description,
                tokens[comma + 1].start,
                verb[0],
                join_tokens(tokens, index, index + verb[1] - 1),
                "participle_cue",
                verb_at=tokens[index].start,
            )
            if description.form == "pronoun":
                cue.antecedent = None
            return cue
    return None


def _reporting_clause_cue(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int]
) -> Cue | None:
    """`“…,” Rao said, adding that …`, `X told reporters, adding …`: a participle after a
    reporting clause has that clause's speaker."""
    for earlier in range(index - 1, -1, -1):
        earlier_verb = reporting_verb_at(tokens, earlier)
        if not earlier_verb or tokens[earlier].lower.endswith("ing"):
            continue
        cue = subject_cue(tokens, earlier, earlier_verb, "participle_cue", floor=0)
        if cue is None and earlier > 0 and tokens[earlier - 1].text in ",—–":
            cue = inverted_speaker(tokens[:index], earlier, earlier_verb, "participle_cue")
        if cue is not None:
            return _verb_cue(cue.speaker, cue.at, tokens, index, verb, "participle_cue")
        return None
    return None


def _progressive(tokens: list[Token], index: int) -> bool:
    """`is calling on`, `have been touting`: a finite verb, not a participle clause."""
    return index > 0 and tokens[index - 1].lower in PASSIVE_AUXILIARIES


def _sentence_subject_cue(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int], rule: str
) -> Cue | None:
    subject = sentence_subject(tokens)
    first = _first_verb_cue(tokens, index) if rule == "coordinated_cue" else None
    if first is not None and (
        subject is None or not subject[1] <= first.at < subject[1] + len(subject[0].text)
    ):
        # `Post verdict X said A, and called B`: the first verb's speaker, where the
        # sentence's first words are not it
        return _verb_cue(first.speaker, first.at, tokens, index, verb, rule)
    if subject is None or subject[1] >= tokens[index].start:
        return None
    description, at = subject
    cue = _verb_cue(description, at, tokens, index, verb, rule)
    if description.form == "pronoun":
        cue.antecedent = None
    return cue


def _first_verb_cue(tokens: list[Token], index: int) -> Cue | None:
    """The cue of the nearest reporting verb before `index` that has its own subject."""
    for earlier in range(index - 2, 0, -1):
        found = reporting_verb_at(tokens, earlier)
        if found and tokens[earlier - 1].lower not in CONJUNCTIONS:
            return subject_cue(tokens, earlier, found, "coordinated_cue", floor=0)
    return None


def sentence_subject(tokens: list[Token]) -> tuple[Description, int] | None:
    """The subject of a sentence when it can be a speaker, past a conjunction and a short
    lead-in (`But`, `During the trip,`, `In recent weeks,`) or a dateline."""
    index = dateline_end(tokens)
    while index < len(tokens) and tokens[index].lower in LEAD_IN_STARTS:
        index += 1
    if index < len(tokens) and tokens[index].text == ",":
        index += 1
    comma = next(
        (
            i
            for i in range(index, min(len(tokens), index + MAX_LEAD_IN_TOKENS))
            if tokens[i].text == ","
        ),
        None,
    )
    opens_with_lead_in = index < len(tokens) and (
        (is_boundary(tokens[index].text) and tokens[index].lower not in PRONOUNS)
        or _participle_lead_in(tokens, index)
    )
    candidates = [] if opens_with_lead_in else [index]
    candidates += [comma + 1] if comma is not None else []
    for start in candidates:
        end = phrase_after(tokens, start)
        if end is None:
            continue
        apposition = ""
        if end + 1 < len(tokens) and tokens[end + 1].text == ",":
            span = apposition_after(tokens, end + 1, len(tokens))
            apposition = join_tokens(tokens, *span) if span else ""
            named = _name_in_apposition(tokens, end + 1)
            if named:  # `His neighbour, Nasreen Akter, tells …`
                apposition, end, start = join_tokens(tokens, start, end), named[1], named[0]
        description = describe(join_tokens(tokens, start, end), apposition)
        if is_speaker(description):
            return description, tokens[start].start
    return None


def _participle_lead_in(tokens: list[Token], index: int) -> bool:
    """`Taking to Twitter,`, `Posting on social media,`: a participle opening the sentence
    with lower-case words after it opens a lead-in; the subject comes after its comma. A
    name that ends the same way is followed by its verb or a comma (`Manning said`)."""
    token = tokens[index]
    if index + 1 >= len(tokens) or not _participle_clause(token._replace(capitalized=False)):
        return False
    following = tokens[index + 1]
    word = following.lower
    return (
        starts_word(following.text)
        and not following.capitalized
        and word not in reporting_verbs()
        and word not in word_set("finite")
        and not word.endswith("ed")
    )


def clause_subject(tokens: list[Token]) -> tuple[Description, int] | None:
    """`Once Shonibare got to the square, she said …`: the subject of a clause the sentence
    opens with (what a pronoun in the main clause refers to), or None."""
    index = dateline_end(tokens)
    if index + 1 >= len(tokens) or tokens[index].lower not in word_set("subordinators"):
        return None
    end = phrase_after(tokens, index + 1)
    if end is None:
        return None
    description = describe(join_tokens(tokens, index + 1, end))
    if description is None or description.form == "pronoun" or description.plural:
        return None
    return description, tokens[index + 1].start


def _name_in_apposition(tokens: list[Token], comma: int) -> tuple[int, int] | None:
    """A personal name between commas after a description: (first, last) token indices."""
    close = next(
        (
            i
            for i in range(comma + 1, min(len(tokens), comma + MAX_FULL_NAME_WORDS + 2))
            if tokens[i].text == ","
        ),
        None,
    )
    if close is None or not is_personal_name(join_tokens(tokens, comma + 1, close - 1)):
        return None
    return comma + 1, close - 1


def dateline_end(tokens: list[Token]) -> int:
    """Where a sentence starts after a dateline (`WASHINGTON —`, `NEW DELHI:`, `Islamabad,
    Pakistan –`): capitalised words and commas, then a dash or colon; 0 if none."""
    for index, token in enumerate(tokens[: MAX_DATELINE_TOKENS + 1]):
        if token.text in DATELINE_MARKS and index > 0:
            return index + 1
        if not (token.capitalized or token.text == ","):
            return 0
    return 0


def is_speaker(description: Description | None) -> TypeGuard[Description]:
    return description is not None


def join_tokens(tokens: list[Token], first: int, last: int) -> str:
    """The original-text words of tokens[first..last] (masked quotations stay masked)."""
    if last < first:
        return ""
    pieces = []
    for i in range(first, last + 1):
        if i > first and tokens[i].start > tokens[i - 1].end:
            pieces.append(" ")
        pieces.append(tokens[i].text)
    return "".join(pieces)


# A description before a name in apposition (`His elderly neighbour, Name, said`).
MAX_MODIFIERS_BEFORE_NAME = 4


# A surname used alone is looked up as a full name of at most this many words before it.
MAX_FULL_NAME_WORDS = 4


# A lead-in before a sentence's subject (`During the trip, Sen. X …`) is at most this long.
MAX_LEAD_IN_TOKENS = 12


# A dateline (`NEW DELHI:`, `Islamabad, Pakistan –`) has at most this many tokens.
MAX_DATELINE_TOKENS = 5


DATELINE_MARKS = ("—", "–", ":", "-")


CONJUNCTIONS = frozenset({"and", "but", "or", "while"})


LEAD_IN_STARTS = frozenset(
    {"but", "and", "yet", "so", "still", "however", "meanwhile", "moreover", "also", "now"}
)


def inverted_speaker(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int], rule: str
) -> Cue | None:
    """`said X` with X after the verb, and X's apposition up to the end of the clause. A
    verb of stance that takes an object (`criticised the Government`, `praised the deal`)
    is followed by its object, never by its speaker."""
    if verb[0].complement == "object" and verb[0].category != "neutral":
        return None
    start = index + verb[1]
    end = phrase_after(tokens, start)
    if end is None:
        return None
    apposition = ""
    phrase = join_tokens(tokens, start, end)
    at = tokens[start].start
    if end + 1 < len(tokens) and tokens[end + 1].text == ",":
        apposition = join_tokens(tokens, end + 2, len(tokens) - 1)
        named = leading_name(tokens, end + 2, len(tokens))
        if named and not is_personal_name(phrase):  # `said COP30 President, Dr. Jane Roe`
            phrase, apposition = join_tokens(tokens, *named), phrase
            at = tokens[named[0]].start
    description = describe(phrase, apposition)
    if not is_speaker(description):
        return None
    return Cue(
        description,
        at,
        verb[0],
        join_tokens(tokens, index, start - 1),
        rule,
        verb_at=tokens[index].start,
    )


ADDRESSEE_VERBS = frozenset({"tell", "inform", "assure", "brief", "remind", "warn", "urge", "ask"})


def skip_addressee(tokens: list[Token], index: int, verb: ReportingVerb) -> int:
    """Past `reporters`, `Foreign Policy`, `an audience at X`, `on Thursday`, `in a
    statement` after a verb."""
    if index < len(tokens) and verb.lemma in ADDRESSEE_VERBS:
        end = phrase_after(tokens, index)
        if end is not None:
            index = end + 1
    while index < len(tokens):
        word = tokens[index].lower
        if word in word_set("time_words"):
            index += 1
        elif word in ADVERBIAL_PREPOSITIONS and index + 1 < len(tokens):
            end = _adverbial_object_end(tokens, index + 1)
            if end is None:
                break
            index = end + 1
        else:
            break
    return index


ADVERBIAL_PREPOSITIONS = frozenset({"on", "in", "at", "during", "last", "this", "after"})


# Words of an adverbial after a verb (`at the weekly press briefing`) before `that`.
MAX_ADVERBIAL_WORDS = 4


def _adverbial_object_end(tokens: list[Token], index: int) -> int | None:
    """`Thursday`, `the weekly briefing`, `a statement`: a name or time word, or a
    determiner and a few plain words (not `that`, not past punctuation)."""
    if tokens[index].lower in word_set("time_words") or tokens[index].capitalized:
        end = index
        while end + 1 < len(tokens) and tokens[end + 1].capitalized:
            end += 1
        return end
    if not is_determiner(tokens[index].text):
        return None
    end = index
    while (
        end + 1 < len(tokens)
        and end - index < MAX_ADVERBIAL_WORDS
        and starts_word(tokens[end + 1].text)
        and not is_boundary(tokens[end + 1].text)
    ):
        end += 1
    return end if end > index else None


def _verb_cue(
    speaker: Description,
    at: int,
    tokens: list[Token],
    index: int,
    verb: tuple[ReportingVerb, int],
    rule: str,
) -> Cue:
    """The cue of a speaker found at `at` whose reporting verb starts at token `index`."""
    return Cue(
        speaker,
        at,
        verb[0],
        join_tokens(tokens, index, index + verb[1] - 1),
        rule,
        verb_at=tokens[index].start,
    )
