"""The newsroom's roles, as data shared by the migration that creates them and the demo content."""

EDITORS = "Biên tập viên"
APPROVERS = "Người duyệt"
# Those who handle what readers send (contact messages, legal questions and their askers' details), Decree
# 13/2023/ND-CP: nobody else but administrators sees them (docs/workflow.md).
READER_MESSAGES = "Tiếp nhận ý kiến bạn đọc"
WORKFLOW = "Duyệt tin bài"
APPROVAL_TASK = "Người duyệt phê duyệt"

# (app_label, model, codename) of model permissions, by group.
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("official_documents", "officialdocument", "add_officialdocument"),
    ("official_documents", "officialdocument", "change_officialdocument"),
    ("official_documents", "officialdocument", "view_officialdocument"),
]
APPROVER_PERMISSIONS = EDITOR_PERMISSIONS + [
    ("official_documents", "officialdocument", "delete_officialdocument"),
]

# Page permissions on the home page, i.e. its sections, articles and campaigns.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
APPROVER_PAGE_PERMISSIONS = EDITOR_PAGE_PERMISSIONS + ["publish_page", "lock_page", "unlock_page"]

# Permissions on the root collection of images and documents (files).
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "change_image"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "choose_document"),
]
APPROVER_COLLECTION_PERMISSIONS = EDITOR_COLLECTION_PERMISSIONS + [
    ("wagtailimages", "image", "delete_image"),
    ("wagtaildocs", "document", "delete_document"),
]

# Editors and approvers see what readers searched for (the report of search/admin_views.py) and choose promoted
# results for a search (wagtail.contrib.search_promotions); given by editorial/0007.
SEARCH_PERMISSIONS = [
    ("search", "dailysearch", "view_dailysearch"),
    ("wagtailsearchpromotions", "searchpromotion", "add_searchpromotion"),
    ("wagtailsearchpromotions", "searchpromotion", "change_searchpromotion"),
    ("wagtailsearchpromotions", "searchpromotion", "delete_searchpromotion"),
]

READER_MESSAGES_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("legal_qa", "legalquestion", "add_legalquestion"),
    ("legal_qa", "legalquestion", "change_legalquestion"),
    ("legal_qa", "legalquestion", "view_legalquestion"),
    ("legal_qa", "legalquestion", "delete_legalquestion"),
]
