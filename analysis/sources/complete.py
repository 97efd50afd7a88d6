"""What the whole article says about each speaker, once every quote has one: a person
described anywhere (`Mwangi, 55, has been Kenya’s deputy president`, `US Trade Envoy
Jane Roe`) is described for all their quotes; an institution named without its country
takes the one the article gives the same institution (`coast guard` after `a Greek coast
guard boat`); `the country’s watchdog` is the country last named; and an unqualified
national title (`the foreign ministry`) in an article that names no other country is the
outlet's. The gender comes last (gender.py).
"""

import re

from ..knowledge import load_knowledge
from .describe import Description, describe
from .gender import speaker_gender
from .lexicon import find_country, find_organization, roles
from .phrases import apposition_after, phrase_after, phrase_before
from .records import Context, Entity
from .subjects import join_tokens
from .tokens import Token

# Words that join a name to a description of it: `Mwangi, 55, has been Kenya's deputy
# president`, `Roe is the chair of …`.
COPULAS = (
    ("is",),
    ("was",),
    ("has", "been"),
    ("had", "been"),
    ("became",),
    ("becomes",),
    ("will", "become"),
    ("serves", "as"),
    ("served", "as"),
    ("is", "also"),
    ("was", "also"),
)
# Speaker types that speak for a nation: an unqualified one (`the president`) may take
# the outlet's country.
NATIONAL_TYPES = ("official", "legislator")
THE_COUNTRY = re.compile(r"\b(?:the|this|that)\s+(?:country|nation)[’']s\b", re.IGNORECASE)


def complete_entities(entities: list[Entity], context: Context) -> None:
    for entity in entities:
        if entity.form == "name":
            _from_article(entity, context)
        if not entity.organization:
            _implied_institution(entity, context)
        elif entity.form != "institution":
            entity.organization = _full_organization(entity.organization, context)
        if not entity.country:
            entity.country = (
                _organization_actor_country(entity, context)
                or _country_in_name(entity)
                or _same_institution_country(entity, context)
                or _the_country(entity, context)
                or _local_place_country(entity, context)
                or _outlet_country(entity, context)
            )
        entity.gender, entity.gender_evidence = speaker_gender(entity, context)


def described_at(context: Context, end_offset: int) -> Description | None:
    """The Description of the speaker phrase that ends at `end_offset` (with its title
    before and apposition after), as if it spoke there."""
    sentence = context.document.sentence_at(end_offset - 1)
    tokens = context.tokens(sentence)
    end = next((i for i, t in enumerate(tokens) if t.end == end_offset), None)
    if end is None:
        return None
    start = phrase_before(tokens, end, 0)
    if start is None:
        return None
    apposition = ""
    if end + 1 < len(tokens) and tokens[end + 1].text == ",":
        span = apposition_after(tokens, end + 1, len(tokens))
        apposition = join_tokens(tokens, *span) if span else ""
    owner = _possessor_before(tokens, start)
    if owner:  # `the UN food agency's director-general Ana Lima …`
        apposition = f"{owner} , {apposition}"
    return describe(join_tokens(tokens, start, end), apposition)


def _possessor_before(tokens: list[Token], start: int) -> str:
    """The organisation whose post a title names, in a possessive right before it."""
    if start == 0 or not re.search(r"[’']s$", tokens[start - 1].text):
        return ""
    first = start - 1
    while first > 0 and start - first < MAX_POSSESSOR_TOKENS:
        previous = tokens[first - 1]
        if not previous.text[:1].isalnum() or previous.lower in ("the", "a", "an"):
            break
        first -= 1
    owner = re.sub(r"[’']s$", "", join_tokens(tokens, first, start - 1))
    found = find_organization(owner)
    return found[0].name if found else ""


# A possessive organisation before a title has at most this many words.
MAX_POSSESSOR_TOKENS = 5


def _from_article(entity: Entity, context: Context) -> None:
    """Role, organization, country and type from every place the article names the
    person, in reading order: the first role given is the role."""
    surname = entity.name.split()[-1]
    pattern = re.compile(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-])")
    found: list[Description] = []
    for match in pattern.finditer(context.masked):
        described = described_at(context, match.end())
        if (
            described is not None
            and described.form == "name"
            and described.head == surname
            and _same_person(described.name, entity.name)
        ):
            found.append(described)
        for clause in (_predicate(context, match.end()), _fronted(context, match.start())):
            if clause is not None:
                found.append(clause)
    if not found:
        return
    role = next((d.role for d in found if d.role), "")
    if role:
        entity.role = role
    entity.organization = entity.organization or next(
        (d.organization for d in found if d.organization), ""
    )
    entity.country = entity.country or next((d.country for d in found if d.country), "")
    if entity.speaker_type == "other":
        entity.speaker_type = next(
            (d.speaker_type for d in found if d.speaker_type not in (None, "other")), "other"
        )
    entity.descriptions.extend(found)


