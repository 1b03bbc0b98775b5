"""The dashboard: static files served at ``/`` by the API server, with its charting library
vendored from npm (``vendor.py``) so that it works offline."""
