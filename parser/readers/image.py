"""Photographed and scanned résumés: PNG, JPEG, TIFF (fax gateways, several pages) and WEBP.

The image is checked against ``max_image_pixels`` from its header before it is decoded (a
30000×30000 image is ``too_large`` at once, not after gigabytes), turned the way its EXIF
orientation says (phones store portrait photos sideways), and read by OCR
(:mod:`parser.readers.ocr`) page by page up to ``max_ocr_pages``. Without OCR installed the
document has no text and says so (``no_text_layer``), like an image-only PDF.
"""

from __future__ import annotations

import io
import warnings

from ..document import Document, LineBuilder
from ..errors import DocumentError
from ..limits import Limits
from . import ocr
from .pdf import add_ocr_page


def read_image(data: bytes, media_type: str, limits: Limits) -> Document:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > limits.max_image_pixels:
                raise DocumentError(
                    "too_large",
                    f"a {width}×{height} image is over the {limits.max_image_pixels}-pixel limit",
                )
            builder = LineBuilder(media_type)
            doc_warnings: list[tuple[str, str]] = []
            pages = getattr(image, "n_frames", 1)
            ocr_pages: list[int] = []
            for page_no in range(1, min(pages, limits.max_ocr_pages) + 1):
                image.seek(page_no - 1)
                page = ImageOps.exif_transpose(image.copy()) or image.copy()
                if not ocr.available():
                    doc_warnings.append(
                        ("no_text_layer", f"page {page_no} is an image and OCR is not installed")
                    )
                    continue
                chars, confidence = add_ocr_page(builder, page, page_no, limits)
                if chars:
                    ocr_pages.append(page_no)
                    doc_warnings.append(
                        ("ocr", f"page {page_no} was read by OCR (mean word confidence {confidence:.2f})")
                    )
            if pages > limits.max_ocr_pages:
                doc_warnings.append(
                    ("truncated", f"only the first {limits.max_ocr_pages} of {pages} pages were read")
                )
    except DocumentError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise DocumentError(
            "corrupt" if isinstance(exc, UnidentifiedImageError) else "too_large", str(exc)
        ) from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise DocumentError("corrupt", f"the image cannot be read: {type(exc).__name__}: {exc}") from exc
    doc = builder.build(merge=True)
    doc.pages = min(pages, limits.max_ocr_pages)
    doc.ocr_pages = ocr_pages
    doc.warnings.extend(doc_warnings)
    return doc
