"""Reading a certificate PDF's QR code as a phone would: the page rendered to
pixels (pypdfium2) and decoded (zxing-cpp)."""

import pypdfium2
import zxingcpp


def qr_in(pdf_bytes: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf_bytes)
    image = document[0].render(scale=3).to_pil()
    codes = zxingcpp.read_barcodes(image)
    assert len(codes) == 1, f"expected one QR code on the page, found {len(codes)}"
    assert codes[0].format == zxingcpp.BarcodeFormat.QRCode
    return codes[0].text
