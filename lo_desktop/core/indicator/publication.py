"""Publishing the catalog on the intranet distributes the work manuals in it (indicator 4.1, component 1).

After a publication the clerk may record the intranet as a channel of every work manual that went out,
dated the day of publishing. A manual already recorded as on the intranet in that fiscal year is left
alone, so publishing again the next week does not add a second record of the same channel.
"""
from __future__ import annotations

from datetime import date

from lo_desktop.core import thaidate
from lo_desktop.core.catalog.materials import Material
from lo_desktop.core.indicator.records import materials_by_ids
from lo_desktop.core.indicator.channels import Channel, save_channel
from lo_desktop.i18n import _

CHANNEL = "intranet"


def manuals_to_record(db, on: date) -> list[Material]:
    """Published work manuals (outside the Trash, not withdrawn) with no intranet channel in ``on``'s
    fiscal year, in code order."""
    start, end = thaidate.fiscal_year_range(thaidate.fiscal_year(on))
    ids = [row[0] for row in db.execute(
        "SELECT id FROM materials WHERE kind = 'work_manual' AND deleted_at IS NULL AND status != 'withdrawn' "
        "AND id NOT IN (SELECT material_id FROM channels WHERE channel = ? AND distributed_on BETWEEN ? AND ?) "
        "ORDER BY code", [CHANNEL, start.isoformat(), end.isoformat()]).fetchall()]
    return materials_by_ids(db, ids)


def record_publication(db, on: date, page_link=None) -> list[Channel]:
    """Record the intranet as a channel of each manual ``manuals_to_record`` names, all or none.

    ``page_link(code)`` gives the manual's address on the intranet (its evidence), when one is known.
    """
    manuals = manuals_to_record(db, on)
    note = _("Published in the intranet catalog.")
    with db.atomic():
        return [save_channel(db, Channel(m.id, CHANNEL, on, page_link(m.code) if page_link else "", note=note))
                for m in manuals]
