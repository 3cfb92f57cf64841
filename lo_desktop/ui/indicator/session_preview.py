"""A session as a short HTML page for the preview pane (dates BE, texts escaped, Thai breakable between
words: ui/common/thai_text.py)."""
from __future__ import annotations

from html import escape as _escape

from lo_desktop.core import vocab
from lo_desktop.core.thaidate import format_date
from lo_desktop.i18n import _, tr
from lo_desktop.ui.common.thai_text import breakable


def escape(text: str) -> str:
    return _escape(breakable(text))


def _section(title: str, text: str) -> str:
    if not text.strip():
        return ""
    body = escape(text).replace("\n", "<br>")
    return f"<h4 style='margin-bottom:2px'>{escape(title)}</h4><p style='margin-top:0'>{body}</p>"


def preview_html(session, materials) -> str:
    when = format_date(session.held_on)
    if session.start_time:
        when += " " + tr("{start}–{end}", start=session.start_time, end=session.end_time or "…")
    counts = ", ".join(f"{escape(agency or _('(agency not given)'))} {n}"
                       for agency, n in session.headcounts_by_agency().items())
    parts = [
        f"<h3 style='margin-bottom:2px'>{escape(session.topic)}</h3>",
        f"<p style='margin-top:0;color:#505050'>{escape(when)} · {escape(vocab.word('session_format', session.format))}"
        f"<br>{escape(session.place)}</p>",
        f"<p><b>{escape(_('Partner agencies'))}:</b> {escape(', '.join(session.partners))}<br>"
        f"<b>{escape(_('Participants'))}:</b> {session.total_headcount()} ({counts})</p>",
        _section(_("What we learned"), session.learnings_ours),
        _section(_("What the partner learned"), session.learnings_theirs),
        _section(_("Follow-up actions"), session.follow_up),
        f"<h4 style='margin-bottom:2px'>{escape(_('Stored materials'))}</h4>",
    ]
    if materials:
        items = "".join(f"<li><a href='material:{m.id}'>{escape(m.code)}</a> {escape(m.title)}</li>"
                        for m in materials)
        parts.append(f"<ul style='margin-top:0'>{items}</ul>")
    else:
        missing = _("No material stored in the corner yet: link one under “Stored materials”.")
        parts.append(f"<p style='color:#b71c1c;margin-top:0'>{escape(missing)}</p>")
    return "".join(parts)
