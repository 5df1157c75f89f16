"""A campaign's years must lie inside its period, each once, in ascending order; editors are told in Vietnamese."""

import html
import json

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from campaigns.models import CampaignPage

pytestmark = pytest.mark.django_db


def year(value):
    return ("year", {"year": value, "theme": "", "activities": [], "milestones": []})


def campaign_with(years, start=2021, end=2025):
    return CampaignPage(
        title="Kế hoạch thử", slug="ke-hoach-thu", start_year=start, end_year=end, years=[year(y) for y in years]
    )


def messages(error):
    block_errors = error.error_dict["years"][0].block_errors
    return {index: str(error.block_errors["year"].messages[0]) for index, error in block_errors.items()}


def test_years_in_order_inside_the_period_are_valid(home):
    page = campaign_with([2021, 2022, 2023, 2024, 2025])
    home.add_child(instance=page)
    page.full_clean()


@pytest.mark.parametrize(
    ("years", "position", "message"),
    [
        ([2021, 2026], 1, "Năm 2026 nằm ngoài giai đoạn 2021-2025 của kế hoạch."),
        ([2020, 2021], 0, "Năm 2020 nằm ngoài giai đoạn 2021-2025 của kế hoạch."),
        ([2021, 2022, 2022], 2, "Năm 2022 đã có ở một khối khác; mỗi năm chỉ một khối."),
        ([2021, 2023, 2022], 2, "Các năm phải theo thứ tự tăng dần: năm 2022 đứng sau năm 2023."),
    ],
)
def test_bad_years_are_rejected_with_a_vietnamese_message(years, position, message):
    with pytest.raises(ValidationError) as caught:
        campaign_with(years).clean()
    assert messages(caught.value) == {position: message}


def test_end_year_before_start_year_is_rejected():
    with pytest.raises(ValidationError) as caught:
        campaign_with([], start=2025, end=2021).clean()
    assert "Năm kết thúc phải bằng hoặc sau năm bắt đầu." in caught.value.message_dict["end_year"]


def year_form_data(value):
    return {
        "year": value,
        "theme": "",
        "activities": {"count": 0},
        "milestones": {"count": 0},
        "review": {"kind": "", "description": "", "deadline": ""},
    }


def test_the_editor_shows_the_error_and_saves_nothing(admin_client, home):
    data = nested_form_data(
        {
            "title": "Phong trào thi đua 2026-2030",
            "slug": "phong-trao-2026-2030",
            "start_year": 2026,
            "end_year": 2030,
            "summary": rich_text(""),
            "years": streamfield([("year", year_form_data(2031))]),
        }
    )
    response = admin_client.post(f"/admin/pages/add/campaigns/campaignpage/{home.pk}/", data)
    assert response.status_code == 200
    message = "Năm 2031 nằm ngoài giai đoạn 2026-2030 của kế hoạch."
    [error] = response.context["form"].errors.as_data()["years"]
    assert error.block_errors[0].block_errors["year"].messages == [message]
    # The editor's JavaScript shows it beside the year field of that block, from the JSON in the page.
    assert json.dumps(message)[1:-1] in html.unescape(response.content.decode())
    assert not CampaignPage.objects.filter(slug="phong-trao-2026-2030").exists()

    data["years-0-value-year"] = "2027"
    response = admin_client.post(f"/admin/pages/add/campaigns/campaignpage/{home.pk}/", data)
    assert response.status_code == 302
    assert CampaignPage.objects.get(slug="phong-trao-2026-2030").years[0].value["year"] == 2027
