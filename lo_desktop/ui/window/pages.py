"""The pages of the main window, in the order of its side bar, and the menus the features add.

Each page is (key, English title for ``_()``, class); the window builds a page the first time it is shown,
as ``PageClass(db, settings, window)``. Each installer is a function ``install(window)`` that adds a
feature's menu actions and shortcuts once the window has built its menus (``window.add_menu_action``).
Features add their pages and installers here.
"""
from __future__ import annotations

from lo_desktop.ui.catalog.catalog_page import CatalogPage
from lo_desktop.ui.exchange import package_dialogs
from lo_desktop.ui.indicator import channels_widget, sessions_menu
from lo_desktop.ui.indicator.cop_page import CommunitiesPage
from lo_desktop.ui.indicator.dashboard_page import DashboardPage
from lo_desktop.ui.indicator.sessions_page import SessionsPage
from lo_desktop.ui.intranet import publish_menu
from lo_desktop.ui.labels import labels_dialog
from lo_desktop.ui.lending import lending_menu
from lo_desktop.ui.lending.lending_page import LendingPage
from lo_desktop.ui.lending.stocktake_page import StocktakePage
from lo_desktop.ui.reports import reports_menu
from lo_desktop.ui.safety import safety_menu

PAGES = [
    ("catalog", "Catalog", CatalogPage),
    ("dashboard", "Indicator 4.1", DashboardPage),
    ("sessions", "Exchange sessions", SessionsPage),
    ("communities", "Communities of practice", CommunitiesPage),
    ("lending", "Lending", LendingPage),
    ("stocktake", "Stocktake", StocktakePage),
]

INSTALLERS = [
    sessions_menu.install,
    channels_widget.install,
    lending_menu.install,
    reports_menu.install,
    labels_dialog.install,
    safety_menu.install,
    package_dialogs.install,
    publish_menu.install,
]