def _same_person(one: str, other: str) -> bool:
    """`Assange` and `Stella Assange` may be one person; `Julian Assange` and `Stella
    Assange` are two."""
    first, second = one.split(), other.split()
    return len(first) < 2 or len(second) < 2 or first[0] == second[0]


def _predicate(context: Context, end_offset: int) -> Description | None:
    """`Mwangi, 55, has been Kenya’s deputy president`: what a copula after the name says
    the person is."""
    sentence = context.document.sentence_at(end_offset - 1)
    tokens = context.tokens(sentence)
    index = next((i for i, t in enumerate(tokens) if t.start >= end_offset), len(tokens))
    if index + 2 < len(tokens) and tokens[index].text == "," and tokens[index + 1].text.isdigit():
        index += 3 if tokens[index + 2].text == "," else 2  # `, 55,`
    for copula in COPULAS:
        words = tuple(t.lower for t in tokens[index : index + len(copula)])
        if words == copula:
            start = index + len(copula)
            end = phrase_after(tokens, start)
            if end is None:
                return None
            described = describe(join_tokens(tokens, start, end))
            if described is not None and described.form == "role" and not described.plural:
                return described
            return None
    return None


def _fronted(context: Context, start_offset: int) -> Description | None:
    """`The president of the Spanish Football Federation, Luis Rubiales, has …`: a post
    set before the name between commas describes the person."""
    sentence = context.document.sentence_at(start_offset)
    tokens = context.tokens(sentence)
    last = next((i for i, t in enumerate(tokens) if t.start == start_offset), None)
    if last is None:
        return None
    first = last
    while first > 0 and tokens[first - 1].text[:1].isupper():
        first -= 1  # the given names before the surname
    if first < 2 or tokens[first - 1].text != ",":
        return None
    while last + 1 < len(tokens) and tokens[last + 1].text[:1].isupper():
        last += 1
    if last + 1 >= len(tokens) or tokens[last + 1].text != ",":
        return None  # `the minister, Ana Ruiz and two aides`: a list, not a name set off
    start = phrase_before(tokens, first - 2, 0)
    if start is None:
        return None
    described = describe(join_tokens(tokens, start, first - 2))
    if described is not None and described.role and not described.plural:
        return described
    return None


# Posts whose institution goes without saying when the article names only one: a justice
# or judge sits on the court the story is about.
IMPLIED_INSTITUTIONS = {"justice": "court", "judge": "court", "magistrate": "court"}


def _implied_institution(entity: Entity, context: Context) -> None:
    """`Justice Ana Ortiz` in an article about the US Supreme Court: the court is her
    organisation, and its country his, when the article names exactly one court."""
    noun = IMPLIED_INSTITUTIONS.get(entity.role.split()[-1] if entity.role else "")
    if noun is None:
        return
    courts = [
        m
        for m in context.organizations()
        if m.kind == "organization" and m.name.lower().endswith(noun) and m.name[:1].isupper()
    ]
    if len({(m.actor if not m.country else m.country) for m in courts}) == 1:
        entity.organization = re.sub(r"^(?:the|The)\s+", "", courts[0].alias)
        entity.country = entity.country or courts[0].country


def _full_organization(organization: str, context: Context) -> str:
    """The organisation's name as the article first gives it in full: the long form of an
    acronym it defines (`NEB` → `National Electoral Board`), the
    name a common noun stands for (`electoral commission` → the Commission it named)."""
    outside = context.organizations()
    if organization.isupper() and len(organization) > 1:
        actors = {m.actor for m in outside if m.alias == organization}
        for mention in outside:
            if mention.actor in actors and not mention.alias.isupper() and is_proper(mention.alias):
                return mention.alias
        return organization
    if is_proper(organization):
        return organization
    head = organization.split()[-1].lower()
    named = {
        m.actor: m.alias
        for m in outside
        if is_proper(m.alias) and m.alias.split()[-1].lower() == head and " " in m.alias
    }
    return next(iter(named.values())) if len(named) == 1 else organization


def is_proper(name: str) -> bool:
    """A proper name: its first and last words capitalised (`Federal Transport
    Agency`), not a common noun (`electoral commission`)."""
    words = name.split()
    return bool(words) and words[0][:1].isupper() and words[-1][:1].isupper()


