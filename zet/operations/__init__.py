"""Running the app: the command line, backups, the retention purge and the demo data."""
