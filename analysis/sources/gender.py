"""A speaker's gender, from what the article shows first: a `he` or `she` that stands for
the speaker, `Mr`/`Ms`/`Mrs` before the surname, a gendered title or noun
(`spokeswoman`, `chairman`, `king`), a `his`/`her` in a sentence the speaker opens; then
from the first name (the knowledge pack's list, from gender-guesser); else `unknown`.
Institutions and groups have none (""). Each verdict keeps its evidence, a short string
the dashboard can show ("she (sentence 4)", "Ms", "spokeswoman", "first name").
"""

import re
from functools import cache

from ..knowledge import load_knowledge
from .lexicon import words
from .model import Gender
from .records import Context, Entity

PRONOUN_GENDER: dict[str, Gender] = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
# Role heads that name a body of people, never one person.
COLLECTIVE = frozenset(
    {"authorities", "authority", "police", "crew", "family", "government", "military"}
)
_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)
# The words of a name that are no first name: `Dr`, `Sultan`, initials.
_INITIAL = re.compile(r"[A-Z]\.?")


@cache
def _table(female: str, male: str) -> dict[str, Gender]:
    """The words of two lists of `attribution.toml`'s [gender] table, by the gender they
    show (`female`/`male`: nouns and titles; `honorifics_female`/`_male`: Ms, Mr)."""
    data = words()["gender"]
    table: dict[str, Gender] = {word: "female" for word in data[female]}
    table.update({word: "male" for word in data[male]})
    return table


def _gendered_words() -> dict[str, Gender]:
    return _table("female", "male")


def _honorifics() -> dict[str, Gender]:
    return _table("honorifics_female", "honorifics_male")


def speaker_gender(entity: Entity, context: Context) -> tuple[Gender, str]:
    """(gender, evidence) of one speaker."""
    description = entity.description
    if description.form in ("institution", "pronoun") and not entity.pronouns:
        return "", ""
    if description.joint or (
        description.form == "role" and (description.plural or description.head in COLLECTIVE)
    ):
        return "", ""
    if entity.pronouns:
        pronoun, sentence = entity.pronouns[0]
        return PRONOUN_GENDER[pronoun], f"{pronoun} (sentence {sentence + 1})"
    named = description.form == "name"
    surname = entity.name.split()[-1] if named else ""
    if surname:
        honorific = _honorific_before(context, surname)
        if honorific:
            return _honorifics()[honorific], honorific
    noun = _gendered_noun(entity)
    if noun:
        return _gendered_words()[noun], noun
    if surname:
        found = _pronoun_after_name(context, entity)
        if found:
            return found
        first = _first_name(entity.name)
        verdict = load_knowledge().first_names.get(first, "") if first else ""
        if verdict == "female":
            return "female", "first name"
        if verdict == "male":
            return "male", "first name"
    return "unknown", ""


def _honorific_before(context: Context, surname: str) -> str:
    """`Ms`, `Mr.` right before the surname anywhere outside quotation marks."""
    honorifics = "|".join(re.escape(h) for h in sorted(_honorifics(), key=len, reverse=True))
    match = re.search(
        rf"(?<![\w.])({honorifics})\s+(?:[A-Z][\w’'-]+\s+)?{re.escape(surname)}\b", context.masked
    )
    return match.group(1) if match else ""


def _gendered_noun(entity: Entity) -> str:
    """A gendered title or noun in any description of the speaker (`spokeswoman`,
    `Congresswoman`, `a Turkish man`)."""
    table = _gendered_words()
    name = set(entity.name.lower().split()) if entity.form == "name" else set()
    for description in entity.descriptions:
        text = f"{description.text} {description.role} {description.apposition}"
        words: list[str] = re.findall(r"[\w-]+", text.lower())
        for word in words:
            if word in table and word not in name and word not in description.name.lower():
                return word
    return ""


def _pronoun_after_name(context: Context, entity: Entity) -> tuple[Gender, str] | None:
    """A `he`/`she`/`his`/`her` outside quotation marks later in a sentence the speaker's
    name opens, with no other person named in between (`Demir thanked his team …`), or
    opening the next sentence (`… said Okello. He added …`)."""
    names = {entity.name, entity.name.split()[-1]}
    pattern = re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in names)})\b")
    sentences = context.document.sentences
    people = [m for m in context.mentions if m.kind == "person"]
    for match in pattern.finditer(context.masked):
        number = context.document.sentence_at(match.start())
        sentence = sentences[number]
        if any(
            sentence.start <= p.start < match.start() and not _same_person(p.name, entity.name)
            for p in people
        ):
            continue  # someone else is named first: the sentence may be theirs
        others = [
            p.start
            for p in people
            if match.end() < p.start < sentence.end and not _same_person(p.name, entity.name)
        ]
        stop = min(others, default=sentence.end)
        pronoun = _PRONOUN.search(context.masked, match.end(), stop)
        if pronoun:
            word = pronoun.group().lower()
            return PRONOUN_GENDER[word], f"{word} (sentence {number + 1})"
        if not others and number + 1 < len(sentences):
            following = sentences[number + 1]
            opener = re.match(r"\s*(He|She)\b", context.masked[following.start : following.end])
            if opener:
                word = opener.group(1).lower()
                return PRONOUN_GENDER[word], f"{word} (sentence {number + 2})"
    return None


def _same_person(name: str, other: str) -> bool:
    return bool(set(name.split()) & set(other.split()))


def _first_name(name: str) -> str:
    for word in name.split():
        if not _INITIAL.fullmatch(word) and word not in load_knowledge().word_list("titles"):
            return word
    return ""
