"""Exchange packages: a session or chosen materials carried to another corner."""
