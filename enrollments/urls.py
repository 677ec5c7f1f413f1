from django.urls import path

from . import views

app_name = "enrollments"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path(
        "learning/lessons/<id:lesson_id>/complete/",
        views.complete_lesson,
        name="complete_lesson",
    ),
]
