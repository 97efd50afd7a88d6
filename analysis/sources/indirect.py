"""Reported speech without quotation marks: `X said (that) …`, `…, officials said`,
`according to X, …`, `X urged Y to …`: the reported clause and its speaker.
"""

from functools import cache

from ..knowledge.verbs import ReportingVerb
from .attribution import MAX_OBJECT_TOKENS, according_to, parenthetical_cue
from .lexicon import is_determiner, word_set
from .marked import MASK
from .records import Context, Cue, Found
from .subjects import (
    CONJUNCTIONS,
    clause_speaker,
    dateline_end,
    reporting_verb_at,
    skip_addressee,
    skip_auxiliaries,
    verb_first_words,
)
from .tokens import Token, starts_word

# A reported clause without `that` must show a finite verb within this many tokens
# (`officials said India is …`), otherwise it is a noun phrase (`said the deal`).
MAX_CLAUSE_SUBJECT_TOKENS = 8
WH_WORDS = frozenset({"whether", "if", "how", "why", "what", "when", "where", "who"})
# A subject opened by `the` may be long (`the more than 14,000 cases reported so far`).
MAX_LONG_SUBJECT_TOKENS = 16
SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
# Words that end a reported clause's subject: what follows them is another clause
# (`declared Roe the winner after she won …`).
SUBORDINATORS = frozenset(
    {"after", "before", "while", "when", "because", "although", "though", "since", "until"}
    | {"unless", "whereas", "as", "if"}
)
# Verbs that take a noun object and report a statement with a word after it: `accused Y
# of …`, `called for Y to …` (a noun object alone, `called for calm`, is no statement).
OBJECT_LINKS = {"accuse": "of", "call for": "to"}
# Verbs of promising and threatening: `X vowed to …` reports a statement.
COMMISSIVES = frozenset({"promise", "vow", "pledge", "threaten", "swear"})


# --- indirect speech ---------------------------------------------------------------------


def indirect_quotes(context: Context, marked: list[Found]) -> list[Found]:
    """Reported speech without quotation marks, sentence by sentence."""
    used = {f.cue.verb_at for f in marked if f.cue}
    found: list[Found] = []
    for sentence, words_ in enumerate(context.words):
        if not words_.isdisjoint(_reporting_words()):
            found += _sentence_indirect(context, sentence, context.tokens(sentence), used)
    return found


@cache
def _reporting_words() -> frozenset[str]:
    """Reported speech needs one of these: a reporting verb's first word or `according`."""
    return verb_first_words() | {"according"}


def _sentence_indirect(
    context: Context, sentence: int, tokens: list[Token], used: set[int]
) -> list[Found]:
    results: list[tuple[Cue, int, int]] = []
    verb_words = verb_first_words()
    for index, token in enumerate(tokens):
        if token.lower not in verb_words:
            continue  # most words (checked here, as this loop sees every word of the article)
        verb = reporting_verb_at(tokens, index)
        if not verb or verb[0].complement == "quote":
            continue
        if tokens[index].start in used:  # its quoted words are a quote already
            reported = _second_that_clause(tokens, index, verb, context.masked)
        else:
            reported = (
                _parenthetical_indirect(tokens, index, verb)
                or _clause_indirect(tokens, index, verb)
                or _second_that_clause(tokens, index, verb, context.masked)
            )
        if reported:
            results.append(reported)
    according = _according_indirect(tokens)
    if according and according[0].verb_at not in used:
        results.append(according)
    results = _nest(results)
    found = []
    for cue, start, end in results:
        if MASK in context.masked[start:end]:
            second = _second_clause(tokens, start, end, context.masked)
            if second is None:
                continue  # the quoted words inside are the quote (partial)
            start = second  # `said the world “needed …” and that the path was found`
        found.append(Found("indirect", start, end, sentence, cue))
    return found


def _second_that_clause(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int], masked: str
) -> tuple[Cue, int, int] | None:
    """`X said the world “needed to find a new way” and that the new path has been found`:
    the quoted words are a partial quote, the second `that`-clause reported speech."""
    if verb[0].complement != "clause":
        return None
    after = index + verb[1]
    if after >= len(tokens) or MASK not in masked[tokens[after].start : tokens[-1].end]:
        return None
    for position in range(after, len(tokens) - 2):
        token = tokens[position]
        if reporting_verb_at(tokens, position) and position > after:
            return None
        if token.lower == "and" and tokens[position + 1].lower == "that":
            if MASK not in masked[tokens[after].start : token.start]:
                return None
            cue = clause_speaker(tokens, index, verb, "reported_clause")
            end = _content_end(tokens, position + 2)
            if cue is None or end <= position + 2:
                return None
            return cue, tokens[position + 2].start, tokens[end - 1].end
    return None


