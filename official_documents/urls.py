from django.urls import path

from official_documents import views

app_name = "official_documents"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("cong-khai-tai-chinh/", views.financial_reports, name="financial_reports"),
]
