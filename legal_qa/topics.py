"""The fields of law a reader's question belongs to: chosen in the question form (forms.py), stored with the
question and listed on the page (models.py), which is why they live apart from both."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    WAGES = "tien-luong", _("Tiền lương")
    SOCIAL_INSURANCE = "bao-hiem-xa-hoi", _("Bảo hiểm xã hội")
    CONTRACTS = "hop-dong-lao-dong", _("Hợp đồng lao động")
    SAFETY = "an-toan-ve-sinh-lao-dong", _("An toàn, vệ sinh lao động")
    WORKING_TIME = "thoi-gio-lam-viec", _("Thời giờ làm việc, nghỉ ngơi")
    TRADE_UNION = "cong-doan", _("Công đoàn, đoàn viên")
    OTHER = "khac", _("Lĩnh vực khác")
