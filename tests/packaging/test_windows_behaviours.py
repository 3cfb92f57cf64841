"""What a Windows install relies on: the data folder under %LOCALAPPDATA%, and a double-clicked
.lobackup / .lopackage (the installer's file associations) opening the program on that file."""
from pathlib import Path

import pytest

from lo_desktop import cli, paths

CLERK = Path("C:/Users/สมศรี ใจดี")  # a Thai user name with a space


def windows_platformdirs(monkeypatch, home: Path):
    """platformdirs as it answers on Windows: roaming=True is %APPDATA%, False is %LOCALAPPDATA%."""
    import platformdirs

    def user_data_dir(name, appauthor=None, roaming=False):
        return str(home / "AppData" / ("Roaming" if roaming else "Local") / name)

    monkeypatch.setattr(platformdirs, "user_data_dir", user_data_dir)
    monkeypatch.delenv("LO_DESKTOP_DATA_DIR", raising=False)


def test_the_data_folder_is_under_localappdata(monkeypatch):
    windows_platformdirs(monkeypatch, CLERK)
    assert paths.data_dir() == CLERK / "AppData" / "Local" / "lo-desktop"
    assert paths.default_db_path() == CLERK / "AppData" / "Local" / "lo-desktop" / "lo-desktop.db"


def test_a_corner_an_earlier_version_kept_in_roaming_appdata_stays_there(monkeypatch, tmp_path):
    home = tmp_path / "สมศรี ใจดี"
    windows_platformdirs(monkeypatch, home)
    earlier = home / "AppData" / "Roaming" / "lo-desktop"
    earlier.mkdir(parents=True)
    (earlier / "lo-desktop.db").write_bytes(b"")
    assert paths.data_dir() == earlier


@pytest.mark.parametrize("argv, rest, opened", [
    (["C:/Users/สมศรี ใจดี/Downloads/บางนา 2556.lopackage"], [], "C:/Users/สมศรี ใจดี/Downloads/บางนา 2556.lopackage"),
    (["--db", "D:/มุม ความรู้.db", "x.LOBACKUP"], ["--db", "D:/มุม ความรู้.db"], "x.LOBACKUP"),
    (["restore", "x.lobackup"], ["restore", "x.lobackup"], None),
    (["package", "import", "x.lopackage"], ["package", "import", "x.lopackage"], None),
    (["--db", "odd.lobackup"], ["--db", "odd.lobackup"], None),
    (["--demo"], ["--demo"], None),
])
def test_a_file_argument_is_told_from_a_command(argv, rest, opened):
    assert cli.split_file_argument(argv) == (rest, opened)


def test_the_window_is_started_with_the_double_clicked_file(monkeypatch):
    import lo_desktop.app

    started = []
    monkeypatch.setattr(lo_desktop.app, "run_window", lambda ctx: started.append(ctx.args) or 0)
    assert cli.main(["C:/งาน/บางนา 2556.lopackage"]) == 0
    assert started[0].command is None and started[0].open_file == "C:/งาน/บางนา 2556.lopackage"


def test_commands_still_take_their_own_file(monkeypatch, tmp_path, capsys):
    assert cli.main(["--db", str(tmp_path / "c.db"), "restore", str(tmp_path / "none.lobackup")]) != 0
    assert "Traceback" not in capsys.readouterr().err
