"""Knowledge articles: the shipped Markdown files and the articles in the database.

A shipped article is a Markdown file in ``resources/knowledge/`` with a header::

    ---
    id: kontakter
    title: Kontakter och öppettider
    topics: other, login_eid
    sources: Regionens sida "Journal som e-tjänst" (seed)
    owner: Regionstab Kansli
    last_reviewed: 2026-11-27
    review_interval_days: 365
    ---
    Markdown text ...

On start, :func:`sync_shipped_articles` loads new files and updates articles
nobody has edited locally; an article with local edits is never overwritten
(issue 4 offers the newer shipped text instead).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    bindparam,
    func,
    literal_column,
    select,
    table,
    text,
    tuple_,
)
from sqlalchemy.orm import Session, selectinload

from kansli_desk.errors import ValidationError
from kansli_desk.i18n import QT_TRANSLATE_NOOP
from kansli_desk.models import Article, ArticleRevision, Topic, article_topics
from kansli_desk.models.calls import ARTICLES_FTS_TABLE, ARTICLES_SEARCH_COLUMN
from kansli_desk.services.fulltext import fulltext_query, search_words

CONTEXT = "Errors"
REQUIRED_KEYS = ("id", "title", "topics", "sources", "owner", "last_reviewed")
KNOWN_KEYS = (*REQUIRED_KEYS, "review_interval_days")


@dataclass(frozen=True)
class ArticleFile:
    """A parsed shipped article."""

    slug: str
    title: str
    topics: tuple[str, ...]
    sources: str
    owner: str
    last_reviewed: dt.date
    review_interval_days: int
    body: str
    sha256: str


class ArticleFileError(ValidationError):
    """A shipped article file that cannot be used."""


def parse_article_file(path: Path) -> ArticleFile:
    """Read one article file.

    Raises:
        ArticleFileError: naming the file and what is wrong with it.
    """
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ArticleFileError(_MSG_ENCODING, file=path.name) from None
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---" or "---" not in (s.strip() for s in lines[1:]):
        raise ArticleFileError(_MSG_NO_HEADER, file=path.name)
    end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    header: dict[str, str] = {}
    for number, line in enumerate(lines[1:end], start=2):
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep or key not in KNOWN_KEYS:
            raise ArticleFileError(_MSG_BAD_LINE, file=path.name, line=number)
        header[key] = value.strip()
    missing = [key for key in REQUIRED_KEYS if not header.get(key)]
    if missing:
        raise ArticleFileError(_MSG_MISSING, file=path.name, keys=", ".join(missing))
    try:
        reviewed = dt.date.fromisoformat(header["last_reviewed"])
        interval = int(header.get("review_interval_days") or 365)
    except ValueError:
        raise ArticleFileError(_MSG_BAD_DATE, file=path.name) from None
    topics = tuple(t.strip() for t in header["topics"].split(",") if t.strip())
    body = "\n".join(lines[end + 1 :]).strip() + "\n"
    return ArticleFile(
        slug=header["id"],
        title=header["title"],
        topics=topics,
        sources=header["sources"],
        owner=header["owner"],
        last_reviewed=reviewed,
        review_interval_days=interval,
        body=body,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


_MSG_ENCODING = QT_TRANSLATE_NOOP("Errors", "Article {file}: the file is not UTF-8 text.")
_MSG_NO_HEADER = QT_TRANSLATE_NOOP(
    "Errors", "Article {file}: the header between two lines of “---” is missing."
)
_MSG_BAD_LINE = QT_TRANSLATE_NOOP(
    "Errors", "Article {file}, line {line}: expected “key: value” with a known key."
)
_MSG_MISSING = QT_TRANSLATE_NOOP("Errors", "Article {file}: the header lacks {keys}.")
_MSG_BAD_DATE = QT_TRANSLATE_NOOP(
    "Errors", "Article {file}: last_reviewed must be YYYY-MM-DD and the interval a number."
)
_MSG_UNKNOWN_TOPIC = QT_TRANSLATE_NOOP("Errors", "Article {file}: unknown topic “{topic}”.")


@dataclass
class SyncReport:
    """What :func:`sync_shipped_articles` did."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_local_edits: list[str] = field(default_factory=list)
    errors: list[ArticleFileError] = field(default_factory=list)


