"""List statements compiled once and run on the driver's own cursor.

SQLAlchemy's per-execution work (cache key, parameter processing, result rows)
costs about as much as the query itself for a page of 200 rows. The register
lists (calls, forms) therefore compile each shape of their page statement once
per dialect and driver, and each execution only converts its parameters and runs
on the driver's cursor (bench/calls.py, bench/forms.py: at most twice the raw
query).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from sqlalchemy.engine import Dialect
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement

K = TypeVar("K", bound=Hashable)

MAX_SHAPES = 1024
"""Shapes are few (combinations of filters); the bound only guards against a surprise."""


@dataclass(frozen=True)
class CompiledStatement:
    """A statement's SQL text with what its driver parameters need."""

    sql: str
    positions: tuple[str, ...] | None
    """Parameter names in order for positional drivers (SQLite), None for named ones."""
    fixed: dict[str, Any]
    processors: dict[str, Callable[[Any], Any]]

    def parameters(self, values: dict[str, Any]) -> Any:
        """The driver's parameters: the statement's own values overridden by ``values``."""
        merged = {**self.fixed, **values}
        for name, process in self.processors.items():
            merged[name] = process(merged[name])
        if self.positions is None:
            return merged
        return tuple(merged[name] for name in self.positions)


def compile_statement(
    statement: ClauseElement,
    dialect: Dialect,
    rewrite: Callable[[str], str] | None = None,
) -> CompiledStatement:
    """Compile ``statement`` for ``dialect``; ``rewrite`` may adjust the SQL text (hints)."""
    compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
    if compiled.post_compile_params or compiled.literal_execute_params:
        raise AssertionError("list statements must not need per-execution rendering")
    processors: dict[str, Callable[[Any], Any]] = {}
    for name, bind in compiled.binds.items():
        process = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            processors[name] = process
    return CompiledStatement(
        sql=str(compiled) if rewrite is None else rewrite(str(compiled)),
        positions=tuple(compiled.positiontup or ()) if compiled.positional else None,
        fixed={name: bind.effective_value for name, bind in compiled.binds.items()},
        processors=processors,
    )


class StatementCache(Generic[K]):
    """Compiled statements by shape and driver.

    ``build(shape)`` makes the statement; ``rewrite(shape, dialect, sql)``, when
    given, may adjust the rendered SQL (an index hint SQLAlchemy cannot render).
    """

    def __init__(
        self,
        build: Callable[[K], ClauseElement],
        rewrite: Callable[[K, Dialect, str], str] | None = None,
    ) -> None:
        self._build = build
        self._rewrite = rewrite
        self._found: dict[tuple[K, str, str], CompiledStatement] = {}

    def get(self, shape: K, dialect: Dialect) -> CompiledStatement:
        key = (shape, dialect.name, dialect.driver)
        found = self._found.get(key)
        if found is not None:
            return found
        rewrite = self._rewrite
        found = compile_statement(
            self._build(shape),
            dialect,
            None if rewrite is None else lambda sql: rewrite(shape, dialect, sql),
        )
        if len(self._found) > MAX_SHAPES:
            self._found.clear()
        self._found[key] = found
        return found
