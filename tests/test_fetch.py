"""Articles by web address (analysis.corpus.fetch), against a local server: a news page,
errors, a picture, redirects, an oversized body, slow answers, and the refusal of
private network addresses."""

import json
import os
import socket
import subprocess
import sys
import time

import pytest

from analysis import load_each
from analysis.corpus import fetch
from analysis.corpus.fetch import (
    ALLOW_PRIVATE_ENV,
    article_from_page,
    fetch_article,
    fetch_each,
    fetch_page,
    private_kind,
)
from analysis.errors import InputError

from .webserver import SLOW_S, serving


@pytest.fixture(scope="module")
def web():
    with serving() as base:
        yield base


@pytest.fixture(autouse=True)
def _private_refused_unless_asked(monkeypatch):
    monkeypatch.delenv(ALLOW_PRIVATE_ENV, raising=False)


def reason(url: str, **options) -> str:
    with pytest.raises(InputError) as caught:
        fetch_page(url, **options)
    return caught.value.reason


def test_a_news_page_becomes_an_article_with_its_metadata(web):
    article, page = fetch_article(f"{web}/a.html", allow_private=True)
    assert article.outlet == "The Harbour Ledger"
    assert article.title == "Trade talks resume after a long pause"
    assert article.date == "2024-05-01"
    assert article.url == f"{web}/a.html"
    assert article.file == ""
    assert article.text.startswith("Trade talks resume after a long pause\n\nNegotiators")
    assert "Most read" not in article.text and "All rights reserved" not in article.text
    assert page.content_type.startswith("text/html")
    assert page.data.startswith(b"<!doctype html>")
    assert page.fetched_at.endswith("+00:00")


def test_caller_metadata_wins_over_the_page(web):
    article, _ = fetch_article(f"{web}/a.html", allow_private=True, outlet="Ledger", title="")
    assert article.outlet == "Ledger"
    assert article.title == "Trade talks resume after a long pause"  # empty: not given


def test_a_stored_page_is_read_again_the_same_way(web):
    article, page = fetch_article(f"{web}/a.html", allow_private=True)
    assert article_from_page(page) == article


def test_a_text_page_keeps_its_headline_and_date_line_as_metadata(web):
    article, _ = fetch_article(f"{web}/notes.txt", allow_private=True)
    assert article.title == "Harbour council approves the new budget"
    assert article.date == "2024-06-02"
    assert article.outlet == "127.0.0.1"  # no site name: the host
    assert article.text.startswith("Harbour council approves the new budget\n\nThe harbour")


def test_a_compressed_page_is_decompressed(web):
    article, _ = fetch_article(f"{web}/gzipped.html", allow_private=True)
    assert article.title == "Trade talks resume after a long pause"


def test_a_redirect_is_followed_and_the_final_address_kept(web):
    page = fetch_page(f"{web}/moved", allow_private=True)
    assert page.url == f"{web}/a.html"
    assert page.requested == f"{web}/moved"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/missing.html", "404 Not Found"),
        ("/logo.png", "a PNG image, not a web page"),
        ("/report.pdf", "a PDF document, not a web page"),
        ("/loop/0", f"more than {fetch.MAX_REDIRECTS} redirects; not followed further"),
        ("/big.html", "the page is larger than 5,000,000 bytes, the limit"),
    ],
)
def test_a_page_that_cannot_be_an_article_is_refused_with_its_reason(web, path, expected):
    assert reason(f"{web}{path}", allow_private=True) == expected


def test_a_declared_size_over_the_limit_is_refused_before_reading(web):
    assert reason(f"{web}/a.html", allow_private=True, max_bytes=100).startswith("the page is 2,")


@pytest.mark.parametrize("path", ["/slow.html", "/trickle.html"])
def test_a_slow_page_times_out_at_the_time_out_in_all(web, path):
    started = time.monotonic()
    assert reason(f"{web}{path}", allow_private=True, timeout=0.5) == "timed out after 0.5 s"
    assert time.monotonic() - started < SLOW_S - 1


