"""Indicator 4.1 components as plain JSON (the CLI's --json and anything else that wants data)."""
from __future__ import annotations

from lo_desktop.core import vocab
from lo_desktop.core.thaidate import format_date


def component_json(c) -> dict:
    data = {"number": c.number, "title": c.title, "met": c.met, "gaps": [g.text for g in c.gaps],
            "gap_targets": [{"kind": g.target_kind, "id": g.target_id} for g in c.gaps]}
    data.update(c.figures)
    if c.number == 1:
        data["items"] = [_manual(m, chans) for m, chans in c.manuals]
    elif c.number == 2:
        data["km_items"] = [_material(m) for m in c.km_items]
        data["cop_items"] = [_material(m) for m in c.cop_items]
    else:
        data["items"] = [_session(s, materials) for s, materials in c.sessions]
    return data


def _material(m) -> dict:
    return {"id": m.id, "code": m.code, "title": m.title}


def _manual(m, channels) -> dict:
    distinct = list(dict.fromkeys(ch.channel for ch in channels))
    return _material(m) | {"met": len(distinct) >= 2, "channels": [
        {"channel": ch.channel, "label": vocab.word("channel", ch.channel), "date": format_date(ch.distributed_on),
         "distributed_on": ch.distributed_on.isoformat(), "evidence_link": ch.evidence_link}
        for ch in channels]}


def _session(s, materials) -> dict:
    return {"id": s.id, "date": format_date(s.held_on), "held_on": s.held_on.isoformat(), "topic": s.topic,
            "partners": s.partners, "counted": bool(materials), "materials": [_material(m) for m in materials]}
