"""Documents, units, officials and links go through the approval workflow as pages do: through the admin's own
forms, an editor's changes and new objects stay drafts until an approver publishes them, and readers see only
the published version meanwhile (docs/approval.md)."""

import io
import json
import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Locale, WorkflowState

from editorial import roles
from official_documents.models import OfficialDocument
from organisation.models import LeadershipPage, Official, RelatedLink, StructurePage, Unit
from tests.markup import unwrap_document_numbers

pytestmark = pytest.mark.django_db

ADMIN = "/admin/snippets"


def login(user):
    client = Client()
    client.force_login(user)
    return client


def text(response):
    assert response.status_code == 200, response.status_code
    return unwrap_document_numbers(response.content.decode())


def document_form(document, **changes):
    data = {
        "number": document.number,
        "kind": document.kind,
        "issued_on": document.issued_on.strftime("%d/%m/%Y") if document.issued_on else "",
        "issuer": document.issuer,
        "summary": document.summary,
        "file": document.file_id or "",
    }
    data.update(changes)
    return data


def unit_form(unit, **changes):
    data = {
        "name": unit.name,
        "kind": unit.kind,
        "parent": unit.parent_id or "",
        "address": unit.address,
        "phone": unit.phone,
        "email": unit.email,
        "sort_order": unit.sort_order,
    }
    data.update(changes)
    return data


def official_form(official, **changes):
    data = {
        "name": official.name,
        "position": official.position,
        "unit": official.unit_id or "",
        "phone": official.phone,
        "email": official.email,
        "photo": official.photo_id or "",
        "sort_order": official.sort_order,
    }
    if official.is_leader:
        data["is_leader"] = "on"
    data.update(changes)
    return data


def link_form(link, **changes):
    data = {"title": link.title, "url": link.url, "sort_order": link.sort_order}
    data.update(changes)
    return data


def url(instance, view):
    meta = instance._meta
    return f"{ADMIN}/{meta.app_label}/{meta.model_name}/{view}/{instance.pk}/"


def add_url(model):
    return f"{ADMIN}/{model._meta.app_label}/{model._meta.model_name}/add/?locale=vi"


