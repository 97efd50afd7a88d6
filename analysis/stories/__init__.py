"""Stories: which articles of a mixed pile cover the same event or issue.

`find_stories(articles)` groups articles by the words, names, numbers and dates they share,
within a bound in time; `read_inputs(paths, store)` reads them from files, folders,
corpora and the store.
"""

from .find import Member, Story, StoryInput, find_stories
from .inputs import read_inputs

__all__ = ["Member", "Story", "StoryInput", "find_stories", "read_inputs"]
