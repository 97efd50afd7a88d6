"""What must hold for every report, whatever the input: shared by the property tests
(tests/test_properties.py) and the fuzzer (tests/fuzz/)."""

import json
import math
from functools import cache

import jsonschema

from analysis import InputError, Report, to_json

# Shares are rounded to 4 decimals before they are stored; their sum may drift by this.
SHARE_TOLERANCE = 1e-3


@cache
def validator() -> jsonschema.Draft202012Validator:
    from analysis.export import schema

    return jsonschema.Draft202012Validator(schema())


def refused_with_a_reason(error: InputError) -> None:
    assert error.reason and error.source, error


def check_report(report: Report, schema: bool = True) -> None:
    """Offsets inside the text, quotes equal to their slices, shares that are shares,
    sentences that hold text, and JSON that is strict and (if `schema`) valid."""
    text = report.article.text
    data = report.to_dict()
    check_offsets(data, text, report.article.title, len(report.document.sentences))
    check_shares(data)
    for sentence in report.document.sentences:
        assert text[sentence.start : sentence.end].strip(), sentence
    for quote in report.sources.quotes:
        assert text[quote.start : quote.end] == quote.text, quote
    mix = report.sources.source_mix
    for shares in (mix.type_shares, mix.country_shares):
        assert not shares or math.isclose(sum(shares.values()), 1, abs_tol=SHARE_TOLERANCE)
    if schema:
        check_json([report])


def check_json(reports: list[Report]) -> None:
    document = to_json(reports)
    json.dumps(document, allow_nan=False)  # NaN or Infinity would not be JSON
    validator().validate(document)


def check_offsets(value, text: str, title: str, sentences: int, path: str = "") -> None:
    """Every start/end/at in the JSON lies inside the text (headline cues: the title),
    and every sentence index names a sentence."""
    if isinstance(value, dict):
        inside = title if path.endswith("headline") else text
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            assert 0 <= value["start"] <= value["end"] <= len(inside), (path, value)
        if isinstance(value.get("at"), int):
            assert 0 <= value["at"] <= len(text), (path, value)
        if isinstance(value.get("sentence"), int):
            assert 0 <= value["sentence"] < sentences, (path, value)
        for key, item in value.items():
            check_offsets(item, text, title, sentences, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            check_offsets(item, text, title, sentences, path)


def check_shares(value, path: str = "") -> None:
    """Every number whose name ends in `share` is a share: between 0 and 1."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key.endswith("share") and isinstance(item, float):
                assert 0 <= item <= 1, (f"{path}.{key}", item)
            check_shares(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            check_shares(item, path)
