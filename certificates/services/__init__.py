"""Certificate writes: issue, render, mail, revoke, reissue, export. Every
change goes through here; each module holds one job:

- `issuing`: the record is the certificate (serial, code, dates); issuing
  enqueues the notification and the PDF on commit;
- `codes`: serials and verification codes, and the URLs made from a code;
- `storage`: the PDF, rendered by its own task or on first download, cached;
- `mail`: the learner's notifications (`notifications.services.notify`);
- `queue`: tasks enqueued once committed (in one transaction on the ORM
  broker, which otherwise reconnects to the database at each enqueue);
- `revocation`: revoke and reissue;
- `exports`: ZIPs of PDFs for the register (a kind of the exports app).

The names below are the app's public surface (views, tasks, other apps).
"""

from .codes import (
    CODE_LENGTH,
    new_verification_code,
    verification_qr_data,
    verification_url,
)
from .exports import build_zip, request_export
from .issuing import (
    BATCH_SIZE,
    ISSUE_FIELDS,
    SWEEP_LOCK,
    SWEEP_WINDOW,
    NotExpired,
    issue_certificate,
    issue_certificate_on_completion,
    issue_certificates,
    issue_path_certificate,
    issue_pending_certificates,
    recertify,
)
from .mail import (
    certificate_language,
    notify_certificates,
    remind_expiring,
)
from .revocation import AlreadyRevoked, reissue_certificate, revoke_certificate
from .storage import (
    UnknownLanguage,
    certificate_pdf,
    certificate_pdf_in,
    render_certificate_pdf,
    render_certificate_pdfs,
    revoked_pdf,
)

__all__ = [
    "BATCH_SIZE",
    "CODE_LENGTH",
    "ISSUE_FIELDS",
    "SWEEP_LOCK",
    "SWEEP_WINDOW",
    "AlreadyRevoked",
    "NotExpired",
    "UnknownLanguage",
    "build_zip",
    "certificate_language",
    "certificate_pdf",
    "certificate_pdf_in",
    "issue_certificate",
    "issue_certificate_on_completion",
    "issue_certificates",
    "issue_path_certificate",
    "issue_pending_certificates",
    "new_verification_code",
    "notify_certificates",
    "recertify",
    "reissue_certificate",
    "remind_expiring",
    "render_certificate_pdf",
    "render_certificate_pdfs",
    "request_export",
    "revoke_certificate",
    "revoked_pdf",
    "verification_qr_data",
    "verification_url",
]
