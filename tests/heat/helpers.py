"""Builders and hypothesis strategies shared by the heat engine's tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from sejuk.heat import (
    IKP_BANDS,
    PHASE_KINDS,
    SEVERITIES,
    AreaContext,
    EngagementFact,
    HeatConfig,
    IncidentFact,
    PhaseWindow,
)

KLARI = "32.15.05"  # Kecamatan Klari, Kabupaten Karawang, Jawa Barat
DAY = dt.date(2024, 11, 28)  # the day after the 27 Nov 2024 Pilkada vote


def days_before(n: int, day: dt.date = DAY) -> dt.date:
    return day - dt.timedelta(days=n)


def context(code: str = KLARI, **overrides: object) -> AreaContext:
    return AreaContext(code=code, **overrides)


def incident(
    severity: str,
    age: int = 0,
    verified: bool = True,
    resolved_age: int | None = None,
    code: str = KLARI,
    ref: int | None = None,
) -> IncidentFact:
    """An incident `age` days before DAY; resolved `resolved_age` days before DAY if given."""
    resolved_on = days_before(resolved_age) if resolved_age is not None else None
    return IncidentFact(code, days_before(age), severity, verified, resolved_on is not None, resolved_on, ref)


def engaged(figure: int, influence: int, age: int = 0, code: str = KLARI) -> EngagementFact:
    return EngagementFact(code, days_before(age), figure, influence)


def phase(kind: str, start_age: int, end_age: int | None = None, prefix: str = "") -> PhaseWindow:
    end_age = start_age if end_age is None else end_age
    return PhaseWindow(kind, days_before(start_age), days_before(end_age), prefix)


# Hypothesis strategies -----------------------------------------------------------------

contexts = st.builds(
    AreaContext,
    code=st.just(KLARI),
    ikp_band=st.sampled_from((None, *IKP_BANDS)),
    race_margin=st.one_of(st.none(), st.floats(0, 100, allow_nan=False)),
    disputed=st.booleans(),
    revote=st.booleans(),
    figures_by_influence=st.tuples(*[st.integers(0, 40)] * 5),
)

incidents = st.builds(
    incident,
    severity=st.sampled_from(SEVERITIES),
    age=st.integers(-5, 120),
    verified=st.booleans(),
    resolved_age=st.one_of(st.none(), st.integers(-5, 60)),
)

engagements = st.builds(
    engaged,
    figure=st.integers(0, 30),
    influence=st.integers(1, 5),
    age=st.integers(-3, 40),
)


@st.composite
def phases(draw: st.DrawFn) -> PhaseWindow:
    start = draw(st.integers(-30, 40))
    return phase(
        draw(st.sampled_from(PHASE_KINDS)),
        start,
        start - draw(st.integers(0, 10)),
        draw(st.sampled_from(("", "32", "32.15", KLARI, "33", "32.15.05.2001"))),
    )


@st.composite
def configs(draw: st.DrawFn) -> HeatConfig:
    """Any valid configuration: the engine's promises must not rest on the defaults."""
    points = st.floats(0, 60, allow_nan=False)
    severity = sorted(draw(st.lists(points, min_size=3, max_size=3)))
    unresolved = sorted(draw(st.lists(points, min_size=3, max_size=3)))
    hangat = draw(st.floats(1, 90, allow_nan=False))
    values = {
        **{f"incident_{s}": p for s, p in zip(SEVERITIES, severity, strict=True)},
        **{f"unresolved_{s}": p for s, p in zip(SEVERITIES, unresolved, strict=True)},
        **{f"ikp_{b}": draw(points) for b in (*IKP_BANDS, "unknown")},
        **{f"phase_{k}": draw(points) for k in PHASE_KINDS},
        "race_points_max": draw(points),
        "disputed_points": draw(points),
        "revote_points": draw(points),
        "cooling_points_max": draw(points),
        "influential_from": draw(st.integers(1, 5)),
        "incident_half_life_days": draw(st.floats(0.5, 60)),
        "engagement_half_life_days": draw(st.floats(0.5, 30)),
        "phase_lead_days": draw(st.integers(0, 30)),
        "phase_tail_days": draw(st.integers(0, 30)),
        "hangat_from": hangat,
        "panas_from": draw(st.floats(hangat + 0.5, 100)) if hangat < 99.5 else 100.0,
    }
    return HeatConfig.from_dict(values)
