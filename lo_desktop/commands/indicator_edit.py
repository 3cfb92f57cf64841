"""Changing the indicator 4.1 records from the command line, through the same core actions as the window
(core/indicator_actions.py): ``session add|edit|delete|restore``, ``channel list|add|edit|delete``,
``community list|add|edit|delete`` and ``agency list|rename|merge|delete``.
"""
from __future__ import annotations

from dataclasses import replace

from lo_desktop.core.errors import UserError
from lo_desktop.i18n import _, tr

SESSION_TEXTS = {"--date": "held_on", "--topic": "topic", "--format": "format", "--start": "start_time",
                 "--end": "end_time", "--place": "place", "--host": "host", "--agenda": "agenda",
                 "--learned": "learnings_ours", "--partner-learned": "learnings_theirs",
                 "--follow-up": "follow_up", "--attendance": "attendance"}


def register(subparsers) -> None:
    _register_sessions(subparsers)
    _register_channels(subparsers)
    _register_communities(subparsers)
    _register_agencies(subparsers)


def _group(subparsers, name: str, help_text: str):
    parser = subparsers.add_parser(name, help=help_text)
    return parser.add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True)


def _add(sub, name: str, help_text: str, func, *positionals: str):
    helps = {"id": _("its number (see the list)"), "code": _("the material's code"), "name": _("the name"),
             "agency": _("the agency's name or number")}
    p = sub.add_parser(name, help=help_text)
    for dest in positionals:
        p.add_argument(dest, help=helps[dest])
    p.set_defaults(func=func)
    return p


# --- sessions ----------------------------------------------------------------------------------------

def _register_sessions(subparsers) -> None:
    sub = _group(subparsers, "session", _("record an exchange session (add, edit, delete, restore)"))
    _session_options(_add(sub, "add", _("add an exchange session"), run_session_save))
    _session_options(_add(sub, "edit", _("change an exchange session (only what is given)"), run_session_save,
                          "id"))
    _add(sub, "delete", _("move an exchange session to the Trash"), run_session_delete, "id")
    _add(sub, "restore", _("bring an exchange session back from the Trash"), run_session_restore, "id")


def _session_options(p) -> None:
    for flag, dest in SESSION_TEXTS.items():
        p.add_argument(flag, dest=dest)
    p.add_argument("--partner", action="append", dest="partners", help=_("a partner agency (repeat for more)"))
    p.add_argument("--participant", action="append", dest="participants", metavar="NAME|POSITION|AGENCY")
    p.add_argument("--headcount", action="append", dest="headcounts", metavar="AGENCY=NUMBER")
    p.add_argument("--material", action="append", dest="materials", metavar="CODE",
                   help=_("a material the session stored (its code; repeat for more)"))
    p.add_argument("--photo", action="append", dest="photos", metavar="FILE", default=[])


def run_session_save(args, ctx) -> int:
    from lo_desktop.core.indicator import actions as indicator_actions
    from lo_desktop.core.indicator.sessions import get_session

    if getattr(args, "id", None) is None:
        session = indicator_actions.new_session(ctx.db)
    elif (session := get_session(ctx.db, _number(args.id))) is None or session.deleted_at:
        raise UserError(_("This exchange session no longer exists."))
    changed = replace(session, **_session_changes(ctx.db, args))
    saved = indicator_actions.save_exchange_session(ctx.db, changed, args.photos, args.attendance)
    print(tr("Saved exchange session number {id}.", id=saved.id))
    return 0


def _session_changes(db, args) -> dict:
    from lo_desktop.core.indicator.sessions import Participant
    from lo_desktop.core import vocab
    from lo_desktop.core.thaidate import parse_date

    texts = [dest for dest in SESSION_TEXTS.values() if dest not in ("held_on", "format", "attendance")]
    changes = {name: getattr(args, name) for name in texts if getattr(args, name) is not None}
    if args.held_on is not None:
        changes["held_on"] = parse_date(args.held_on)
    if args.format is not None:
        changes["format"] = vocab.key_for("session_format", args.format) or args.format
    if args.partners is not None:
        changes["partners"] = args.partners
    if args.participants is not None:
        changes["participants"] = [Participant(*(part.strip() for part in (text.split("|") + ["", ""])[:3]))
                                   for text in args.participants]
    if args.headcounts is not None:
        changes["headcounts"] = dict(_headcount(text) for text in args.headcounts)
    if args.materials is not None:
        changes["material_ids"] = _material_ids(db, args.materials)
    return changes


