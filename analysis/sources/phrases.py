"""Finding speaker phrases in tokens: a name (`Ana Pérez`), a title and name (`US Defense
Secretary Jane Roe`), a description (`a senior U.S. defence official`), an institution
(`the Kremlin`) or a pronoun, before or after a reporting verb, and its apposition.
"""

import re
from functools import cache

from ..knowledge import find_mentions, load_knowledge
from ..knowledge.verbs import reporting_verbs
from .lexicon import (
    AGED,
    INITIAL,
    anonymity_pattern,
    find_organization,
    is_boundary,
    is_determiner,
    is_title_word,
    nationalities,
    phrases,
    roles,
    word_set,
)
from .memo import per_article
from .tokens import Token, starts_word, tokenize

# Longest speaker phrase and apposition the rules look at, in tokens. A personal name
# rarely has more than four words; a description ("two senior U.S. defence officials")
# rarely more than six modifiers.
MAX_NAME_TOKENS = 4
MAX_MODIFIERS = 6
MAX_APPOSITION_TOKENS = 30
MAX_POST_MODIFIER_TOKENS = 9
MAX_OBJECT_WORDS = 4
PRONOUNS = {"he": False, "she": False, "they": True, "it": False}

# Words an indefinite apposition (`, a geophysics engineer,`) may have.
MAX_INDEFINITE_DESCRIPTION = 6
NAME_CONNECTORS = frozenset({"of", "for", "the", "and", "de", "al", "bin", "ibn", "van", "von"})


# --- finding speaker phrases in tokens ---------------------------------------------------


def role_at_end(tokens: list[Token], end: int) -> int | None:
    """Start index of the longest role that ends at token `end` (inclusive), if any."""
    table = roles()
    if 0 <= end < len(tokens) and AGED.fullmatch(tokens[end].lower):
        return end  # `the 34-year-old`
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


def is_name_token(token: Token) -> bool:
    return (token.capitalized and token.text[0].isalpha()) or bool(INITIAL.fullmatch(token.text))


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
    if (head := role_at_end(tokens, end)) is not None:
        starts.append(_description_start(tokens, head, floor))
    found = [start for start in starts if start is not None]
    return min(found) if found else None


def _name_run_start(tokens: list[Token], end: int, floor: int) -> int | None:
    """Start of the capitalised run, with its titles, that ends at `end`."""
    if not is_name_token(tokens[end]):
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
            and (is_title_word(tokens[start - 2].text) or _acronym(tokens[start - 2].text))
        ):
            start -= 3  # `Vice Admiral (retd) Sunil Rao`, `… Commission (IEBC) chairman X`
            continue
        if is_name_token(previous) or is_title_word(previous.text):
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
    if (
        start - 2 >= floor
        and tokens[start - 1].lower in ("of", "for")
        and tokens[start - 2].capitalized
    ):  # `Royal College of Surgeons`: an organisation's name across `of`
        longer = _name_run_start(tokens, start - 2, floor)
        if longer is not None:
            text = " ".join(t.text for t in tokens[longer : end + 1])
            across = len(" ".join(t.text for t in tokens[longer:start]))  # past the `of`
            opening = re.match(r"(?:[Tt]he\s+)?", text).end()  # type: ignore[union-attr]
            found = find_organization(text)
            # the name across `of` is the phrase, or opens it before a title and a name
            # (`Indian Council of Medical Research head Dr. Rajiv Bahl`)
            if (
                (found and found[2] == len(text))
                or one_organization(text)
                or (found and found[1] <= opening < across < found[2])
            ):
                start = longer
    if start - 1 >= floor and tokens[start - 1].lower in ("the", "a", "an"):
        start -= 1
    return start


def _acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


def one_organization(text: str) -> bool:
    """Whether the actor rules read all of `text` as one organisation's name (`Alliance of
    Motion Picture and Television Producers`: a name word, then `of` and capitals)."""
    name = re.sub(r"^(?:The|the)\s+", "", text)
    mentions = find_mentions(name)
    return (
        len(mentions) == 1
        and mentions[0].kind == "organization"
        and (mentions[0].start, mentions[0].end) == (0, len(name))
    )


# `in a brief written statement`: a speech event after at most this many words, its
# adjectives included.
OCCASION_WORDS = 3


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
    occasion = index + (tokens[index].lower in ("a", "an", "his", "her", "its", "their"))
    for token in tokens[occasion : occasion + OCCASION_WORDS]:
        if token.lower in word_set("speech_events"):
            return None  # `in a tweet`, `in a brief statement`: when and how, not who
        if not starts_word(token.text) or token.capitalized:
            break
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
    named = _object_name_end(tokens, index)
    if named is not None:
        return named
    for ahead in range(index + 1, min(len(tokens), index + MAX_OBJECT_WORDS)):
        # `of the eastern government`, `of the country’s competition watchdog`
        if not starts_word(tokens[ahead - 1].text) or is_boundary(tokens[ahead - 1].text):
            return None
        word = tokens[ahead].lower
        if word in word_set("institutions") or word in _institution_nouns():
            return ahead
    return None


