"""A JSON report as flat rows: one row of scalar metrics per article and one per quote
(what `batch` writes to Parquet and what outlet profiles are computed from)."""

import re
from typing import Any

IDENTIFIER = re.compile(r"[A-Za-z][\w-]{0,40}")


def flatten(report: dict[str, Any], prefix: str = "", in_item: bool = False) -> dict[str, Any]:
    """A report's scalar fields as columns, nested names joined by dots.

    An interval `x_ci` becomes `x_ci_low` and `x_ci_high`; a list of named items (frames,
    language layers, actors) becomes columns per name holding the items' numbers; any
    other list becomes its count.
    """
    flat: dict[str, Any] = {}
    for key, value in report.items():
        name = f"{prefix}{key}"
        if in_item and isinstance(value, str):
            continue  # labels repeated in every row
        if isinstance(value, dict):
            flat |= flatten(value, f"{name}.", in_item)
        elif key.endswith("_ci") and (value is None or len(value) == 2):
            low, high = value or (None, None)
            flat |= {f"{name}_low": low, f"{name}_high": high}
        elif isinstance(value, list) and not in_item and _named_items(value):
            for item in value:
                first, *rest = item
                fields = {field: item[field] for field in rest}
                flat |= flatten(fields, f"{name}.{item[first]}.", in_item=True)
        elif isinstance(value, list):
            flat[f"{prefix}n_{key}"] = len(value)
        else:
            flat[name] = value
    return flat


def _named_items(items: list[Any]) -> bool:
    """Items that each start with a distinct identifier (a frame, a layer, an actor)."""
    if not items or not all(isinstance(item, dict) and item for item in items):
        return False
    names = [next(iter(item.values())) for item in items]
    return all(isinstance(n, str) and IDENTIFIER.fullmatch(n) for n in names) and len(
        set(names)
    ) == len(names)


def article_row(report: dict[str, Any]) -> dict[str, Any]:
    """The article's flat metrics: everything but its text."""
    return flatten({key: value for key, value in report.items() if key != "text"})


def quote_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One flat row per quote the sources analyzer found, with its article's id and row."""
    quotes = report.get("quotes") or []
    return [{"id": report["id"], "row": report["row"]} | flatten(quote) for quote in quotes]