def sync_shipped_articles(session: Session, directory: Path) -> SyncReport:
    """Bring the shipped articles into the database (a bad file is reported, not fatal)."""
    report = SyncReport()
    topics = {t.code: t for t in session.scalars(select(Topic))}
    existing = {
        a.slug: a for a in session.scalars(select(Article).options(selectinload(Article.revisions)))
    }
    for path in sorted(directory.glob("*.md")):
        try:
            shipped = parse_article_file(path)
            unknown = [code for code in shipped.topics if code not in topics]
            if unknown:
                raise ArticleFileError(_MSG_UNKNOWN_TOPIC, file=path.name, topic=unknown[0])
        except ArticleFileError as exc:
            report.errors.append(exc)
            continue
        article = existing.get(shipped.slug)
        if article is None:
            article = Article(slug=shipped.slug, current_revision=0, revisions=[])
            session.add(article)
            report.created.append(shipped.slug)
        elif article.shipped_hash == shipped.sha256:
            continue
        elif any(rev.author_id is not None for rev in article.revisions):
            report.kept_local_edits.append(shipped.slug)
            continue
        else:
            report.updated.append(shipped.slug)
        _apply(article, shipped, [topics[code] for code in shipped.topics])
    session.flush()
    return report


def _apply(article: Article, shipped: ArticleFile, topics: list[Topic]) -> None:
    number = article.current_revision + 1
    article.title = shipped.title
    article.owner = shipped.owner
    article.last_reviewed_on = shipped.last_reviewed
    article.review_interval_days = shipped.review_interval_days
    article.shipped_hash = shipped.sha256
    article.current_revision = number
    article.topics = topics
    article.revisions.append(
        ArticleRevision(
            number=number,
            title=shipped.title,
            body=shipped.body,
            sources=shipped.sources,
            comment="Levererad version",
        )
    )


@dataclass(frozen=True)
class ArticleRow:
    """One line of the article list."""

    id: int
    title: str
    last_reviewed_on: dt.date | None
    needs_review: bool

    @property
    def cursor(self) -> tuple[str, int]:
        return (self.title, self.id)


@dataclass(frozen=True)
class ArticleView:
    """An article as shown in the panel."""

    id: int
    title: str
    body: str
    sources: str
    owner: str
    revision: int
    last_reviewed_on: dt.date | None
    needs_review: bool
    revision_id: int | None = None
    slug: str = ""
    version: int = 0
    review_interval_days: int = 365
    topics: tuple[str, ...] = ()
    shipped_update: bool = False
    """A newer shipped version exists that was not loaded: the article has local edits."""


def _needs_review(reviewed: dt.date | None, interval: int, today: dt.date) -> bool:
    return reviewed is None or (today - reviewed).days > interval


def _article_row(article: Article, today: dt.date) -> ArticleRow:
    return ArticleRow(
        article.id,
        article.title,
        article.last_reviewed_on,
        _needs_review(article.last_reviewed_on, article.review_interval_days, today),
    )


def list_articles(
    session: Session,
    *,
    topic_id: int | None = None,
    after: tuple[str, int] | None = None,
    limit: int = 200,
    today: dt.date | None = None,
) -> list[ArticleRow]:
    """Articles by title (browsing), ``limit`` at a time after ``after``;
    only those on ``topic_id`` when given."""
    today = today or dt.date.today()
    stmt = (
        select(Article)
        .where(Article.retired_at.is_(None))
        .order_by(Article.title, Article.id)
        .limit(limit)
    )
    if after is not None:
        stmt = stmt.where(tuple_(Article.title, Article.id) > tuple_(*after))
    if topic_id is not None:
        stmt = stmt.where(Article.id.in_(_on_topic(topic_id)))
    return [_article_row(a, today) for a in session.scalars(stmt)]


def _on_topic(topic_id: int) -> Select[int]:
    return select(article_topics.c.article_id).where(article_topics.c.topic_id == topic_id)


SEARCH_LIMIT = 100
"""Ranked hits shown at most; further ones are never what the advisor is after."""


def search_articles(
    session: Session,
    query: str,
    *,
    topic_id: int | None = None,
    limit: int = SEARCH_LIMIT,
    today: dt.date | None = None,
) -> list[ArticleRow]:
    """Articles matching ``query`` in title or text, best first.

    Every word must match (the last, or each, as a word prefix: results follow
    typing); if no article has them all, articles with any of them are listed.
    Case and Swedish letters are folded ("forsegling" finds "Försegling") and
    titles weigh more than text. A query without letters or digits lists every
    article by title. Runs on FTS5 (SQLite) or ``tsvector`` (PostgreSQL); see
    migration 0003.
    """
    words = search_words(query)
    if not words:
        return list_articles(session, topic_id=topic_id, limit=limit, today=today)
    today = today or dt.date.today()
    dialect = session.get_bind().dialect.name
    stmt = _ranked_search(dialect, topic_id).limit(limit)
    rows = session.execute(stmt, {"article_query": fulltext_query(dialect, words)}).all()
    if not rows and len(words) > 1:
        rows = session.execute(stmt, {"article_query": _any_of(dialect, words)}).all()
    return [
        ArticleRow(id_, title, reviewed, _needs_review(reviewed, interval, today))
        for id_, title, reviewed, interval in rows
    ]


def _any_of(dialect: str, words: list[str]) -> str:
    each = [fulltext_query(dialect, [word]) for word in words]
    return (" OR " if dialect == "sqlite" else " | ").join(each)


