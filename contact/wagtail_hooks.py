from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.forms.utils import get_form_types
from wagtail.models import Page

from contact.personal_data import can_handle
from contact.reader_messages import ReaderMessagesIndexView


@hooks.register("filter_form_submissions_for_user")
def submissions_only_for_those_who_handle_them(user, editable_forms):
    """Wagtail lets whoever may edit a form page read and export its submissions: here, only the group
    "Tiếp nhận ý kiến bạn đọc" and administrators, whether or not they may edit the page (contact/personal_data.py)."""
    if not can_handle(user):
        return editable_forms.none()
    return Page.objects.filter(content_type__in=get_form_types())


@hooks.register("register_admin_urls")
def register_reader_messages_url():
    return [path("reader-messages/", ReaderMessagesIndexView.as_view(), name="contact_reader_messages")]


@hooks.register("construct_main_menu")
def forms_menu_leads_to_reader_messages(request, menu_items):
    """Wagtail's "Forms" entry, shown to whoever may see some submissions, leads to the list above: Wagtail's own
    would refuse those who handle readers' messages without a right on pages."""
    for index, item in enumerate(menu_items):
        if item.name == "forms":  # replaced, not changed: registered menu items are shared by every request
            menu_items[index] = MenuItem(
                _("Tin nhắn bạn đọc"),
                reverse("contact_reader_messages"),
                name="forms",
                icon_name="form",
                order=item.order,
            )
