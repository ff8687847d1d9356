"""A document's .docx assembled from ready bytes: the template's fixed members once, the filled parts each time.

A .docx is a zip of about twenty members, of which one to three (the body, headers, footers) carry fields.
Writing each document through ``zipfile`` copied and re-packed every fixed member's headers and deflated
the template's 800 KB of styles again: for a consent form that was two thirds of its rendering time, and
a district's run makes eight thousand documents. Here ``zipfile`` writes the template once, with the
filled parts empty; that archive is cut into each member's local header, data and central record. A
document is then those bytes joined, with the filled parts' CRC, sizes and every member's offset put in
the places the zip format keeps them. ``tests/test_docs_speed.py`` pins the result to what
``ZipFile.writestr`` writes, byte for byte.
"""

from __future__ import annotations

import copy
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

_END = b"PK\x05\x06"  # the end of central directory record's signature
_LOCAL_SIZES, _CENTRAL_SIZES, _CENTRAL_OFFSET, _END_DIRECTORY = 14, 16, 42, 12  # where the zip format keeps them
SUPPORTED = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


@dataclass(frozen=True)
class _Member:
    name: str
    filled: bool
    head: bytes  # the local file header
    body: bytes  # the compressed data (a fixed member's; empty for a filled one)
    central: bytes  # the central directory record
    deflated: bool


class ZipLayout:
    """The template's members in order, ready to be joined into a document (``build``)."""

    def __init__(self, infos: list[zipfile.ZipInfo], blobs: dict[str, bytes], filled) -> None:
        if any(i.compress_type not in SUPPORTED for i in infos):
            raise ValueError("compression other than deflate")  # the caller writes such a template by zipfile
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for info in infos:
                z.writestr(copy.copy(info), b"" if info.filename in filled else blobs[info.filename])
            written = z.infolist()
        data = buffer.getvalue()
        end = data.rindex(_END)
        self.end = data[end:]
        at = struct.unpack_from("<L", data, end + _END_DIRECTORY + 4)[0]
        self.members: list[_Member] = []
        for info in written:
            name_len, extra_len, comment_len = struct.unpack_from("<3H", data, at + 28)
            central = data[at:at + 46 + name_len + extra_len + comment_len]
            at += len(central)
            start = info.header_offset
            local_name, local_extra = struct.unpack_from("<2H", data, start + 26)
            head = data[start:start + 30 + local_name + local_extra]
            body = data[start + len(head):start + len(head) + info.compress_size]
            filled_member = info.filename in filled
            self.members.append(_Member(info.filename, filled_member, head, b"" if filled_member else body,
                                        central, info.compress_type == zipfile.ZIP_DEFLATED))

    def build(self, filled: dict[str, bytes]) -> bytes:
        """The document: every fixed member as the template has it, each filled one from ``filled``."""
        parts: list[bytes] = []
        directory: list[bytes] = []
        offset = 0
        for m in self.members:
            head, body, central = m.head, m.body, bytearray(m.central)
            if m.filled:
                raw = filled[m.name]
                if m.deflated:
                    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)  # zipfile's own
                    body = packer.compress(raw) + packer.flush()
                else:
                    body = raw
                sizes = (zlib.crc32(raw), len(body), len(raw))
                head = bytearray(head)
                struct.pack_into("<3L", head, _LOCAL_SIZES, *sizes)
                struct.pack_into("<3L", central, _CENTRAL_SIZES, *sizes)
            struct.pack_into("<L", central, _CENTRAL_OFFSET, offset)
            parts += (head, body)
            directory.append(central)
            offset += len(head) + len(body)
        table = b"".join(directory)
        end = bytearray(self.end)
        struct.pack_into("<2L", end, _END_DIRECTORY, len(table), offset)
        return b"".join(parts) + table + end
