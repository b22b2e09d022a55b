import pytest
from django.core.management import CommandError, call_command

from archive.gazetteer import park_from_row, read_gazetteer
from archive.models import Park


def test_gazetteer_has_every_zone_and_new_area():
    rows = read_gazetteer()
    assert len(rows) == 193
    assert sum(r["kind"] == "hitech_zone" for r in rows) == 174
    assert sum(r["kind"] == "new_area" for r in rows) == 19
    assert len({r["full_name"] for r in rows}) == 193


def test_gazetteer_rows_get_macro_regions():
    by_name = {r["short_name"]: r for r in read_gazetteer()}
    assert "成渝地区双城经济圈" in by_name["成都高新区"]["macro_regions"]
    assert "成渝地区双城经济圈" in by_name["两江新区"]["macro_regions"]
    assert "长三角" in by_name["苏州工业园"]["macro_regions"]
    assert "珠三角" in by_name["松山湖高新区"]["macro_regions"]
    assert by_name["中关村科技园"]["approval_year"] == 1988


def test_bad_gazetteer_row_names_its_line():
    with pytest.raises(ValueError, match="line 7"):
        park_from_row({"name": "", "kind": "hitech_zone"}, line=7)


@pytest.mark.django_db
def test_load_parks_is_idempotent_and_keeps_curated_edits():
    call_command("load_parks", verbosity=0)
    park = Park.objects.get(full_name="成都高新技术产业开发区")
    park.aliases = ["成都高新"]
    park.save()
    call_command("load_parks", verbosity=0)
    assert Park.objects.count() == 193
    assert Park.objects.get(pk=park.pk).aliases == ["成都高新"]


@pytest.mark.django_db
def test_load_parks_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("load_parks", path=str(tmp_path / "missing.csv"))
