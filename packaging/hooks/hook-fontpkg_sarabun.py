"""The Sarabun font files (lo_desktop/fonts.py reads them from ``fontpkg_sarabun.ROOT / "files"``)."""
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("fontpkg_sarabun")
