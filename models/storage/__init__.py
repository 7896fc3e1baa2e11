"""Where the data lives: the SQLCipher file or a PostgreSQL server, key slots, opening and
signing in (``store``), units of work, migrations, backups and change notifications."""
