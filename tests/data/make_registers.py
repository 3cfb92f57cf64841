"""Make the small .xls and .ods registers in this folder (run again after changing register_shapes.py).

    python tests/data/make_registers.py

openpyxl writes .xlsx only; LibreOffice (soffice --headless --convert-to) turns that .xlsx into the
Excel 97–2003 and OpenDocument files a district PC also holds. The outputs are a few kB and kept.
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "core"))

from register_shapes import COVER, REGISTER, write_xlsx  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = write_xlsx(Path(folder) / "register_two_sheets.xlsx", {"สรุป": COVER, "ทะเบียน": REGISTER})
        for kind in ("xls", "ods"):
            profile = Path(folder, "profile").as_uri()  # its own profile: another soffice may be running
            subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", kind,
                            "--outdir", folder, str(source)], check=True, capture_output=True, timeout=120)
            shutil.copy(Path(folder) / f"register_two_sheets.{kind}", HERE)
            print(HERE / f"register_two_sheets.{kind}")


if __name__ == "__main__":
    main()
