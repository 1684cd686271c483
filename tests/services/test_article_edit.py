"""Editing knowledge articles (kansli_desk.services.article_edit), on SQLite and PostgreSQL.

Saving writes revision N+1 with its author and never changes an old one; only
supervisors may save; an invalid draft or a stale version writes nothing, and a
stale version hands back the other person's text; any two revisions can be
compared; restoring writes a new revision; overdue articles come most overdue
first, and marking one reviewed takes it off the list.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from kansli_desk.core.enums import AuditAction, Role
from kansli_desk.errors import KnownError
from kansli_desk.models import Article, ArticleRevision, AuditEvent, Topic
from kansli_desk.services import article_edit, knowledge
from kansli_desk.services.article_edit import (
    ArticleConflict,
    ArticleDraft,
    ArticleInvalid,
    EditableArticle,
)
from kansli_desk.services.database import Database
from kansli_desk.services.users import UserInfo
from tests.services.test_calls import add_user

TODAY = dt.date(2026, 11, 27)

SHIPPED = """\
---
id: forsegling
title: Försegling av journalen
topics: sealing, login_lock
sources: Region Kalmar län, "Journal som e-tjänst", avsnittet Försegling
owner: Regionstab Kansli
last_reviewed: 2026-06-01
review_interval_days: 365
---
## Vad är försegling?

