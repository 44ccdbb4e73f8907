"""The programme manager: partnerships, locaties and accounts, and what they read across dagdelen
and years (archive, rode lijnen, actions, reports)."""
