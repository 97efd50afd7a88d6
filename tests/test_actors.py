import re

import pytest

from analysis.knowledge.actors import find_mentions
from analysis.knowledge.trie import trie_pattern


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the US Army and the US", ["US Army", "US"]),
        ("USA and USAF", ["USA", "USAF"]),
        ("U", []),
        ("US Arm", ["US"]),
    ],
)
def test_trie_pattern_takes_the_longest_whole_word(text, found):
    pattern = re.compile(rf"\b{trie_pattern(['US', 'US Army', 'USA', 'USAF'])}(?!\w)")
    assert [m.group() for m in pattern.finditer(text)] == found


def test_mentions_prefer_the_longer_alias_and_need_word_edges():
    text = "New Delhi and Delhi's rivals; Indiana is not India."
    aliases = [m.alias for m in find_mentions(text)]
    assert "New Delhi" in aliases
    assert "Indiana" not in aliases
    assert aliases.count("India") == 1