Försegling gör att journalen inte visas i e-tjänsten.
Invånaren begär det själv.
"""


def write_shipped(directory: Path, text: str = SHIPPED, name: str = "forsegling.md") -> Path:
    directory.mkdir(exist_ok=True)
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class World:
    db: Database
    karin: UserInfo  # supervisor
    lars: UserInfo  # supervisor
    anna: UserInfo  # advisor
    article_id: int
    shipped_dir: Path

    def load(self, article_id: int | None = None) -> EditableArticle:
        with self.db.transaction() as session:
            return article_edit.load_for_edit(session, article_id or self.article_id)

    def save(
        self,
        user: UserInfo | None = None,
        version: int | None = None,
        *,
        reviewed: bool = False,
        **changes: Any,
    ) -> int:
        loaded = self.load()
        draft = dataclasses.replace(loaded.draft(), **changes)
        with self.db.transaction() as session:
            return article_edit.save_article(
                session,
                user or self.karin,
                self.article_id,
                loaded.version if version is None else version,
                draft,
                reviewed=reviewed,
                today=TODAY,
            )

    def snapshot(self) -> dict[str, Any]:
        """Everything a save could change, to show that nothing did."""
        with self.db.engine.connect() as conn:
            article = conn.execute(sa.select(Article.__table__)).all()
            revisions = conn.execute(
                sa.select(ArticleRevision.__table__).order_by(ArticleRevision.id)
            ).all()
            topics = conn.execute(sa.text("SELECT * FROM article_topics ORDER BY 1, 2")).all()
            events = conn.execute(sa.select(sa.func.count()).select_from(AuditEvent)).scalar()
        return {"articles": article, "revisions": revisions, "topics": topics, "audit": events}


@pytest.fixture
def world(database: Database, tmp_path: Path) -> World:
    shipped_dir = tmp_path / "knowledge"
    write_shipped(shipped_dir)
    with database.transaction() as session:
        karin = add_user(session, "karin", "Karin Öst", Role.SUPERVISOR)
        lars = add_user(session, "lars", "Lars Berg", Role.SUPERVISOR)
        anna = add_user(session, "anna", "Anna Lind", Role.ADVISOR)
        report = knowledge.sync_shipped_articles(session, shipped_dir)
        assert report.created == ["forsegling"]
        article_id = session.scalars(sa.select(Article.id)).one()
    return World(database, karin, lars, anna, article_id, shipped_dir)


# --- loading and saving ---------------------------------------------------------------


def test_load_for_edit_gives_the_current_revision_and_the_topics(world: World) -> None:
    loaded = world.load()
    assert (loaded.revision, loaded.title, loaded.owner) == (
        1,
        "Försegling av journalen",
        "Regionstab Kansli",
    )
    assert loaded.body.startswith("## Vad är försegling?")
    assert loaded.sources.startswith("Region Kalmar län")
    assert loaded.topic_codes == ("sealing", "login_lock")
    assert loaded.saved_by == article_edit.SHIPPED_AUTHOR
    assert loaded.review_interval_days == 365
    assert loaded.last_reviewed_on == dt.date(2026, 6, 1)
    codes = [topic.code for topic in loaded.topics]
    assert codes[:2] == ["sealing", "login_lock"] and "other" in codes
    assert not any(topic.retired for topic in loaded.topics)


def test_save_writes_the_next_revision_with_its_author(world: World) -> None:
    before = world.load()
    number = world.save(
        title="Försegling av Journalen",
        body=before.body + "\nFörseglingen gäller tills den hävs.\n",
        topic_codes=("sealing",),
        owner="Kansliet",
        review_interval_days=180,
        comment="Lade till hur länge den gäller",
    )
    assert number == 2
    after = world.load()
    assert after.revision == 2 and after.version > before.version
    assert after.title == "Försegling av Journalen"
    assert after.body.endswith("Förseglingen gäller tills den hävs.\n")
    assert after.topic_codes == ("sealing",)
    assert (after.owner, after.review_interval_days) == ("Kansliet", 180)
    assert after.saved_by == "Karin Öst"
    assert after.last_reviewed_on == dt.date(2026, 6, 1)  # not marked as reviewed
    with world.db.transaction() as session:
        revisions = session.scalars(
            sa.select(ArticleRevision).order_by(ArticleRevision.number)
        ).all()
        assert [(r.number, r.author_id, r.comment) for r in revisions] == [
            (1, None, "Levererad version"),
            (2, world.karin.id, "Lade till hur länge den gäller"),
        ]
        assert revisions[0].title == "Försegling av journalen"  # the old one is unchanged
        assert session.get_one(Article, world.article_id).title == "Försegling av Journalen"
        # The knowledge panel shows the new text.
        view = knowledge.get_article(session, world.article_id)
        assert (view.revision, view.title) == (2, "Försegling av Journalen")
        event = session.scalars(sa.select(AuditEvent)).one()
    assert (event.action, event.entity, event.entity_id, event.username) == (
        AuditAction.UPDATE,
        "article",
        str(world.article_id),
        "karin",
    )
    assert event.details["revision"] == 2
    assert set(event.details["changed"]) == {
        "title",
        "body",
        "topic_codes",
        "owner",
        "review_interval_days",
    }


def test_reviewed_sets_the_review_date_to_today(world: World) -> None:
    world.save(comment="Granskad", reviewed=True)
    assert world.load().last_reviewed_on == TODAY


def test_text_is_normalised(world: World) -> None:
    world.save(
        title="  Försegling   av\tjournalen ",
        body="\n\nText\r\nmed rader   \n\n",
        sources="  Källa ett \n\n Källa två\n",
    )
    loaded = world.load()
    assert loaded.title == "Försegling av journalen"
    assert loaded.body == "Text\nmed rader\n"
    assert loaded.sources == "Källa ett\nKälla två"


def test_a_local_edit_is_never_overwritten_by_a_newer_shipped_file(world: World) -> None:
    world.save(body="Lokalt redigerad text.\n")
    write_shipped(world.shipped_dir, SHIPPED.replace("Invånaren begär", "Patienten begär"))
    with world.db.transaction() as session:
        report = knowledge.sync_shipped_articles(session, world.shipped_dir)
    assert report.kept_local_edits == ["forsegling"]
    assert world.load().body == "Lokalt redigerad text.\n"


# --- refusals -------------------------------------------------------------------------


def test_an_advisor_is_refused_and_nothing_changes(world: World) -> None:
    before = world.snapshot()
    with pytest.raises(KnownError) as info:
        world.save(user=world.anna, title="Ändrad")
    assert info.value.template == article_edit.MSG_SUPERVISOR_ONLY
    loaded = world.load()
    with pytest.raises(KnownError), world.db.transaction() as session:
        article_edit.restore_revision(session, world.anna, world.article_id, 1, loaded.version)
    with pytest.raises(KnownError), world.db.transaction() as session:
        article_edit.mark_reviewed(session, world.anna, world.article_id, loaded.version)
    with pytest.raises(KnownError), world.db.transaction() as session:
        article_edit.create_article(session, world.anna, loaded.draft())
    assert world.snapshot() == before


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"title": "   "}, ["title"]),
        ({"title": "x" * 301}, ["title"]),
        ({"body": " \n\n "}, ["body"]),
        ({"sources": "\n  \n"}, ["sources"]),
        ({"topic_codes": ()}, ["topic_codes"]),
        ({"topic_codes": ("sealing", "no_such_topic")}, ["topic_codes"]),
        ({"review_interval_days": 0}, ["review_interval_days"]),
        ({"review_interval_days": 3651}, ["review_interval_days"]),
        ({"owner": "o" * 201}, ["owner"]),
        ({"comment": "c" * 501}, ["comment"]),
        (
            {"title": "", "body": "", "sources": "", "topic_codes": ()},
            ["title", "topic_codes", "sources", "body"],
        ),
    ],
)
def test_validation_errors_name_their_field_and_change_nothing(
    world: World, changes: dict[str, Any], fields: list[str]
) -> None:
    before = world.snapshot()
    with pytest.raises(ArticleInvalid) as info:
        world.save(**changes)
    assert [problem.field for problem in info.value.problems] == fields
    assert info.value.field == fields[0]
    assert all(problem.message() for problem in info.value.problems)
    assert world.snapshot() == before


def test_the_limits_themselves_are_allowed(world: World) -> None:
    world.save(title="x" * 300, review_interval_days=3650, comment="c" * 500)
    world.save(review_interval_days=1)
    assert world.load().review_interval_days == 1


def test_a_retired_topic_can_be_kept_but_not_added(world: World) -> None:
    with world.db.transaction() as session:
        for code in ("login_lock", "proxy"):
            topic = session.scalars(sa.select(Topic).where(Topic.code == code)).one()
            topic.retired_at = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    loaded = world.load()
    retired = {topic.code for topic in loaded.topics if topic.retired}
    assert retired == {"login_lock"}  # offered only because the article has it
    world.save(comment="Behåller ämnena")
    with pytest.raises(ArticleInvalid) as info:
        world.save(topic_codes=("sealing", "proxy"))
    assert info.value.problems[0].params == {"topic": "Ombud"}


def test_a_stale_version_is_refused_with_the_other_persons_text(world: World) -> None:
    loaded = world.load()
    world.save(user=world.lars, body="Lars text.\n", comment="Lars ändring")
    before = world.snapshot()
    with pytest.raises(ArticleConflict) as info:
        world.save(version=loaded.version, body="Karins text.\n", comment="Karins ändring")
    theirs = info.value.theirs
    assert (theirs.revision, theirs.body, theirs.saved_by) == (2, "Lars text.\n", "Lars Berg")
    assert theirs.version > loaded.version
    assert info.value.message()
    assert world.snapshot() == before  # nothing of Karin's was written
    # Saving on top of theirs (the version the conflict handed back) works.
    draft = dataclasses.replace(theirs.draft(), body="Karins text.\n")
    with world.db.transaction() as session:
        number = article_edit.save_article(
            session, world.karin, world.article_id, theirs.version, draft
        )
    assert number == 3


def test_a_conflict_found_at_flush_still_hands_back_their_text(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should another save slip in after the check, the version in the UPDATE catches it."""
    loaded = world.load()
    real_locked = article_edit._locked

    def locked_then_overtaken(session: Any, article_id: int, expected: int) -> Article:
        article = real_locked(session, article_id, expected)
        # A plain table, so the session's Article keeps the version it loaded.
        articles = sa.table("articles", sa.column("id"), sa.column("version"), sa.column("owner"))
        session.execute(
            sa.update(articles)
            .where(articles.c.id == article_id)
            .values(version=articles.c.version + 1, owner="Någon annan")
        )
        return article

    monkeypatch.setattr(article_edit, "_locked", locked_then_overtaken)
    with pytest.raises(ArticleConflict) as info, world.db.transaction() as session:
        try:
            article_edit.save_article(
                session,
                world.karin,
                world.article_id,
                loaded.version,
                dataclasses.replace(loaded.draft(), body="Ny text.\n"),
            )
        finally:
            # The savepoint was rolled back: no revision 2 waits in the transaction.
            assert session.scalar(sa.select(sa.func.count()).select_from(ArticleRevision)) == 1
    assert info.value.theirs.owner == "Någon annan"
    assert info.value.theirs.version == loaded.version + 1


