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
more = importlib.import_module("search.migrations.0006_more_synonyms")


def starting_list():
    """The groups a fresh database starts with: those of 0004 (some extended by 0006) and those of 0006."""
    return {more.EXTENDED.get(group, group) for group in migration.GROUPS} | set(more.GROUPS)


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
    seeded = list(Synonym.objects.values_list("phrases", flat=True))
    assert sorted(seeded) == sorted(starting_list()) and 300 <= len(seeded) <= 450
    assert all(len(split_phrases(group)) >= 2 for group in seeded)
    # 0006 extends groups of 0004 by adding phrases after theirs, never by changing them
    assert all(new.startswith(f"{old}, ") for old, new in more.EXTENDED.items())


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
    url = "/search/?q=phu+khuân+vác"
    reader.get(url)
    stored = reader.get(url)
    assert stored["X-Page-Cache"] == "hit" and "Công nhân bốc xếp" not in stored.content.decode()
    admin_client.post("/admin/snippets/search/synonym/add/", {"phrases": "bốc xếp, phu khuân vác"})
    fresh = reader.get(url)
    assert fresh["X-Page-Cache"] == "miss" and "Công nhân bốc xếp" in fresh.content.decode()


def test_every_process_sees_a_change_at_once(redis_cache, client, dismissals):
    """Each process keeps its copy of the table while the shared cache (Redis, as in production) holds its token.
    Another process's change is seen here as what it does: the rows change (no signal in this process) and its
    signal deletes the token. This process's next search reads the new rows."""
    from django.core.cache import cache

    token = f"{SYNONYMS_CACHE_KEY}:token"
    assert "duoi-viec" in slugs(client, "sa thải")
    assert cache.get(token) is not None
    Synonym.objects.filter(phrases__contains="đuổi việc").update(phrases="thợ hàn, công nhân hàn")
    assert "duoi-viec" in slugs(client, "sa thải")  # the copy stands while its token does
    cache.delete(token)
    assert "duoi-viec" not in slugs(client, "sa thải")
    Synonym.objects.create(phrases="sa thải, đuổi việc")  # this process's own change: its signal
    assert "duoi-viec" in slugs(client, "sa thải")


@pytest.mark.parametrize("shared", [True, False], ids=["redis", "no-cache"])
def test_the_kept_table_is_always_the_table_of_the_database(request, settings, shared):
    """A differential test: through creations, edits and deletions in any order, the table search reads equals
    the one built from the database. Without a cache able to keep the token (DummyCache), it is built each time."""
    import random

    from search.models import synonym_table

    if shared:
        request.getfixturevalue("redis_cache")
    else:
        settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    rng = random.Random(21)
    words = ["thợ hàn", "công nhân hàn", "thợ mộc", "thợ gỗ", "phụ hồ", "thợ xây", "ca kíp", "ca làm việc"]
    for _ in range(40):
        groups = list(Synonym.objects.all())
        action = rng.choice(["create", "edit", "delete", "read"])
        if action == "create" or not groups:
            Synonym.objects.create(phrases=", ".join(rng.sample(words, 2)))
        elif action == "edit":
            group = rng.choice(groups)
            group.phrases = ", ".join(rng.sample(words, 3))
            group.save()
        elif action == "delete":
            rng.choice(groups).delete()
        assert synonym_table() == prepare(list(Synonym.objects.values_list("phrases", flat=True)))


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
    more.remove_defaults(apps, None)  # rolling back goes through 0006 first
    seeded = set(Synonym.objects.values_list("phrases", flat=True))
    assert set(more.EXTENDED) <= seeded and not seeded & (set(more.GROUPS) | set(more.EXTENDED.values()))
    migration.remove_defaults(apps, None)
    assert sorted(Synonym.objects.values_list("phrases", flat=True)) == sorted(
        ["thợ hàn, công nhân hàn", f"{migration.GROUPS[0]}, thù lao"]
    )
    for step in (migration, migration, more, more):  # each again: nothing twice
        step.add_defaults(apps, None)
    assert sorted(Synonym.objects.values_list("phrases", flat=True)) == sorted(
        starting_list() | {"thợ hàn, công nhân hàn", f"{migration.GROUPS[0]}, thù lao"}
    )


def test_a_group_an_administrator_edited_is_not_extended():
    old, new = next(iter(more.EXTENDED.items()))
    more.remove_defaults(apps, None)
    Synonym.objects.filter(phrases=old).update(phrases=f"{old}, môn thể thao vua")
    more.add_defaults(apps, None)
    assert Synonym.objects.filter(phrases=f"{old}, môn thể thao vua").exists()
    assert not Synonym.objects.filter(phrases=new).exists()


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("chích ngừa", "Tiêm phòng cúm miễn phí cho thợ may"),  # a southern word, added to a group of 0004
        ("máy lạnh", "Lắp điều hòa cho phòng trọ công nhân"),  # a group of 0006, both ways
        ("điều hòa", "Phòng trọ có máy lạnh giá rẻ"),
        ("trượt giá", "Lạm phát bào mòn thu nhập của thợ may"),
        ("say nắng", "Phòng chống sốc nhiệt cho thợ xây"),
    ],
)
def test_the_starting_list_finds_the_everyday_words_of_readers(client, home, query, title):
    publish(home, record(841, "bai", title, "Tin do công đoàn cơ sở gửi."))
    assert slugs(client, query)[0] == "bai"  # before the sample articles that share a word of the query
    Synonym.objects.filter(phrases__contains=query).delete()
    assert slugs(client, query)[:1] != ["bai"]