def _second_clause(tokens: list[Token], start: int, end: int, masked: str) -> int | None:
    """Where a second `that`-clause of the same verb starts, after the quoted words of
    the first (`and that …`), if no quotation marks follow."""
    for index, token in enumerate(tokens):
        if not start <= token.start < end or token.lower != "and":
            continue
        if index + 2 < len(tokens) and tokens[index + 1].lower == "that":
            clause = tokens[index + 2].start
            if MASK in masked[start:clause] and MASK not in masked[clause:end]:
                return clause
    return None


def _parenthetical_indirect(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int]
) -> tuple[Cue, int, int] | None:
    """`…, officials said.` / `…, two former officials told Foreign Policy.`: the statement
    is the clause before the comma."""
    cue = parenthetical_cue(tokens, index, verb)
    if cue is None:
        return None
    first = next(i for i, t in enumerate(tokens) if t.start >= cue.at)
    comma = first - 1 if tokens[first - 1].text == "," else index - 1
    start = _clause_start(tokens, comma)
    if start is None or comma <= start:
        return None
    return cue, tokens[start].start, tokens[comma - 1].end


def _according_indirect(tokens: list[Token]) -> tuple[Cue, int, int] | None:
    """`According to X, …` and `…, according to X.`: the statement is the rest of the
    sentence, or the clause before the comma."""
    cue = according_to(tokens, 0, len(tokens) - 1)
    if cue is None:
        return None
    first = next(i for i, t in enumerate(tokens) if t.start == cue.verb_at)
    if first == 0:
        comma = next((i for i in range(2, len(tokens)) if tokens[i].text == ","), None)
        if comma is None or comma + 1 >= len(tokens):
            return None
        end = _content_end(tokens, comma + 1)
        return (cue, tokens[comma + 1].start, tokens[end - 1].end) if end > comma + 1 else None
    if tokens[first - 1].text != "," or first < 2:
        return None
    return cue, tokens[dateline_end(tokens)].start, tokens[first - 2].end


def _clause_start(tokens: list[Token], comma: int) -> int | None:
    """The start of the statement a trailing cue reports: the sentence's start, past a
    dateline."""
    start = dateline_end(tokens)
    return start if comma > start else None


def _clause_indirect(
    tokens: list[Token], index: int, verb: tuple[ReportingVerb, int]
) -> tuple[Cue, int, int] | None:
    """`X said (that) …`, `X urged Y to …`, `X told reporters …`, `they said they …`."""
    cue = clause_speaker(tokens, index, verb, "reported_clause")
    if cue is None:
        return None
    content = _content_start(tokens, index + verb[1], verb[0])
    if content is None:
        return None
    end = _content_end(tokens, content)
    if tokens[content].start < cue.at < tokens[end - 1].end:
        # `Noting that …, he said …`: the clause ends before its speaker's comma
        end = next(i for i, t in enumerate(tokens) if t.start >= cue.at) - 1
        while end > content and tokens[end - 1].text in ",;":
            end -= 1
    if end <= content:
        return None
    return cue, tokens[content].start, tokens[end - 1].end


# Subject pronouns that open a reported clause after a verb that otherwise takes an object.
PERSONAL_SUBJECTS = frozenset({"he", "she", "they", "we", "i"})


