from django.urls import path

from . import views

app_name = "discussions"

urlpatterns = [
    path("courses/<id:course_id>/", views.thread_list, name="threads"),
    path("courses/<id:course_id>/new/", views.new_thread, name="new_thread"),
    path("courses/<id:course_id>/moderation/", views.moderation, name="moderation"),
    path("threads/<id:thread_id>/", views.thread_page, name="thread"),
    path("threads/<id:thread_id>/follow/", views.follow, name="follow"),
    path(
        "threads/<id:thread_id>/moderate/",
        views.moderate_thread,
        name="moderate_thread",
    ),
    path("posts/<id:post_id>/edit/", views.edit_post, name="edit_post"),
    path("posts/<id:post_id>/report/", views.report_post, name="report_post"),
    path("posts/<id:post_id>/moderate/", views.moderate_post, name="moderate_post"),
    path("announcements/new/", views.new_announcement, name="new_announcement"),
    path(
        "announcements/<id:announcement_id>/",
        views.announcement,
        name="announcement",
    ),
]
