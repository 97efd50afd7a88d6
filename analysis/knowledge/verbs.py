"""Reporting verbs: the verbs that attribute speech to a speaker (data/reporting_verbs.tsv),
every regular and irregular form. The sources layer reads who said what with them; the
name finder takes a capitalised phrase before one (`Ruto said`) for a speaker's name."""

from dataclasses import dataclass
from functools import cache
from typing import Literal, cast

from ..resources import load_tsv

Complement = Literal["clause", "directive", "object", "quote"]


@dataclass(frozen=True)
class ReportingVerb:
    form: str
    lemma: str
    category: str
    complement: Complement


def inflections(lemma: str) -> set[str]:
    """Regular forms of a verb: claim → claims, claimed, claiming; deny → denies, denied."""
    first, _, rest = lemma.partition(" ")
    rest = f" {rest}" if rest else ""
    forms = {first}
    if first.endswith("y") and first[-2:-1] not in "aeiou":
        forms |= {first[:-1] + "ies", first[:-1] + "ied", first + "ing"}
    elif first.endswith("e"):
        forms |= {first + "s", first + "d", first[:-1] + "ing"}
    elif first.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {first + "es", first + "ed", first + "ing"}
    else:
        forms |= {first + "s", first + "ed", first + "ing"}
    return {form + rest for form in forms}


@cache
def reporting_verbs() -> dict[str, ReportingVerb]:
    """Every form of every reporting verb (lower case, `called on` included) → its entry."""
    verbs: dict[str, ReportingVerb] = {}
    for verb, category, complement, *_ in load_tsv("reporting_verbs.tsv"):
        lemma, *irregular = verb.split("|")
        forms = set(irregular) or inflections(lemma)
        if irregular and " " not in lemma and not any(f.endswith("ing") for f in irregular):
            forms |= {form for form in inflections(lemma) if not form.endswith("ed")}
        for form in sorted(forms | {lemma}):
            verbs.setdefault(
                form, ReportingVerb(form, lemma, category, cast(Complement, complement))
            )
    return verbs
