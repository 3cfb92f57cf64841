"""File ▸ Publish to the intranet: the same publishing as ``lo-desktop publish`` (core/intranet/snapshot),
run behind a progress dialog, then the offer to record the intranet as a distribution channel of the work
manuals that went out (core/indicator/actions.record_intranet_publication, as ``publish --record-channel``).
"""
from __future__ import annotations

from datetime import date

from PySide6.QtGui import QAction

from lo_desktop.core.db import db_path
from lo_desktop.core.indicator import actions as indicator_actions
from lo_desktop.core.indicator.publication import manuals_to_record
from lo_desktop.core.intranet.snapshot import publish_snapshot
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common import messages
from lo_desktop.ui.common.tasks import run_task


def install(window) -> None:
    window.publish_actions = PublishActions(window)
    window.add_file_actions([window.publish_actions.publish])


class PublishActions:
    def __init__(self, window):
        self.window = window
        self.publish = QAction(_("Publish to the intranet"), window)
        self.publish.setObjectName("action_publish")
        self.publish.setStatusTip(_("Write the read-only catalog colleagues search on the intranet."))
        self.publish.triggered.connect(lambda _checked=False: self.publish_now())
        self.task = None  # the last task started (tests wait on it)

    def publish_now(self):
        path = db_path(self.window.db)
        self.task = run_task(self.window, _("Publishing the catalog for colleagues…"),
                             lambda _progress: publish_snapshot(path), on_done=self._published)
        return self.task

    def _published(self, _snapshot) -> None:
        today = date.today()
        manuals = manuals_to_record(self.window.db, today)
        text = _("The catalog is published: colleagues see it as it is now.")
        if not self.window.settings.intranet_address:
            text += " " + _("To print labels whose QR code opens a material's page there, enter the intranet "
                            "address in File ▸ Settings.")
        if not manuals:
            messages.show_info(self.window, text)
            return
        question = text + "\n\n" + tr("Record the intranet as a distribution channel of the {count} work "
                                      "manual(s) published today, for indicator 4.1?", count=len(manuals))
        if messages.confirm(self.window, question):
            self.record(today)

    def record(self, on: date) -> None:
        made = indicator_actions.record_intranet_publication(self.window.db, on)
        dashboard = self.window.open_page("dashboard")
        if dashboard is not None:
            dashboard.refresh()
        messages.show_info(self.window, tr("Recorded the intranet as a channel of {count} work manual(s).",
                                           count=len(made)))