def _ranked_search(dialect: str, topic_id: int | None) -> Select[int, str, dt.date | None, int]:
    """The ranked search over the current revisions, with ``:article_query``."""
    columns = (Article.id, Article.title, Article.last_reviewed_on, Article.review_interval_days)
    current = and_(
        Article.id == ArticleRevision.article_id,
        Article.current_revision == ArticleRevision.number,
    )
    query = bindparam("article_query", type_=String())
    if dialect == "sqlite":
        rowid: ColumnElement[int] = literal_column(f"{ARTICLES_FTS_TABLE}.rowid")
        rank: ColumnElement[Any] = literal_column(f"bm25({ARTICLES_FTS_TABLE}, 10.0, 1.0)")
        stmt = (
            select(*columns)
            .select_from(table(ARTICLES_FTS_TABLE))
            .join(ArticleRevision, ArticleRevision.id == rowid)
            .join(Article, current)
            .where(text(f"{ARTICLES_FTS_TABLE} MATCH :article_query").bindparams(query))
            .order_by(rank, Article.title, Article.id)
        )
    else:
        tsquery = func.to_tsquery(literal_column("'simple'::regconfig"), query)
        search: ColumnElement[Any] = literal_column(f"article_revisions.{ARTICLES_SEARCH_COLUMN}")
        stmt = (
            select(*columns)
            .select_from(ArticleRevision)
            .join(Article, current)
            .where(search.op("@@", is_comparison=True)(tsquery))
            .order_by(func.ts_rank(search, tsquery).desc(), Article.title, Article.id)
        )
    stmt = stmt.where(Article.retired_at.is_(None))
    if topic_id is not None:
        stmt = stmt.where(Article.id.in_(_on_topic(topic_id)))
    return stmt


def articles_for_topics(
    session: Session,
    topic_ids: Sequence[int],
    *,
    limit: int = 50,
    today: dt.date | None = None,
) -> list[ArticleRow]:
    """Articles linked to any of the topics: most topics in common first, then by title.

    What the knowledge panel brings forward while a call's topics are chosen.
    """
    if not topic_ids:
        return []
    today = today or dt.date.today()
    shared = func.count(article_topics.c.topic_id).label("shared")
    stmt = (
        select(Article, shared)
        .join(article_topics, article_topics.c.article_id == Article.id)
        .where(article_topics.c.topic_id.in_(set(topic_ids)), Article.retired_at.is_(None))
        .group_by(Article.id)
        .order_by(shared.desc(), Article.title, Article.id)
        .limit(limit)
    )
    return [_article_row(a, today) for a, _ in session.execute(stmt)]


def get_article(
    session: Session,
    article_id: int,
    *,
    today: dt.date | None = None,
    shipped_dir: Path | None = None,
) -> ArticleView:
    """The current revision of an article; with ``shipped_dir``, also whether a newer
    shipped version waits (:func:`pending_shipped_version`)."""
    today = today or dt.date.today()
    article = session.get_one(Article, article_id)
    revision = session.scalars(
        select(ArticleRevision).where(
            ArticleRevision.article_id == article_id,
            ArticleRevision.number == article.current_revision,
        )
    ).one()
    return ArticleView(
        id=article.id,
        title=revision.title,
        body=revision.body,
        sources=revision.sources,
        owner=article.owner,
        revision=revision.number,
        last_reviewed_on=article.last_reviewed_on,
        needs_review=_needs_review(article.last_reviewed_on, article.review_interval_days, today),
        revision_id=revision.id,
        slug=article.slug,
        version=article.version,
        review_interval_days=article.review_interval_days,
        topics=tuple(topic.name for topic in article.topics),
        shipped_update=shipped_dir is not None
        and pending_shipped_version(session, article_id, shipped_dir) is not None,
    )


def pending_shipped_version(
    session: Session, article_id: int, directory: Path
) -> ArticleFile | None:
    """The newer shipped version of a locally edited article, if there is one.

    :func:`sync_shipped_articles` updates untouched articles itself and never
    overwrites a local edit; this is what the panel offers instead.
    """
    article = session.get_one(Article, article_id)
    path = directory / f"{article.slug}.md"
    if not path.is_file():
        return None
    try:
        shipped = parse_article_file(path)
    except ArticleFileError:
        return None
    if shipped.sha256 == article.shipped_hash or not _locally_edited(session, article_id):
        return None
    return shipped


def _locally_edited(session: Session, article_id: int) -> bool:
    authored = select(ArticleRevision.id).where(
        ArticleRevision.article_id == article_id, ArticleRevision.author_id.is_not(None)
    )
    return session.scalar(authored.limit(1)) is not None


def article_id_for_slug(session: Session, slug: str) -> int | None:
    """The id of the article with this stable id (the decision helper names slugs)."""
    return session.scalar(select(Article.id).where(Article.slug == slug))
