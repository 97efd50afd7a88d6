"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a mark and Windows-1252, with a
warning when the encoding was guessed and a refusal for binary files.
"""

import re
import unicodedata

from ..errors import InputError

# A declared encoding (byte-order mark) may have this share of undecodable characters,
# replaced by U+FFFD (a file cut off mid-character); more, and the file is refused.
MAX_REPLACED_SHARE = 0.001
# A UTF-8 file may hold this many bytes that are not UTF-8 (or the share above, if more),
# each read as Windows-1252, before the whole file is taken to be in another encoding.
MAX_STRAY_BYTES = 3
STRAY_BYTE = re.compile("[\udc80-\udcff]")
UTF8_LETTER = re.compile("[\u0080-\udbff\ue000-\U0010ffff]")
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# UTF-16 without a mark: nearly all zero bytes fall on one side of each byte pair (the
# high byte of spaces, digits and Latin letters); in binary files they fall on both.
UTF16_ZERO_SIDE_SHARE = 0.95
# ... and at least this share of byte pairs hold a zero (the spaces of a Cyrillic or Greek
# text give ~15%; Latin text ~100%), so a stray NUL in a UTF-8 file is not read as UTF-16.
UTF16_MIN_ZERO_SHARE = 0.1
# Text with more control characters than this share is taken for a binary file.
MAX_CONTROL_SHARE = 0.01
BINARY = "this looks like a binary file (PDF, image, archive), not text"
# Above this share of non-ASCII letters, a Windows-1252 reading is taken to be wrong: French
# or Portuguese have under 10% accented letters, while Cyrillic or Greek text misread as
# Windows-1252 comes out nearly all accented Latin letters.
MAX_ACCENTED_SHARE = 0.25


def guessed_message(encoding: str) -> str:
    return (
        f"the file is not UTF-8 and its encoding was guessed as {encoding}; if letters look "
        "wrong, save the file as UTF-8 and add it again"
    )


# Encodings


def decode(data: bytes, source: str) -> str:
    """Bytes to text: a byte-order mark's encoding, UTF-16 without one, UTF-8,
    Windows-1252, else the detected encoding.

    Refuses binary files (PDF, image, archive renamed .txt) and text whose encoding
    cannot be told, with a reason."""
    return decode_bytes(data, source)[0]


def decode_bytes(data: bytes, source: str) -> tuple[str, str | None]:
    """The text, and the encoding's name when it had to be guessed."""
    guessed = None
    for mark, encoding in BOMS:
        if data.startswith(mark):
            why = f"starts with a {encoding.upper()} byte-order mark"
            text = _decode_declared(data[len(mark) :], encoding, source, why)
            break
    else:
        text, guessed = _decode_unmarked(data, source)
    controls = sum(1 for char in text if unicodedata.category(char) in ("Cc", "Cs", "Co"))
    controls -= sum(text.count(char) for char in "\n\r\t\f\v")
    if controls > MAX_CONTROL_SHARE * max(1, len(text)):
        raise InputError(source, BINARY)
    return text, guessed


def _decode_unmarked(data: bytes, source: str) -> tuple[str, str | None]:
    if b"\x00" in data:
        encoding = _utf16_byte_order(data)
        if encoding is None:
            raise InputError(source, BINARY)
        why = "looks like UTF-16 without a byte-order mark"
        return _decode_declared(data, encoding, source, why), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    mixed = _decode_mostly_utf8(data)
    if mixed is not None:
        return mixed
    western = _decode_western(data)
    if western is not None:
        return western, None
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "cannot tell the text encoding; save the file as UTF-8")
    return str(best), best.encoding


def _decode_mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few stray Windows-1252 bytes (a curly quote pasted from an old
    editor), each read as Windows-1252; None when more than a few bytes are not UTF-8."""
    text = data.decode("utf-8", errors="surrogateescape")  # a stray byte: U+DC80 + byte
    stray = len(STRAY_BYTE.findall(text))
    if not UTF8_LETTER.search(text):  # no UTF-8 sequence at all: a Windows-1252 file
        return None
    if stray > max(MAX_STRAY_BYTES, MAX_REPLACED_SHARE * len(data)):
        return None
    text = STRAY_BYTE.sub(
        lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", errors="replace"), text
    )
    return text, f"UTF-8 with {stray} Windows-1252 byte{'s' if stray > 1 else ''}"


def _decode_declared(data: bytes, encoding: str, source: str, why: str) -> str:
    """Decode in an encoding the file declares (or shows); a few broken characters (a
    file cut off mid-character) become U+FFFD, more and the file is refused."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
    replaced = text.count("\ufffd")
    if replaced > max(1, MAX_REPLACED_SHARE * len(text)):
        raise InputError(
            source,
            f"the file {why} but {replaced:,} characters cannot be read in that encoding; "
            "save it again as UTF-8",
        )
    return text


def _decode_western(data: bytes) -> str | None:
    """Windows-1252 / Latin-1 text, if decoding so gives mostly plain Latin letters.

    Detectors guess poorly on short English text; English pages that are not UTF-8
    are nearly always in one of these two encodings.
    """
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        letters = [char for char in text if char.isalpha()]
        accented = sum(1 for char in letters if not char.isascii())
        if letters and accented <= MAX_ACCENTED_SHARE * len(letters):
            return text
    return None


def _utf16_byte_order(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" if the zero bytes look like UTF-16 text's, else None."""
    sample = data[: 1 << 16]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if even + odd < UTF16_MIN_ZERO_SHARE * len(sample) / 2:
        return None
    if odd >= UTF16_ZERO_SIDE_SHARE * (even + odd):
        return "utf-16-le"
    if even >= UTF16_ZERO_SIDE_SHARE * (even + odd):
        return "utf-16-be"
    return None
