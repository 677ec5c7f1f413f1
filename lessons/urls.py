from django.urls import path

from . import views

app_name = "lessons"

# The content origin's paths all start with /h5p-content/ (see
# lessons.h5p.middleware); the xAPI endpoint is on the platform.
urlpatterns = [
    path("h5p-content/play/<str:token>/", views.play, name="h5p_play"),
    path(
        "h5p-content/play/<str:token>/h5p/<path:path>",
        views.content_file,
        name="h5p_content_file",
    ),
    path(
        "h5p-content/play/<str:token>/state/<str:data_type>/<str:sub_content_id>",
        views.state,
        name="h5p_state",
    ),
    path(
        "h5p-content/libraries/<str:folder>/<path:path>",
        views.library_file,
        name="h5p_library_file",
    ),
    path("h5p-content/player/<path:path>", views.player_file, name="h5p_player_file"),
    path("h5p/xapi/<str:token>/", views.xapi, name="h5p_xapi"),
]
