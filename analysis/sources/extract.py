"""`analyze_sources(document)`: every quote in an article, who said it, and the source mix,
found in the order the steps depend on each other.
"""

from collections.abc import Sequence

from ..knowledge import Mention, load_knowledge
from ..text import Document
from .indirect import indirect_quotes
from .marked import attach_continuations, marked_quotes, mask_quotations
from .memo import one_article
from .mix import source_mix
from .model import Sources
from .records import Context
from .resolve import make_quote, resolve_speakers, speaker_records
from .tokens import word_screen
from .unsourced import find_unsourced

# --- public API --------------------------------------------------------------------------


def analyze_sources(
    document: Document, mentions: Sequence[Mention] = (), *, outlet_country: str = ""
) -> Sources:
    """Find every quote in `document`, attribute and describe its speakers, and summarise
    the article's source mix. `mentions` (knowledge.find_mentions) give the actors the
    article names: the countries it talks about, the organisations and people its
    speakers are. `outlet_country` (a country's name or ISO code, as in the manifest)
    is the country of an unqualified national title (`the foreign ministry`) in an
    article that names no other country."""
    masked = mask_quotations(document)
    context = Context(
        document,
        masked,
        [word_screen(masked[s.start : s.end]) for s in document.sentences],
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
        outlet_country=country_code(outlet_country),
    )
    people = frozenset(word for m in mentions if m.kind == "person" for word in m.name.split())
    with one_article(people):
        found = marked_quotes(context)
        found += indirect_quotes(context, found)
        found = attach_continuations(sorted(found, key=lambda f: f.start), context)
        speaker_list = speaker_records(resolve_speakers(found, context), found, context)
    quotes = tuple(make_quote(f, document, speaker_list) for f in found)
    unsourced = find_unsourced(context)
    return Sources(
        quotes=quotes,
        speakers=speaker_list,
        unsourced=unsourced,
        source_mix=source_mix(document, quotes, speaker_list, unsourced, mentions),
    )


def country_code(country: str) -> str:
    """The ISO code of a country given by name (`Kenya`, `United Kingdom`, `UK`) or code
    (`KE`), by the knowledge pack; "" when unknown."""
    country = country.strip()
    if not country:
        return ""
    pack = load_knowledge()
    if country.upper() in pack.countries and len(country) == 2:
        return country.upper()
    for code, entry in pack.countries.items():
        if country == entry.name or country in entry.names:
            return code
    folded = country.casefold()
    for code, entry in pack.countries.items():
        if folded in (name.casefold() for name in (entry.name, *entry.names)):
            return code
    return ""
