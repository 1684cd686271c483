"""Editing knowledge articles: revisions, conflicts, comparing, restoring, review dates.

Every function takes the caller's :class:`~sqlalchemy.orm.Session` and never
commits; the caller owns one transaction per user action. Results are frozen
dataclasses, safe to hand to the GUI thread.

An article's text lives in its revisions (:class:`~kansli_desk.models.ArticleRevision`),
which are never changed once written: saving writes revision N+1 with its
author and comment, and restoring an old revision writes a new one equal to it,
so the history is never rewritten. A revision with an author marks the article
as edited locally, and :func:`~kansli_desk.services.knowledge.sync_shipped_articles`
then never overwrites it with a newer shipped file.

Edits are optimistic: the editor sends the article ``version`` it loaded, and an
article saved by someone else in the meantime raises :class:`ArticleConflict`,
which carries the other person's text so both can be shown side by side.
Nothing is ever overwritten silently. Only supervisors edit articles.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kansli_desk.core.enums import AuditAction
from kansli_desk.errors import KnownError, ValidationError
from kansli_desk.i18n import QT_TRANSLATE_NOOP
from kansli_desk.models import Article, ArticleRevision, Topic, User
from kansli_desk.services import audit, roles
from kansli_desk.services.knowledge import ArticleFile, pending_shipped_version
from kansli_desk.services.users import UserInfo

ENTITY = "article"
TITLE_MAX_LENGTH = 300  # Article.title, ArticleRevision.title
OWNER_MAX_LENGTH = 200  # Article.owner
COMMENT_MAX_LENGTH = 500  # ArticleRevision.comment
SLUG_MAX_LENGTH = 100  # Article.slug
INTERVAL_DAYS = (1, 3650)
DEFAULT_INTERVAL_DAYS = 365
LOCAL_SLUG_PREFIX = "lokal-"
"""Slugs of articles written in the program start with this, so a shipped file
added later (whose ``id`` never does) cannot be taken for a local article."""
SHIPPED_AUTHOR = "Levererad version"
"""What :func:`list_revisions` gives as the author of a shipped revision."""
RESTORED_COMMENT = "Återställd från version {number}"
"""The comment of a revision written by :func:`restore_revision` (stored as data)."""
PAGE_SIZE = 200

# --- messages (context "Errors") ----------------------------------------------------

MSG_INVALID = QT_TRANSLATE_NOOP("Errors", "The article was not saved: correct the marked fields.")
MSG_SUPERVISOR_ONLY = roles.MSG_ARTICLES_EDIT
MSG_TITLE = QT_TRANSLATE_NOOP("Errors", "Give the article a title of at most {limit} characters.")
MSG_BODY = QT_TRANSLATE_NOOP("Errors", "Write the text of the article.")
MSG_SOURCES = QT_TRANSLATE_NOOP(
    "Errors", "Name the sources of the article: every article must say where its facts come from."
)
MSG_NO_TOPIC = QT_TRANSLATE_NOOP("Errors", "Choose at least one topic.")
MSG_UNKNOWN_TOPIC = QT_TRANSLATE_NOOP(
    "Errors", "A chosen topic no longer exists. Choose the topics again."
)
MSG_RETIRED_TOPIC = QT_TRANSLATE_NOOP(
    "Errors", "The topic “{topic}” has been retired and cannot be added to an article now."
)
MSG_OWNER = QT_TRANSLATE_NOOP("Errors", "Write the owner in at most {limit} characters.")
MSG_INTERVAL = QT_TRANSLATE_NOOP(
    "Errors", "The review interval must be between {low} and {high} days."
)
MSG_COMMENT = QT_TRANSLATE_NOOP("Errors", "The comment may be at most {limit} characters long.")
MSG_CONFLICT = QT_TRANSLATE_NOOP(
    "Errors",
    "Someone else saved this article while you were editing it, and nothing of yours was "
    "saved. Compare the two versions and choose what to keep.",
)
MSG_NOT_FOUND = QT_TRANSLATE_NOOP("Errors", "The article no longer exists.")
MSG_NO_REVISION = QT_TRANSLATE_NOOP("Errors", "The article has no version {number}.")


# --- errors ----------------------------------------------------------------------------


class ArticleInvalid(ValidationError):
    """The draft breaks one or more rules; nothing was written.

    Attributes:
        problems: one error per field at fault, each with ``field`` set to the
            :class:`ArticleDraft` field name.
    """

    def __init__(self, problems: list[ValidationError]) -> None:
        super().__init__(MSG_INVALID, field=problems[0].field if problems else None)
        self.problems = problems


class ArticleConflict(KnownError):
    """Someone else saved the article after the version the editor loaded.

    Nothing was written. The exception carries the article as it is now, so the
    editor can show the user's text and the other person's side by side.

    Attributes:
        theirs: the article as the other person saved it (with its new version).
    """

    def __init__(self, theirs: EditableArticle) -> None:
        super().__init__(MSG_CONFLICT)
        self.theirs = theirs


class ArticleNotFound(KnownError):
    """The article (or the asked-for revision) does not exist."""


# --- data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleDraft:
    """What the editor submits.

    ``topic_codes`` are :attr:`Topic.code` values. ``comment`` says what was
    changed and why (it is stored with the revision).
    """

    title: str
    body: str
    sources: str
    topic_codes: tuple[str, ...]
    owner: str = ""
    review_interval_days: int = DEFAULT_INTERVAL_DAYS
    comment: str = ""


@dataclass(frozen=True)
class TopicChoice:
    """A topic the editor offers."""

    code: str
    name: str
    retired: bool = False


@dataclass(frozen=True)
class EditableArticle:
    """An article's current revision and settings, for the editor.

    Attributes:
        version: the article's optimistic-lock version, to send back on save.
        revision: the number of the current revision.
        topic_codes: the article's topics, in topic order.
        topics: what may be chosen: the active topics, and retired ones the
            article already has.
        saved_by: who wrote the current revision (:data:`SHIPPED_AUTHOR` for
            a shipped one).
        saved_at: when the current revision was written.
    """

    id: int
    version: int
    revision: int
    title: str
    body: str
    sources: str
    owner: str
    review_interval_days: int
    last_reviewed_on: dt.date | None
    topic_codes: tuple[str, ...]
    topics: tuple[TopicChoice, ...]
    saved_by: str
    saved_at: dt.datetime

    def draft(self, comment: str = "") -> ArticleDraft:
        """The article as a draft (what an unchanged editor submits)."""
        return ArticleDraft(
            title=self.title,
            body=self.body,
            sources=self.sources,
            topic_codes=self.topic_codes,
            owner=self.owner,
            review_interval_days=self.review_interval_days,
            comment=comment,
        )


@dataclass(frozen=True)
class RevisionRow:
    """One revision in an article's history.

    ``author`` is the author's shown name, or :data:`SHIPPED_AUTHOR` when the
    revision came from a shipped file (``shipped`` is then True).
    """

    number: int
    created_at: dt.datetime
    author: str
    comment: str
    title: str
    shipped: bool
    current: bool

    @property
    def cursor(self) -> int:
        """Position in the newest-first order (``after=`` of the next page)."""
        return self.number


DiffKind = Literal["same", "added", "removed"]
DiffLine = tuple[DiffKind, str]


@dataclass(frozen=True)
class RevisionDiff:
    """What changed from revision ``old`` to revision ``new``, line by line.

    Each part is a list of ``(kind, text)`` with kind "same", "added" (only in
    ``new``) or "removed" (only in ``old``), in reading order.
    """

    old: int
    new: int
    title: list[DiffLine]
    sources: list[DiffLine]
    body: list[DiffLine]

    @property
    def changed(self) -> bool:
        return any(
            kind != "same" for part in (self.title, self.sources, self.body) for kind, _ in part
        )


@dataclass(frozen=True)
class OverdueRow:
    """An article past its review date.

    ``days_overdue`` is None for an article never reviewed (it comes first).
    """

    id: int
    title: str
    owner: str
    last_reviewed_on: dt.date | None
    review_interval_days: int
    days_overdue: int | None

    @property
    def due_on(self) -> dt.date | None:
        if self.last_reviewed_on is None:
            return None
        return self.last_reviewed_on + dt.timedelta(days=self.review_interval_days)

    @property
    def cursor(self) -> int:
        return self.id


# --- reading ---------------------------------------------------------------------------


def topic_choices(session: Session, keep: tuple[str, ...] = ()) -> list[TopicChoice]:
    """The active topics in their order, and the retired ones among ``keep``."""
    rows = session.execute(
        select(Topic.code, Topic.name, Topic.retired_at).order_by(Topic.sort_order, Topic.id)
    ).all()
    return [
        TopicChoice(code, name, retired is not None)
        for code, name, retired in rows
        if retired is None or code in keep
    ]


def load_for_edit(session: Session, article_id: int) -> EditableArticle:
    """The article's current revision, settings and version, for the editor.

    Raises:
        ArticleNotFound: no such article.
    """
    article = session.get(Article, article_id)
    if article is None:
        raise ArticleNotFound(MSG_NOT_FOUND)
    return _editable(session, article)


def _editable(session: Session, article: Article) -> EditableArticle:
    revision = _revision(session, article.id, article.current_revision)
    ordered = sorted(article.topics, key=lambda topic: (topic.sort_order, topic.id))
    codes = tuple(topic.code for topic in ordered)
    return EditableArticle(
        id=article.id,
        version=article.version,
        revision=revision.number,
        title=revision.title,
        body=revision.body,
        sources=revision.sources,
        owner=article.owner,
        review_interval_days=article.review_interval_days,
        last_reviewed_on=article.last_reviewed_on,
        topic_codes=codes,
        topics=tuple(topic_choices(session, keep=codes)),
        saved_by=_author_name(session, revision.author_id),
        saved_at=revision.created_at,
    )


def _revision(session: Session, article_id: int, number: int) -> ArticleRevision:
    revision = session.scalars(
        select(ArticleRevision).where(
            ArticleRevision.article_id == article_id, ArticleRevision.number == number
        )
    ).one_or_none()
    if revision is None:
        raise ArticleNotFound(MSG_NO_REVISION, number=number)
    return revision


def _author_name(session: Session, author_id: int | None) -> str:
    if author_id is None:
        return SHIPPED_AUTHOR
    row = session.execute(
        select(User.display_name, User.username).where(User.id == author_id)
    ).one_or_none()
    return (row.display_name or row.username) if row is not None else ""


def list_revisions(
    session: Session, article_id: int, *, after: int | None = None, limit: int = PAGE_SIZE
) -> list[RevisionRow]:
    """The article's revisions, newest first, ``limit`` at a time after number ``after``.

    Raises:
        ArticleNotFound: no such article.
    """
    current = session.scalar(select(Article.current_revision).where(Article.id == article_id))
    if current is None:
        raise ArticleNotFound(MSG_NOT_FOUND)
    stmt = (
        select(
            ArticleRevision.number,
            ArticleRevision.created_at,
            ArticleRevision.author_id,
            ArticleRevision.comment,
            ArticleRevision.title,
            User.display_name,
            User.username,
        )
        .outerjoin(User, User.id == ArticleRevision.author_id)
        .where(ArticleRevision.article_id == article_id)
        .order_by(ArticleRevision.number.desc())
        .limit(limit)
    )
    if after is not None:
        stmt = stmt.where(ArticleRevision.number < after)
    return [
        RevisionRow(
            number=row.number,
            created_at=row.created_at,
            author=SHIPPED_AUTHOR
            if row.author_id is None
            else (row.display_name or row.username or ""),
            comment=row.comment,
            title=row.title,
            shipped=row.author_id is None,
            current=row.number == current,
        )
        for row in session.execute(stmt)
    ]


def compare_revisions(session: Session, article_id: int, a: int, b: int) -> RevisionDiff:
    """The line differences from revision ``a`` to revision ``b`` (any two, either order).

    Raises:
        ArticleNotFound: the article has no such revision.
    """
    old = _revision(session, article_id, a)
    new = _revision(session, article_id, b)
    return RevisionDiff(
        old=a,
        new=b,
        title=diff_lines(old.title, new.title),
        sources=diff_lines(old.sources, new.sources),
        body=diff_lines(old.body, new.body),
    )


def diff_lines(old: str, new: str) -> list[DiffLine]:
    """``old`` and ``new`` as one list of same, removed and added lines (difflib)."""
    before, after = old.splitlines(), new.splitlines()
    result: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.extend(("same", line) for line in before[i1:i2])
            continue
        result.extend(("removed", line) for line in before[i1:i2])
        result.extend(("added", line) for line in after[j1:j2])
    return result


def overdue_articles(session: Session, today: dt.date | None = None) -> list[OverdueRow]:
    """Articles in use that are past their review interval or were never reviewed.

    Never reviewed first, then the most days overdue; ties by title.
    """
    today = today or dt.date.today()
    rows = session.execute(
        select(
            Article.id,
            Article.title,
            Article.owner,
            Article.last_reviewed_on,
            Article.review_interval_days,
        ).where(Article.retired_at.is_(None))
    ).all()
    found = []
    for row in rows:
        if row.last_reviewed_on is None:
            days: int | None = None
        else:
            days = (today - row.last_reviewed_on).days - row.review_interval_days
            if days <= 0:
                continue
        found.append(
            OverdueRow(
                row.id,
                row.title,
                row.owner,
                row.last_reviewed_on,
                row.review_interval_days,
                days,
            )
        )
    found.sort(
        key=lambda r: (r.days_overdue is not None, -(r.days_overdue or 0), r.title.casefold(), r.id)
    )
    return found


# --- validation -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clean:
    """The validated, normalised draft."""

    title: str
    body: str
    sources: str
    topics: list[Topic]
    owner: str
    review_interval_days: int
    comment: str


def _problem(template: str, field: str, **params: Any) -> ValidationError:
    return ValidationError(template, field=field, **params)


def _clean_text(text: str) -> str:
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


def _check(session: Session, draft: ArticleDraft, kept_codes: frozenset[str]) -> _Clean:
    """The normalised draft, or :class:`ArticleInvalid` listing every problem (form order)."""
    problems: list[ValidationError] = []
    title = " ".join(_clean_text(draft.title).split())
    if not title or len(title) > TITLE_MAX_LENGTH:
        problems.append(_problem(MSG_TITLE, "title", limit=TITLE_MAX_LENGTH))
    owner = " ".join(_clean_text(draft.owner).split())
    if len(owner) > OWNER_MAX_LENGTH:
        problems.append(_problem(MSG_OWNER, "owner", limit=OWNER_MAX_LENGTH))
    topic_problem, topics = _check_topics(session, draft.topic_codes, kept_codes)
    if topic_problem is not None:
        problems.append(topic_problem)
    lines = (line.strip() for line in _clean_text(draft.sources).split("\n"))
    sources = "\n".join(line for line in lines if line)
    if not sources:
        problems.append(_problem(MSG_SOURCES, "sources"))
    low, high = INTERVAL_DAYS
    if not low <= draft.review_interval_days <= high:
        problems.append(_problem(MSG_INTERVAL, "review_interval_days", low=low, high=high))
    body = _clean_text(draft.body).strip("\n").rstrip()
    if not body.strip():
        problems.append(_problem(MSG_BODY, "body"))
    comment = " ".join(_clean_text(draft.comment).split())
    if len(comment) > COMMENT_MAX_LENGTH:
        problems.append(_problem(MSG_COMMENT, "comment", limit=COMMENT_MAX_LENGTH))
    if problems:
        raise ArticleInvalid(problems)
    return _Clean(
        title=title,
        body=body + "\n",
        sources=sources,
        topics=topics,
        owner=owner,
        review_interval_days=draft.review_interval_days,
        comment=comment,
    )


def _check_topics(
    session: Session, codes: tuple[str, ...], kept: frozenset[str]
) -> tuple[ValidationError | None, list[Topic]]:
    wanted = set(codes)
    if not wanted:
        return _problem(MSG_NO_TOPIC, "topic_codes"), []
    topics = list(
        session.scalars(
            select(Topic).where(Topic.code.in_(wanted)).order_by(Topic.sort_order, Topic.id)
        )
    )
    if len(topics) != len(wanted):
        return _problem(MSG_UNKNOWN_TOPIC, "topic_codes"), topics
    retired = [t.name for t in topics if t.retired_at is not None and t.code not in kept]
    if retired:
        return _problem(MSG_RETIRED_TOPIC, "topic_codes", topic=retired[0]), topics
    return None, topics


# --- writing ---------------------------------------------------------------------------


def _require_supervisor(user: UserInfo) -> None:
    roles.require(user, roles.Permission.ARTICLES_EDIT)


def _locked(session: Session, article_id: int, expected_version: int) -> Article:
    """The article, locked for this transaction (PostgreSQL), at ``expected_version``.

    Raises:
        ArticleNotFound: no such article.
        ArticleConflict: the article has moved on from ``expected_version``.
    """
    article = session.get(Article, article_id, with_for_update=True)
    if article is None:
        raise ArticleNotFound(MSG_NOT_FOUND)
    if article.version != expected_version:
        raise ArticleConflict(_editable(session, article))
    return article


@contextmanager
def _savepoint(session: Session, article_id: int) -> Iterator[None]:
    """Make the changes of the ``with`` block in a savepoint, flushed at its end.

    The version check in :func:`_locked` (with the row lock) normally catches a
    concurrent save; should the ``UPDATE ... WHERE version = ...`` still find no
    row, the savepoint is rolled back and the conflict reports what is stored.

    Raises:
        ArticleConflict: the article changed under the block's feet.
    """
    try:
        with session.begin_nested():
            yield
    except StaleDataError:
        article = session.get(Article, article_id, populate_existing=True)
        if article is None:
            raise ArticleNotFound(MSG_NOT_FOUND) from None
        raise ArticleConflict(_editable(session, article)) from None


def _write_revision(
    article: Article,
    user: UserInfo,
    *,
    title: str,
    body: str,
    sources: str,
    comment: str,
) -> int:
    number = article.current_revision + 1
    article.revisions.append(
        ArticleRevision(
            number=number,
            title=title,
            body=body,
            sources=sources,
            author_id=user.id,
            comment=comment,
        )
    )
    article.current_revision = number
    article.title = title
    return number


def save_article(
    session: Session,
    user: UserInfo,
    article_id: int,
    expected_version: int,
    draft: ArticleDraft,
    *,
    reviewed: bool = False,
    today: dt.date | None = None,
) -> int:
    """Save an edited article as a new revision (supervisors only).

    ``expected_version`` is the :attr:`EditableArticle.version` the editor
    loaded. ``reviewed`` also records that the article was checked today.

    Returns:
        The number of the new revision.

    Raises:
        KnownError: the user is not a supervisor.
        ArticleNotFound: no such article.
        ArticleConflict: someone saved the article after ``expected_version``.
        ArticleInvalid: the draft breaks a rule (one problem per field).
    """
    _require_supervisor(user)
    article = _locked(session, article_id, expected_version)
    kept = frozenset(topic.code for topic in article.topics)
    clean = _check(session, draft, kept)
    current = _revision(session, article.id, article.current_revision)
    before = _audited(current.title, current.body, current.sources, article, kept)
    with _savepoint(session, article.id):
        number = _write_revision(
            article,
            user,
            title=clean.title,
            body=clean.body,
            sources=clean.sources,
            comment=clean.comment,
        )
        article.owner = clean.owner
        article.review_interval_days = clean.review_interval_days
        if {t.id for t in article.topics} != {t.id for t in clean.topics}:
            article.topics = clean.topics
        if reviewed:
            article.last_reviewed_on = today or dt.date.today()
        codes = frozenset(t.code for t in clean.topics)
        after = _audited(clean.title, clean.body, clean.sources, article, codes)
        audit.record(
            session,
            user,
            AuditAction.UPDATE,
            entity=ENTITY,
            entity_id=article.id,
            details={
                "revision": number,
                "changed": [name for name, value in before.items() if after[name] != value],
                "comment": clean.comment,
            },
        )
    return number


def _audited(
    title: str, body: str, sources: str, article: Article, codes: frozenset[str]
) -> dict[str, str]:
    """What a save may change, to name the changed fields in the audit event."""
    return {
        "title": title,
        "body": body,
        "sources": sources,
        "topic_codes": ", ".join(sorted(codes)),
        "owner": article.owner,
        "review_interval_days": str(article.review_interval_days),
        "last_reviewed_on": _iso(article.last_reviewed_on),
    }


def mark_reviewed(
    session: Session,
    user: UserInfo,
    article_id: int,
    expected_version: int,
    *,
    today: dt.date | None = None,
) -> int:
    """Record that the article was checked today, without changing its text.

    Returns:
        The article's new version.

    Raises:
        KnownError: the user is not a supervisor.
        ArticleNotFound: no such article.
        ArticleConflict: someone saved the article after ``expected_version``.
    """
    _require_supervisor(user)
    article = _locked(session, article_id, expected_version)
    old = article.last_reviewed_on
    today = today or dt.date.today()
    with _savepoint(session, article.id):
        article.last_reviewed_on = today
        change = {"field": "last_reviewed_on", "old": _iso(old), "new": _iso(today)}
        audit.record(
            session,
            user,
            AuditAction.UPDATE,
            entity=ENTITY,
            entity_id=article.id,
            details={"changes": [change]},
        )
    return article.version


def restore_revision(
    session: Session, user: UserInfo, article_id: int, number: int, expected_version: int
) -> int:
    """Make an old revision current again by writing a new revision equal to it.

    Returns:
        The number of the new revision.

    Raises:
        KnownError: the user is not a supervisor.
        ArticleNotFound: no such article or revision.
        ArticleConflict: someone saved the article after ``expected_version``.
    """
    _require_supervisor(user)
    article = _locked(session, article_id, expected_version)
    old = _revision(session, article.id, number)
    with _savepoint(session, article.id):
        new_number = _write_revision(
            article,
            user,
            title=old.title,
            body=old.body,
            sources=old.sources,
            comment=RESTORED_COMMENT.format(number=number),
        )
        audit.record(
            session,
            user,
            AuditAction.UPDATE,
            entity=ENTITY,
            entity_id=article.id,
            details={"revision": new_number, "restored_from": number},
        )
    return new_number


def article_slug(title: str) -> str:
    """A slug from a title: ``lokal-`` and ASCII letters, digits and ``-``."""
    folded = title.casefold().translate(str.maketrans("åäöéüæø", "aaoeuao"))
    words = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    room = SLUG_MAX_LENGTH - len(LOCAL_SLUG_PREFIX) - 6  # room for "-12345"
    return LOCAL_SLUG_PREFIX + (words[:room].strip("-") or "artikel")


def create_article(
    session: Session,
    user: UserInfo,
    draft: ArticleDraft,
    *,
    reviewed: bool = True,
    today: dt.date | None = None,
) -> int:
    """Write a new local article with its first revision (supervisors only).

    ``reviewed`` records today as its review date; without it the article is
    listed as never reviewed.

    Returns:
        The new article's id.

    Raises:
        KnownError: the user is not a supervisor.
        ArticleInvalid: the draft breaks a rule (one problem per field).
    """
    _require_supervisor(user)
    clean = _check(session, draft, frozenset())
    base = article_slug(clean.title)
    taken = set(session.scalars(select(Article.slug).where(Article.slug.startswith(base))))
    slug, counter = base, 1
    while slug in taken:
        counter += 1
        slug = f"{base}-{counter}"
    article = Article(
        slug=slug,
        title=clean.title,
        owner=clean.owner,
        review_interval_days=clean.review_interval_days,
        last_reviewed_on=(today or dt.date.today()) if reviewed else None,
        current_revision=0,
        topics=clean.topics,
        revisions=[],
    )
    session.add(article)
    _write_revision(
        article,
        user,
        title=clean.title,
        body=clean.body,
        sources=clean.sources,
        comment=clean.comment,
    )
    session.flush()
    audit.record(
        session,
        user,
        AuditAction.CREATE,
        entity=ENTITY,
        entity_id=article.id,
        details={"slug": slug, "title": clean.title, "revision": 1, "comment": clean.comment},
    )
    session.flush()
    return article.id


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


# --- a newer shipped version of a locally edited article ---------------------------------

MSG_NO_SHIPPED_UPDATE = QT_TRANSLATE_NOOP(
    "Errors", "There is no newer shipped version of this article (any more)."
)
ADOPTED_COMMENT = "Levererad version antagen"


def _shipped_or_fail(session: Session, article: Article, directory: Path) -> ArticleFile:
    shipped = pending_shipped_version(session, article.id, directory)
    if shipped is None:
        raise KnownError(MSG_NO_SHIPPED_UPDATE)
    return shipped


def adopt_shipped_version(
    session: Session, user: UserInfo, article_id: int, expected_version: int, directory: Path
) -> int:
    """Replace a locally edited article's text with the newer shipped version, as a new
    revision by ``user`` (the local text stays in the history and can be restored).

    Returns:
        The number of the new revision.

    Raises:
        KnownError: not a supervisor, or no newer shipped version.
        ArticleNotFound, ArticleConflict.
    """
    _require_supervisor(user)
    article = _locked(session, article_id, expected_version)
    shipped = _shipped_or_fail(session, article, directory)
    topics = list(session.scalars(select(Topic).where(Topic.code.in_(shipped.topics))))
    with _savepoint(session, article.id):
        number = _write_revision(
            article,
            user,
            title=shipped.title,
            body=shipped.body,
            sources=shipped.sources,
            comment=ADOPTED_COMMENT,
        )
        article.owner = shipped.owner
        article.review_interval_days = shipped.review_interval_days
        article.last_reviewed_on = shipped.last_reviewed
        article.shipped_hash = shipped.sha256
        article.topics = topics
        audit.record(
            session,
            user,
            AuditAction.UPDATE,
            entity=ENTITY,
            entity_id=article.id,
            details={"revision": number, "shipped": shipped.sha256[:12], "adopted": True},
        )
    return number


def keep_local_version(
    session: Session, user: UserInfo, article_id: int, expected_version: int, directory: Path
) -> None:
    """Decline the newer shipped version: it is not offered again (a later one is).

    Raises:
        KnownError: not a supervisor, or no newer shipped version.
        ArticleNotFound, ArticleConflict.
    """
    _require_supervisor(user)
    article = _locked(session, article_id, expected_version)
    shipped = _shipped_or_fail(session, article, directory)
    with _savepoint(session, article.id):
        article.shipped_hash = shipped.sha256
        audit.record(
            session,
            user,
            AuditAction.UPDATE,
            entity=ENTITY,
            entity_id=article.id,
            details={"shipped": shipped.sha256[:12], "adopted": False},
        )


def shipped_difference(
    session: Session, article_id: int, directory: Path
) -> tuple[list[DiffLine], list[DiffLine]] | None:
    """The newer shipped version against the current text: (title lines, body lines)."""
    shipped = pending_shipped_version(session, article_id, directory)
    if shipped is None:
        return None
    article = session.get_one(Article, article_id)
    current = _revision(session, article_id, article.current_revision)
    return diff_lines(current.title, shipped.title), diff_lines(current.body, shipped.body)