# --- history: comparing and restoring -------------------------------------------------


def test_revisions_are_listed_newest_first_with_their_authors(world: World) -> None:
    world.save(body="Andra.\n", comment="Två")
    world.save(user=world.lars, body="Tredje.\n", comment="Tre")
    with world.db.transaction() as session:
        rows = article_edit.list_revisions(session, world.article_id)
        first_page = article_edit.list_revisions(session, world.article_id, limit=2)
        rest = article_edit.list_revisions(
            session, world.article_id, after=first_page[-1].cursor, limit=2
        )
    assert [(r.number, r.author, r.comment, r.shipped, r.current) for r in rows] == [
        (3, "Lars Berg", "Tre", False, True),
        (2, "Karin Öst", "Två", False, False),
        (1, "Levererad version", "Levererad version", True, False),
    ]
    assert all(r.created_at.tzinfo is not None for r in rows)
    assert [r.number for r in first_page + rest] == [3, 2, 1]


def test_compare_shows_added_and_removed_lines_between_any_two_revisions(world: World) -> None:
    original = world.load()
    world.save(
        body=original.body.replace("Invånaren begär det själv.", "Patienten begär det själv.")
        + "\nNy sista rad.\n",
        comment="Två",
    )
    world.save(title="Ny titel", sources="Ny källa", comment="Tre")
    with world.db.transaction() as session:
        one_two = article_edit.compare_revisions(session, world.article_id, 1, 2)
        one_three = article_edit.compare_revisions(session, world.article_id, 1, 3)
        three_one = article_edit.compare_revisions(session, world.article_id, 3, 1)
        same = article_edit.compare_revisions(session, world.article_id, 2, 2)
        with pytest.raises(article_edit.ArticleNotFound):
            article_edit.compare_revisions(session, world.article_id, 1, 9)
    changed = [line for line in one_two.body if line[0] != "same"]
    assert changed == [
        ("removed", "Invånaren begär det själv."),
        ("added", "Patienten begär det själv."),
        ("added", ""),
        ("added", "Ny sista rad."),
    ]
    assert ("same", "## Vad är försegling?") in one_two.body
    assert one_two.title == [("same", "Försegling av journalen")]
    assert one_three.title == [("removed", "Försegling av journalen"), ("added", "Ny titel")]
    assert ("added", "Ny källa") in one_three.sources
    assert ("removed", "Ny titel") in three_one.title  # either order
    assert one_two.changed and not same.changed
    assert (one_three.old, one_three.new) == (1, 3)