def _content_start(tokens: list[Token], index: int, verb: ReportingVerb) -> int | None:
    """The first token of the reported clause after a verb, if the verb reports a
    statement: `that …`, a wh-clause, a clause with a finite verb, or for a directive
    verb an object and `to …`."""
    for that in range(index, min(len(tokens), index + MAX_OBJECT_TOKENS)):
        if tokens[that].lower == "that" and (verb.complement != "object" or that == index):
            return that + 1 if that + 1 < len(tokens) else None
        if tokens[that].text in ".;" or tokens[that].text.startswith(MASK):
            break
        if that > index and reporting_verb_at(tokens, that):
            break  # `said …, but warned that …`: the `that` is the other verb's
    if verb.complement == "object":
        if index < len(tokens) and tokens[index].lower == "how":
            return index  # `described how the wall fell`: a wh-clause is a statement
        start = skip_addressee(tokens, index, verb)
        if (
            start + 1 < len(tokens)
            and tokens[start].lower in PERSONAL_SUBJECTS
            and tokens[start + 1].lower in word_set("finite")
        ):
            return start  # `announced Saturday they will return`: a clause, not an object
        link = OBJECT_LINKS.get(verb.lemma)
        if link is None or index >= len(tokens) or not starts_word(tokens[index].text):
            return None
        return index if _linked_object(tokens, index, link) else None
    start = skip_addressee(tokens, index, verb) if verb.complement == "clause" else index
    if start >= len(tokens):
        return None
    first = tokens[start]
    if first.lower in WH_WORDS and verb.complement == "clause":
        return start
    if verb.complement == "clause" and _commissive(tokens, start, verb):
        return start  # `promised to revive the economy`
    if (
        first.lower in SUBJECT_PRONOUNS
        and start + 1 < len(tokens)
        and starts_word(tokens[start + 1].text)
        and not tokens[start + 1].capitalized
        and verb.complement == "clause"
    ):
        return start  # `said he wants …`: a subject pronoun opens a clause
    if first.text in ",.;:" or (
        not _quantity_as(tokens, start)
        and first.lower in word_set("boundaries")
        and first.lower not in ("it", "he", "she", "they", "we", "there", "i", "you")
    ):
        return None
    if verb.complement == "directive":
        window = []
        for token in tokens[start + 1 : start + MAX_OBJECT_TOKENS]:
            if not starts_word(token.text):
                break
            window.append(token)
        return start if _linked_object(tokens, start, "to") else None
    return start if _has_finite_verb(tokens, start) else None


def _linked_object(tokens: list[Token], start: int, link: str) -> bool:
    """An object and then `to` with a verb (`urged New Delhi to look at …`) or `of` with
    what is charged (`accused the regulator of doing …`), within a few words."""
    for index in range(start + 1, min(len(tokens) - 1, start + MAX_OBJECT_TOKENS)):
        token = tokens[index]
        if not starts_word(token.text) and token.text not in ("’s", "'s"):
            return False
        following = tokens[index + 1]
        if token.lower == link and starts_word(following.text) and not following.capitalized:
            return link != "to" or not is_determiner(following.text)
    return False


def _quantity_as(tokens: list[Token], index: int) -> bool:
    """`as many as`, `as much as`, `as few as`, `as little as` at tokens[index]."""
    return (
        index + 2 < len(tokens)
        and tokens[index].lower == "as"
        and tokens[index + 1].lower in ("many", "much", "few", "little")
        and tokens[index + 2].lower == "as"
    )


def _has_finite_verb(tokens: list[Token], start: int) -> bool:
    """Whether a finite verb follows the clause's first word within a few tokens, before
    any punctuation or subordinating word: `India is …`, `the United States routinely
    raises …`, `they came …`, `the UK implements …` (an -s verb after a name), and after a
    subject opened by `the` a longer one (`the more than 3,000 people moved out
    last week have …`)."""
    reach = MAX_CLAUSE_SUBJECT_TOKENS
    if tokens[start].lower == "the":
        reach = MAX_LONG_SUBJECT_TOKENS
    index = start
    last = min(len(tokens), start + 1 + reach)
    while index + 1 < last:
        index += 1
        token = tokens[index]
        if token.text == "," and _inside_number(tokens, index):
            continue  # `14,000`
        if token.text in "—–" and (close := _dash_close(tokens, index)) is not None:
            last = min(len(tokens), last + close - index + 1)
            index = close  # `its chairman — and a shipping magnate — Omar Said was`
            continue
        if _quantity_as(tokens, index - 1) or _quantity_as(tokens, index - 2):
            continue  # `as many as 1,500 buildings were …`: an amount, not a clause
        if not starts_word(token.text) or token.lower in SUBORDINATORS:
            return False
        if token.lower in word_set("finite"):
            return True
        previous = tokens[index - 1]
        if (
            _looks_finite(token)
            and not is_determiner(previous.text)
            and previous.lower not in ("most", "more", "less", "least", "very", "so", "well")
        ):
            return True
        if (
            token.lower.endswith("s")
            and not token.lower.endswith(("ss", "us", "is", "'s", "’s"))
            and token.text.isalpha()
            and not token.capitalized
            and len(token.text) > 3
            and previous.capitalized
            and not previous.text.endswith(("’s", "'s"))
            and index - 1 > start - 1
        ):
            return True  # `the UK implements`, `Acme plans`
    return False


