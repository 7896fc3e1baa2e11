"""What a PDF's pages need that is not in the file: fonts whose program is not embedded."""

from __future__ import annotations

import io

from pypdf import PdfReader


def unembedded_fonts(data: bytes, password: str | None = None) -> set[str]:
    """The fonts the pages use whose program is not in the file."""
    reader = PdfReader(io.BytesIO(data))
    if password is not None:
        reader.decrypt(password)
    missing = set()
    for page in reader.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        for font in (fonts.get_object().values() if fonts else ()):
            font = font.get_object()
            if font.get("/Subtype") == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None or not any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2",
                                                           "/FontFile3")):
                missing.add(str(font.get("/BaseFont")))
    return missing