def test_restore_writes_a_new_revision_with_the_old_text(world: World) -> None:
    original = world.load()
    world.save(title="Fel titel", body="Fel text.\n", sources="Fel källa", comment="Misstag")
    loaded = world.load()
    with world.db.transaction() as session:
        number = article_edit.restore_revision(
            session, world.lars, world.article_id, 1, loaded.version
        )
    assert number == 3
    restored = world.load()
    assert (restored.title, restored.body, restored.sources) == (
        original.title,
        original.body,
        original.sources,
    )
    assert restored.saved_by == "Lars Berg"
    with world.db.transaction() as session:
        rows = article_edit.list_revisions(session, world.article_id)
        wrong = session.scalars(
            sa.select(ArticleRevision.title).where(ArticleRevision.number == 2)
        ).one()
        with pytest.raises(ArticleConflict):
            article_edit.restore_revision(session, world.lars, world.article_id, 2, loaded.version)
    assert [(r.number, r.comment) for r in rows][:1] == [(3, "Återställd från version 1")]
    assert wrong == "Fel titel"  # history is never rewritten


# --- new articles ---------------------------------------------------------------------


def test_create_article_with_a_unique_local_slug(world: World) -> None:
    draft = ArticleDraft(
        title="Spärr – när ska vi hänvisa?",
        body="Text.\n",
        sources="Patientdatalagen",
        topic_codes=("sparr",),
        owner="Kansliet",
        review_interval_days=90,
        comment="Ny artikel",
    )
    with world.db.transaction() as session:
        first = article_edit.create_article(session, world.karin, draft, today=TODAY)
        second = article_edit.create_article(session, world.karin, draft, reviewed=False)
        slugs = dict(session.execute(sa.select(Article.id, Article.slug)).all())
    assert slugs[first] == "lokal-sparr-nar-ska-vi-hanvisa"
    assert slugs[second] == "lokal-sparr-nar-ska-vi-hanvisa-2"
    created = world.load(first)
    assert (created.revision, created.title, created.topic_codes) == (
        1,
        "Spärr – när ska vi hänvisa?",
        ("sparr",),
    )
    assert (created.saved_by, created.last_reviewed_on) == ("Karin Öst", TODAY)
    assert world.load(second).last_reviewed_on is None
    with world.db.transaction() as session:
        titles = [row.title for row in knowledge.list_articles(session)]
        event = session.scalars(
            sa.select(AuditEvent).where(AuditEvent.entity_id == str(first))
        ).one()
    assert titles.count("Spärr – när ska vi hänvisa?") == 2
    assert event.action is AuditAction.CREATE
    # A shipped sync leaves the local articles alone.
    with world.db.transaction() as session:
        knowledge.sync_shipped_articles(session, world.shipped_dir)
    assert world.load(first).body == "Text.\n"


