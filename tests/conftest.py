from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_articles():
    from analysis import load

    return load(SEEDS)


@pytest.fixture(scope="session")
def seed_reports(seed_articles):
    from analysis import analyze

    return [analyze(article) for article in seed_articles]
