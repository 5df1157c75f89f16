"""`manage.py import_articles` on a long file: a progress bar on a terminal, occasional lines in logs, nothing
when quiet."""

import io

import pytest
from django.core.management import call_command

from tests.factories import article_record, jsonl

pytestmark = pytest.mark.django_db


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def long_file(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl([article_record(300 + number) for number in range(25)]), encoding="utf-8")
    return str(path)


def test_a_terminal_shows_a_bar_redrawn_in_place(long_file):
    terminal = Terminal()
    call_command("import_articles", long_file, stdout=io.StringIO(), stderr=terminal)
    shown = terminal.getvalue()
    assert shown.count("\r[") == 25  # one redraw per line of the file
    assert "\r[" + "#" * 12 + "." * 18 + "] 10/25" in shown
    assert shown.endswith("\r[" + "#" * 30 + "] 25/25\n")


def test_logs_get_a_line_about_every_tenth_of_the_file(long_file):
    logged = io.StringIO()
    call_command("import_articles", long_file, stdout=io.StringIO(), stderr=logged)
    assert logged.getvalue().split() == [f"{done}/25" for done in range(2, 25, 2)] + ["25/25"]


def test_a_bad_line_is_reported_above_the_bar(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl([article_record(500)]) + "{not json\n" + jsonl([article_record(501)]), encoding="utf-8")
    terminal = Terminal()
    with pytest.raises(Exception, match="1 lỗi"):
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=terminal)
    shown = terminal.getvalue()
    assert "\r" + " " * 50 + "\rDòng 2: JSON không hợp lệ" in shown  # the bar is wiped first, not written over
    assert shown.endswith("] 3/3\n")


def test_nothing_when_quiet(long_file):
    quiet = io.StringIO()
    call_command("import_articles", long_file, "-v0", stdout=io.StringIO(), stderr=quiet)
    assert quiet.getvalue() == ""
