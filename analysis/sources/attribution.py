"""The constructions that tie a quotation to its speaker, one small function each: cue
after the quote (`“…,” she said`), cue before it (`X said: “…”`), a fragment's
cue (`what she called “…”`), `according to X`, and the chain of outlets a quote came
through.
"""

from ..knowledge.verbs import ReportingVerb, reporting_verbs
from ..text import count_words
from .describe import Description, describe, is_vague_group
from .phrases import apposition_after, phrase_after, phrase_before
from .records import Context, Cue
from .subjects import (
    anonymity_after,
    clause_speaker,
    inverted_speaker,
    is_speaker,
    join_tokens,
    quoted_passive,
    reporting_verb_at,
    skip_addressee,
    skip_auxiliaries,
    subject_cue,
)
from .tokens import Token, starts_word

# A quoted fragment of one word is a scare quote or a term (`the “Quad”`) unless a reporting
# verb before it in its sentence gives it a speaker (`Raytheon said it was “honored”`); a
# cue after the statement (`…, she said`) is too loose a tie for one word.
MIN_PARTIAL_WORDS = 2
# Tokens allowed between a reporting verb and the colon or comma that opens a quote
# (`told reporters at a briefing on Thursday:`), and between a verb and its `that`.
MAX_OBJECT_TOKENS = 10
# What `according to` names, when it is no known kind of speaker, is read up to the first
# punctuation, at most this many words (`a solicitation posted this month`).
MAX_SOURCE_WORDS = 6
# A relative clause after the source says what it did, and is not part of its name.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})


# --- constructions around a quotation ----------------------------------------------------


def cue_after_quote(after: list[Token], context: Context) -> Cue | None:
    """`“…,” X said`, `“…,” said X, a scholar at Y`, `“…,” X, the minister, told reporters`."""
    index = 1 if after and after[0].text in ",—–" else 0
    verb = reporting_verb_at(after, index)
    if verb:
        return inverted_speaker(after, index, verb, "cue_after_quote")
    end = phrase_after(after, index)
    if end is None:
        return None
    apposition = ""
    next_index = end + 1
    if (
        next_index + 2 < len(after)
        and after[next_index].text == "("
        and after[next_index + 2].text == ")"
    ):
        next_index += 3  # `…,” the Inter-Services Public Relations (ISPR) said`
    if next_index < len(after) and after[next_index].text == ",":
        span = apposition_after(after, next_index, len(after))
        if span:
            apposition = join_tokens(after, span[0], span[1])
            next_index = span[1] + 2
    next_index = skip_auxiliaries(after, next_index)
    quoted = _quoted_as_saying(after, index, end, next_index)
    if quoted:
        return quoted
    verb = reporting_verb_at(after, next_index)
    if not verb:
        return None
    description = describe(
        join_tokens(after, index, end), apposition + anonymity_after(after, next_index)
    )
    if not is_speaker(description):
        return None
    return Cue(
        description,
        after[index].start,
        verb[0],
        join_tokens(after, next_index, next_index + verb[1] - 1),
        "cue_after_quote",
        verb_at=after[next_index].start,
    )


def _quoted_as_saying(tokens: list[Token], start: int, end: int, verb: int) -> Cue | None:
    """`TASS quoted Lavrov as saying …`, `the statement quoted the army chief as saying`:
    the speaker is the one quoted; an outlet that quoted them is the chain."""
    if verb >= len(tokens) or tokens[verb].lower != "quoted":
        return None
    if [t.lower for t in tokens[verb + 1 : verb + 3]] == ["as", "saying"] and verb > end + 1:
        return quoted_passive(tokens, start, end, verb)
    speaker_end = phrase_after(tokens, verb + 1)
    if speaker_end is None or [t.lower for t in tokens[speaker_end + 1 : speaker_end + 3]] != [
        "as",
        "saying",
    ]:
        return None
    speaker = describe(join_tokens(tokens, verb + 1, speaker_end))
    if not is_speaker(speaker):
        return None
    cue = Cue(
        speaker,
        tokens[verb + 1].start,
        reporting_verbs()["saying"],
        "quoted as saying",
        "quoted_as_saying",
        verb_at=tokens[verb].start,
    )
    carrier = describe(join_tokens(tokens, start, end))
    if carrier is not None and carrier.speaker_type == "media":
        cue.chain.append(carrier)
    return cue


def cue_before_quote(before: list[Token], context: Context) -> Cue | None:
    """`X said: “…”`, `X told reporters, “…”`, `Press TV reports: “…”`, `…, adding: “…”`, and the second
    half of a split quote: `“A,” X said, “B.”`."""
    if not before or before[-1].text not in ":,":
        return None
    last = len(before) - 2
    according = according_to(before, 0, last)
    if according:
        return according
    for index in range(last, max(-1, last - MAX_OBJECT_TOKENS), -1):
        verb = reporting_verb_at(before, index)
        if not verb:
            continue
        if before[index].lower.endswith("ing"):  # `…, adding: “…”`
            return clause_speaker(before[: last + 1], index, verb, "cue_before_quote")
        cue = subject_cue(before, index, verb, "cue_before_quote", floor=0)
        if cue:
            return cue
        inverted = inverted_speaker(before[: last + 1], index, verb, "cue_before_quote")
        if inverted and index > 0 and before[index - 1].text in ",—–":
            return inverted
        return None
    return None


