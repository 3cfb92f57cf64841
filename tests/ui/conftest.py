import pytest


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes recorded (their text) instead of shown: a modal box would block the test."""
    from lo_desktop.ui.common import messages

    shown = []
    record = lambda parent, icon, title, text, *a, **k: shown.append(text)  # noqa: E731
    monkeypatch.setattr(messages, "show", record)
    monkeypatch.setattr(messages, "notify", record)
    return shown