def _headcount(text: str) -> tuple[str, int]:
    agency, _sep, number = text.rpartition("=")
    if not agency.strip() or not number.strip().isdigit():
        raise UserError(tr("Cannot read the head count “{text}”. Type it like AGENCY=12.", text=text))
    return agency.strip(), int(number)


def _material_ids(db, codes: list[str]) -> list[int]:
    from lo_desktop.core.catalog.materials import get_material

    ids = []
    for code in codes:
        material = get_material(db, code)
        if material is None:
            raise UserError(tr("There is no material with the code {code}.", code=code))
        ids.append(material.id)
    return ids


def run_session_delete(args, ctx) -> int:
    from lo_desktop.core.indicator.actions import trash_exchange_session

    trash_exchange_session(ctx.db, _number(args.id))
    print(tr("Exchange session number {id} was moved to the Trash.", id=args.id))
    return 0


def run_session_restore(args, ctx) -> int:
    from lo_desktop.core.indicator.actions import restore_exchange_session

    restore_exchange_session(ctx.db, _number(args.id))
    print(tr("Exchange session number {id} was restored.", id=args.id))
    return 0


# --- distribution channels ---------------------------------------------------------------------------

def _register_channels(subparsers) -> None:
    sub = _group(subparsers, "channel", _("the channels a work manual was distributed through"))
    _add(sub, "list", _("list the channels of a material"), run_channel_list, "code")
    _channel_options(_add(sub, "add", _("record a channel of a material"), run_channel_save, "code"))
    _channel_options(_add(sub, "edit", _("change a channel (only what is given)"), run_channel_save, "id"))
    _add(sub, "delete", _("delete a channel"), run_channel_delete, "id")


def _channel_options(p) -> None:
    p.add_argument("--channel", help=_("the channel (website, line_group, printed, …)"))
    p.add_argument("--date", help=_("the date it was distributed"))
    p.add_argument("--link", help=_("a link to the evidence"))
    p.add_argument("--evidence", metavar="FILE", help=_("a file or photo as the evidence"))
    p.add_argument("--note")


def run_channel_list(args, ctx) -> int:
    from lo_desktop.core.indicator.channels import channels_of
    from lo_desktop.core import vocab
    from lo_desktop.core.thaidate import format_date

    for c in channels_of(ctx.db, _material_ids(ctx.db, [args.code])[0]):
        print(f"{c.id}\t{vocab.word('channel', c.channel)}\t{format_date(c.distributed_on)}\t"
              f"{c.evidence_link or c.evidence_name}\t{c.note}")
    return 0


def run_channel_save(args, ctx) -> int:
    from lo_desktop.core.indicator.channels import Channel, get_channel
    from lo_desktop.core import vocab
    from lo_desktop.core.indicator.actions import save_distribution_channel
    from lo_desktop.core.thaidate import parse_date

    if getattr(args, "code", None) is not None:
        channel = Channel(_material_ids(ctx.db, [args.code])[0], "", None)
    elif (channel := get_channel(ctx.db, _number(args.id))) is None:
        raise UserError(_("This distribution record no longer exists."))
    changes = {"evidence_link": args.link, "note": args.note}
    if args.channel is not None:
        changes["channel"] = vocab.key_for("channel", args.channel) or args.channel
    if args.date is not None:
        changes["distributed_on"] = parse_date(args.date)
    channel = replace(channel, **{k: v for k, v in changes.items() if v is not None})
    saved = save_distribution_channel(ctx.db, channel, args.evidence)
    print(tr("Saved channel number {id}.", id=saved.id))
    return 0


def run_channel_delete(args, ctx) -> int:
    from lo_desktop.core.indicator.actions import delete_distribution_channel

    delete_distribution_channel(ctx.db, _number(args.id))
    print(tr("Channel number {id} was deleted.", id=args.id))
    return 0


# --- communities of practice ---------------------------------------------------------------------------