def speaker_line_before(context: Context, sentence: int) -> Cue | None:
    """A transcript's speaker line: `Spain's opposition leader Alberto Nunez Feijoo:` as
    the whole sentence before a quotation that opens its own sentence."""
    if sentence == 0:
        return None
    tokens = context.tokens(sentence - 1)
    if len(tokens) < 2 or tokens[-1].text != ":" or phrase_before(tokens, len(tokens) - 2) != 0:
        return None
    speaker = describe(join_tokens(tokens, 0, len(tokens) - 2))
    if not is_speaker(speaker):
        return None
    return Cue(speaker, tokens[0].start, None, ":", "speaker_line")


def fragment_cue(context: Context, sentence: int, start: int, text: str) -> Cue | None:
    """The speaker of a quoted fragment inside the author's sentence: the nearest reporting
    verb before it with a speaker (`Doe said Washington does not want to “…”`, `what
    she called “…”`), a cue at the end of the sentence (`…, Pérez said.`), or
    `according to X`. Without one, the marks are scare quotes."""
    tokens = context.tokens(sentence)
    position = next((i for i, t in enumerate(tokens) if t.start >= start - 1), len(tokens))
    for index in range(position - 1, -1, -1):
        verb = reporting_verb_at(tokens, index)
        if not verb or verb[0].complement == "quote":
            continue
        cue = clause_speaker(tokens, index, verb, "reported_clause")
        if cue:
            return cue
    if count_words(text) < MIN_PARTIAL_WORDS:
        return None
    return _trailing_cue(tokens, position) or according_to(tokens, 0, len(tokens) - 1)


def _trailing_cue(tokens: list[Token], after: int = 0) -> Cue | None:
    """`…, Pérez said.` / `…, said Pérez.` / `…, two officials told Foreign Policy.`: a
    reporting clause set off by a comma after the statement it reports."""
    for index in range(after, len(tokens)):
        verb = reporting_verb_at(tokens, index)
        if not verb:
            continue
        cue = parenthetical_cue(tokens, index, verb)
        if cue:
            return cue
    return None


def parenthetical_cue(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int]
) -> Cue | None:
    after_verb = skip_addressee(tokens, index + verb[1], verb[0])
    if index > 0 and tokens[index - 1].text == ",":
        cue = inverted_speaker(tokens, index, verb, "trailing_cue")
        if cue and _clause_ends(tokens, _phrase_end_after(tokens, index + verb[1])):
            return cue
        return None
    if not _clause_ends(tokens, after_verb):
        return None
    cue = subject_cue(tokens, index, verb, "trailing_cue", floor=0)
    if cue is None:
        return None
    start = next(i for i, t in enumerate(tokens) if t.start == cue.at)
    return cue if start > 0 and tokens[start - 1].text == "," else None


def _phrase_end_after(tokens: list[Token], start: int) -> int:
    end = phrase_after(tokens, start)
    if end is None:
        return start
    index = end + 1
    if index < len(tokens) and tokens[index].text == ",":
        return len(tokens)
    return index


def _clause_ends(tokens: list[Token], index: int) -> bool:
    return index >= len(tokens) or tokens[index].text in ".,;!?—–"


def according_to(tokens: list[Token], start: int, end: int) -> Cue | None:
    """`according to X` anywhere in tokens[start:end+1]."""
    for index in range(start, end):
        if tokens[index].lower == "according" and tokens[index + 1].lower == "to":
            phrase_end = phrase_after(tokens, index + 2)
            apposition = ""
            if (
                phrase_end is not None
                and phrase_end + 1 < len(tokens)
                and tokens[phrase_end + 1].text == ","
            ):
                span = apposition_after(tokens, phrase_end + 1, len(tokens))
                apposition = join_tokens(tokens, *span) if span else ""
            description = (
                describe(join_tokens(tokens, index + 2, phrase_end), apposition)
                if phrase_end is not None
                else _source_named_by_according_to(tokens, index + 2)
            )
            if is_speaker(description):
                return Cue(
                    description,
                    tokens[index + 2].start,
                    None,
                    "according to",
                    "according_to",
                    verb_at=tokens[index].start,
                )
    return None


def _source_named_by_according_to(tokens: list[Token], start: int) -> Description | None:
    """Whatever `according to` names is a source, even with no role or name in it: `a
    solicitation posted this month`, `budget documents` (unless vague: `reports`)."""
    end = start
    while (
        end < len(tokens)
        and end - start < MAX_SOURCE_WORDS
        and starts_word(tokens[end].text)
        and tokens[end].lower not in RELATIVE_PRONOUNS  # `staff there who warned …`
    ):
        end += 1
    text = join_tokens(tokens, start, end - 1)
    if end == start or is_vague_group(text):
        return None
    return Description(text, "role", role=text, speaker_type="other", head=tokens[end - 1].lower)


def add_chain(cue: Cue, before: list[Token], after: list[Token], context: Context) -> None:
    """Record the outlets a quote reached the article through: `Press TV reports: “…”`,
    `…, according to Defense One`, `The Journal reported that X said …`."""
    for tokens in (after, before):
        according = according_to(tokens, 0, len(tokens) - 1)
        if (
            according
            and according.speaker.speaker_type == "media"
            and according.speaker != cue.speaker
        ):
            cue.chain.append(according.speaker)
    for index, token in enumerate(before):
        verb = reporting_verb_at(before, index)
        if verb and token.start < cue.verb_at:
            outlet = subject_cue(before, index, verb, "chain", floor=0)
            if outlet and outlet.speaker.speaker_type == "media" and outlet.at < cue.at:
                cue.chain.append(outlet.speaker)
    if before and cue.rule != "cue_before_quote":
        carrier = cue_before_quote(before, context)
        if carrier and carrier.speaker.speaker_type == "media" and carrier.speaker != cue.speaker:
            cue.chain.append(carrier.speaker)
