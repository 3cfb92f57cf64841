"""The settings of the corner (stored in its database) in four tabs: agency, catalog, documents, program."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSpinBox,
                               QTabWidget, QVBoxLayout, QWidget)

from lo_desktop.fonts import DOCUMENT_FONT
from lo_desktop.core.catalog import materials as catalog
from lo_desktop.core import vocab
from lo_desktop.core.db import db_path
from lo_desktop.core.errors import UserError
from lo_desktop.core.intranet import links
from lo_desktop.i18n import _, tr
from lo_desktop.settings import Settings, save_settings
from lo_desktop.ui.common import messages

# Indicator 4.1, component 3: cross-agency exchanges a year, by agency type.
EXCHANGES_NEEDED = {"line": 1, "staff": 2, "line_staff": 2}
LANGUAGES = {"th": "ไทย", "en": "English"}  # each language in its own words, never translated
REPORT_FONTS = (DOCUMENT_FONT, "TH SarabunPSK", "TH Niramit AS", "Angsana New", "Cordia New", "Tahoma")


def sheet_choices(db) -> list[tuple[str, str]]:
    """(id, name) of every label sheet."""
    from lo_desktop.labels.sheets import all_sheets

    return [(s.id, f"{s.display_name} ({s.id})") for s in all_sheets(db)]


class PartnerList(QWidget):
    """Partner agencies: edited in place (double-click or F2), added and removed with buttons."""

    def __init__(self, partners: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.list = QListWidget()
        for name in partners:
            self._add(name)
        add, remove = QPushButton(_("Add")), QPushButton(_("Remove"))
        add.clicked.connect(self._add_new)
        remove.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def _add(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def _add_new(self) -> None:
        item = self._add(_("New partner agency"))
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def partners(self) -> list[str]:
        names = (self.list.item(i).text().strip() for i in range(self.list.count()))
        return list(dict.fromkeys(name for name in names if name))


class SettingsDialog(QDialog):
    def __init__(self, db, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.original, self.settings = db, settings, settings
        self.setWindowTitle(_("Settings"))
        tabs = QTabWidget()
        tabs.addTab(self._agency_tab(), _("Agency"))
        tabs.addTab(self._catalog_tab(), _("Catalog and labels"))
        tabs.addTab(self._documents_tab(), _("Documents"))
        tabs.addTab(self._program_tab(), _("Program"))
        self.buttons = messages.dialog_buttons(self, "Ok", "Cancel")
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.buttons)
        self.resize(620, 440)

    # ------------------------------------------------------------ tabs
    def _agency_tab(self) -> QWidget:
        s = self.original
        self.agency_name = QLineEdit(s.agency_name)
        self.agency_short = QLineEdit(s.agency_short)
        self.agency_type = combo(vocab.AGENCY_TYPES, s.agency_type, translate=True)
        self.exchange_hint = QLabel()
        self.exchange_hint.setWordWrap(True)
        self.agency_type.currentIndexChanged.connect(self._show_exchange_hint)
        self._show_exchange_hint()
        self.partners = PartnerList(s.partners)
        return form_page([(_("Agency name"), self.agency_name), (_("Short name"), self.agency_short),
                          (_("Agency type"), self.agency_type), ("", self.exchange_hint),
                          (_("Partner agencies"), self.partners)])

    def _catalog_tab(self) -> QWidget:
        s = self.original
        self.code_pattern = QLineEdit(s.code_pattern)
        self.code_pattern.setToolTip(_("A run of # stands for the number: BN-#### gives BN-0001, BN-0002 …"))
        self.code_example = QLabel()
        self.code_pattern.textChanged.connect(self._show_code_example)
        self._show_code_example()
        sheets = dict(sheet_choices(self.db))
        self.default_sheet = combo(sheets, s.default_sheet) if sheets else QLineEdit(s.default_sheet)
        self.loan_days = spin(1, 365, s.loan_days)
        self.intranet_address = QLineEdit(s.intranet_address)
        self.intranet_address.setPlaceholderText("http://10.0.0.5:8001")
        self.intranet_address.setToolTip(_("Where colleagues open the published catalog (lo-desktop serve), "
                                           "e.g. http://10.0.0.5:8001"))
        self.qr_opens_intranet = QCheckBox(_("QR codes on labels open the material's page on the intranet"))
        self.qr_opens_intranet.setToolTip(_("A phone that scans the label opens the page with its attachments; "
                                            "the program's scanner still finds the material."))
        self.qr_opens_intranet.setChecked(links.is_label_pattern(s.label_url_pattern, s.intranet_address))
        return form_page([(_("Code pattern"), self.code_pattern), ("", self.code_example),
                          (_("Default label sheet"), self.default_sheet), (_("Loan period (days)"), self.loan_days),
                          (_("Intranet address"), self.intranet_address), ("", self.qr_opens_intranet)])

    def _documents_tab(self) -> QWidget:
        s = self.original
        self.report_font = QComboBox()
        self.report_font.setEditable(True)
        self.report_font.addItems(REPORT_FONTS)
        self.report_font.setCurrentText(s.report_font)
        self.thai_digits = QCheckBox(_("Write numbers and dates with Thai digits (๑๒๓)"))
        self.thai_digits.setChecked(s.thai_digits)
        return form_page([(_("Report font"), self.report_font), ("", self.thai_digits)])

    def _program_tab(self) -> QWidget:
        s = self.original
        self.language = combo(LANGUAGES, s.language)
        folder = db_path(self.db)
        self.data_folder = QLineEdit(str(folder.parent) if folder else _("(in memory)"))
        self.data_folder.setReadOnly(True)
        open_button = QPushButton(_("Open folder"))
        open_button.setEnabled(folder is not None)
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder.parent))))
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.data_folder, 1)
        box.addWidget(open_button)
        self.backups_kept = spin(1, 100, s.backups_kept)
        return form_page([(_("Language"), self.language), (_("Data folder"), row),
                          (_("Backups kept"), self.backups_kept)])

    # ------------------------------------------------------------ live hints
    def _show_exchange_hint(self) -> None:
        needed = EXCHANGES_NEEDED[self.agency_type.currentData()]
        self.exchange_hint.setText(
            tr("Indicator 4.1 asks this agency type for at least {count} cross-agency exchanges a year.",
               count=needed))

    def _show_code_example(self) -> None:
        pattern = self.code_pattern.text().strip()
        text = tr("Next code: {code}", code=catalog.next_code(self.db, pattern)) if pattern else ""
        self.code_example.setText(text or _("Type a pattern such as BN-####."))

    # ------------------------------------------------------------ saving
    def chosen(self) -> Settings:
        sheet = self.default_sheet
        return replace(
            self.original, agency_name=self.agency_name.text().strip(),
            agency_short=self.agency_short.text().strip(), agency_type=self.agency_type.currentData(),
            partners=self.partners.partners(), code_pattern=self.code_pattern.text().strip(),
            default_sheet=sheet.currentData() if isinstance(sheet, QComboBox) else sheet.text().strip(),
            report_font=self.report_font.currentText().strip() or Settings().report_font,
            thai_digits=self.thai_digits.isChecked(), language=self.language.currentData(),
            backups_kept=self.backups_kept.value(), loan_days=self.loan_days.value(),
            intranet_address=self.intranet_address.text().strip(), label_url_pattern=self._label_url_pattern())

    def _label_url_pattern(self) -> str:
        """The intranet form when ticked; unticked, a pattern of another form is kept as it was."""
        address, original = self.intranet_address.text(), self.original.label_url_pattern
        if self.qr_opens_intranet.isChecked():
            try:
                return links.label_pattern(address)
            except UserError:
                return original  # problem() says why
        return "" if links.is_label_pattern(original, self.original.intranet_address) else original

    def problem(self, s: Settings) -> str:
        if not s.agency_name:
            return _("The agency name is required.")
        if not s.code_pattern:
            return _("The code pattern is required, for example BN-####.")
        if self.qr_opens_intranet.isChecked() and not s.intranet_address:
            return _("Enter the intranet address for QR codes that open its pages.")
        if s.intranet_address:
            try:
                links.site_address(s.intranet_address)
            except UserError as exc:
                return str(exc)
        return ""

    def accept(self) -> None:
        chosen = self.chosen()
        problem = self.problem(chosen)
        if problem:
            messages.show_warning(self, problem, _("Settings"))
            return
        save_settings(self.db, chosen)
        self.settings = chosen
        if chosen.language != self.original.language:
            messages.show_info(self, _("The new language is used after the program is restarted."))
        super().accept()


def combo(items: dict[str, str], current: str, translate: bool = False) -> QComboBox:
    box = QComboBox()
    for key, text in items.items():
        box.addItem(_(text) if translate else text, key)
    index = box.findData(current)
    if index < 0 and current:
        box.addItem(current, current)
        index = box.count() - 1
    box.setCurrentIndex(max(index, 0))
    return box


def spin(low: int, high: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


def form_page(rows) -> QWidget:
    page = QWidget()
    form = QFormLayout(page)
    for label, widget in rows:
        form.addRow(label, widget)
    return page
