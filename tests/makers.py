"""Make input files of every kind for the tests: legacy encodings, web pages, Word files, PDFs."""
from __future__ import annotations

import io
import unicodedata

# --- legacy Vietnamese encodings ---------------------------------------------------------

def legacy_font_text(text: str, encoding: str) -> str:
    """`text` as typed in a TCVN3 (`tcvn3`) or VNI (`vni`) font: viparse's tables run backwards.

    TCVN3 has no upper-case toned letters (a `.VnTimeH` font draws the lower-case codes
    in capitals), so those are written lower case, as in real documents.
    """
    from viparse.normalize.encodings import CHARMAPS

    reverse: dict[str, str] = {}
    for legacy, uni in CHARMAPS[encoding].pairs:
        reverse.setdefault(uni, legacy)
    return "".join(reverse.get(c, reverse.get(c.lower(), c)) for c in unicodedata.normalize("NFC", text))


def legacy_bytes(text: str, encoding: str) -> bytes:
    """The bytes of an old TCVN3 or VNI text file (glyph codes are Latin-1 bytes, quotes Windows-1252's)."""
    return legacy_font_text(text, encoding).encode("cp1252")


_CP1258_TONES = {"\u0300": b"\xcc", "\u0301": b"\xec", "\u0303": b"\xde", "\u0309": b"\xd2", "\u0323": b"\xf2"}


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as Windows writes it: a toned letter is its base letter then a combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _CP1258_TONES))
        out += base.encode("cp1258") + b"".join(_CP1258_TONES[c] for c in parts if c in _CP1258_TONES)
    return bytes(out)


# --- documents ---------------------------------------------------------------------------

def html_page(body: str, charset: str = "utf-8") -> str:
    """A news page: the report in an <article>, wrapped in menus, a sidebar, scripts and a footer."""
    paragraphs = "".join(f"<p>{p}</p>\n" for p in body.split("\n") if p.strip())
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="{charset}"><title>Tin tức khoa học</title>
<script>var tracking = "Hội thảo quảng cáo trong script ngày 1/1/2001";</script>
<style>.menu {{ color: red }}</style></head>
<body>
<header><nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
<li><a href="/lien-he">Liên hệ quảng cáo</a></li></ul></nav></header>
<aside class="sidebar"><h3>Tin đọc nhiều</h3><ul><li><a href="/x">Diễn đàn doanh nghiệp tổ chức tại Cần Thơ</a></li>
<li><a href="/y">Giá vàng hôm nay</a></li></ul></aside>
<main><article><h1>Tin hội nghị</h1>
{paragraphs}</article></main>
<footer><p>Bản quyền thuộc Báo Khoa học. Địa chỉ: 1 Tràng Tiền, Hà Nội. Điện thoại 024 0000 0000.</p></footer>
<script>document.write("Tin quảng cáo");</script>
</body></html>
"""


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None, font: str | None = None) -> bytes:
    """A Word file with these paragraphs (and a table after the first), in `font` if given."""
    import docx

    document = docx.Document()
    for i, text in enumerate(paragraphs):
        run = document.add_paragraph().add_run(text)
        if font:
            run.font.name = font
        if i == 0 and table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def pdf_bytes(pages: list[str]) -> bytes:
    """A PDF whose text layer holds `pages` (one line of text per line), made by hand.

    A Type 1 font with a custom encoding puts each non-ASCII character on a byte of its
    own, and a ToUnicode map says which character each byte is, which is how real PDFs
    make their text extractable.
    """
    extra = sorted({c for page in pages for c in page if ord(c) > 126 or ord(c) < 32} - {"\n"})
    if len(extra) > 127:
        raise ValueError("too many distinct characters for one simple font")
    code = {c: 128 + i for i, c in enumerate(extra)}

    def show(line: str) -> bytes:
        out = bytearray()
        for c in line:
            b = code.get(c, ord(c))
            out += b"\\" + bytes([b]) if c in "\\()" else bytes([b])
        return bytes(out)

    cmap_entries = [(b, chr(b)) for b in range(32, 127)] + [(code[c], c) for c in extra]
    bfchar = "".join(f"<{b:02X}> <{c.encode('utf-16-be').hex().upper()}>\n" for b, c in cmap_entries)
    tounicode = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(cmap_entries)} beginbfchar\n{bfchar}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode("ascii")
    differences = " ".join(f"/g{code[c]}" for c in extra)

    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_obj = add(b"")
    cmap = add(b"<< /Length %d >>\nstream\n" % len(tounicode) + tounicode + b"\nendstream")
    font = add((f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
                f"/Differences [128 {differences}] >> /ToUnicode {cmap} 0 R >>").encode("ascii"))
    kids = []
    for page in pages:
        ops = bytearray(b"BT /F1 10 Tf 12 TL 40 800 Td\n")
        for line in page.split("\n"):
            ops += b"(" + show(line) + b") Tj T*\n"
        ops += b"ET"
        content = add(b"<< /Length %d >>\nstream\n" % len(ops) + bytes(ops) + b"\nendstream")
        kids.append(add((f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 595 842] "
                         f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>").encode("ascii")))
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode("ascii")
    objects[pages_obj - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                              f"/Count {len(kids)} >>").encode("ascii")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)
