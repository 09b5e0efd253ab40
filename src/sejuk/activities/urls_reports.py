"""Coverage pages and exports (kept apart from the intake pages in urls.py)."""

urlpatterns: list = []