def test_create_article_validates_like_save(world: World) -> None:
    before = world.snapshot()
    with pytest.raises(ArticleInvalid) as info, world.db.transaction() as session:
        article_edit.create_article(
            session, world.karin, ArticleDraft("", "Text", "", ("sealing",))
        )
    assert [p.field for p in info.value.problems] == ["title", "sources"]
    assert world.snapshot() == before


# --- review dates ---------------------------------------------------------------------


def add_article(world: World, title: str, reviewed: dt.date | None, interval: int) -> int:
    draft = ArticleDraft(title, "Text.\n", "Källa", ("other",), review_interval_days=interval)
    with world.db.transaction() as session:
        article_id = article_edit.create_article(session, world.karin, draft, reviewed=False)
        session.get_one(Article, article_id).last_reviewed_on = reviewed
    return article_id


def test_overdue_articles_most_overdue_first_and_never_reviewed_at_the_top(world: World) -> None:
    # The shipped article: reviewed 2026-06-01 with 365 days, so not due yet.
    week = add_article(world, "En vecka sen", TODAY - dt.timedelta(days=37), 30)
    today = add_article(world, "Förfaller i dag", TODAY - dt.timedelta(days=30), 30)
    year = add_article(world, "Ett år sen", TODAY - dt.timedelta(days=395), 30)
    never = add_article(world, "Aldrig granskad", None, 365)
    with world.db.transaction() as session:
        rows = article_edit.overdue_articles(session, today=TODAY)
        retired = session.get_one(Article, year)
        retired.retired_at = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
        session.flush()
        without_retired = article_edit.overdue_articles(session, today=TODAY)
    assert [(r.id, r.days_overdue) for r in rows] == [(never, None), (year, 365), (week, 7)]
    assert today not in {r.id for r in rows}  # due today is not overdue yet
    assert rows[1].due_on == TODAY - dt.timedelta(days=365)
    assert rows[0].due_on is None
    assert [r.id for r in without_retired] == [never, week]


