"""The knowledge articles in the database: ranked full-text search, browsing by topic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from kansli_desk.models import Article, ArticleRevision, Topic, article_topics
from kansli_desk.services import knowledge
from kansli_desk.services.database import Database
from kansli_desk.services.fulltext import fulltext_query
from tests.helpers import plan

NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


@dataclass
class Library:
    db: Database
    topics: dict[str, int]
    ids: dict[str, int]

    def search(self, query: str, topic: str | None = None) -> list[str]:
        with self.db.transaction() as session:
            rows = knowledge.search_articles(
                session, query, topic_id=self.topics[topic] if topic else None
            )
        return [row.title for row in rows]

    def revise(self, slug: str, title: str, body: str) -> None:
        """A new current revision, as an edit writes it."""
        with self.db.transaction() as session:
            article = session.get_one(Article, self.ids[slug])
            article.current_revision += 1
            article.title = title
            session.add(
                ArticleRevision(
                    article_id=article.id,
                    number=article.current_revision,
                    title=title,
                    body=body,
                    sources="Test",
                )
            )


ARTICLES = [
    # slug, title, body, topics
    (
        "seal",
        "Försegling av Journalen",
        "Försegling stänger Journalen för personen själv.",
        ["sealing"],
    ),
    (
        "order",
        "Så görs en beställning",
        "Vårdpersonal beställer försegling eller låsning via blanketten.",
        ["sealing", "login_lock"],
    ),
    (
        "lock",
        "Låsning av inloggningen",
        "Låsning stänger inloggningen till e-tjänsterna; BankID fungerar inte där.",
        ["login_lock"],
    ),
    (
        "child",
        "Barn 13–15 år",
        "Vårdnadshavare läser barnets journal till 13 år.",
        ["minor_record"],
    ),
]


@pytest.fixture
def library(database: Database) -> Iterator[Library]:
    ids: dict[str, int] = {}
    with database.transaction() as session:
        topics = {t.code: t.id for t in session.scalars(sa.select(Topic))}
        for slug, title, body, codes in ARTICLES:
            ids[slug] = _add(session, slug, title, body, [topics[c] for c in codes])
    yield Library(database, topics, ids)


def _add(session: Session, slug: str, title: str, body: str, topic_ids: list[int]) -> int:
    article = Article(slug=slug, title=title, current_revision=1, last_reviewed_on=NOW.date())
    session.add(article)
    session.flush()
    session.add(
        ArticleRevision(article_id=article.id, number=1, title=title, body=body, sources="Test")
    )
    session.execute(
        sa.insert(article_topics), [{"article_id": article.id, "topic_id": t} for t in topic_ids]
    )
    return article.id


@pytest.mark.parametrize("query", ["forsegling", "Försegling", "FORSEGLING", "förseg"])
def test_search_folds_case_and_swedish_letters_and_follows_typing(
    library: Library, query: str
) -> None:
    # A title hit ranks above a hit in the text only.
    assert library.search(query) == ["Försegling av Journalen", "Så görs en beställning"]


def test_words_in_the_text_are_found_and_all_words_must_match(library: Library) -> None:
    assert library.search("bankid") == ["Låsning av inloggningen"]
    assert library.search("blanketten lasning") == ["Så görs en beställning"]
    assert library.search("13") == ["Barn 13–15 år"]


def test_with_no_article_having_every_word_any_word_will_do(library: Library) -> None:
    found = library.search("bankid vardnadshavare")
    assert sorted(found) == ["Barn 13–15 år", "Låsning av inloggningen"]
    assert library.search("zebra giraff") == []


def test_search_within_a_topic(library: Library) -> None:
    assert library.search("försegling", topic="login_lock") == ["Så görs en beställning"]
    assert library.search("", topic="login_lock") == [
        "Låsning av inloggningen",
        "Så görs en beställning",
    ]


def test_only_the_current_revision_is_searched(library: Library) -> None:
    library.revise("lock", "Låsning av inloggningen", "Nu med Freja eID i stället.")
    assert library.search("bankid") == []
    assert library.search("freja") == ["Låsning av inloggningen"]
    if library.db.engine.dialect.name == "sqlite":  # the triggers kept the index in step
        with library.db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
            )


def test_retired_articles_are_not_found(library: Library) -> None:
    with library.db.transaction() as session:
        session.get_one(Article, library.ids["seal"]).retired_at = NOW
    assert library.search("försegling") == ["Så görs en beställning"]


@pytest.mark.parametrize(
    "query", ["", "   ", '"*()-:^', "AND OR NOT NEAR", "x" * 5000, "ord " * 2000, "'; DROP"]
)
def test_odd_queries_are_harmless(library: Library, query: str) -> None:
    found = library.search(query)
    assert isinstance(found, list)
    if not any(ch.isalnum() for ch in query):
        assert len(found) == len(ARTICLES)  # no words: every article, by title


def test_search_uses_the_full_text_index(library: Library) -> None:
    dialect = library.db.engine.dialect.name
    stmt = knowledge._ranked_search(dialect, None).params(
        article_query=fulltext_query(dialect, ["forsegling"])
    )
    found = plan(library.db, stmt, no_seqscan=True)
    if dialect == "sqlite":
        assert "SCAN articles_fts VIRTUAL TABLE" in found
    else:
        assert "ix_article_revisions_search" in found


def test_shipped_articles_are_searchable(database: Database) -> None:
    from kansli_desk import paths

    with database.transaction() as session:
        report = knowledge.sync_shipped_articles(session, paths.resource("knowledge"))
        assert report.errors == []
        found = knowledge.search_articles(session, "forsegling")
        blocking = knowledge.search_articles(session, "sparr")
    assert found[0].title.startswith("Försegling")
    assert any(row.title.startswith("Spärr") for row in blocking[:2])


def test_bad_shipped_files_are_reported_and_the_good_ones_loaded(
    database: Database, tmp_path: Path
) -> None:
    header = "---\nid: {id}\ntitle: {title}\ntopics: {topics}\nsources: S\nowner: O\n"
    header += "last_reviewed: 2026-11-27\n---\nText om försegling.\n"
    (tmp_path / "good.md").write_text(
        header.format(id="good", title="Bra", topics="sealing"), encoding="utf-8"
    )
    (tmp_path / "odd.md").write_text(
        header.format(id="odd", title="Udda", topics="sealing, astrology"), encoding="utf-8"
    )
    (tmp_path / "broken.md").write_text("no header at all\n", encoding="utf-8")
    with database.transaction() as session:
        report = knowledge.sync_shipped_articles(session, tmp_path)
    assert report.created == ["good"]
    assert sorted(str(error) for error in report.errors) == [
        "Article broken.md: the header between two lines of “---” is missing.",
        "Article odd.md: unknown topic “astrology”.",
    ]
