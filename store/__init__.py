"""The app database (SQLAlchemy 2, Alembic): shared by bot/ and actions/ without them importing each other."""
