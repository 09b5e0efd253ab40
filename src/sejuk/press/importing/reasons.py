"""Why a part matched, or why it is only a candidate: codes stored with the import, words shown.

Every code used by the matchers is listed here; `describe` words it in the reader's language.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

REASONS = {
    # units
    "unit_unique": _("The only registered unit of this name under the units the release names."),
    "unit_same_name": _("One of several registered units of this name."),
    "unit_several_named": _("The release names several units at this level."),
    "unit_parent_only": _("%(named)s is not registered; this is the registered unit above it."),
    "unit_importer": _("The release names no registered unit; this is your own unit."),
    # places
    "region_unique": _("The only place of this name in the chain of places the release gives."),
    "region_unique_in_unit_area": _("The only place of this name in the area of %(unit)s."),
    "region_same_name": _("One of several places of this name; the release does not say which."),
    "region_several_named": _("The release names several places."),
    "region_unit_area": _("The release names no kecamatan; the only kecamatan in the area of %(unit)s."),
    "region_in_unit_area": _("A kecamatan in the area of %(unit)s."),
    "region_outside_unit": _("%(place)s is outside the area of %(unit)s."),
    # date
    "date_in_text": _("The date of the activity as the release states it."),
    "date_published": _("The publication date: the release states no date of the activity."),
    # activity type
    "type_only": _("The only kind of activity the release describes."),
    "type_several": _("The release describes several kinds of activity; the most specific first."),
    # officers
    "officer_unique": _("The only active officer of this name in %(unit)s and the units below it."),
    "officer_rank": _("Several officers of this name; the only one with the rank %(rank)s."),
    "officer_same_name": _("One of several officers of this name."),
    "officer_partial": _("The name matches only in part."),
    "officer_not_found": _("No registered officer of this name in %(unit)s and the units below it."),
    # figures
    "figure_unique": _("The only figure of this name in kecamatan %(place)s."),
    "figure_same_name": _("One of several figures of this name in kecamatan %(place)s."),
    "figure_other_kecamatan": _("A figure of this name in another kecamatan (%(place)s)."),
    "figure_no_kecamatan": _("A figure of this name in your area; the kecamatan is not certain."),
    "figure_new": _("Not in the registry: kept as a figure to confirm, never created silently."),
}


def describe(code: str, params: dict | None = None) -> str:
    """The reason in the current language; an unknown code is shown as it is."""
    template = REASONS.get(code)
    if template is None:
        return code
    text = str(template)
    return text % params if params and "%(" in text else text
