"""A French reader's certificate e-mail through the real SMTP backend, to a
small SMTP server on the loopback interface: what leaves the platform is
French, its links under /fr/, its subject encoded for the wire."""

import email
import socketserver
import threading
from email.header import decode_header, make_header

import pytest
from django.utils import translation

from enrollments import services
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db


class _Session(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self.reply("220 loopback ESMTP")
        while line := self.rfile.readline():
            command = line.decode("ascii", "replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 loopback")
            elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                self.reply("250 OK")
            elif command == "DATA":
                self.reply("354 go on")
                lines = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                self.server.received.append(b"".join(lines))  # type: ignore[attr-defined]
                self.reply("250 queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not here")


@pytest.fixture
def smtp(settings):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Session)
    server.daemon_threads = True
    server.received = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.server_address[1]},
        }
    }
    yield server.received  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()


def test_a_french_readers_certificate_mail_goes_out_in_french(
    smtp, catalog, django_capture_on_commit_callbacks
):
    learner = UserFactory(language="fr", email="lea@example.org")
    course = make_course(catalog, title="Protection", lessons=1)
    services.enroll(learner=learner, course=course)
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.complete_lesson(
            learner=learner, lesson=course.get_children().live().specific().first()
        )
    certificate = learner.enrollments.get(course=course).certificate
    (raw,) = smtp
    message = email.message_from_bytes(raw)
    assert message["To"] == "lea@example.org"
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject == "Votre certificat pour Protection"
    # The notifications app's e-mail: a plain-text and an HTML part.
    (text,) = [p for p in message.walk() if p.get_content_type() == "text/plain"]
    assert [p for p in message.walk() if p.get_content_type() == "text/html"]
    body = text.get_payload(decode=True).decode(text.get_content_charset())
    assert "Félicitations : vous avez terminé Protection." in body
    assert f"/fr/certificates/verify/{certificate.verification_code}/" in body
    assert "/en/" not in body
