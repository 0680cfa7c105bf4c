"""Storage: SQLAlchemy models, the database engine, and repositories for cases and accounts.

No Flask here either: the command line and the dossier renderer use it without a web app.
"""
