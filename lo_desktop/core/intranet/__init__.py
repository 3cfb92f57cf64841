"""The read-only intranet catalog: a snapshot of the database shaped for colleagues, served by Datasette."""
