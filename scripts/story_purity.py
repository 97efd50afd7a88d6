"""Purity and inverse purity of the story finder on annotated folders (the true story of
an article is its manifest `note` before the first ";").

    python -m scripts.story_purity ../shared/devsets/articles ../devsets-more/articles
"""

import argparse
from pathlib import Path

from analysis.evaluate.stories import evaluate_folders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--stories", action="store_true", help="also list the stories found")
    args = parser.parse_args()
    scores, stories = evaluate_folders(args.folders)
    if args.stories:
        for story in stories:
            print(story.id, story.label, " ".join(m.file for m in story.members))
    print(
        f"{scores.articles} articles, {scores.true} true stories, {scores.found} found: "
        f"purity {scores.purity:.3f}, inverse purity {scores.inverse_purity:.3f}"
    )


if __name__ == "__main__":
    main()
