from kansli_desk.services.database import Database


def test_database_opens(database: Database) -> None:
    from sqlalchemy import func, select

    from kansli_desk.models import Topic

    with database.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Topic)) == 12
