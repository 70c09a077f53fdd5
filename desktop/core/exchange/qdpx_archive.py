"""The parts of a REFI-QDA project (``.qdpx``) zip: its entries, read within limits, and the extra data
this tool writes beside the standard's elements."""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from typing import IO, Any

from desktop.core.exchange.incoming import JSON_LIMITS, FormatError
from desktop.core.exchange.qdpx_writer import SIDECAR, SIDECAR_FORMAT, SOURCE_EXTRAS
from desktop.core.text.reading import megabytes

# This tool's extra data (one file, or one per source), read whole: past this it is not ours.
_MAX_EXTRAS = 512 * 1024 * 1024
# Everything the zip says it unpacks to, when that is also more than BOMB_RATIO times its packed size:
# a small file that claims gigabytes is refused before any is read. Text packs to a fifth to a tenth.
MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
BOMB_RATIO = 100
_OLD_SIDECAR_FORMAT = "policy-annotator-qdpx/1"
# What a damaged zip raises as an entry is opened or unpacked.
ZIP_FAULTS = (zipfile.BadZipFile, zlib.error, OSError, EOFError)


class ProjectArchive:
    """The zip, read entry by entry within limits; what cannot be read is a FormatError naming it."""

    def __init__(self, stream: IO[bytes]) -> None:
        try:
            packed = stream.seek(0, io.SEEK_END)
            stream.seek(0)
            self.zip = zipfile.ZipFile(stream)
        except zipfile.BadZipFile as error:
            raise FormatError(f"not a readable zip ({error})") from None
        except OSError as error:
            raise FormatError(f"cannot be read ({error.strerror or error})") from None
        self.names = {name.lower(): name for name in self.zip.namelist()}
        unpacked = sum(info.file_size for info in self.zip.infolist())
        if unpacked > MAX_UNPACKED_BYTES and unpacked > BOMB_RATIO * packed:
            raise FormatError(
                f"it unpacks to {megabytes(unpacked)}, over the limit of {megabytes(MAX_UNPACKED_BYTES)}"
                f" for a file that packs it {unpacked // max(1, packed)} times smaller; not read"
            )

    def _member(self, name: str) -> str:
        """The entry's name as the zip spells it (KeyError when there is none)."""
        found = self.names.get(name.lower())
        if found is None:
            raise KeyError(name)
        return found

    def stream(self, name: str) -> IO[bytes]:
        try:
            return self.zip.open(self._member(name))
        except ZIP_FAULTS as error:
            raise FormatError(f"{name} cannot be read from the zip ({error})") from None

    def read(self, name: str, limit: int = _MAX_EXTRAS) -> bytes:
        info = self.zip.getinfo(self._member(name))
        # zipfile never unpacks an entry past the size it declares, so the declared size bounds the memory.
        if info.file_size > limit:
            raise FormatError(f"{name} unpacks to {megabytes(info.file_size)}, over the limit of {megabytes(limit)}")
        try:
            return self.zip.read(info)
        except ZIP_FAULTS as error:
            raise FormatError(f"{name} cannot be read from the zip ({error})") from None

    def text(self, name: str, limit: int = _MAX_EXTRAS) -> str:
        try:
            return self.read(name, limit).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FormatError(f"{name} is not UTF-8 ({error.reason} at byte {error.start})") from None


def _section(data: dict[str, Any], key: str) -> dict[str, Any]:
    """A part of this tool's extra data, or an entry of one; one of the wrong type (edited by hand,
    another program's) is ignored."""
    found = data.get(key)
    return found if isinstance(found, dict) else {}


class ProjectExtras:
    """What this tool adds beside the standard: the codebook's ids and keys, and per source the
    article as stored. One file per source since format 2; format 1 kept every source in one file."""

    def __init__(self, archive: ProjectArchive) -> None:
        self.archive = archive
        self.whole: dict[str, Any] = {}
        self.format = ""
        if SIDECAR.lower() in archive.names:
            try:
                loaded = json.loads(archive.text(SIDECAR))
            except (*JSON_LIMITS, FormatError):
                return
            if isinstance(loaded, dict) and loaded.get("format") in (SIDECAR_FORMAT, _OLD_SIDECAR_FORMAT):
                self.whole, self.format = loaded, loaded["format"]
        # Format 1: every selection's span id in one part, looked up once per selection.
        self.old_span_ids = {
            guid: entry.get("span_id")
            for guid, entry in _section(self.whole, "selections").items()
            if isinstance(entry, dict)
        }

    def code(self, guid: str) -> dict[str, Any]:
        return _section(_section(self.whole, "codes"), guid)

    def source(self, guid: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """A source's article as stored (empty when not known), and its selections' span ids by guid."""
        if self.format == _OLD_SIDECAR_FORMAT:
            return _section(_section(self.whole, "sources"), guid), self.old_span_ids
        if self.format != SIDECAR_FORMAT:
            return {}, {}
        try:
            loaded = json.loads(self.archive.text(SOURCE_EXTRAS.format(guid)))
        except (KeyError, *JSON_LIMITS, FormatError):  # (KeyError: a source without extra data)
            return {}, {}
        return (loaded, _section(loaded, "span_ids")) if isinstance(loaded, dict) else ({}, {})
