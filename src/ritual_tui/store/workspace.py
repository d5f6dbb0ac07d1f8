"""The Workspace API: the only way the rest of the code reads or writes a workspace."""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import tomli_w

from ritual_tui.domain.errors import (
    DamagedFileError,
    NotFoundError,
    RitualError,
    StorageError,
    ValidationError,
    WorkspaceMissingError,
)
from ritual_tui.domain.fields import Record, from_doc, has_unknown_keys
from ritual_tui.domain.session import RitualSession
from ritual_tui.domain.settings import Settings
from ritual_tui.domain.trusted import from_trusted_doc
from ritual_tui.paths import default_settings_file
from ritual_tui.store import layout
from ritual_tui.store.cache import FolderCache, FolderCaches
from ritual_tui.store.files import TRAILER, ensure_folder, write_atomic
from ritual_tui.store.index import PARTIAL, read_index
from ritual_tui.store.lock import WorkspaceLock
from ritual_tui.store.reading import has_trailer, line_of_key, parse_document, read_bytes, read_with_identity
from ritual_tui.store.schema import CURRENT, migrate, version_of
from ritual_tui.store.writing import WorkspaceWrites, digest

R = TypeVar("R", bound=Record)

_GITIGNORE = "# Local state of ritual-tui: the lock, migration backups and caches.\n.ritual/\n"


def _text(path: Path) -> str:
    return read_bytes(path).decode("utf-8", errors="replace")