def post(client, address, data, action=None):
    """The edit form as the admin's buttons send it: no action is "Lưu bản nháp"."""
    if action:
        data = {**data, action: "1"}
    response = client.post(address, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def workflow_action(client, instance, action, comment=""):
    """What the approver's "Phê duyệt" / "Yêu cầu chỉnh sửa" buttons post (the dashboard's and the editor's)."""
    state = instance.current_workflow_task_state
    meta = instance._meta
    address = f"{ADMIN}/{meta.app_label}/{meta.model_name}/workflow/action/{instance.pk}/{action}/{state.pk}/"
    response = client.post(address, {"comment": comment})
    assert response.status_code in (200, 302), response.content.decode()[:3000]
    return response


def fresh(instance):
    return type(instance).objects.get(pk=instance.pk)


@pytest.fixture
def cited(seed_article):
    """A document the seed article cites, live, as the demo (and the migration of older databases) leaves it:
    no revision yet."""
    document = seed_article.documents.filter(issuer__gt="").first()
    assert document.live and document.latest_revision is None
    return document


def public_views_of_document(client, document, seed_article):
    return {
        "document": text(client.get(document.get_absolute_url())),
        "library": text(client.get("/van-ban/")),
        "article": text(client.get(seed_article.url)),
    }


# Official documents


def test_an_editors_draft_and_submission_change_nothing_public_until_an_approver_publishes(
    client, editor, approver, cited, seed_article
):
    old_issuer = cited.issuer
    before = public_views_of_document(client, cited, seed_article)
    assert all(old_issuer in html for html in before.values())

    writer = login(editor)
    changed = document_form(cited, issuer="Ban Chấp hành đã sửa", summary="Trích yếu đã sửa")
    post(writer, url(cited, "edit"), changed)  # "Lưu bản nháp"
    row = fresh(cited)
    assert row.live and row.has_unpublished_changes
    assert row.issuer == old_issuer  # the row keeps the published version; the draft is a revision
    assert row.latest_revision.as_object().issuer == "Ban Chấp hành đã sửa"
    post(writer, url(cited, "edit"), changed, action="action-publish")  # not an editor's button: a draft
    assert fresh(cited).issuer == old_issuer
    post(writer, url(cited, "edit"), changed, action="action-submit")  # "Gửi duyệt"
    assert fresh(cited).workflow_in_progress
    # In moderation the document is locked for editors, as a page is.
    assert writer.post(url(cited, "edit"), changed).status_code == 200
    for name, html in public_views_of_document(Client(), cited, seed_article).items():
        assert "đã sửa" not in html, name
        assert old_issuer in html, name
    assert fresh(cited).issuer == old_issuer

    reviewer = login(approver)
    assert "Ban Chấp hành đã sửa" in text(reviewer.get(url(cited, "edit")))  # the approver reviews the draft
    assert text(reviewer.get(url(cited, "history")))
    assert text(
        reviewer.get(f"{ADMIN}/official_documents/officialdocument/history/{cited.pk}/revisions/compare/live...latest/")
    )
    revision = fresh(cited).latest_revision
    preview = text(reviewer.get(f"{url(cited, 'history')}revisions/{revision.pk}/view/"))
    assert "Ban Chấp hành đã sửa" in preview and seed_article.title in preview  # the page with who cites it
    workflow_action(reviewer, fresh(cited), "approve")
    row = fresh(cited)
    assert row.issuer == "Ban Chấp hành đã sửa" and not row.has_unpublished_changes and not row.workflow_in_progress
    for name, html in public_views_of_document(Client(), cited, seed_article).items():
        assert "Ban Chấp hành đã sửa" in html, name


def test_changes_requested_go_back_to_the_editor_then_the_resubmission_is_published(
    client, editor, approver, cited, seed_article
):
    writer, reviewer = login(editor), login(approver)
    post(writer, url(cited, "edit"), document_form(cited, issuer="Cơ quan sửa lần một"), action="action-submit")
    workflow_action(reviewer, fresh(cited), "reject", comment="Sai tên cơ quan ban hành.")
    state = WorkflowState.objects.for_instance(fresh(cited)).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "Cơ quan sửa lần một" not in text(client.get(seed_article.url))

    post(writer, url(cited, "edit"), document_form(cited, issuer="Cơ quan sửa lần hai"), action="action-submit")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "Cơ quan sửa lần hai" not in text(Client().get(cited.get_absolute_url()))
    workflow_action(reviewer, fresh(cited), "approve")
    assert "Cơ quan sửa lần hai" in text(Client().get(cited.get_absolute_url()))
    assert "Cơ quan sửa lần hai" in text(Client().get(seed_article.url))
    assert text(reviewer.get(url(cited, "workflow_history")))


def test_a_new_document_is_not_listed_until_published(client, editor, approver):
    writer = login(editor)
    draft = OfficialDocument(number="77/TB-LĐLĐ", kind="thong-bao", issuer="LĐLĐ tỉnh", summary="Thông báo mới")
    post(writer, add_url(OfficialDocument), document_form(draft), action="action-submit")
    created = OfficialDocument.objects.get(number="77/TB-LĐLĐ")
    assert not created.live and created.workflow_in_progress
    anonymous = Client()
    assert "77/TB-LĐLĐ" not in text(anonymous.get("/van-ban/"))
    assert created.get_absolute_url() not in text(anonymous.get("/van-ban/", {"q": "77/TB-LĐLĐ"}))
    assert created.get_absolute_url() not in text(anonymous.get("/van-ban/cong-khai-tai-chinh/"))
    assert anonymous.get(created.get_absolute_url()).status_code == 404
    assert created.get_absolute_url() not in text(anonymous.get("/sitemap.xml"))

    workflow_action(login(approver), created, "approve")
    assert "77/TB-LĐLĐ" in text(anonymous.get("/van-ban/"))
    assert text(anonymous.get(created.get_absolute_url()))
    assert created.get_absolute_url() in text(anonymous.get("/sitemap.xml"))


def test_a_draft_document_cited_by_a_live_article_is_not_shown_there(client, seed_article):
    draft = OfficialDocument.objects.create(
        locale=Locale.get_default(), number="78/TB-LĐLĐ", issuer="LĐLĐ tỉnh", live=False
    )
    seed_article.documents.add(draft)
    seed_article.body.append(("document", {"document": draft, "note": "ghi chú thử"}))
    seed_article.save_revision().publish()
    html = text(client.get(seed_article.url))
    assert "78/TB-LĐLĐ" not in html and "ghi chú thử" not in html


def test_editors_cannot_publish_unpublish_or_delete(editor, cited):
    writer = login(editor)
    html = text(writer.get(url(cited, "edit")))
    assert 'name="action-submit"' in html and 'name="action-publish"' not in html
    assert writer.post(url(cited, "unpublish")).status_code in (302, 403)
    assert writer.post(url(cited, "delete")).status_code in (302, 403)
    assert fresh(cited).live


def test_approvers_publish_directly_as_they_may_pages(approver, cited):
    post(login(approver), url(cited, "edit"), document_form(cited, issuer="Trực tiếp"), action="action-publish")
    assert fresh(cited).issuer == "Trực tiếp"
    assert "Trực tiếp" in text(Client().get(cited.get_absolute_url()))


def test_the_workflow_and_permissions_come_from_the_migrations():
    from wagtail.models import Workflow

    workflow = Workflow.objects.get(name=roles.WORKFLOW)
    for model in (OfficialDocument, Unit, Official, RelatedLink):
        assert model.get_default_workflow() == workflow, model
        name = model._meta.model_name
        approvers = Group.objects.get(name=roles.APPROVERS)
        editors = Group.objects.get(name=roles.EDITORS)
        assert approvers.permissions.filter(codename=f"publish_{name}").exists()
        assert not editors.permissions.filter(codename=f"publish_{name}").exists()
        assert editors.permissions.filter(codename=f"change_{name}").exists()


# Organisation: officials ("Lãnh đạo"), units ("Cơ cấu tổ chức"), the links box


@pytest.fixture
def leadership():
    return LeadershipPage.objects.get(locale__language_code="vi")


@pytest.fixture
def structure():
    return StructurePage.objects.get(locale__language_code="vi")


def submit_then_approve(editor, approver, instance, address, data, check_unchanged):
    """The editor saves a draft and submits; the public is checked unchanged; the approver approves."""
    writer = login(editor)
    post(writer, address, data)
    post(writer, address, data, action="action-submit")
    check_unchanged()
    reviewer = login(approver)
    assert text(reviewer.get(url(instance, "history")))
    assert text(reviewer.get(f"{url(instance, 'history')}revisions/compare/live...latest/"))
    workflow_action(reviewer, fresh(instance), "approve")


def test_an_officials_change_reaches_lanh_dao_only_once_approved(editor, approver, leadership):
    official = Official.objects.filter(is_leader=True, locale__language_code="vi").first()
    anonymous = Client()
    assert official.position in text(anonymous.get(leadership.url))

    def unchanged():
        html = text(anonymous.get(leadership.url))
        assert "Phó Chủ tịch thường trực (sửa)" not in html and official.position in html

    submit_then_approve(
        editor,
        approver,
        official,
        url(official, "edit"),
        official_form(official, position="Phó Chủ tịch thường trực (sửa)"),
        unchanged,
    )
    assert "Phó Chủ tịch thường trực (sửa)" in text(anonymous.get(leadership.url))


def test_a_new_official_and_unit_appear_only_once_published(editor, approver, leadership, structure):
    writer = login(editor)
    root = Unit.objects.get(parent__isnull=True, locale__language_code="vi")
    post(writer, add_url(Unit), unit_form(Unit(name="Ban Thử Nghiệm", parent=root, sort_order=1)), "action-submit")
    unit = Unit.objects.get(name="Ban Thử Nghiệm")
    newcomer = Official(name="Nguyễn Văn Mới", position="Trưởng ban", unit=unit, is_leader=True, sort_order=1)
    post(writer, add_url(Official), official_form(newcomer), "action-submit")
    official = Official.objects.get(name="Nguyễn Văn Mới")
    anonymous = Client()
    assert "Ban Thử Nghiệm" not in text(anonymous.get(structure.url))
    assert "Nguyễn Văn Mới" not in text(anonymous.get(leadership.url))

    reviewer = login(approver)
    workflow_action(reviewer, official, "approve")  # the official first: its unit is still a draft
    leaders = text(anonymous.get(leadership.url))
    assert "Nguyễn Văn Mới" in leaders and "Ban Thử Nghiệm" not in leaders
    assert "Ban Thử Nghiệm" not in text(anonymous.get(structure.url))
    workflow_action(reviewer, fresh(unit), "approve")
    tree = text(anonymous.get(structure.url))
    assert "Ban Thử Nghiệm" in tree and "Nguyễn Văn Mới" in tree


def test_a_units_change_reaches_the_structure_page_only_once_approved(editor, approver, structure):
    unit = Unit.objects.filter(parent__isnull=False, locale__language_code="vi").first()
    anonymous = Client()

    def unchanged():
        html = text(anonymous.get(structure.url))
        assert "Ban đã đổi tên" not in html and unit.name in html

    submit_then_approve(editor, approver, unit, url(unit, "edit"), unit_form(unit, name="Ban đã đổi tên"), unchanged)
    assert "Ban đã đổi tên" in text(anonymous.get(structure.url))


def footer(html):
    return html[html.index('<footer class="site-footer">') :]


def test_a_links_change_reaches_the_footer_only_once_approved(editor, approver, home):
    link = RelatedLink.objects.get(url="https://congdoan.vn/", locale__language_code="vi")
    anonymous = Client()

    def unchanged():
        html = footer(text(anonymous.get(home.url)))
        assert "Tổng Liên đoàn (sửa)" not in html and link.title in html

    submit_then_approve(
        editor, approver, link, url(link, "edit"), link_form(link, title="Tổng Liên đoàn (sửa)"), unchanged
    )
    assert "Tổng Liên đoàn (sửa)" in footer(text(anonymous.get(home.url)))


def test_a_new_link_waits_for_approval(editor, approver, home):
    post(
        login(editor),
        add_url(RelatedLink),
        link_form(RelatedLink(title="Cổng mới", url="https://moi.example/", sort_order=1)),
        "action-submit",
    )
    link = RelatedLink.objects.get(url="https://moi.example/")
    assert "https://moi.example/" not in text(Client().get(home.url))
    workflow_action(login(approver), link, "approve")
    assert "https://moi.example/" in footer(text(Client().get(home.url)))


def test_listings_and_forms_of_the_admin_answer_for_both_roles(editor, approver):
    for user in (editor, approver):
        client = login(user)
        for model in (OfficialDocument, Unit, Official, RelatedLink):
            meta = model._meta
            assert text(client.get(f"{ADMIN}/{meta.app_label}/{meta.model_name}/"))
            assert text(client.get(add_url(model)))
            instance = model.objects.filter(locale__language_code="vi").first()
            assert text(client.get(url(instance, "edit")))
            assert text(client.get(url(instance, "history")))


def test_the_dashboard_lists_submitted_snippets_for_the_approver(editor, approver, cited):
    post(login(editor), url(cited, "edit"), document_form(cited, issuer="Chờ duyệt"), "action-submit")
    assert cited.number in text(login(approver).get("/admin/"))


def test_json_of_extra_data_is_accepted_by_the_edit_views_workflow_buttons(editor, approver, cited):
    """The approver may also approve from the editor's own form (the "Phê duyệt" item of its action menu)."""
    post(login(editor), url(cited, "edit"), document_form(cited, issuer="Từ biểu mẫu"), "action-submit")
    data = document_form(cited, issuer="Từ biểu mẫu")
    data.update({"workflow-action-name": "approve", "workflow-action-extra-data": json.dumps({"comment": ""})})
    post(login(approver), url(cited, "edit"), data, "action-workflow-action")
    assert fresh(cited).issuer == "Từ biểu mẫu"
    assert re.search("Từ biểu mẫu", text(Client().get(cited.get_absolute_url())))


# Translations (wagtail-localize)


def english_translation_of(document, english):
    from wagtail_localize.models import Translation

    translation = Translation.objects.get(source__object_id=document.translation_key, target_locale=english)
    return translation, document.get_translation(english)


def test_a_published_document_syncs_into_english_and_a_draft_does_not(editor, approver, cited, english):
    translation, english_document = english_translation_of(cited, english)
    assert english_document.live
    english_page = english_document.get_absolute_url()
    writer, reviewer = login(editor), login(approver)

    # A draft of the Vietnamese document is not what a sync carries: the published row is.
    post(writer, url(cited, "edit"), document_form(cited, issued_on="02/01/2022"))
    post(reviewer, f"/admin/localize/update/{translation.source.pk}/", {"publish_translations": "on"})
    assert 'datetime="2022-01-02"' not in text(Client().get(english_page))

    post(writer, url(cited, "edit"), document_form(cited, issued_on="02/01/2022"), "action-submit")
    workflow_action(reviewer, fresh(cited), "approve")
    assert 'datetime="2022-01-02"' not in text(Client().get(english_page))  # until the translation is synced
    post(reviewer, f"/admin/localize/update/{translation.source.pk}/", {"publish_translations": "on"})
    english_document = fresh(english_document)
    assert english_document.live and english_document.issued_on.isoformat() == "2022-01-02"
    assert 'datetime="2022-01-02"' in text(Client().get(english_page))


def test_an_editors_sync_of_translated_snippets_cannot_publish_them(editor, approver, cited, english):
    """The sync of translated snippets offers "Publish immediately" to whoever may submit translations: for an editor
    it is disabled, and a posted "on" is ignored, so the English document changes only when an approver acts."""
    translation, english_document = english_translation_of(cited, english)
    english_page = english_document.get_absolute_url()
    writer, reviewer = login(editor), login(approver)
    post(writer, url(cited, "edit"), document_form(cited, issued_on="03/01/2022"), "action-submit")
    workflow_action(reviewer, fresh(cited), "approve")
    assert fresh(cited).issued_on.isoformat() == "2022-01-03"

    form = writer.get(f"/admin/localize/update/{translation.source.pk}/").context["form"]
    assert form.fields["publish_translations"].disabled
    post(writer, f"/admin/localize/update/{translation.source.pk}/", {"publish_translations": "on"})
    assert fresh(english_document).issued_on.isoformat() != "2022-01-03"
    assert 'datetime="2022-01-03"' not in text(Client().get(english_page))


def test_a_new_translation_of_a_snippet_is_a_draft_until_an_approver_publishes_it(editor, approver, english):
    """An editor's "Translate" (wagtail-localize) creates the English unit as a draft; readers of the English
    structure page keep the Vietnamese name until an approver publishes the translation."""
    unit = Unit.objects.create(name="Ban Chưa Dịch", parent=None, sort_order=999, locale=Locale.get_default())
    response = login(editor).post(
        f"/admin/localize/submit/snippet/organisation/unit/{unit.pk}/", {"locales": [english.pk]}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    english_unit = Unit.objects.get(translation_key=unit.translation_key, locale=english)
    assert not english_unit.live
    structure = StructurePage.objects.get(locale=english)
    assert "Ban Chưa Dịch" in text(Client().get(structure.url))  # the Vietnamese name, as for any untranslated unit


# Caches


def test_with_every_cache_on_a_draft_stays_out_and_a_publish_shows_at_once(
    settings, editor, approver, cited, seed_article
):
    """Readers are served stored pages (delivery/page_cache.py) and stored parts (delivery/content_cache.py): an
    approval changes the content version, so the next reader gets the published change; a draft changes nothing."""
    settings.PAGE_CACHE_SECONDS = 60
    reader = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0")
    pages = [cited.get_absolute_url(), "/van-ban/", seed_article.url]
    for address in pages:
        reader.get(address)
        assert reader.get(address)["X-Page-Cache"] == "hit"
    writer = login(editor)
    post(writer, url(cited, "edit"), document_form(cited, issuer="Cơ quan mới"), "action-submit")
    assert all("Cơ quan mới" not in text(reader.get(address)) for address in pages)
    workflow_action(login(approver), fresh(cited), "approve")
    assert all("Cơ quan mới" in text(reader.get(address)) for address in pages)


# Migrations


def approval_setup():
    from wagtail.models import WorkflowContentType

    workflows = set(
        WorkflowContentType.objects.values_list("content_type__app_label", "content_type__model", "workflow__name")
    )
    permissions = set(
        Group.objects.filter(name__in=[roles.EDITORS, roles.APPROVERS]).values_list(
            "name", "permissions__content_type__app_label", "permissions__codename"
        )
    )
    return workflows, permissions


@pytest.mark.parametrize(
    ("module", "app_label"),
    [
        ("official_documents.migrations.0004_approval_workflow", "official_documents"),
        ("organisation.migrations.0007_approval_workflow", "organisation"),
    ],
)
def test_the_approval_migrations_roll_back_cleanly_and_rerun_without_change(module, app_label):
    import importlib

    from django.apps import apps

    migration = importlib.import_module(module)
    before = approval_setup()
    migration.unassign(apps, None)
    workflows, permissions = approval_setup()
    assert not {entry for entry in workflows if entry[0] == app_label}
    assert not {entry for entry in permissions if entry[1] == app_label and entry[2].startswith("publish_")}
    migration.assign(apps, None)
    migration.assign(apps, None)
    assert approval_setup() == before


def test_the_language_switcher_does_not_link_to_a_draft_translation(client, cited, english):
    _translation, english_document = english_translation_of(cited, english)
    english_page = english_document.get_absolute_url()
    assert english_page in text(client.get(cited.get_absolute_url()))
    OfficialDocument.objects.filter(pk=english_document.pk).update(live=False)  # as a translation not yet published
    assert english_page not in text(Client().get(cited.get_absolute_url()))
    assert Client().get(english_page).status_code == 404


@pytest.mark.parametrize(("flags", "live"), [((), False), (("--publish",), True)])
def test_documents_new_to_an_import_are_published_with_its_articles_only(tmp_path, flags, live):
    from django.core.management import call_command

    from tests.factories import article_record, jsonl

    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl([article_record(1, documents=["55/KH-LĐLĐ"])]), encoding="utf-8")
    call_command("import_articles", str(path), *flags, stdout=io.StringIO())
    assert OfficialDocument.objects.get(number="55/KH-LĐLĐ").live is live
    assert ("55/KH-LĐLĐ" in text(Client().get("/van-ban/"))) is live


def test_editors_cannot_publish_snippet_translations_by_syncing(editor, approver, cited, english):
    import datetime

    translation, english_document = english_translation_of(cited, english)
    OfficialDocument.objects.filter(pk=cited.pk).update(issued_on=datetime.date(2023, 3, 3))
    assert "Chỉ người duyệt được xuất bản ngay" in text(
        login(editor).get(f"/admin/localize/update/{translation.source.pk}/")
    )
    login(editor).post(f"/admin/localize/update/{translation.source.pk}/", {"publish_translations": "on"})
    assert fresh(english_document).issued_on != datetime.date(2023, 3, 3)
    login(approver).post(f"/admin/localize/update/{translation.source.pk}/", {"publish_translations": "on"})
    assert fresh(english_document).issued_on == datetime.date(2023, 3, 3)


def search_finds(query, article):
    results = json.loads(text(Client().get("/search/", {"q": query, "format": "json"})))["results"]
    return any(result["url"].endswith(article.url) or result["url"] == article.url for result in results)


def test_search_finds_a_citing_article_by_a_document_once_the_document_is_published(approver, seed_article):
    draft = OfficialDocument.objects.create(
        locale=Locale.get_default(), number="79/TB-LĐLĐ", kind="thong-bao", issuer="Hội đồng Xylophon", live=False
    )
    seed_article.documents.add(draft)
    seed_article.save_revision().publish()
    assert not search_finds("Xylophon", seed_article)  # a draft's citation is not searchable
    post(login(approver), url(draft, "edit"), document_form(draft), "action-publish")
    assert search_finds("Xylophon", seed_article)
    post(login(approver), url(draft, "unpublish"), {})
    assert not fresh(draft).live
    assert not search_finds("Xylophon", seed_article)
