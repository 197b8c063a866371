"""File types -> text: plain text and Markdown, web pages, Word documents, PDFs with a text layer.

Each reader takes the file's bytes and returns a `Decoded` (text, how it was decoded,
what was converted). Their libraries are imported only when a file of their kind
turns up; the heavy ones are optional extras:

| suffix | reads | with |
|---|---|---|
| .txt .text .md .markdown (and any other explicitly named file) | the decoded text, as is | `decoding` |
| .html .htm .xhtml | the article body (no menus, scripts, footers) | `trafilatura` (extra `html`) |
| .docx | body paragraphs and tables, in order | `python-docx` (extra `docx`) |
| .pdf | the text layer, page by page | `pypdf` |

Text from any of them that was typed in a legacy Vietnamese font (TCVN3, VNI) is
converted to Unicode (`decoding.convert_legacy`).
"""
from __future__ import annotations

import codecs
import hashlib
import io
import logging
import re
import unicodedata
import zipfile

from .decoding import Decoded, InputError, convert_legacy, decode_bytes, decode_raw

FORMATS = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".docx": "docx", ".pdf": "pdf",
}
BATCH_SUFFIXES = (".jsonl",)
"""JSON Lines of {"id": ..., "text": ...}: one record per line (see `batch`)."""
INPUT_SUFFIXES = (*FORMATS, *BATCH_SUFFIXES)
"""What a folder is searched for."""

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""A .docx whose parts unpack to more than this is refused (a zip bomb is no report)."""


def format_of(name: str) -> str:
    """The format of a file by its suffix; anything unknown is read as plain text."""
    dot = name.rfind(".")
    return FORMATS.get(name[dot:].lower(), "txt") if dot >= 0 else "txt"


def read_bytes_as(data: bytes, fmt: str, name: str) -> Decoded:
    """The text of one file of format `fmt` (`txt`, `md`, `html`, `docx`, `pdf`)."""
    if fmt in ("txt", "md"):
        decoded = decode_bytes(data, name)
        return Decoded(decoded.text, decoded.encoding, decoded.sha256, decoded.conversion, fmt)
    reader = _READERS.get(fmt)
    if reader is None:
        raise ValueError(f"unknown input format {fmt!r}")
    text, encoding, conversion = reader(data, name)
    if conversion is None:
        text, conversion = convert_legacy(text)
    return Decoded(text, encoding, hashlib.sha256(data).hexdigest(), conversion, fmt)


def _need(module: str, extra: str, name: str, kind: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(f"{name}: reading {kind} needs the '{extra}' extra: "
                         f"pip install 'meeting-extractor[{extra}]'") from None


# --- HTML --------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _read_html(data: bytes, name: str) -> tuple[str, str, str | None]:
    trafilatura = _need("trafilatura", "html", name, "web pages")
    html, encoding, conversion = _decode_html(data, name)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    text = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=True,
                               include_links=False, include_images=False, favor_recall=True,
                               deduplicate=False, with_metadata=False)
    if not text:  # no article found: the visible text of the page, scripts and styles dropped
        text = trafilatura.html2txt(html) or ""
    return text, encoding, conversion


def _decode_html(data: bytes, name: str) -> tuple[str, str, str | None]:
    """A page's own declared charset first, then what the bytes say (UTF-8, UTF-16, legacy)."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            charset = declared.group(1).decode("ascii").lower()
            if charset not in ("utf-8", "utf8"):
                try:
                    html = data.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    pass  # a wrong or unknown declaration: let the bytes speak
                else:
                    if codecs.lookup(charset).name == "cp1258":  # tone marks stored apart
                        return unicodedata.normalize("NFC", html), charset, "nfc"
                    return html, charset, None
    return decode_raw(data, name)


# --- DOCX --------------------------------------------------------------------------------

def _read_docx(data: bytes, name: str) -> tuple[str, None, None]:
    docx = _need("docx", "docx", name, ".docx files")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            unpacked = sum(info.file_size for info in zf.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise InputError(f"{name}: unpacks to {unpacked} bytes, more than the {MAX_UNPACKED_BYTES}-byte limit")
        document = docx.Document(io.BytesIO(data))
    except InputError:
        raise
    except Exception as exc:  # not a zip, no word/document.xml, broken XML...
        raise InputError(f"{name}: not a readable .docx file ({type(exc).__name__}: {exc})") from exc
    from docx.table import Table

    blocks: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:  # a merged cell repeats: keep it once
                    if not cells or cell.text != cells[-1]:
                        cells.append(cell.text)
                blocks.append("\t".join(cells))
        else:
            blocks.append(block.text)
    return "\n".join(blocks), None, None


# --- PDF ---------------------------------------------------------------------------------

def _read_pdf(data: bytes, name: str) -> tuple[str, None, None]:
    pypdf = _need("pypdf", "all", name, "PDF files")
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is encrypted with a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"{name}: not a readable PDF ({type(exc).__name__}: {exc})") from exc
    text = "\n\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        raise InputError(f"{name}: the PDF has no text layer (a scan? run OCR on it first)")
    return text, None, None


_READERS = {"html": _read_html, "docx": _read_docx, "pdf": _read_pdf}
