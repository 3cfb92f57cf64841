"""The pages of the main window, in the order of its side bar.

Each entry is (key, English title for ``_()``, factory). A factory takes ``(db, settings, window)`` and
returns a QWidget; it is imported lazily so start-up builds only what it shows. Features add their pages
here.
"""
from __future__ import annotations

import importlib


def _lazy(module: str, name: str):
    def factory(db, settings, window):
        return getattr(importlib.import_module(module), name)(db, settings, window)
    return factory


PAGES = [
    ("catalog", "Catalog", _lazy("lo_desktop.ui.catalog_page", "CatalogPage")),
    ("dashboard", "Indicator 4.1", _lazy("lo_desktop.ui.dashboard_page", "DashboardPage")),
    ("sessions", "Exchange sessions", _lazy("lo_desktop.ui.sessions_page", "SessionsPage")),
    ("communities", "Communities of practice", _lazy("lo_desktop.ui.cop_page", "CommunitiesPage")),
    ("lending", "Lending", _lazy("lo_desktop.ui.lending_page", "LendingPage")),
    ("stocktake", "Stocktake", _lazy("lo_desktop.ui.stocktake_page", "StocktakePage")),
]

# Modules whose ``install(window)`` adds menu actions and shortcuts once the main window exists
# (the window calls each one after building its menus with ``window.add_menu_action``).
INSTALLERS: list[str] = [
    "lo_desktop.ui.sessions_menu",
    "lo_desktop.ui.channels_widget",
    "lo_desktop.ui.lending_actions",
    "lo_desktop.ui.reports_menu",
    "lo_desktop.ui.labels_dialog",
    "lo_desktop.ui.safety_menu",
    "lo_desktop.ui.package_dialogs",
]
