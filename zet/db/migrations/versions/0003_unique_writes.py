"""Unique writes: a participant's point is stored once, list positions are unique per kind.

Points that two taps stored twice before this revision are merged first (the list keeps
one entry, pointing at the first contribution), and lists with a position used twice are
renumbered in their shown order, so the constraints can be added without losing anything.

Revision ID: 0003
Revises: 0002
"""
import json
from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

bijdragen = sa.table("bijdragen", sa.column("id"), sa.column("groep_id"),
                     sa.column("deelnemer_id"), sa.column("soort"), sa.column("tekst"))
punten = sa.table("punten", sa.column("id"), sa.column("groep_id"), sa.column("soort"),
                  sa.column("tekst"), sa.column("positie"), sa.column("bron_ids"))


def _merge_twin_contributions(conn) -> None:
    """The same participant, kind and text twice in a group: keep the first."""
    first: dict[tuple, int] = {}
    replaced: dict[int, int] = {}
    rows = conn.execute(sa.select(bijdragen).where(bijdragen.c.deelnemer_id.is_not(None))
                        .order_by(bijdragen.c.id)).all()
    for row in rows:
        key = (row.groep_id, row.deelnemer_id, row.soort, row.tekst)
        if key in first:
            replaced[row.id] = first[key]
        else:
            first[key] = row.id
    if not replaced:
        return
    seen: set[tuple] = set()
    for row in conn.execute(sa.select(punten).order_by(punten.c.id)).all():
        old = json.loads(row.bron_ids)
        sources = list(dict.fromkeys(replaced.get(i, i) for i in old))
        twin = (row.groep_id, row.soort, row.tekst, tuple(sources))
        if sources != old and twin in seen:
            conn.execute(sa.delete(punten).where(punten.c.id == row.id))
            continue
        seen.add(twin)
        if sources != old:
            conn.execute(sa.update(punten).where(punten.c.id == row.id)
                         .values(bron_ids=json.dumps(sources)))
    conn.execute(sa.delete(bijdragen).where(bijdragen.c.id.in_(list(replaced))))


def _renumber_shared_positions(conn) -> None:
    """A list where two points share a position gets positions 1..n in its shown order."""
    lists: dict[tuple, list] = defaultdict(list)
    for row in conn.execute(sa.select(punten.c.id, punten.c.groep_id, punten.c.soort,
                                      punten.c.positie)
                            .order_by(punten.c.positie, punten.c.id)).all():
        lists[(row.groep_id, row.soort)].append(row)
    for rows in lists.values():
        if len({row.positie for row in rows}) == len(rows):
            continue
        for position, row in enumerate(rows, start=1):
            conn.execute(sa.update(punten).where(punten.c.id == row.id).values(positie=position))


def upgrade() -> None:
    conn = op.get_bind()
    _merge_twin_contributions(conn)
    _renumber_shared_positions(conn)
    with op.batch_alter_table("bijdragen") as batch:
        batch.create_unique_constraint("uq_bijdragen_per_deelnemer",
                                       ["groep_id", "deelnemer_id", "soort", "tekst"])
    with op.batch_alter_table("punten") as batch:
        batch.create_unique_constraint("uq_punten_positie", ["groep_id", "soort", "positie"])


def downgrade() -> None:
    with op.batch_alter_table("punten") as batch:
        batch.drop_constraint("uq_punten_positie", type_="unique")
    with op.batch_alter_table("bijdragen") as batch:
        batch.drop_constraint("uq_bijdragen_per_deelnemer", type_="unique")
