import os

# Set before anything imports Qt or reads the data folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LO_DESKTOP_LANG"] = "th"

import pytest  # noqa: E402

from lo_desktop import i18n  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Every test gets its own data folder and the Thai interface."""
    monkeypatch.setenv("LO_DESKTOP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("LO_DESKTOP_DB", raising=False)
    i18n.set_language("th")
    yield
    i18n.set_language("th")


@pytest.fixture
def db(tmp_path):
    from lo_desktop.core.db import open_database

    database = open_database(tmp_path / "corner.db")
    yield database
    database.close()


@pytest.fixture
def demo_db(tmp_path):
    from lo_desktop.core.db import open_database
    from lo_desktop.core.sample.corner import load_demo

    database = open_database(tmp_path / "demo.db")
    load_demo(database)
    yield database
    database.close()


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes recorded (their text) instead of shown: a modal box would block the test."""
    from lo_desktop.ui.common import messages

    shown = []
    record = lambda parent, icon, title, text, *a, **k: shown.append(text)  # noqa: E731
    monkeypatch.setattr(messages, "show", record)
    monkeypatch.setattr(messages, "notify", record)
    return shown


@pytest.fixture(scope="session", autouse=True)
def thai_dictionary():
    """The Thai dictionary loaded once, up front: the window shows text unbroken until it is (it never
    waits for it), and a test must not depend on how fast a background thread was."""
    from lo_desktop.labels import thai_wrap

    thai_wrap.words("การ")


@pytest.fixture(scope="session", autouse=True)
def main_thread_collector(qapp):
    """As in the program (ui/common/collector.py): reference cycles are collected on the main thread,
    never by a worker thread that would destroy Qt objects there."""
    from lo_desktop.ui.common import collector

    return collector.install(qapp)


@pytest.fixture(autouse=True)
def cycles_collected_after_each_test(main_thread_collector):
    yield
    main_thread_collector.collect()
