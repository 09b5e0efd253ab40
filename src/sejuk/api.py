"""The django-ninja API object; each app mounts its router here."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.errors import ValidationError as SchemaError

from sejuk.accounts.api import router as auth_router
from sejuk.activities.api import router as activities_router
from sejuk.activities.coverage_api import router as coverage_router
from sejuk.activities.intake_api import router as intake_router
from sejuk.core import api_errors
from sejuk.elections.api import router as elections_router
from sejuk.figures.api import router as figures_router
from sejuk.heat.api import router as heat_router
from sejuk.incidents.api import router as incidents_router
from sejuk.press.api import router as press_router
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
api.add_router("/figures", figures_router)
api.add_router("/activities", activities_router)
api.add_router("/intake", intake_router)
api.add_router("/coverage", coverage_router)
api.add_router("/elections", elections_router)
api.add_router("/incidents", incidents_router)
api.add_router("/press", press_router)
api.add_router("/heat", heat_router)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    """Service-level validation: 422 with every problem per field, in the user's language."""
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(
        request, {"detail": " ".join(m for ms in errors.values() for m in ms), "errors": errors}, status=422
    )


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc: PermissionDenied):
    return api.create_response(request, {"detail": str(exc) or "Forbidden"}, status=403)


@api.exception_handler(SchemaError)
def schema_error(request, exc: SchemaError):
    """Pydantic's problems with the request, in the same shape and language as the services' 422."""
    return api.create_response(request, api_errors.describe(exc.errors), status=422)


@api.exception_handler(Http404)
def not_found(request, exc: Http404):
    return api.create_response(request, {"detail": api_errors.not_found_detail()}, status=404)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    detail = api_errors.http_error_detail(exc.status_code, str(exc))
    return api.create_response(request, {"detail": detail}, status=exc.status_code)
