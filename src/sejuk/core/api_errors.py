"""Errors of the API in the user's language, in one shape.

django-ninja answers schema problems with pydantic's English messages and a list of locations,
unknown records with "Not Found: No Activity matches the given query.", a body that is not JSON with
"Cannot parse request body". A field officer's phone app shows whatever `detail` says, so every
error here becomes the same shape as the services' own 422 answers:

    {"detail": "<one sentence per problem>", "errors": {"<field>": ["<message>", ...]}}

`detail` is always a string; `errors` is there when a field is to blame.
"""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

# The first part of a location only says where the field came from; `payload` is our body
# parameters' name. What is left names the field as the client sent it ("figures.0.name").
_LOCATION_PREFIXES = {"body", "query", "path", "header", "cookie", "form", "file", "payload"}


def field_name(location) -> str:
    parts = [str(p) for p in location]
    while parts and parts[0] in _LOCATION_PREFIXES:
        parts.pop(0)
    return ".".join(parts) or "__all__"


def _choices(ctx: dict) -> str:
    expected = str(ctx.get("expected", ""))
    return expected.replace("' or '", "', '")


def message_for(problem: dict) -> str:
    """One pydantic problem in words the user understands; unknown kinds keep pydantic's text."""
    kind = problem.get("type", "")
    ctx = problem.get("ctx") or {}
    if kind == "missing":
        return _("A value is required here.")
    if kind in {"string_type", "string_unicode"}:
        return _("Must be text.")
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return _("Must be a whole number.")
    if kind in {"float_type", "float_parsing", "decimal_type", "decimal_parsing", "finite_number"}:
        return _("Must be a number.")
    if kind in {"bool_type", "bool_parsing"}:
        return _("Must be true or false.")
    if kind.startswith("datetime") or kind.startswith("timezone"):
        return _("Not a valid date and time; write it as 2024-11-28T10:00:00+07:00.")
    if kind.startswith("date"):
        return _("Not a valid date; write it as 2024-11-28.")
    if kind.startswith("time"):
        return _("Not a valid time; write it as 10:00.")
    if kind in {"list_type", "tuple_type", "set_type", "iterable_type"}:
        return _("Must be a list.")
    if kind in {"dict_type", "model_type", "model_attributes_type", "dataclass_type"}:
        return _("Must be an object with named fields.")
    if kind in {"string_too_long", "too_long"}:
        return _("Too long: at most %(limit)s.") % {"limit": ctx.get("max_length", "?")}
    if kind in {"string_too_short", "too_short"}:
        return _("Too short: at least %(limit)s.") % {"limit": ctx.get("min_length", "?")}
    if kind in {"greater_than", "greater_than_equal"}:
        return _("Must be at least %(limit)s.") % {"limit": ctx.get("gt", ctx.get("ge", "?"))}
    if kind in {"less_than", "less_than_equal"}:
        return _("Must be at most %(limit)s.") % {"limit": ctx.get("lt", ctx.get("le", "?"))}
    if kind in {"enum", "literal_error"}:
        return _("Unknown choice; use one of: %(choices)s.") % {"choices": _choices(ctx)}
    if kind == "extra_forbidden":
        return _("Unknown field.")
    if kind in {"uuid_type", "uuid_parsing"}:
        return _("Must be a UUID.")
    if kind == "json_invalid":
        return _("The request body is not valid JSON.")
    if kind in {"value_error", "assertion_error"}:
        # Our own validators already speak the user's language; pydantic prefixes its words.
        text = str(problem.get("msg", ""))
        for prefix in ("Value error, ", "Assertion failed, "):
            text = text.removeprefix(prefix)
        return text
    return _("Invalid value (%(reason)s).") % {"reason": problem.get("msg", kind)}


def describe(problems: list[dict]) -> dict:
    """The body of a 422 for pydantic problems: a sentence and the messages per field."""
    errors: dict[str, list[str]] = {}
    for problem in problems:
        errors.setdefault(field_name(problem.get("loc", ())), []).append(message_for(problem))
    sentences = [f"{field}: {' '.join(messages)}" for field, messages in errors.items()]
    return {"detail": " ".join(sentences), "errors": errors}


def not_found_detail() -> str:
    # Same words whether the record does not exist or lies outside the caller's area.
    return _("Not found: there is no such record in your area.")


def http_error_detail(status: int, message: str) -> str:
    """ninja's own English messages translated; ours pass through unchanged."""
    if message.startswith("Cannot parse request body"):
        return _("The request body is not valid JSON.")
    if status == 401 and message == "Unauthorized":
        return unauthorized_detail()
    if status == 403 and message == "Forbidden":
        return _("Your role may not do this.")
    if status == 429 and message.startswith("Too many requests"):
        return _("Too many requests; try again shortly.")
    return message


def unauthorized_detail() -> str:
    return _("Sign in first: send a valid API token as 'Authorization: Bearer <token>'.")


def method_not_allowed(allowed: str) -> JsonResponse:
    detail = _("This address does not accept that method; it accepts: %(methods)s.") % {"methods": allowed}
    response = JsonResponse({"detail": detail}, status=405)
    response["Allow"] = allowed
    return response


def unknown_endpoint(request, rest: str = "") -> JsonResponse:
    """Any address under /api/v1/ that no endpoint serves: JSON, not the site's HTML page."""
    return JsonResponse({"detail": _("No such API address; see /api/v1/docs for the list.")}, status=404)


class ApiMethodNotAllowedMiddleware:
    """ninja answers a wrong method with a bare text 405; API clients get JSON in their language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 405
            and request.path.startswith("/api/")
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            return method_not_allowed(response.get("Allow", ""))
        return response
