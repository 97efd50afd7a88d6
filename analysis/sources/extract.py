"""`analyze_sources(document)`: every quote in an article, who said it, and the source mix,
found in the order the steps depend on each other.
"""

from collections.abc import Sequence

from ..knowledge import Mention
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


def analyze_sources(document: Document, mentions: Sequence[Mention] = ()) -> Sources:
    """Find every quote in `document`, attribute and describe its speakers, and summarise
    the article's source mix. `mentions` (analysis.actors.find_mentions) give the
    countries the article talks about."""
    masked = mask_quotations(document)
    context = Context(
        document, masked, [word_screen(masked[s.start : s.end]) for s in document.sentences]
    )
    with one_article():
        found = marked_quotes(context)
        found += indirect_quotes(context, found)
        found = attach_continuations(sorted(found, key=lambda f: f.start), context)
        speaker_list = speaker_records(resolve_speakers(found, context), found)
    quotes = tuple(make_quote(f, document, speaker_list) for f in found)
    unsourced = find_unsourced(context)
    return Sources(
        quotes=quotes,
        speakers=speaker_list,
        unsourced=unsourced,
        source_mix=source_mix(document, quotes, speaker_list, unsourced, mentions),
    )
