#!/usr/bin/env python3
"""Regenerate the bundled print fonts of the default theme.

Cuts Noto Sans CJK SC Regular and Bold (SIL OFL 1.1) down to the GBK character set (which
contains GB2312 and its symbol rows, and the name characters GB2312 lacks: 琇 堃 喆 珺 昇 彧 玥 祎),
so a fresh machine prints Chinese with no system fonts:

    themes/default/fonts/NotoSansCJKsc-Regular-gbk.otf
    themes/default/fonts/NotoSansCJKsc-Bold-gbk.otf

GB2312 alone was measured first (1.9 MB a face) but real notices name colleges and hospitals
with characters outside it (光琇医院 in a real timetable), so the default is GBK (about 6 MB a face).

Usage (needs fontTools: `pip install fonttools`, and `apt-get install fonts-noto-cjk`):

    python3 scripts/subset-fonts.py [--src /usr/share/fonts/opentype/noto] [--out themes/default/fonts]
    python3 scripts/subset-fonts.py --print-charset   # the character list, one line

The source is the Debian/upstream collection NotoSansCJK-{Regular,Bold}.ttc, face 2 (SC):
printpdf applies no `locl` shaping, so the face's own cmap decides glyph forms and only the
SC face gives mainland forms (骨, 直, 门, “).

Layout tables are dropped (`--layout-features=''`): printpdf never applies GSUB/GPOS, and
dropping them halves the file size.
"""

import argparse
import os
import subprocess
import sys
import tempfile

FACES = [("Regular", "NotoSansCJK-Regular.ttc"), ("Bold", "NotoSansCJK-Bold.ttc")]
SC_FACE_INDEX = 2


def gb2312_chars():
    """Every character GB2312 encodes: decode every valid two-byte code, rows A1-F7, cells A1-FE.

    That is the 6,763 hanzi (rows B0-F7) plus the 682 symbols of rows A1-A9 (full-width forms,
    “ ” — … ·, ①, Greek, Cyrillic, box drawing, pinyin, zhuyin).
    """
    chars = set()
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def gbk_chars():
    """Every character GBK encodes: lead bytes 81-FE, trail bytes 40-FE except 7F."""
    chars = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                chars.add(bytes([lead, trail]).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return chars


def charset():
    """GBK (a superset of GB2312) plus what Chinese documents also use that lives outside it."""
    chars = gb2312_chars() | gbk_chars()
    chars.update(chr(c) for c in range(0x20, 0x7F))  # ASCII
    chars.update(chr(c) for c in range(0x3000, 0x3040))  # CJK symbols and punctuation: 〔〕「」『』
    chars.update(chr(c) for c in range(0xFF00, 0xFFF0))  # half- and full-width forms
    chars.update(chr(c) for c in range(0x2010, 0x2028))  # dashes, quotes, ellipsis
    chars.add("\u00b7")  # middle dot
    return "".join(sorted(chars))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", default="/usr/share/fonts/opentype/noto")
    ap.add_argument("--out", default=os.path.join(root, "themes", "default", "fonts"))
    ap.add_argument("--print-charset", action="store_true")
    args = ap.parse_args()

    text = charset()
    if args.print_charset:
        sys.stdout.write(text + "\n")
        return 0

    os.makedirs(args.out, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write(text)
        text_file = f.name
    try:
        for style, src_name in FACES:
            src = os.path.join(args.src, src_name)
            if not os.path.exists(src):
                sys.exit(f"missing {src}: apt-get install fonts-noto-cjk, or pass --src")
            out = os.path.join(args.out, f"NotoSansCJKsc-{style}-gbk.otf")
            cmd = [
                "pyftsubset", src,
                f"--font-number={SC_FACE_INDEX}",
                f"--text-file={text_file}",
                "--layout-features=",
                "--name-IDs=*",
                "--notdef-outline",
                "--desubroutinize",
                f"--output-file={out}",
            ]
            print(" ".join(cmd), file=sys.stderr)
            subprocess.run(cmd, check=True)
            print(f"{out}: {os.path.getsize(out):,} bytes, {len(text):,} characters", file=sys.stderr)
    finally:
        os.unlink(text_file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
