"""The HTTP API and dashboard server (`tidings serve`): see ``app.create_app``."""