def _organization_actor_country(entity: Entity, context: Context) -> str:
    """The country the article's actor mentions give the speaker's organisation under any
    of its names (`National Electoral Board (NEB)`: the NEB's)."""
    organization = entity.organization
    if not organization:
        return ""
    actors = {
        m.actor for m in context.mentions if m.alias == organization or m.name == organization
    }
    countries = {
        m.country
        for m in context.mentions
        if m.actor in actors and m.country and m.alias != organization
    }
    countries = {c for c in countries if len(c) == 2 and c.isupper()} or countries
    return countries.pop() if len(countries) == 1 else ""


def _country_in_name(entity: Entity) -> str:
    """The country an organisation's own name gives (`Maritime and Port Authority of
    Singapore`, `Writers Guild of America`, `Texas Department of Public Safety`); not an
    international body's (`Organization of American States`)."""
    if entity.speaker_type == "international" or not entity.organization:
        return ""
    return find_country(entity.organization)


def _organization_noun(entity: Entity) -> str:
    """The institution a speaker belongs to, as a common noun (`coast guard`)."""
    for description in entity.descriptions:
        organization = description.organization.lower()
        if organization and not find_organization(description.organization):
            return organization
        if organization in ("coast guard", "government", "police", "army", "military"):
            return organization
    return ""


def _same_institution_country(entity: Entity, context: Context) -> str:
    """`coast guard spokesperson Ana Ruiz` in an article whose only coast guard is
    Greek (`a Greek coast guard boat`): the country the article gives that institution."""
    noun = _organization_noun(entity)
    if not noun:
        return ""
    countries = {
        m.country
        for m in context.mentions
        if m.kind == "organization" and m.country and m.actor.endswith(f" {noun}")
    }
    return countries.pop() if len(countries) == 1 else ""


def _the_country(entity: Entity, context: Context) -> str:
    """`the country’s competition watchdog`: the country named last before the speaker
    phrase, else the outlet's."""
    for description in entity.descriptions:
        if THE_COUNTRY.search(f"{description.text} {description.apposition}"):
            at = min(entity.cues, default=len(context.masked))
            before = [m for m in context.mentions if m.kind == "country" and m.end <= at]
            return before[-1].country if before else context.outlet_country
    return ""


def _local_place_country(entity: Entity, context: Context) -> str:
    """`Lahaina resident X`, `Maui Police Chief X`, `Gov. X`: a local title, alone or
    after a place the gazetteer does not know, takes the country of the article's places
    when the article names one country only."""
    if not any(_place_before_local_title(d) for d in entity.descriptions):
        return ""
    countries = {
        m.country
        for m in context.mentions
        if m.kind == "country" and context.masked[m.start] != "▮"
    }
    return countries.pop() if len(countries) == 1 else ""


def _place_before_local_title(description: Description) -> bool:
    """Whether the role is a local title (names.toml `local_titles`) after words printed
    capitalised that are no title word, organisation or country of their own (a place),
    or a local office alone (`Gov. X`): a resident with no place stays unplaced, as the
    guideline leaves `officials` (docs/annotating-quotes.md)."""
    knowledge = load_knowledge()
    words = description.role.split()
    for start in range(len(words)):
        title = " ".join(words[start:])
        if title not in knowledge.word_list("local_titles"):
            continue
        if start == 0:  # `Gov. X`, `Maui Police Chief X` (the police named as its body)
            return description.speaker_type == "official"
        printed = {w.lower(): w for w in re.findall(r"[\w’'-]+", description.text)}
        place = [printed.get(w, "") for w in words[:start]]
        return all(
            w[:1].isupper() and w not in knowledge.word_list("title_modifiers") for w in place
        ) and not find_organization(" ".join(place))
    return False


def _outlet_country(entity: Entity, context: Context) -> str:
    """The outlet's country for an unqualified national title (`the president`, `the
    foreign ministry`, `the prime minister`: a definite description that is nothing but a
    national post or institution) when the article names no other country. A named
    person's title (`Finance Minister X`) is left as the text gives it."""
    if not context.outlet_country or entity.speaker_type not in NATIONAL_TYPES:
        return ""
    if entity.form not in ("role", "institution") or not _bare_national_title(entity.description):
        return ""
    countries = {
        m.country
        for m in context.mentions
        if m.kind == "country" and context.masked[m.start] != "▮"
    }
    return context.outlet_country if countries <= {context.outlet_country} else ""


def _bare_national_title(description: Description) -> bool:
    """`the president`, `the Foreign Ministry`, `the prime minister`: `the` and a post or
    institution of a state, nothing else."""
    words = description.text.split()
    if not description.definite or description.plural or words[0].lower() != "the":
        return False
    body = " ".join(words[1:])
    if roles().get(body.lower(), ("", False))[0] in NATIONAL_TYPES:
        return True
    found = find_organization(body)
    return bool(
        found
        and found[1] == 0
        and found[2] == len(body)
        and not found[0].country
        and found[0].speaker_type in NATIONAL_TYPES
    )
