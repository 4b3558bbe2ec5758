"""WSGI entry for any server: ``gunicorn service.wsgi:app``."""
from .app import create_app
from .engine import warm_up

warm_up()
app = create_app()
