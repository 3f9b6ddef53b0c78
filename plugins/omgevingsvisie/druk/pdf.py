"""Writing a print document as a tagged PDF (PDF/UA-1) with WeasyPrint, all or nothing."""

from __future__ import annotations

import logging
import os
from pathlib import Path

PDF_VARIANT = "pdf/ua-1"


class PdfError(Exception):
    """A Dutch message: the PDF could not be made; nothing was written."""


def write_pdf(html: str, target: Path, base_dir: Path | None = None) -> int:
    """Render ``html`` to ``target`` via a temporary file beside it; returns the size in bytes.

    A failure leaves no file at ``target`` (nor half a one) and raises :class:`PdfError`.
    """
    if target.exists() and not target.is_file():
        raise PdfError(f"{target.name} kon niet worden gemaakt: op die plek in de site staat al een map met die naam")
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: the system libraries (Pango) are missing
        raise PdfError(
            "WeasyPrint kan niet worden geladen; installeer het Python-pakket weasyprint en de "
            f"systeempakketten voor Pango (zie de handleiding, Beheer). Melding: {error}"
        ) from None
    temporary = target.with_name(f".{target.name}.in-aanbouw")
    # WeasyPrint reports CSS it ignores as warnings; they are about our print style, not the visie.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    try:
        document = HTML(string=html, base_url=str(base_dir or target.parent))
        document.write_pdf(temporary, pdf_variant=PDF_VARIANT, uncompressed_pdf=False)
        os.replace(temporary, target)
    except Exception as error:  # noqa: BLE001 - any failure of the renderer is reported in Dutch
        temporary.unlink(missing_ok=True)
        raise PdfError(f"{target.name} kon niet worden gemaakt: {type(error).__name__}: {error}") from None
    return target.stat().st_size
