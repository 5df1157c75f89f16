"""Local development: DEBUG on, a fixed throw-away secret, e-mails printed to the console."""

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = "development-only-secret-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "*")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
