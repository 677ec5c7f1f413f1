"""multipart/mixed bodies of statements with attachments, and signed
statements (JWS) as xAPI 1.0.3 describes them."""

import base64
import binascii
import hashlib
import json
import re

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .validation import SIGNATURE, Invalid

BOUNDARY_RE = re.compile(r'boundary="?([^";]+)"?', re.IGNORECASE)
HASHES = {
    56: hashlib.sha224,
    64: hashlib.sha256,
    96: hashlib.sha384,
    128: hashlib.sha512,
}


def boundary_of(content_type: str) -> str:
    match = BOUNDARY_RE.search(content_type)
    if not match:
        raise Invalid("multipart/mixed needs a boundary")
    return match.group(1)


def parse(body: bytes, content_type: str) -> list[tuple[dict, bytes]]:
    """[(headers, content)] of each part, headers' names lower-cased."""
    marker = b"--" + boundary_of(content_type).encode("latin-1")
    chunks = body.split(marker)
    if len(chunks) < 3:
        raise Invalid("the multipart body has no parts")
    parts = []
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            break
        if chunk.startswith(b"\r\n"):
            chunk = chunk[2:]
        head, separator, content = chunk.partition(b"\r\n\r\n")
        if not separator:
            raise Invalid("a part has no headers")
        if content.endswith(b"\r\n"):
            content = content[:-2]
        headers = {}
        for line in head.decode("latin-1").split("\r\n"):
            if ":" in line:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
        parts.append((headers, content))
    return parts


def build(
    statements_json: bytes, attachments: list[tuple[str, str, bytes]]
) -> tuple[bytes, str]:
    boundary = (
        "xapi-" + hashlib.sha1(statements_json, usedforsecurity=False).hexdigest()
    )
    out = [
        f"--{boundary}\r\nContent-Type: application/json\r\n\r\n".encode(),
        statements_json,
        b"\r\n",
    ]
    for sha2, content_type, content in attachments:
        out += [
            (
                f"--{boundary}\r\nContent-Type: {content_type}\r\n"
                "Content-Transfer-Encoding: binary\r\n"
                f"X-Experience-API-Hash: {sha2}\r\n\r\n"
            ).encode(),
            content,
            b"\r\n",
        ]
    out.append(f"--{boundary}--".encode())
    return b"".join(out), f'multipart/mixed; boundary="{boundary}"'


def digest(sha2: str, content: bytes) -> str:
    function = HASHES.get(len(sha2), hashlib.sha256)
    return function(content).hexdigest()


def _b64(segment: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except (binascii.Error, ValueError):
        raise Invalid("the signature is not a JWS") from None


def _stripped(statement: dict) -> dict:
    data = {
        k: v
        for k, v in statement.items()
        if k not in ("authority", "stored", "attachments")
    }
    return json.loads(json.dumps(data))


def check_signature(statement: dict, jws: bytes) -> None:
    """Raises Invalid unless `jws` is a compact JWS (RS256/384/512) whose
    payload is this statement, verified by its x5c certificate when given."""
    try:
        text = jws.decode("ascii").strip()
    except UnicodeDecodeError:
        raise Invalid("the signature is not a JWS") from None
    pieces = text.split(".")
    if len(pieces) != 3:
        raise Invalid("the signature is not a compact JWS")
    try:
        header = json.loads(_b64(pieces[0]))
        payload = json.loads(_b64(pieces[1]))
    except ValueError:
        raise Invalid("the signature is not a JWS") from None
    if not isinstance(header, dict) or not isinstance(payload, dict):
        raise Invalid("the signature is not a JWS")
    algorithms: dict[str, type[hashes.SHA256 | hashes.SHA384 | hashes.SHA512]] = {
        "RS256": hashes.SHA256,
        "RS384": hashes.SHA384,
        "RS512": hashes.SHA512,
    }
    algorithm = algorithms.get(str(header.get("alg")))
    if algorithm is None:
        raise Invalid("the signature's algorithm must be RS256, RS384 or RS512")
    mine, theirs = _stripped(statement), _stripped(payload)
    if "id" not in theirs:
        mine.pop("id", None)
    if mine != theirs:
        raise Invalid("the signed payload differs from the statement")
    chain = header.get("x5c")
    if chain:
        try:
            certificate = x509.load_der_x509_certificate(base64.b64decode(chain[0]))
            key = certificate.public_key()
            if not isinstance(key, rsa.RSAPublicKey):
                raise Invalid("the signature's key is not RSA")
            key.verify(
                _b64(pieces[2]),
                f"{pieces[0]}.{pieces[1]}".encode("ascii"),
                padding.PKCS1v15(),
                algorithm(),
            )
        except (InvalidSignature, ValueError, TypeError, IndexError):
            raise Invalid("the signature does not verify") from None


def signature_attachments(statement: dict) -> list[dict]:
    return [
        item
        for item in statement.get("attachments") or []
        if item.get("usageType") == SIGNATURE
    ]
