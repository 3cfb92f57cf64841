"""Intranet commands: publish the colleagues' catalog (a snapshot) and serve it read-only with Datasette.

The same publishing function as the window (core/intranet/snapshot.publish_snapshot), and the same
recording of the intranet as a distribution channel (core/indicator/actions.record_intranet_publication).
"""
from __future__ import annotations

from lo_desktop.i18n import _, tr


def register(subparsers) -> None:
    p = subparsers.add_parser("publish", help=_("write the read-only catalog colleagues see on the intranet"))
    p.add_argument("--record-channel", action="store_true",
                   help=_("also record the intranet as a distribution channel of the published work manuals "
                          "(indicator 4.1), today, for those not yet recorded in this fiscal year"))
    p.set_defaults(func=run_publish)
    p = subparsers.add_parser("serve", help=_("serve the published catalog on the intranet (Datasette)"))
    p.add_argument("--port", type=int, default=8001, help=_("the port colleagues open (8001 unless told)"))
    p.add_argument("--host", default="127.0.0.1",
                   help=_("the address to listen on; 0.0.0.0 for every colleague on the network"))
    p.add_argument("--publish", action="store_true", help=_("publish a fresh snapshot first"))
    p.set_defaults(func=run_serve)


def run_publish(args, ctx) -> int:
    from lo_desktop.core.intranet.snapshot import publish_snapshot

    path = publish_snapshot(ctx.corner.path)
    print(tr("Published the catalog to {path}. A running intranet service shows it from the next page "
             "a colleague opens.", path=path))
    if args.record_channel:
        from lo_desktop.core.indicator.actions import record_intranet_publication

        made = record_intranet_publication(ctx.db)
        print(tr("Recorded the intranet as a channel of {count} work manual(s).", count=len(made)))
    return 0


def run_serve(args, ctx) -> int:
    from lo_desktop.core.intranet.site import close_site, make_datasette
    from lo_desktop.core.intranet.snapshot import publish_snapshot, snapshot_path

    path = snapshot_path(ctx.corner.path)
    if args.publish or not path.exists():
        path = publish_snapshot(ctx.corner.path)
    path = path.resolve()
    ds = make_datasette(path)
    import uvicorn  # comes with Datasette

    print(tr("Serving {path} at http://{host}:{port}/catalog/materials", path=path, host=args.host, port=args.port))
    try:
        uvicorn.run(ds.app(), host=args.host, port=args.port, log_level="warning")
    finally:
        close_site(ds)
    return 0