@cache
def _institution_nouns() -> frozenset[str]:
    return frozenset(
        noun for noun in load_knowledge().word_list("institution_nouns") if " " not in noun
    )


def _object_name_end(tokens: list[Token], index: int) -> int | None:
    """The end of a named object after a preposition: `the Foreign Office`, `the border
    town of Narowal`, `the University of London` (up to three lower-case words, then a
    capitalised name)."""
    for _ in range(MAX_OBJECT_WORDS):
        if index >= len(tokens) or is_name_token(tokens[index]):
            break
        token = tokens[index]
        if not starts_word(token.text) or (is_boundary(token.text) and token.lower != "of"):
            return None
        index += (
            2
            if token.lower == "of" and index + 1 < len(tokens) and tokens[index + 1].lower == "the"
            else 1
        )
    if index >= len(tokens) or not is_name_token(tokens[index]):
        return None
    end = index
    while end + 1 < len(tokens) and (
        is_name_token(tokens[end + 1])
        or _connects_names(tokens, end + 1, end)
        or tokens[end + 1].text.isdigit()  # `Number 10`
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
            first = start - 1
            if first - 1 >= floor and is_determiner(tokens[first - 1].text):
                first -= 1  # `the five judges`
            return _partitive_start(tokens, first, floor)
        if _plural_possessive(tokens, start - 1, floor):  # `the writers’ union`
            start -= 2
            modifiers += 1
            continue
        if not starts_word(previous.text) or is_boundary(previous.text):
            break
        if previous.lower.endswith("ly") and not previous.capitalized:
            break
        start -= 1
        modifiers += 1
    while start < head_start and tokens[start].lower in ("and", "or", "but"):
        start += 1  # `…, and Turkey’s agency said`: the conjunction opens the clause
    return _partitive_start(tokens, start, floor)


def _plural_possessive(tokens: list[Token], apostrophe: int, floor: int) -> bool:
    """Whether tokens[apostrophe] closes a plural possessive (`writers’`, `workers'`)."""
    if apostrophe - 1 < floor or tokens[apostrophe].text not in ("’", "'"):
        return False
    owner = tokens[apostrophe - 1]
    return (
        owner.end == tokens[apostrophe].start and owner.lower.endswith("s") and owner.text.isalpha()
    )


def _partitive_start(tokens: list[Token], start: int, floor: int) -> int:
    """`four of the seven members`, `four out of seven commissioners`, `one of the
    officials`: a quantity of a group is the speaker."""
    index = start - 1
    if index >= floor and tokens[index].lower == "of":
        index -= 1
        if index >= floor and tokens[index].lower == "out":
            index -= 1
        if (
            index >= floor
            and is_determiner(tokens[index].text)
            and tokens[index].lower
            not in (
                "the",
                "a",
                "an",
            )
        ):
            return index
    return start


def _skip_partitive(tokens: list[Token], start: int) -> int:
    """Past `four of the`, `four out of`, `one of` at the start of a speaker phrase."""
    if not is_determiner(tokens[start].text) or tokens[start].lower in ("the", "a", "an"):
        return start
    index = start + 1
    if index + 1 < len(tokens) and tokens[index].lower == "out" and tokens[index + 1].lower == "of":
        index += 2
    elif index < len(tokens) and tokens[index].lower == "of":
        index += 1
    else:
        return start
    if index < len(tokens) and tokens[index].lower in ("the", "its", "their", "his", "her"):
        index += 1
    return index if index < len(tokens) else start


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
    index = _skip_partitive(tokens, start)
    if index == start and is_determiner(tokens[start].text):
        index = start + 1
    end = None
    while index < len(tokens) and index - start <= MAX_MODIFIERS + MAX_NAME_TOKENS:
        token = tokens[index]
        is_role = role_at_end(tokens, index) is not None
        if _plural_possessive(tokens, index, start) and index + 1 < len(tokens):
            index += 1  # `the writers’ union`: the owner modifies what follows
            continue
        if (
            end is not None
            and token.text == "("
            and index + 2 < len(tokens)
            and tokens[index + 2].text == ")"
            and _acronym(tokens[index + 1].text)
        ):
            index += 3  # `Democratic Party (DP) leader X`: the acronym in brackets
            continue
        if not starts_word(token.text) or (
            end is not None and is_determiner(token.text) and not token.capitalized
        ):
            break
        if is_role or is_name_token(token):
            end = index
        elif end is not None and (
            _connects_names(tokens, index, end)
            or (is_title_word(token.text) and _next_is_name(tokens, index))
        ):
            pass
        elif end is not None and (
            role_at_end(tokens, end) is not None or is_name_token(tokens[end])
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
    return index + 1 < len(tokens) and is_name_token(tokens[index + 1])


def _role_ahead(tokens: list[Token], index: int) -> bool:
    """Whether lower-case modifiers from `index` lead to a role: `Indian defence official`."""
    for ahead in range(index, min(len(tokens), index + MAX_MODIFIERS)):
        if role_at_end(tokens, ahead) is not None:
            return True
        if not starts_word(tokens[ahead].text) or is_boundary(tokens[ahead].text):
            return False
        if tokens[ahead].lower in reporting_verbs() or opens_with_verb(tokens[ahead]):
            return False  # `Assange thanked Australia's PM`: a verb, not a modifier
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
    if close <= comma + 1 or opens_with_verb(tokens[comma + 1]):
        return None
    words_ = " ".join(t.text for t in tokens[comma + 1 : close])
    return (comma + 1, close - 1) if describes_speaker(words_) else None


def opens_with_verb(token: Token) -> bool:
    """An apposition never opens with a verb: `, tells Al Jazeera she …`, `, addressed the
    nation from …` are the sentence going on."""
    word = token.lower
    if token.capitalized or is_title_word(token.text) or not token.text.isalpha():
        return False
    return (
        word in reporting_verbs()
        or word in word_set("finite")
        or (word.endswith("ed") and word not in roles())
    )


@per_article
def is_personal_name(text: str) -> bool:
    """`Arindam Sen`, `V K Malhotra`: two to four capitalised words, none of them a title,
    an organization or a country."""
    tokens = tokenize(text)
    pack = load_knowledge()
    return (
        2 <= len(tokens) <= MAX_NAME_TOKENS
        and all(is_name_token(t) for t in tokens)
        and not any(is_title_word(t.text) for t in tokens[:-1])
        and not (  # `COP30 President`: a title after a word that is no first name
            tokens[-1].text in pack.word_list("titles")
            and tokens[-1].lower in roles()
            and tokens[0].text not in pack.first_names
        )
        and tokens[0].text not in pack.word_list("not_names")
        and not find_organization(text)
        and not any(t.text in nationalities() for t in tokens)
    )


def leading_name(tokens: list[Token], start: int, stop: int) -> tuple[int, int] | None:
    """A personal name opening tokens[start:stop] (past an honorific: `Dr. Omar Al
    Sayed during his closing speech` → `Omar Al Sayed`): (first, last) indices."""
    honorifics = load_knowledge().word_list("honorifics")
    first = start
    while first < stop and tokens[first].text in honorifics:
        first += 1
    last = first
    while (
        last + 1 < stop
        and last + 1 - first < MAX_NAME_TOKENS
        and (is_name_token(tokens[last + 1]) or tokens[last + 1].lower in ("al", "bin", "van"))
    ):
        last += 1
    if first >= stop or not is_personal_name(" ".join(t.text for t in tokens[first : last + 1])):
        return None
    return first, last


def _indefinite_description(tokens: list[Token]) -> bool:
    """`a geophysics engineer`, `a 23-year-old reporter`, `an Antakya resident`: a short
    indefinite noun phrase with no verb says what its speaker is, even when the noun is
    in no role list; a relative clause may follow it (`a former insider who turned on
    his old boss`)."""
    relative = next((i for i, t in enumerate(tokens) if t.lower in ("who", "whose")), None)
    if relative is not None:
        tokens = tokens[:relative]
    return (
        1 < len(tokens) <= MAX_INDEFINITE_DESCRIPTION
        and tokens[0].lower in ("a", "an")
        and all(starts_word(t.text) or t.text == "-" for t in tokens[1:])
        # an adjective in -ed before the noun (`a tainted former insider`) is no verb
        and not any(
            t.lower in reporting_verbs() or (opens_with_verb(t) and not t.lower.endswith("ed"))
            for t in tokens[1:]
        )
        and not opens_with_verb(tokens[-1])
    )


@per_article
def describes_speaker(text: str) -> bool:
    """Whether an apposition says who a speaker is (role, organization, anonymity, or a
    relative clause: `, who oversees the Army's modernization,`)."""
    tokens = tokenize(text)
    return bool(
        (tokens and tokens[0].text in ("who", "whose", "which"))
        or (  # `, of Acme,`, `, from the Red Cross,`: the organisation they speak for
            len(tokens) > 1
            and tokens[0].text in ("of", "from", "at", "with")
            and is_name_token(tokens[-1])
            and all(is_name_token(t) or t.lower in NAME_CONNECTORS for t in tokens[1:])
            # `, with Benzema and Kante,`: company, not an organisation
            and (tokens[0].text != "with" or bool(find_organization(text[tokens[1].start :])))
        )
        or (len(tokens) > 2 and tokens[0].lower == "known" and tokens[1].lower == "as")
        or _indefinite_description(tokens)
        or anonymity_pattern().search(text)
        or find_organization(text)
        or any(role_at_end(tokens, i) is not None for i in range(len(tokens)))
    )
