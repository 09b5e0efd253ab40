"""Dates and times in chat reports: the forms officers type, and the checks on them."""

from __future__ import annotations

from datetime import date, time

import pytest

from sejuk.activities.intake import parse_message
from sejuk.activities.intake.dates import latest_not_after, read_date

TODAY = date(2024, 11, 28)  # Kamis, the day after the Pilkada vote


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("28/11/2024", date(2024, 11, 28)),
        ("28-11-2024", date(2024, 11, 28)),
        ("28.11.2024", date(2024, 11, 28)),
        ("28/11/24", date(2024, 11, 28)),
        ("1/9/2024", date(2024, 9, 1)),
        ("28/11", date(2024, 11, 28)),
        ("27-11", date(2024, 11, 27)),
        ("28 Nov 2024", date(2024, 11, 28)),
        ("28 nov '24", date(2024, 11, 28)),
        ("28-Nov-2024", date(2024, 11, 28)),
        ("28 november", date(2024, 11, 28)),
        ("28 Nopember 2024", date(2024, 11, 28)),
        ("17 Agustus 2024", date(2024, 8, 17)),
        ("5 Okt 2024", date(2024, 10, 5)),
        ("hari ini", date(2024, 11, 28)),
        ("HARI INI", date(2024, 11, 28)),
        ("kemarin", date(2024, 11, 27)),
        ("kmrn", date(2024, 11, 27)),
        ("kemarin lusa", date(2024, 11, 26)),
        ("Kamis (28/11/2024)", date(2024, 11, 28)),
        ("Kamis, 28 November 2024", date(2024, 11, 28)),
        ("Tgl. 28/11/2024", date(2024, 11, 28)),
    ],
)
def test_every_usual_date_form_is_read(written, expected):
    reading = read_date(written, TODAY)

    assert reading.day == expected
    assert reading.leftover == ""
    assert [p for p in reading.problems if p.code != "date.old"] == []


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("28/11", date(2024, 11, 28)),  # today itself
        ("29/11", date(2023, 11, 29)),  # tomorrow's day: last year
        ("31/12", date(2023, 12, 31)),
        ("1/1", date(2024, 1, 1)),
        ("29/02", date(2024, 2, 29)),
        ("2 Desember", date(2023, 12, 2)),
    ],
)
def test_a_date_without_a_year_is_the_most_recent_such_day_not_after_today(written, expected):
    assert read_date(written, TODAY).day == expected


def test_the_29th_of_february_looks_back_to_the_last_leap_year():
    assert latest_not_after(29, 2, date(2025, 6, 1), "29/02") == (date(2024, 2, 29), None)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("jam 19.30", time(19, 30)),
        ("pukul 09:00", time(9, 0)),
        ("pkl 9", time(9, 0)),
        ("Pukul 09.00 WIB", time(9, 0)),
        ("19:30", time(19, 30)),
        ("jam 7 malam", time(7, 0)),
    ],
)
def test_a_time_is_read_when_marked_or_written_with_a_colon(written, expected):
    assert read_date(written, TODAY).at == expected


def test_date_and_time_in_one_segment_are_both_read():
    reading = read_date("Kamis (28/11/2024) pukul 19.30 WIB", TODAY)

    assert (reading.day, reading.at, reading.leftover) == (date(2024, 11, 28), time(19, 30), "")


def test_a_weekday_that_does_not_match_the_date_is_an_error():
    parsed = parse_message("sambang / Jumat (28/11/2024) / Desa Duren", today=TODAY)

    (problem,) = parsed.errors
    assert problem.code == "date.weekday_mismatch"
    assert problem.message_id == "Hari tidak cocok: 28/11/2024 adalah Kamis, bukan Jumat ('Jumat')."
    assert problem.message_en == "Weekday does not match: 28/11/2024 is a Thursday, not a Friday ('Jumat')."


@pytest.mark.parametrize("weekday", ["Kamis", "kamis", "KAMIS", "Thursday"])
def test_a_matching_weekday_in_any_case_is_accepted(weekday):
    assert read_date(f"{weekday} 28/11/2024", TODAY).problems == ()


def test_a_weekday_alone_means_the_latest_such_day_with_a_warning():
    reading = read_date("Senin", TODAY)

    assert reading.day == date(2024, 11, 25)
    assert [p.code for p in reading.problems] == ["date.weekday_only"]


@pytest.mark.parametrize("written", ["29/11/2024", "besok", "lusa", "1 Des 2024", "28/11/2025"])
def test_a_date_after_today_is_an_error(written):
    reading = read_date(written, TODAY)

    assert [p.code for p in reading.problems] == ["date.future"]
    assert "hari ini 28/11/2024" in reading.problems[0].message_id


@pytest.mark.parametrize(
    ("written", "reason_id"),
    [
        ("31/02/2024", "Februari 2024 hanya 29 hari"),
        ("29/02/2023", "Februari 2023 hanya 28 hari"),
        ("31/04/2024", "April 2024 hanya 30 hari"),
        ("00/11/2024", "November 2024 hanya 30 hari"),
        ("12/13/2024", "bulan 13 tidak ada"),
        ("28/11/202", "tahun 202 tidak lengkap"),
        ("31/02", "Februari 2024 hanya 29 hari"),
        ("32 Nov 2024", "November 2024 hanya 30 hari"),
    ],
)
def test_an_impossible_date_is_an_error_that_says_why(written, reason_id):
    reading = read_date(written, TODAY)

    assert reading.day is None
    (problem,) = reading.problems
    assert problem.code == "date.impossible"
    assert problem.message_id == f"Tanggal tidak dikenali: '{written}' ({reason_id})."


@pytest.mark.parametrize("written", ["jam 25.00", "pukul 19.75", "24:00"])
def test_an_impossible_time_is_an_error(written):
    assert [p.code for p in read_date(written, TODAY).problems] == ["time.invalid"]


def test_an_old_date_is_accepted_with_a_warning_to_check_the_year():
    parsed = parse_message("patroli / 28/11/2023 / Desa Duren", today=TODAY)

    assert parsed.ok and parsed.activity_date == date(2023, 11, 28)
    assert [p.code for p in parsed.warnings] == ["date.old"]
    assert parsed.warnings[0].message_id == "Tanggal 28/11/2023 sudah 366 hari lalu. Pastikan tahunnya benar."


def test_words_around_a_date_are_left_over_for_other_fields():
    reading = read_date("28/11/2024 di Desa Duren", TODAY)

    assert (reading.day, reading.leftover) == (date(2024, 11, 28), "di Desa Duren")


@pytest.mark.parametrize("address", ["RT 02/03", "rw 5/6", "No. 12/4"])
def test_a_house_number_with_a_slash_is_not_a_date(address):
    assert read_date(address, TODAY).day is None


def test_a_time_label_segment_sets_the_time():
    parsed = parse_message("sambang / 28/11/2024 / Jam: 19.30 / Desa Duren", today=TODAY)

    assert parsed.activity_time == time(19, 30)


def test_dates_at_the_ends_of_the_calendar_do_not_raise():
    assert read_date("kemarin", date.min).day is None
    assert read_date("besok", date.max).day is None
