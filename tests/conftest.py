from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"
# Real articles for the gold in tests/gold/real, beside the checkout (never in it).
DEVSETS = ROOT.parent / "shared" / "devsets" / "articles"
MORE = ROOT.parent / "devsets-more" / "articles"
HELD_OUT = ROOT.parent / "devsets-extra" / "articles"


@pytest.fixture(scope="session")
def seed_articles():
    from analysis import load

    return load(SEEDS)


@pytest.fixture(scope="session")
def seed_reports(seed_articles):
    from analysis import analyze

    return [analyze(article) for article in seed_articles]


@pytest.fixture(autouse=True)
def _own_store(tmp_path_factory, monkeypatch):
    """No test reads or fills the user's own store (the dashboard and `--store` use it)."""
    monkeypatch.setenv("SOURCE_BIAS_DATA", str(tmp_path_factory.mktemp("store")))


@pytest.fixture(autouse=True)
def _keep_main_module():
    """Streamlit's AppTest leaves the app script installed as `__main__`; restore it, or
    processes started later with multiprocessing's "spawn" would run the dashboard."""
    import sys

    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main
