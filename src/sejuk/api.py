"""The django-ninja API object; each app mounts its router here."""

from ninja import NinjaAPI

from sejuk.accounts.api import router as auth_router
from sejuk.regions.api import router as regions_router
from sejuk.units.api import router as units_router

api = NinjaAPI(
    title="Sejuk API",
    version="1",
    description="API Sejuk (cooling system Polri). Semua data dibatasi wilayah hukum pengguna.",
    urls_namespace="api",
)
api.add_router("/auth", auth_router)
api.add_router("/regions", regions_router)
api.add_router("/units", units_router)
