"""The visible text of a page, and the English words of our interface that a
French page must not show."""

import re
from html.parser import HTMLParser

# Words and phrases of the interface (not content): any of them, as a whole
# word, on a French page is a string left in English.
ENGLISH_UI = (
    "Skip to content",
    "Change language",
    "Log in",
    "Log out",
    "Sign up",
    "My learning",
    "Certificates",
    "Certificate",
    "Course",
    "Courses",
    "Browse",
    "Home",
    "Page not found",
    "Bad request",
    "Access denied",
    "Something went wrong",
    "Server error",
    "Password",
    "Forgotten",
    "Full name",
    "Create your account",
    "Already registered",
    "Awarded to",
    "Completed on",
    "Issued by",
    "Valid",
    "Expired",
    "Revoked",
    "until",
    "verification",
    "the learning platform of",
    "Language",
    "Main",
    "Account",
    "Download",
    "Send",
    "Reset",
    "hours",
    "lessons",
)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            # What a screen reader or a browser shows of attributes too.
            if name in ("aria-label", "title", "placeholder", "alt") and value:
                self.parts.append(value)
            if name == "value" and tag in ("button",) and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def english_left(html: str, allowed: tuple[str, ...] = ()) -> list[str]:
    """The interface's English words in the page's visible text; `allowed`
    are content strings (a course title, a learner's name) removed first."""
    text = visible_text(html)
    for content in allowed:
        text = text.replace(content, " ")
    return [
        word
        for word in ENGLISH_UI
        if re.search(rf"(?<![\w’']){re.escape(word)}(?![\w’'])", text)
    ]