def _register_communities(subparsers) -> None:
    sub = _group(subparsers, "community", _("communities of practice (CoP)"))
    _add(sub, "list", _("list the communities of practice"), run_community_list)
    _community_options(_add(sub, "add", _("add a community of practice"), run_community_save, "name"))
    p = _add(sub, "edit", _("change a community of practice (only what is given)"), run_community_save, "id")
    p.add_argument("--name")
    _community_options(p)
    _add(sub, "delete", _("delete a community of practice"), run_community_delete, "id")


def _community_options(p) -> None:
    p.add_argument("--member", action="append", dest="members", help=_("a member (repeat for more)"))
    p.add_argument("--material", action="append", dest="materials", metavar="CODE")


def run_community_list(args, ctx) -> int:
    from lo_desktop.core.indicator.communities import list_communities

    for c in list_communities(ctx.db):
        print(f"{c.id}\t{c.name}\t" + tr("{count} materials", count=len(c.material_ids)))
    return 0


def run_community_save(args, ctx) -> int:
    from lo_desktop.core.indicator.communities import Community, get_community
    from lo_desktop.core.indicator.actions import save_community_of_practice

    if getattr(args, "id", None) is None:
        community = Community(args.name)
    elif (community := get_community(ctx.db, _number(args.id))) is None:
        raise UserError(_("This community of practice no longer exists."))
    changes = {"name": args.name, "members": args.members,
               "material_ids": _material_ids(ctx.db, args.materials) if args.materials is not None else None}
    saved = save_community_of_practice(ctx.db, replace(community, **{k: v for k, v in changes.items()
                                                                      if v is not None}))
    print(tr("Saved community of practice number {id}.", id=saved.id))
    return 0


def run_community_delete(args, ctx) -> int:
    from lo_desktop.core.indicator.actions import delete_community_of_practice

    delete_community_of_practice(ctx.db, _number(args.id))
    print(tr("Community of practice number {id} was deleted.", id=args.id))
    return 0


# --- partner agencies ------------------------------------------------------------------------------------

def _register_agencies(subparsers) -> None:
    sub = _group(subparsers, "agency", _("partner agencies (list, rename, merge, delete)"))
    _add(sub, "list", _("list the partner agencies and how many sessions name each"), run_agency_list)
    p = _add(sub, "rename", _("correct the name of a partner agency"), run_agency_rename, "agency", "name")
    p.add_argument("--short", default="", help=_("its short name"))
    p = _add(sub, "merge", _("make one agency part of another (the same agency spelled two ways)"),
             run_agency_merge, "agency")
    p.add_argument("--into", required=True, metavar="AGENCY", help=_("the agency to keep"))
    _add(sub, "delete", _("delete a partner agency no session names"), run_agency_delete, "agency")


def run_agency_list(args, ctx) -> int:
    from lo_desktop.core.indicator.agencies import agencies_with_use

    for agency, used in agencies_with_use(ctx.db):
        print(f"{agency.id}\t{agency.name}\t{agency.short_name}\t" + tr("{count} sessions", count=used))
    return 0


def run_agency_rename(args, ctx) -> int:
    from lo_desktop.core.indicator.actions import find_partner_agency, rename_partner_agency

    agency = rename_partner_agency(ctx.db, find_partner_agency(ctx.db, args.agency).id, args.name, args.short)
    print(tr("The agency is now called “{name}”.", name=agency.name))
    return 0


def run_agency_merge(args, ctx) -> int:
    from lo_desktop.core.indicator.actions import find_partner_agency, merge_partner_agencies

    other, keep = find_partner_agency(ctx.db, args.agency), find_partner_agency(ctx.db, args.into)
    kept = merge_partner_agencies(ctx.db, keep.id, other.id)
    print(tr("“{other}” was merged into “{keep}”.", other=other.name, keep=kept.name))
    return 0


def run_agency_delete(args, ctx) -> int:
    from lo_desktop.core.indicator.actions import delete_partner_agency, find_partner_agency

    agency = find_partner_agency(ctx.db, args.agency)
    delete_partner_agency(ctx.db, agency.id)
    print(tr("The agency “{name}” was deleted.", name=agency.name))
    return 0


# --- helpers -------------------------------------------------------------------------------------------

def _number(text: str) -> int:
    if not str(text).strip().isdigit():
        raise UserError(tr("“{text}” is not a number.", text=text))
    return int(text)