class Workspace(WorkspaceWrites):
    """One product's folder of records.

    Open one with :meth:`open` (an error when it is missing) or make one with :meth:`create`.
    Reads never change a file, except to upgrade an old one (after keeping a backup). Every write is
    atomic and happens under the workspace lock.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.lock = WorkspaceLock(root / layout.PRIVATE_FOLDER / "lock")
        self._settings: Settings | None = None
        #: Things worth telling the user that are not errors (an upgraded file, a newer one).
        self.notices: list[str] = []
        #: Files read that a newer ritual-tui wrote: shown, never rewritten.
        self.newer_files: list[Path] = []
        #: Set by commands that only read: a file that cannot be read whole is then left out of
        #: :meth:`all` and :meth:`index` (and listed in :attr:`left_out`) instead of failing them.
        self.skip_damaged = False
        self.left_out: list[tuple[Path, RitualError]] = []

    # -- opening ---------------------------------------------------------------------------------

    @classmethod
    def open(cls, root: Path) -> Workspace:
        """Open an existing workspace; a missing one is an error naming the command that makes it."""
        root = Path(root)
        init = f"ritual init --workspace {shlex.quote(str(root))}"
        if root.exists() and not root.is_dir():
            raise WorkspaceMissingError(f"{root} is a file, not a workspace folder; name the folder it is in.")
        if not root.is_dir():
            raise WorkspaceMissingError(
                f"No workspace at {root}. If it lives on a share, check that it is mounted; "
                f"to start a new one run: {init}"
            )
        if not (root / layout.SETTINGS_FILE).is_file():
            raise WorkspaceMissingError(
                f"{root} is not a ritual-tui workspace (it has no {layout.SETTINGS_FILE}). "
                f"To start one there run: {init}"
            )
        return cls(root)

    @classmethod
    def create(cls, root: Path, product: str) -> Workspace:
        """Make a new workspace with the documented default settings and the product's name."""
        root = Path(root)
        if root.exists() and not root.is_dir():
            raise ValidationError(f"{root} is a file, not a folder; nothing was changed.")
        if (root / layout.SETTINGS_FILE).exists():
            raise ValidationError(f"{root} is already a workspace; nothing was changed.")
        ensure_folder(root)
        template = read_bytes(default_settings_file()).decode("utf-8")
        named = tomli_w.dumps({"product": product}).strip()
        text = "\n".join(named if line.startswith("product = ") else line for line in template.splitlines())
        workspace = cls(root)
        with workspace.lock:
            write_atomic(root / layout.SETTINGS_FILE, (text.rstrip("\n") + "\n").encode("utf-8"))
            if not (root / ".gitignore").exists():
                write_atomic(root / ".gitignore", _GITIGNORE.encode("utf-8"))
        return workspace

    # -- settings --------------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        """The workspace's settings (read once, then kept). A key the file leaves out, at any depth,
        takes its default from :class:`Settings`, the one place defaults are written."""
        if self._settings is None:
            path = self.root / layout.SETTINGS_FILE
            try:
                own = self._read_document(path, Settings)[0]
                own.pop("schema", None)
                try:
                    settings = from_doc(Settings, own)
                except ValidationError as error:
                    raise DamagedFileError(path, str(error)) from None
            except DamagedFileError as error:
                if not self.skip_damaged:
                    raise
                # The app shows what it can: the defaults, and a bar naming the damaged file.
                self.leave_out(path, error)
                self._settings = Settings()
                return self._settings
            # A table of pairs (the trackers' mappings) adds to its defaults instead of replacing them.
            for key, default in vars(Settings()).items():
                if isinstance(default, dict) and key != "extra" and key in own:
                    setattr(settings, key, default | getattr(settings, key))
            for key in ("escalation_categories", "escalation_severities"):
                if not getattr(settings, key):
                    raise DamagedFileError(
                        path, f"'{key}' is empty; list at least one", line_of_key(_text(path), f"'{key}'")
                    )
            self._settings = settings
        return self._settings

    # -- reading ---------------------------------------------------------------------------------

    def _read_document(
        self, path: Path, record_type: type, data: bytes | None = None
    ) -> tuple[dict[str, Any], bytes, int]:
        """A file's document, upgraded to the current schema, with its bytes and original version."""
        if data is None:
            data = read_bytes(path)
        doc, text = parse_document(path, data)
        version = version_of(doc)
        if version is None:
            raise DamagedFileError(path, "its 'schema' should be a whole number", line_of_key(text, "'schema'"))
        if version >= 1 and not has_trailer(text):
            raise DamagedFileError(
                path, f"is cut short: its last line should be {TRAILER.strip()!r} (was a write interrupted?)"
            )
        if version > CURRENT:
            self.newer_files.append(path)
            self.notices.append(
                f"{path} was written by a newer ritual-tui (schema {version}); it is shown but never rewritten."
            )
        elif version < CURRENT:
            doc = migrate(doc, record_type)
        return doc, data, version

    def _load(self, record_type: type[R], record_file: layout.RecordFile, cache: FolderCache | None = None) -> R:
        path = record_file.path
        status = None
        if cache is not None:
            try:
                hit = cache.lookup(record_file.name, os.stat(f"{record_file.folder}/{record_file.name}"))
            except OSError:
                hit = None
            if hit is not None:
                try:
                    record = from_trusted_doc(record_type, hit[0])
                except (TypeError, ValueError, AttributeError, KeyError):
                    record = None  # a damaged entry: the file tells the truth
                if record is not None:
                    record.stored_as, record.stored_digest = path, hit[1]
                    return record
            # Read through one open file, so that the identity cached is that of the bytes parsed.
            data, status = read_with_identity(path)
            doc, data, version = self._read_document(path, record_type, data)
        else:
            doc, data, version = self._read_document(path, record_type)
        text = data.decode("utf-8")
        doc.pop("schema", None)
        try:
            record = from_doc(record_type, doc)
        except ValidationError as error:
            raise DamagedFileError(path, str(error), line_of_key(text, str(error))) from None
        if record.id != record_file.id:
            raise DamagedFileError(
                path,
                f"its id {record.id!r} does not match its file name ({record_file.id})",
                line_of_key(text, "'id'"),
            )
        record.stored_as = path
        record.stored_digest = digest(data)
        if version > CURRENT:
            record.stored_digest = "newer:" + record.stored_digest
        elif version < CURRENT:
            self._upgrade(record, data, version)
        elif cache is not None and status is not None and not has_unknown_keys(record):
            cache.store(path.name, status, doc, record.stored_digest)
        return record

    def read(self, record_type: type[R], record_file: layout.RecordFile) -> R:
        """Read and check one record file, never from the cache (what ``ritual check`` needs)."""
        return self._load(record_type, record_file)

    def _upgrade(self, record: Record, original: bytes, version: int) -> None:
        """Rewrite an old file in the current schema, after keeping its original as a backup."""
        assert record.stored_as is not None
        relative = record.stored_as.relative_to(self.root)
        backup = self.root / layout.PRIVATE_FOLDER / "backups" / f"{relative}.v{version}"
        try:
            with self.lock:
                if digest(read_bytes(record.stored_as)) != record.stored_digest:
                    return  # changed meanwhile: upgrade it next time
                write_atomic(backup, original)
                self._write(record)
        except StorageError:
            return  # a read-only workspace stays readable; the upgrade waits for a writable one
        self.notices.append(f"Upgraded {relative} from schema {version}; the original is kept in {backup}.")

    def files(self, record_type: type[Record], folders: Iterable[Path] | None = None) -> list[layout.RecordFile]:
        """Every record file of a type (in the given folders, by default all), by number, unparsed."""
        found: list[layout.RecordFile] = []
        for folder in self._folders(record_type, folders):
            found.extend(layout.scan_folder(folder, record_type.PREFIX)[0])
        found.sort(key=lambda f: (f.number, f.key))
        return found

    def all(
        self,
        record_type: type[R],
        folders: Iterable[Path] | None = None,
        where: Callable[[R], bool] | None = None,
    ) -> list[R]:
        """Every record of a type (in the given folders, by default all of them), by number.

        Files unchanged since they were last read come from the derived cache in ``.ritual/cache``.
        With ``where``, only the records it accepts are read whole; it is asked about each record
        from the index, so it may look at the id and the type's ``INDEXED`` fields only.
        """
        if where is not None:
            indexed = self._indexed(record_type, folders)
            chosen = [(record, folder, name) for record, folder, name in indexed if where(record)]
            return self._whole(record_type, chosen, among=len(indexed))
        documents = FolderCaches(self._cache_path)
        found = self.files(record_type, folders)
        records = self.read_each(record_type, found, documents)
        documents.save((file.folder, file.name) for file in found)
        return [record for record in records if record is not None]

    def index(self, record_type: type[R], folders: Iterable[Path] | None = None) -> list[R]:
        """Every record of a type, by number, with only its id and ``INDEXED`` fields filled in.

        For counting and choosing among thousands of records: the index is a few fields per file,
        kept in ``.ritual/cache`` for files unchanged since they were read. Such a record cannot be
        saved; :meth:`all` with ``where`` gives the chosen ones whole.
        """
        return [record for record, _, _ in self._indexed(record_type, folders)]

    def _indexed(self, record_type: type[R], folders: Iterable[Path] | None) -> list[tuple[R, Path, str]]:
        return read_index(
            record_type,
            self._folders(record_type, folders),
            lambda folder: self._cache_path(folder, "index"),
            lambda files, among: self._read_whole(record_type, files, among),
        )

    def newest(self, record_type: type[R], count: int, key: Callable[[R], Any]) -> list[R]:
        """The ``count`` records that sort last by ``key``, read whole, the last first; ``key`` is
        given index records, so it may look at the id and the type's ``INDEXED`` fields only."""
        indexed = self._indexed(record_type, None)
        chosen = sorted(indexed, key=lambda entry: key(entry[0]))[-count:][::-1] if count > 0 else []
        return self._whole(record_type, chosen, among=len(indexed))

    def _whole(self, record_type: type[R], chosen: list[tuple[R, Path, str]], among: int) -> list[R]:
        """These index entries as whole records (those the index could not tell apart are whole already)."""
        partial = [
            layout.record_file(folder, name, record_type.PREFIX)
            for record, folder, name in chosen
            if record.stored_digest == PARTIAL
        ]
        whole = iter(self._read_whole(record_type, partial, among))
        picked = [next(whole) if record.stored_digest == PARTIAL else record for record, _, _ in chosen]
        return [record for record in picked if record is not None]

    def _read_whole(self, record_type: type[R], files: list[layout.RecordFile], among: int) -> list[R | None]:
        """These files' records, read whole: through their folders' caches of whole documents when
        they are many of the ``among`` files there, else file by file."""
        # Parsing a folder's cache costs about a fortieth of reading one file per record it holds:
        # for a few records out of thousands, their own files are cheaper to read.
        if len(files) * 40 < among:
            return self.read_each(record_type, files)
        documents = FolderCaches(self._cache_path)
        records = self.read_each(record_type, files, documents)
        documents.save()
        return records

    def read_each(
        self, record_type: type[R], files: list[layout.RecordFile], caches: FolderCaches | None = None
    ) -> list[R | None]:
        """Each file's record; with :attr:`skip_damaged`, None for a file that cannot be read whole
        (kept in :attr:`left_out`), else the first such file is an error."""
        records: list[R | None] = []
        for file in files:
            try:
                records.append(self._load(record_type, file, caches[file.folder] if caches else None))
            except (DamagedFileError, StorageError) as error:
                if not self.skip_damaged:
                    raise
                self.leave_out(file.path, error)
                records.append(None)
        return records

    def read_again(self) -> None:
        """Forget the settings and the files left out: the next reads see the files as they are now
        (after someone fixed a damaged one)."""
        self._settings = None
        self.left_out.clear()

    def leave_out(self, path: Path, error: RitualError) -> None:
        """Note a file that could not be read and is left out (once, however often it is met)."""
        if all(seen != path for seen, _ in self.left_out):
            self.left_out.append((path, error))

    def _folders(self, record_type: type[Record], folders: Iterable[Path] | None) -> Iterable[Path]:
        return layout.record_folders(self.root, record_type) if folders is None else folders

    def _cache_path(self, folder: Path, kind: str = "") -> Path:
        name = "__".join(folder.relative_to(self.root).parts) + (f".{kind}" if kind else "")
        return self.root / layout.PRIVATE_FOLDER / "cache" / f"{name}.json"

    def sessions_between(self, first: date, last: date) -> list[RitualSession]:
        """Ritual sessions dated from ``first`` to ``last``; only their months' folders are read."""
        months, month = set(), first.replace(day=1)
        while month <= last:
            months.add(f"{month:%Y-%m}")
            month = (month + timedelta(days=31)).replace(day=1)
        folders = [f for f in layout.record_folders(self.root, RitualSession) if f.name in months]
        return [s for s in self.all(RitualSession, folders) if first <= s.date <= last]

    def get(self, record_type: type[R], ref: str) -> R:
        """The record an id (``B-12``) or file key (``B-12-k7m2``) names."""
        matches = [
            found
            for folder in layout.record_folders(self.root, record_type)
            for found in layout.find_in_folder(folder, record_type.PREFIX, ref)
        ]
        return self._the_one(record_type, ref, matches)

    def _the_one(self, record_type: type[R], ref: str, matches: list[layout.RecordFile]) -> R:
        if not ref.strip() or not matches:
            raise NotFoundError(f"No {record_type.KIND} {ref!r} in this workspace.")
        if len(matches) > 1:
            keys = ", ".join(f.key for f in matches)
            raise ValidationError(
                f"{ref} names {len(matches)} records ({keys}), after a merge perhaps: name one by its "
                f"file key, or run `ritual check --fix` to renumber the newer."
            )
        return self._load(record_type, matches[0])

    def exists(self, record_type: type[Record], ref: str) -> bool:
        """True when an id names a record of this type (no file is parsed)."""
        return bool(ref.strip()) and any(
            layout.find_in_folder(folder, record_type.PREFIX, ref)
            for folder in layout.record_folders(self.root, record_type)
        )

    def get_each(self, record_type: type[R], ids: Iterable[str]) -> dict[str, R]:
        """The records these ids (``B-12``) name, by id, from one listing of their folders (a sprint's
        items among thousands): each as :meth:`get` gives it, except that an id naming no record is
        left out, and so is a damaged file while :attr:`skip_damaged` (noted in :attr:`left_out`)."""
        wanted = dict.fromkeys(ids)
        named: dict[str, list[layout.RecordFile]] = {}
        for folder in layout.record_folders(self.root, record_type):
            for name in layout.listing(folder):
                # "B-12-k7m2.toml" → "B-12": one string split per name, since folders hold thousands.
                if name.rpartition("-")[0] in wanted:
                    record_file = layout.parse_file_name(folder / name, record_type.PREFIX)
                    if record_file is not None:
                        named.setdefault(record_file.id, []).append(record_file)
        found = {}
        for record_id in wanted:
            if record_id not in named:
                continue
            try:
                found[record_id] = self._the_one(record_type, record_id, named[record_id])
            except DamagedFileError as error:
                if not self.skip_damaged:
                    raise
                self.leave_out(Path(str(error.path)), error)
        return found
