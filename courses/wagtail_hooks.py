from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import services
from .models import CoursePage, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


@hooks.register("before_create_page")
def only_teachers_add_to_a_course(request, parent_page, page_class):
    # Instructors hold "add" on the whole catalog so they can start new courses;
    # inside an existing course only its own instructors may add pages.
    course = CoursePage.objects.ancestor_of(parent_page, inclusive=True).first()
    if course is None or request.user.is_superuser:
        return None
    if not course.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return None


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def sync_course_instructors(request, page):
    if isinstance(page.specific, CoursePage):
        services.sync_instructor_permissions(course=page.specific)
