"""Full-text queries shared by the call notes search and the knowledge search.

Both search per database: FTS5 on SQLite (tokenizer ``unicode61 remove_diacritics
2`` folds case and diacritics) and ``tsvector`` on PostgreSQL over lower-cased
text with the Swedish letters folded (``FOLD_FROM`` → ``FOLD_TO``), so
"forsegling" finds "Försegling" on both.
"""

from __future__ import annotations

import re

from kansli_desk.models.calls import FOLD_FROM, FOLD_TO

MAX_SEARCH_WORDS = 16
MAX_SEARCH_WORD_LENGTH = 100

_FOLD = str.maketrans(FOLD_FROM, FOLD_TO)


def search_words(query: str) -> list[str]:
    """The words of a search: runs of letters and digits, at most 16 of 100 each.

    Everything else (quotes, operators, punctuation) only separates words, so any
    text makes a harmless query; a query without words searches nothing.
    """
    words = re.findall(r"[^\W_]+", query)
    return [word[:MAX_SEARCH_WORD_LENGTH] for word in words[:MAX_SEARCH_WORDS]]


def fulltext_query(dialect: str, words: list[str]) -> str:
    """The full-text query for ``words``: all of them, each as a word prefix.

    SQLite: quoted FTS5 phrases with a prefix star (its tokenizer folds case and
    diacritics). PostgreSQL: quoted lexemes folded as the generated columns fold
    the text, ``:*`` for prefixes, joined with ``&``. The words hold letters and
    digits only (:func:`search_words`), so the quoting cannot be broken.
    """
    if dialect == "sqlite":
        return " AND ".join(f'"{word}"*' for word in words)
    return " & ".join(f"'{word.lower().translate(_FOLD)}':*" for word in words)
