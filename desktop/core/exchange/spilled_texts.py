"""Texts looked up by key and kept in a temporary file, not in memory: the notes of a .qdpx project
(this tool's carry every article's original text) are needed only as each source's record is made,
long after the whole project.qde has been read through."""

from __future__ import annotations

import tempfile
from types import TracebackType

from desktop.core.exchange.incoming import FormatError


class SpilledTexts:
    """A mapping of key to text whose texts are on disk (UTF-8); only their places are in memory."""

    def __init__(self) -> None:
        try:
            # (closed by __exit__: the texts live as long as the records that need them)
            self._file = tempfile.TemporaryFile()  # noqa: SIM115
        except OSError as error:
            raise FormatError(f"no temporary file for its notes ({error})") from None
        self._places: dict[str, tuple[int, int]] = {}
        self._end = 0

    def __enter__(self) -> SpilledTexts:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._file.close()

    def __setitem__(self, key: str, text: str) -> None:
        data = text.encode("utf-8", "surrogatepass")
        try:
            self._file.seek(self._end)
            self._file.write(data)
        except OSError as error:
            raise FormatError(f"its notes cannot be set aside in a temporary file ({error})") from None
        self._places[key] = (self._end, len(data))
        self._end += len(data)

    def get(self, key: str, default: str = "") -> str:
        place = self._places.get(key)
        if place is None:
            return default
        self._file.seek(place[0])
        return self._file.read(place[1]).decode("utf-8", "surrogatepass")