def test_mark_reviewed_takes_an_article_off_the_overdue_list(world: World) -> None:
    never = add_article(world, "Aldrig granskad", None, 365)
    loaded = world.load(never)
    with world.db.transaction() as session:
        version = article_edit.mark_reviewed(
            session, world.karin, never, loaded.version, today=TODAY
        )
        assert [r.id for r in article_edit.overdue_articles(session, today=TODAY)] == []
        with pytest.raises(ArticleConflict):
            article_edit.mark_reviewed(session, world.karin, never, loaded.version)
    after = world.load(never)
    assert after.version == version > loaded.version
    assert (after.last_reviewed_on, after.revision) == (TODAY, 1)  # no new revision
    # Saving with reviewed=True clears it too.
    stale = add_article(world, "Gammal", TODAY - dt.timedelta(days=400), 365)
    loaded = world.load(stale)
    with world.db.transaction() as session:
        article_edit.save_article(
            session, world.karin, stale, loaded.version, loaded.draft(), reviewed=True, today=TODAY
        )
        assert article_edit.overdue_articles(session, today=TODAY) == []


# --- a newer shipped version of an article edited here ----------------------------------


def ship_again(world: World, body: str) -> knowledge.SyncReport:
    write_shipped(world.shipped_dir, SHIPPED.replace("Invånaren begär det själv.", body))
    with world.db.transaction() as session:
        return knowledge.sync_shipped_articles(session, world.shipped_dir)


def pending(world: World) -> bool:
    with world.db.transaction() as session:
        view = knowledge.get_article(session, world.article_id, shipped_dir=world.shipped_dir)
    return view.shipped_update


def test_an_untouched_article_takes_the_new_shipped_text_silently(world: World) -> None:
    report = ship_again(world, "Vårdpersonal kan också begära det.")
    assert report.updated == ["forsegling"]
    assert "Vårdpersonal kan också" in world.load().body
    assert not pending(world)


def test_a_local_edit_is_kept_and_the_shipped_text_offered(world: World) -> None:
    world.save(body="Vår egen text.\n", comment="Lokal ändring")
    report = ship_again(world, "Vårdpersonal kan också begära det.")
    assert report.kept_local_edits == ["forsegling"]
    assert world.load().body == "Vår egen text.\n"  # never overwritten silently
    assert pending(world)
    with world.db.transaction() as session:
        diff = article_edit.shipped_difference(session, world.article_id, world.shipped_dir)
    assert diff is not None
    assert ("added", "Vårdpersonal kan också begära det.") in diff[1]
    assert ("removed", "Vår egen text.") in diff[1]


def test_adopting_the_shipped_version_writes_a_revision_and_keeps_ours(world: World) -> None:
    world.save(body="Vår egen text.\n")
    ship_again(world, "Vårdpersonal kan också begära det.")
    with world.db.transaction() as session:
        with pytest.raises(KnownError):  # an advisor may not
            article_edit.adopt_shipped_version(
                session, world.anna, world.article_id, world.load().version, world.shipped_dir
            )
        with pytest.raises(ArticleConflict):  # a stale version
            article_edit.adopt_shipped_version(
                session, world.karin, world.article_id, 1, world.shipped_dir
            )
    with world.db.transaction() as session:
        number = article_edit.adopt_shipped_version(
            session, world.karin, world.article_id, world.load().version, world.shipped_dir
        )
    loaded = world.load()
    assert number == 3 and loaded.revision == 3
    assert "Vårdpersonal kan också" in loaded.body
    assert loaded.saved_by == "Karin Öst"
    assert not pending(world)
    with world.db.transaction() as session:
        rows = article_edit.list_revisions(session, world.article_id)
    assert rows[0].comment == article_edit.ADOPTED_COMMENT
    assert any(row.number == 2 and not row.shipped for row in rows)  # ours, restorable


def test_keeping_ours_stops_the_offer_until_the_next_shipped_change(world: World) -> None:
    world.save(body="Vår egen text.\n")
    ship_again(world, "Version två.")
    with world.db.transaction() as session:
        article_edit.keep_local_version(
            session, world.karin, world.article_id, world.load().version, world.shipped_dir
        )
    assert not pending(world)
    assert world.load().body == "Vår egen text.\n"
    with pytest.raises(KnownError), world.db.transaction() as session:
        article_edit.keep_local_version(
            session, world.karin, world.article_id, world.load().version, world.shipped_dir
        )
    ship_again(world, "Version tre.")
    assert pending(world)
