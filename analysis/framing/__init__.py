"""Frames: which angles an article takes (money, law, security...), how strongly, and where.

A codebook (`codebook`: a TOML file in data/codebooks/, or any file with the same layout)
lists frames, each with cue words and phrases; `cues` matches them in the text, `frames`
scores each frame per sentence and per article, and `language` counts the word-choice
layers (hedges, loaded words, how each actor is named). Every score keeps the sentences
and matched words behind it.
"""

from .codebook import BUILT_IN, Codebook, Frame, load_codebook, parse_codebook
from .frames import CodebookInfo, FrameEvidence, FrameScore, Framing, Lede, analyze_framing
from .language import Language

__all__ = [
    "BUILT_IN",
    "Codebook",
    "CodebookInfo",
    "Frame",
    "FrameEvidence",
    "FrameScore",
    "Framing",
    "Language",
    "Lede",
    "analyze_framing",
    "load_codebook",
    "parse_codebook",
]
