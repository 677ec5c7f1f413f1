from django.urls import path

from . import views

app_name = "enrollments"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("calendar/reset/", views.reset_calendar, name="reset_calendar"),
    path(
        "learning/lessons/<id:lesson_id>/complete/",
        views.complete_lesson,
        name="complete_lesson",
    ),
]
