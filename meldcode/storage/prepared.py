"""Statements every save runs inside the write lock, compiled once and run on the driver's cursor.

Why not ``session.execute``: SQLAlchemy's per-call path (session, connection, cache lookup,
execution context, result object) costs about 0.1 ms a statement here, several times what the
database needs for it. A save runs six such statements while it holds the write lock that
every worker queues for, so that cost is paid once per save and again by each worker waiting.
SQLAlchemy still does what it is for: it writes the SQL for each database, converts the values
both ways (its bind and result processors), fills in the model's defaults, and its exception
classes say what went wrong (meldcode.storage.db.failure_reason reads them).
"""

from sqlalchemy import Insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session


class Prepared:
    """A Core statement, compiled once per database kind (and set of columns written)."""

    def __init__(self, statement):
        """Keep the statement; it is compiled on first use for each database kind."""
        self.statement = statement
        self._compiled: dict = {}
        # An INSERT's columns with a default in the model, looked up once.
        table = statement.table if isinstance(statement, Insert) else None
        self._defaults = (
            [c for c in table.columns if c.default is not None] if table is not None else []
        )

    def rows(self, session: Session, params: dict) -> list[tuple]:
        """Run the statement in ``session``'s transaction and return its rows."""
        return self._run(session, params, fetch=True)

    def first(self, session: Session, params: dict) -> tuple | None:
        """Run the statement and return its first row, or None."""
        found = self.rows(session, params)
        return found[0] if found else None

    def run(self, session: Session, params: dict) -> int:
        """Run a statement that writes; return how many rows it changed."""
        return self._run(session, params, fetch=False)

    def _run(self, session: Session, params: dict, fetch: bool):
        """Execute on the DBAPI cursor of the session's connection (its transaction)."""
        if session.autoflush:
            session.flush()  # what is pending goes first, as session.execute would do
        connection = session.connection()
        dialect = connection.dialect
        params = self._with_defaults(params)
        sql, names, binds, results, fixed = self._compile(dialect, params)
        params = {**fixed, **params}
        values = {
            name: binds[name](params[name]) if name in binds else params[name] for name in names
        }
        bound = tuple(values[name] for name in names) if dialect.positional else values
        dbapi_connection = connection.connection.dbapi_connection
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(sql, bound)
            if not fetch:
                return cursor.rowcount
            return [
                tuple(convert(v) if convert else v for convert, v in zip(results, row, strict=True))
                for row in cursor.fetchall()
            ]
        except dialect.loaded_dbapi.Error as exc:
            gone = dialect.is_disconnect(exc, dbapi_connection, cursor)
            if gone:
                connection.invalidate(exc)  # as SQLAlchemy does: the pool must not hand it out
            raise DBAPIError.instance(
                sql,
                bound,
                exc,
                dialect.loaded_dbapi.Error,
                hide_parameters=True,  # values are case content (sealed) and ids: not for logs
                connection_invalidated=gone,
                dialect=dialect,
            ) from exc
        finally:
            cursor.close()

    def _with_defaults(self, params: dict) -> dict:
        """Add the model's Python-side defaults for an INSERT's columns not given."""
        missing = [c for c in self._defaults if c.key not in params]
        if not missing:
            return params
        filled = dict(params)
        for column in missing:
            default = column.default
            if default.is_scalar:
                filled[column.key] = default.arg
            elif default.is_callable:
                filled[column.key] = default.arg(None)  # SQLAlchemy wraps it to take a context
        return filled

    def _compile(self, dialect, params: dict) -> tuple:
        """Return (SQL, parameter names in order, bind and result converters, fixed values)."""
        columns = tuple(sorted(params)) if isinstance(self.statement, Insert) else ()
        key = (dialect.name, dialect.driver, columns)
        found = self._compiled.get(key)
        if found is None:
            compiled = self.statement.compile(dialect=dialect, column_keys=list(columns) or None)
            if compiled.insert_prefetch or compiled.update_prefetch:
                # A default SQLAlchemy would compute per call: this path would miss it.
                raise ValueError("a Prepared statement must be given every value it writes")
            names = list(compiled.positiontup or compiled.bind_names.values())
            binds = {
                name: process for name, process in compiled._bind_processors.items() if process
            }
            results = [
                column.type._cached_result_processor(dialect, None)
                for column in getattr(self.statement, "selected_columns", [])
            ]
            # Values written into the statement itself (the 0 of a coalesce) are binds too.
            fixed = {
                name: bind.effective_value
                for bind, name in compiled.bind_names.items()
                if not bind.required
            }
            found = (str(compiled), names, binds, results, fixed)
            self._compiled[key] = found
        return found