def _inside_number(tokens: list[Token], index: int) -> bool:
    return (
        0 < index < len(tokens) - 1
        and tokens[index - 1].text.isdigit()
        and tokens[index + 1].text.isdigit()
        and tokens[index + 1].start == tokens[index].end
    )


def _dash_close(tokens: list[Token], index: int) -> int | None:
    """The dash that closes a parenthesis opened by the dash at `index`, a few words on."""
    for close in range(index + 1, min(len(tokens), index + MAX_DASH_PARENTHESIS)):
        if tokens[close].text == tokens[index].text:
            return close
        if not starts_word(tokens[close].text):
            return None
    return None


# A parenthesis between dashes inside a reported clause's subject has at most this many
# tokens (`— and oil magnate —`).
MAX_DASH_PARENTHESIS = 8


def _commissive(tokens: list[Token], start: int, verb: ReportingVerb) -> bool:
    """`promised to revive …`, `vowed to work with …`: a promise or threat reported with
    a to-infinitive (the verb's own, with no object before it)."""
    return (
        verb.lemma in COMMISSIVES
        and tokens[start].lower == "to"
        and start + 1 < len(tokens)
        and starts_word(tokens[start + 1].text)
        and not tokens[start + 1].capitalized
    )


def _looks_finite(token: Token) -> bool:
    """A lower-case word ending in -s or -ed: `raises`, `decided` (not `advanced jets`,
    which the caller rules out by the word before it)."""
    return (
        not token.capitalized
        and len(token.text) > 3
        and token.text.endswith(("es", "ed"))
        and token.text.isalpha()
    )


def _content_end(tokens: list[Token], start: int) -> int:
    """Where a reported clause ends: the sentence's end, or before a coordinated reporting
    verb (`… and urged …`), `according to`, or a trailing cue."""
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token.text in ";" or (token.text in ".!?" and index == len(tokens) - 1):
            return index
        if token.lower in CONJUNCTIONS and reporting_verb_at(
            tokens, skip_auxiliaries(tokens, index + 1)
        ):
            return index - 1 if index > 0 and tokens[index - 1].text == "," else index
        if (
            token.lower in CONJUNCTIONS
            and tokens[index - 1].text == ","
            and _reporter_ahead(tokens, index + 1)
        ):
            return index - 1  # `…, and many people reported …`: another speaker's clause
        if (
            token.lower == "according"
            and index + 1 < len(tokens)
            and tokens[index + 1].lower == "to"
        ):
            return index - 1 if tokens[index - 1].text == "," else index
        if (
            token.text == ","
            and index + 1 < len(tokens)
            and tokens[index + 1].lower.endswith("ing")
            and reporting_verb_at(tokens, index + 1)
        ):
            return index  # `… so far, adding that …`: the participle reports another clause
        if (
            token.text == ","
            and index + 2 < len(tokens)
            and tokens[index + 1].lower == "who"
            and reporting_verb_at(tokens, skip_auxiliaries(tokens, index + 2))
        ):
            return index  # `… spoken to Kelly Ortberg, who said …`: Ortberg's own statement
    end = len(tokens)
    while end > start and tokens[end - 1].text in ".!?,;:”’\"'":
        end -= 1
    return end


def _reporter_ahead(tokens: list[Token], start: int) -> bool:
    """Whether a short subject and a finite reporting verb open the clause at `start`
    (`many people reported`, not `to tell`)."""
    for index in range(start + 1, min(len(tokens), start + MAX_CLAUSE_SUBJECT_TOKENS)):
        if not starts_word(tokens[index - 1].text) or tokens[index - 1].lower == "to":
            return False
        if reporting_verb_at(tokens, index):
            return True
    return False


def _nest(results: list[tuple[Cue, int, int]]) -> list[tuple[Cue, int, int]]:
    """`The Journal reported that X has said …`: the inner speaker said it; the outer one
    (an outlet) is the chain it came through."""
    kept = []
    for cue, start, end in results:
        outer = [other for other, s, e in results if other is not cue and s <= cue.verb_at < e]
        if outer:
            cue.chain.extend(o.speaker for o in outer if o.speaker.speaker_type == "media")
        inner = [
            other for other, s, e in results if other is not cue and start <= other.verb_at < end
        ]
        if not inner or (cue.rule == "according_to" and cue.speaker.speaker_type != "media"):
            kept.append((cue, start, end))  # `…, saying …, according to the authorities`
    return kept
