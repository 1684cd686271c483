"""The shipped knowledge articles: they parse, use known topics and name their sources."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from kansli_desk import paths
from kansli_desk.services.knowledge import ArticleFile, parse_article_file

KNOWLEDGE_DIR = paths.resource("knowledge")
ARTICLE_PATHS = sorted(KNOWLEDGE_DIR.glob("*.md"))
_SCHEMA = importlib.import_module("kansli_desk.migrations.versions.0001_initial_schema")
KNOWN_TOPICS: frozenset[str] = frozenset(code for code, _name, _description in _SCHEMA.TOPICS)


def _parsed() -> list[ArticleFile]:
    return [parse_article_file(path) for path in ARTICLE_PATHS]


def test_there_are_articles() -> None:
    assert ARTICLE_PATHS, f"no articles in {KNOWLEDGE_DIR}"


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.name)
def test_article_parses_with_known_topics(path: Path) -> None:
    article = parse_article_file(path)
    assert article.topics, "an article needs at least one topic"
    unknown = sorted(set(article.topics) - KNOWN_TOPICS)
    assert not unknown, f"unknown topic codes: {unknown}"


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.name)
def test_id_equals_file_name(path: Path) -> None:
    assert parse_article_file(path).slug == path.stem


def test_ids_are_unique() -> None:
    slugs = [article.slug for article in _parsed()]
    assert len(slugs) == len(set(slugs))


def test_every_topic_has_an_article() -> None:
    covered = {code for article in _parsed() for code in article.topics}
    assert sorted(KNOWN_TOPICS - covered) == []


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.name)
def test_body_names_a_source(path: Path) -> None:
    assert "Källa:" in parse_article_file(path).body


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.name)
def test_body_has_no_level_one_heading(path: Path) -> None:
    body = parse_article_file(path).body
    assert not re.search(r"^\s{0,3}# ", body, flags=re.MULTILINE), "the title is shown separately"


def test_every_order_type_and_every_article_the_helper_names_exists() -> None:
    from kansli_desk.core.decision import ARTICLE_SLUGS, ORDER_TYPE_ARTICLES
    from kansli_desk.core.enums import FormType

    slugs = {article.slug for article in _parsed()}
    assert set(ORDER_TYPE_ARTICLES) == set(FormType)
    assert sorted(set(ORDER_TYPE_ARTICLES.values()) - slugs) == []
    assert sorted(set(ARTICLE_SLUGS) - slugs) == []
    assert "kontakter" in slugs  # the contacts card (F2)


BROKEN = {
    "no-header.md": "Bara text, ingen rubrik.\n",
    "bad-line.md": "---\nid: x\ntitel utan kolon\n---\nText\n",
    "missing.md": "---\nid: y\ntitle: Y\n---\nText\n",
    "bad-date.md": (
        "---\nid: z\ntitle: Z\ntopics: other\nsources: S\nowner: O\n"
        "last_reviewed: 27/11/2026\n---\nText\n"
    ),
    "latin1.md": None,
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_file_is_refused_with_its_name(tmp_path: Path, name: str) -> None:
    from kansli_desk.services.knowledge import ArticleFileError

    path = tmp_path / name
    text = BROKEN[name]
    if text is None:
        path.write_bytes("---\nid: å\n---\n".encode("latin-1"))
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ArticleFileError) as raised:
        parse_article_file(path)
    assert name in str(raised.value)