@pytest.mark.parametrize(
    ("url", "address", "kind"),
    [
        ("http://127.0.0.1:{port}/a.html", "127.0.0.1", "loopback"),
        ("http://localhost:{port}/a.html", "localhost is 127.0.0.1", "loopback"),
        ("http://[::1]:{port}/a.html", "::1", "loopback"),
        ("http://10.20.30.40/", "10.20.30.40", "private"),
        ("http://192.168.1.1/admin", "192.168.1.1", "private"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254", "link-local"),
        ("http://0.0.0.0:{port}/", "0.0.0.0", "unspecified"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1", "loopback"),
        ("http://2130706433:{port}/", "2130706433 is 127.0.0.1", "loopback"),
    ],
)
def test_private_network_addresses_are_refused_by_default(web, url, address, kind):
    port = web.rsplit(":", 1)[1]
    expected = f"refused: a private network address ({address}, {kind});"
    assert reason(url.format(port=port)).startswith(expected)


def test_the_setting_allows_private_addresses(web, monkeypatch):
    monkeypatch.setenv(ALLOW_PRIVATE_ENV, "1")
    assert fetch_page(f"{web}/a.html").url == f"{web}/a.html"
    assert reason(f"{web}/a.html", allow_private=False).startswith("refused:")  # argument wins


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("8.8.8.8", None),
        ("2606:4700::1111", None),
        ("100.64.0.1", "not public"),  # carrier-grade NAT
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("fe80::1%eth0", "link-local"),
        ("fc00::1", "private"),
    ],
)
def test_private_kind(address, kind):
    assert private_kind(address) == kind


def test_a_redirect_to_a_private_address_is_refused(web, monkeypatch):
    # Only 127.0.0.2 counts as private here, so the first hop to 127.0.0.1 is allowed.
    monkeypatch.setattr(fetch, "private_kind", lambda a: "loopback" if a == "127.0.0.2" else None)
    assert reason(f"{web}/to-private", allow_private=False).startswith(
        "refused: a private network address (127.0.0.2, loopback)"
    )


def test_the_connection_goes_to_the_checked_address_not_a_second_answer(web, monkeypatch):
    """DNS rebinding: a host that answers a public address when checked and a private
    one a moment later. The host is resolved once and the connection pinned to it."""
    port = int(web.rsplit(":", 1)[1])
    answers = iter(["127.0.0.1", "10.0.0.1"])  # the first stands for a public address
    real = socket.getaddrinfo
    asked = []

    def rebinding(host, *args, **kwargs):
        if host != "news.test":
            return real(host, *args, **kwargs)
        asked.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(fetch, "private_kind", lambda a: "private" if a == "10.0.0.1" else None)
    page = fetch_page(f"http://news.test:{port}/a.html")
    assert page.data.startswith(b"<!doctype html>")
    assert asked == ["news.test"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("ftp://example.org/a.txt", "`ftp://example.org/a.txt` is not a web address"),
        ("http:///a.html", "`http:///a.html` names no host"),
        ("http://example.org:99999/", "`http://example.org:99999/` has no valid host name"),
        ("http://no-such-host.invalid/", "no such host: no-such-host.invalid"),
    ],
)
def test_an_address_that_cannot_be_fetched_says_why(url, expected):
    assert reason(url).startswith(expected)


def test_each_failed_address_has_its_reason_and_the_rest_are_read(web):
    urls = [f"{web}/a.html", f"{web}/missing.html", f"{web}/logo.png"]
    fetched, failures = fetch_each(urls, allow_private=True)
    assert [article.outlet for article, _ in fetched] == ["The Harbour Ledger"]
    assert [(f.source, f.reason) for f in failures] == [
        (urls[1], "404 Not Found"),
        (urls[2], "a PNG image, not a web page"),
    ]


def test_load_mixes_web_addresses_and_files(web):
    from .conftest import ROOT

    file = ROOT / "tests" / "articles" / "trade_dispute.txt"
    articles, failures = load_each(f"{web}/a.html", file, f"{web}/missing.html", allow_private=True)
    assert [a.outlet or a.id for a in articles] == ["The Harbour Ledger", "trade_dispute"]
    assert [f.reason for f in failures] == ["404 Not Found"]


def test_the_command_line_analyses_a_page_by_its_address(web):
    from .conftest import ROOT

    command = [sys.executable, "-m", "analysis", f"{web}/a.html", f"{web}/logo.png"]
    env = {**os.environ, ALLOW_PRIVATE_ENV: "1"}
    done = subprocess.run(
        [*command, "--format", "json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1  # one address failed: as for a file that cannot be read
    assert f"skipped {web}/logo.png: a PNG image, not a web page" in done.stderr
    (article,) = json.loads(done.stdout)["articles"]
    assert article["outlet"] == "The Harbour Ledger"
    assert article["url"] == f"{web}/a.html"
    assert article["title"] == "Trade talks resume after a long pause"

    refused = subprocess.run(
        command[:4],
        cwd=ROOT,
        env={**os.environ, ALLOW_PRIVATE_ENV: ""},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 1
    assert "refused: a private network address (127.0.0.1, loopback)" in refused.stderr
