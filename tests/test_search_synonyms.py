"""Synonyms as data (search.models.Synonym): a search for one phrase of a group also finds texts with the others,
both ways, below texts with the words typed; administrators' changes apply at once, cached pages included; the
starting list is seeded by a migration that rolls back. The words here are not those of the development queries."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from search.models import SYNONYMS_CACHE_KEY, Synonym
from search.synonyms import prepare, split_phrases, synonym_alternatives
from tests.factories import article_record
from tests.test_search import publish, slugs

pytestmark = pytest.mark.django_db

migration = importlib.import_module("search.migrations.0004_synonyms")


def record(number, slug, title, body, published="2024-03-01"):
    """An article whose only words are these (no tags, photos or documents that would match too)."""
    return article_record(
        number,
        slug=slug,
        title=title,
        lead="Tin từ cơ sở.",
        body=[body],
        tags=[],
        documents=[],
        images=[],
        published=published,
    )


@pytest.fixture
def dismissals(home):
    """Two articles on the same subject in other words: one says "sa thải", the other "đuổi việc"."""
    publish(
        home,
        record(801, "sa-thai", "Sa thải trái luật phải bồi thường", "Chủ xưởng gỗ sa thải ba thợ phụ.", "2024-01-05"),
        record(
            802, "duoi-viec", "Đuổi việc trái luật phải bồi thường", "Chủ xưởng gỗ đuổi việc ba thợ phụ.", "2025-01-05"
        ),
    )


def test_the_starting_list_holds_groups_of_labour_vocabulary():
    seeded = set(Synonym.objects.values_list("phrases", flat=True))
    assert set(migration.GROUPS) <= seeded and 60 <= len(migration.GROUPS) <= 200
    assert all(len(split_phrases(group)) >= 2 for group in migration.GROUPS)


@pytest.mark.parametrize(("query", "found"), [("sa thải", "duoi-viec"), ("đuổi việc", "sa-thai")])
def test_a_phrase_finds_texts_with_its_synonyms_both_ways(client, dismissals, query, found):
    assert found in slugs(client, query)
    Synonym.objects.filter(phrases__contains="đuổi việc").delete()  # without the group, only the words typed
    assert found not in slugs(client, query)


@pytest.mark.parametrize("query", ["duoi viec", "ĐUỔI VIỆC", "Đuổi việc công nhân"])
def test_synonyms_apply_however_the_phrase_is_typed(client, dismissals, query):
    assert "sa-thai" in slugs(client, query)


@pytest.mark.parametrize(("query", "first"), [("sa thải", "sa-thai"), ("đuổi việc", "duoi-viec")])
def test_the_words_typed_rank_above_their_synonyms(client, dismissals, query, first):
    """The two texts differ only by the phrase; the newer comes first when scores tie, so "sa thải" must win by
    weight, not by date."""
    ranked = slugs(client, query)
    assert ranked.index(first) == 0 and {"sa-thai", "duoi-viec"} <= set(ranked)


def test_a_word_typed_with_marks_finds_only_its_own_synonyms(client, home):
    """ "hãng" (a firm) is a synonym of "doanh nghiệp"; "hàng" (goods) is not, although both fold to "hang"."""
    publish(home, record(811, "doanh-nghiep", "Doanh nghiệp mở rộng sản xuất", "Thêm ca làm mới."))
    assert "doanh-nghiep" in slugs(client, "hãng")
    assert "doanh-nghiep" in slugs(client, "hang")  # typed without marks, it may be either
    assert "doanh-nghiep" not in slugs(client, "hàng")


def test_a_longer_phrase_wins_over_a_shorter_one_inside_it():
    table = prepare(["tai nạn lao động, tai nạn khi làm việc", "lao động, làm việc chân tay", "tai nạn, sự cố"])
    assert synonym_alternatives(["tai", "nạn", "lao", "động", "xe", "nâng"], table) == ["tai nạn khi làm việc"]
    assert synonym_alternatives(["lao", "động", "xe", "nâng"], table) == ["làm việc chân tay"]


def test_administrators_type_a_group_with_commas_or_new_lines():
    assert split_phrases(" thợ mộc,  thợ gỗ\nThợ Gỗ;\r\n người làm mộc ,, ") == ["thợ mộc", "thợ gỗ", "người làm mộc"]
    assert prepare(["chỉ một từ", ""])["groups"] == []  # a word alone has no synonym


def test_a_group_added_in_the_admin_applies_at_once_and_so_do_edits(client, home, admin_client):
    publish(home, record(821, "giup-viec", "Người giúp việc gia đình được ký hợp đồng", "Chủ nhà phải đóng bảo hiểm."))
    assert "giup-viec" not in slugs(client, "ô sin")
    response = admin_client.post("/admin/snippets/search/synonym/add/", {"phrases": "giúp việc gia đình\nô sin"})
    assert response.status_code == 302
    assert "giup-viec" in slugs(client, "ô sin")
    group = Synonym.objects.get(phrases__contains="ô sin")
    response = admin_client.post(
        f"/admin/snippets/search/synonym/edit/{group.pk}/", {"phrases": "giúp việc gia đình, osin"}
    )
    assert response.status_code == 302
    assert "giup-viec" not in slugs(client, "ô sin") and "giup-viec" in slugs(client, "osin")
    response = admin_client.post(f"/admin/snippets/search/synonym/delete/{group.pk}/")
    assert response.status_code == 302
    assert "giup-viec" not in slugs(client, "osin")


def test_the_admin_lists_groups_in_the_settings_menu(admin_client):
    listing = admin_client.get("/admin/snippets/search/synonym/", {"q": "đuổi việc"})
    assert listing.status_code == 200 and "sa thải / đuổi việc" in listing.content.decode()
    assert "/admin/snippets/search/synonym/" in admin_client.get("/admin/").content.decode()  # the menu


@pytest.mark.parametrize("url", ["/admin/snippets/search/synonym/", "/admin/snippets/search/synonym/add/"])
def test_only_administrators_edit_synonyms_as_abbreviations(client, editor, url):
    client.force_login(editor)
    assert client.get(url).status_code != 200
    assert client.get(url.replace("synonym", "abbreviation")).status_code != 200  # the same rule


def test_a_cached_search_page_shows_a_new_group_at_once(settings, home, admin_client):
    settings.PAGE_CACHE_SECONDS = 60
    publish(home, record(831, "boc-xep", "Công nhân bốc xếp ở chợ đầu mối", "Họ làm đêm, chưa có hợp đồng."))
    reader = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0")
    url = "/search/?q=cửu+vạn"
    reader.get(url)
    stored = reader.get(url)
    assert stored["X-Page-Cache"] == "hit" and "Công nhân bốc xếp" not in stored.content.decode()
    admin_client.post("/admin/snippets/search/synonym/add/", {"phrases": "bốc xếp, cửu vạn"})
    fresh = reader.get(url)
    assert fresh["X-Page-Cache"] == "miss" and "Công nhân bốc xếp" in fresh.content.decode()


def test_the_table_lives_in_the_shared_cache_and_a_change_empties_it(redis_cache, client, dismissals):
    """Another process reads the same Redis entry: deleting it on a change is what makes every process see it."""
    from django.core.cache import cache

    slugs(client, "sa thải")
    assert cache.get(SYNONYMS_CACHE_KEY) is not None
    Synonym.objects.create(phrases="thợ hàn, công nhân hàn")
    assert cache.get(SYNONYMS_CACHE_KEY) is None
    assert "sa-thai" in slugs(client, "đuổi việc")


def test_synonyms_cost_no_query_once_the_table_is_cached(client, dismissals):
    slugs(client, "nghỉ ốm sa thải thai sản")  # three groups
    with CaptureQueriesContext(connection) as captured:
        slugs(client, "bị đuổi việc khi nghỉ ốm sinh con")
    assert not [query for query in captured.captured_queries if "search_synonym" in query["sql"]]


def test_the_migration_rolls_back_its_groups_only_and_forward_again():
    Synonym.objects.create(phrases="thợ hàn, công nhân hàn")  # an administrator's
    edited = Synonym.objects.get(phrases=migration.GROUPS[0])
    edited.phrases += ", thù lao"
    edited.save()
    migration.remove_defaults(apps, None)
    assert sorted(Synonym.objects.values_list("phrases", flat=True)) == sorted(
        ["thợ hàn, công nhân hàn", f"{migration.GROUPS[0]}, thù lao"]
    )
    migration.add_defaults(apps, None)
    migration.add_defaults(apps, None)  # again: nothing twice
    assert Synonym.objects.count() == len(migration.GROUPS) + 2
