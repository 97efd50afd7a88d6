"""Outlet profiles as JSON (README, "Outlet profiles JSON"), one CSV row per profile, or
a text table: what `python -m analysis outlets` prints."""

import csv
import io
import json
from importlib.resources import files
from typing import Any, cast

from ..export import spreadsheet_safe
from ..report import as_json
from .profile import CONFIDENCE, OutletProfile, OutletProfiles
from .words import PRIOR_SCALE

SCHEMA_VERSION = 1
TABLE_OUTLET_WIDTH = 24
TABLE_WORDS = 4  # distinctive words shown per row of the table
TABLE_COUNTRIES = 3


def to_json(profiles: OutletProfiles) -> dict[str, Any]:
    """`{"schema_version": 1, "articles": N, "method": {...}, "outlets": [...], "by_story": [...]}`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": profiles.articles,
        "method": {
            "tone": "mean over articles of the article's news-lens tone (sentiment.tone)",
            "interval": {
                "confidence": CONFIDENCE,
                "method": "percentile bootstrap over articles",
                "resamples": profiles.resamples,
                "seed": profiles.seed,
            },
            "distinctive": {
                "method": "weighted log-odds with an informative Dirichlet prior "
                "(Monroe, Colaresi & Quinn 2008), z-scores",
                "prior_scale": PRIOR_SCALE,
                "words_from": profiles.words_from,
            },
        },
        "outlets": [as_json(p) for p in profiles.outlets],
        "by_story": [as_json(p) for p in profiles.by_story],
    }


def schema() -> dict[str, Any]:
    """The JSON Schema of `to_json`'s output (analysis/schema/outlets.schema.json)."""
    text = files("analysis").joinpath("schema/outlets.schema.json").read_text("utf-8")
    return cast(dict[str, Any], json.loads(text))


def format_json(profiles: OutletProfiles) -> str:
    return json.dumps(to_json(profiles), ensure_ascii=False, indent=1, allow_nan=False)


def flat_profile(profile: OutletProfile) -> dict[str, object]:
    """One CSV row: the profile's numbers, its shares as columns, its words joined."""
    low, high = profile.tone_ci or (None, None)
    return {
        "outlet": profile.outlet,
        "story": profile.story or "",
        "articles": profile.articles,
        "tone": profile.tone,
        "tone_ci_low": low,
        "tone_ci_high": high,
        "tone_articles": profile.tone_articles,
        "quotes_per_article": profile.quotes_per_article,
        "voices_per_article": profile.voices_per_article,
        "unsourced_per_article": profile.unsourced_per_article,
        "named_share": profile.named_share,
        **{f"type.{name}": share for name, share in profile.speaker_types.items()},
        "countries": _pairs(profile.countries),
        **{f"dominant.{name}": share for name, share in profile.dominant_frames.items()},
        **{f"present.{name}": share for name, share in profile.frames_present.items()},
        "distinctive": " ".join(term.term.replace(" ", "_") for term in profile.distinctive),
    }


def _pairs(shares: dict[str, float], top: int | None = None) -> str:
    return " ".join(f"{name}:{share:.0%}" for name, share in list(shares.items())[:top])


def format_csv(profiles: OutletProfiles) -> str:
    """Outlets, then outlets per story; a share column an outlet lacks is 0."""
    rows = [flat_profile(p) for p in (*profiles.outlets, *profiles.by_story)]
    fields: dict[str, None] = {}
    for row in rows:
        fields |= dict.fromkeys(row)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(fields), restval=0, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def format_table(profiles: OutletProfiles) -> str:
    """One line per outlet (then per outlet and story): articles, tone and its interval,
    voices and quotes per article, named share, main speaker type, dominant frame,
    unsourced claims per article, distinctive words."""
    header = (
        f"{'outlet':<{TABLE_OUTLET_WIDTH}} {'n':>6}  {'tone':>6} {'95% interval':>15}  "
        f"{'voices':>6} {'quotes':>6} {'named':>5}  {'unsrc':>5}  speakers / frame / words"
    )
    lines = [f"{profiles.articles} article(s); words from {profiles.words_from}", "", header]
    lines += [_line(p, p.outlet) for p in profiles.outlets]
    stories = sorted({p.story or "" for p in profiles.by_story})
    for story in stories:
        lines += ["", f"Story: {story}", header]
        lines += [_line(p, p.outlet) for p in profiles.by_story if p.story == story]
    return "\n".join(line.rstrip() for line in lines)


def _line(profile: OutletProfile, label: str) -> str:
    interval = (
        "unknown"
        if profile.tone_ci is None
        else f"{profile.tone_ci[0]:+.2f}…{profile.tone_ci[1]:+.2f}"
    )
    tone = "–" if profile.tone is None else f"{profile.tone:+.2f}"
    named = "–" if profile.named_share is None else f"{profile.named_share:.0%}"
    speaker = next(iter(profile.speaker_types.items()), None)
    frame = next(iter(profile.dominant_frames.items()), None)
    words = ", ".join(term.term for term in profile.distinctive[:TABLE_WORDS]) or "–"
    return (
        f"{_cut(label, TABLE_OUTLET_WIDTH):<{TABLE_OUTLET_WIDTH}} {profile.articles:>6}  "
        f"{tone:>6} {interval:>15}  {profile.voices_per_article:>6.1f} "
        f"{profile.quotes_per_article:>6.1f} {named:>5}  {profile.unsourced_per_article:>5.1f}  "
        f"{_pairs(dict([speaker])) if speaker else '–'} / "
        f"{_pairs(dict([frame])) if frame else '–'} / {words}"
    )


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


FORMATS = {"table": format_table, "json": format_json, "csv": format_csv}
