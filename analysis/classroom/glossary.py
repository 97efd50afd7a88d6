"""One-sentence definitions of every metric, speaker type, frame and cue category.

Read from data/glossary.toml so a teacher can reword a definition without touching code;
the dashboard shows them as tooltips and lessons print the ones their questions use.
"""

from dataclasses import dataclass
from functools import cache

from ..errors import DataFileError
from ..resources import load_toml

GLOSSARY_FILE = "glossary.toml"


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    definition: str
    group: str


@cache
def glossary() -> dict[str, Term]:
    """Every term by id, in the order of the data file."""
    terms = {}
    for term_id, entry in load_toml(GLOSSARY_FILE).get("term", {}).items():
        missing = [key for key in ("term", "definition", "group") if not entry.get(key)]
        if missing:
            raise DataFileError(f"{GLOSSARY_FILE}: [term.{term_id}] lacks {', '.join(missing)}")
        terms[term_id] = Term(term_id, entry["term"], entry["definition"], entry["group"])
    return terms


def define(term_id: str) -> str:
    """The definition of `term_id`, e.g. `define("subjectivity")`; KeyError names the term."""
    try:
        return glossary()[term_id].definition
    except KeyError:
        raise KeyError(f"no glossary entry {term_id!r} in {GLOSSARY_FILE}") from None
