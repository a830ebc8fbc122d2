"""Load the catalog from ``patterns/`` (and user folders) and index it for resolution.

The catalog is data: every issuer and credential comes from YAML files validated by
:mod:`parser.catalog.schema`. Errors name the file and the key. User folders given with
``--catalog``/``CREDPARSE_CATALOG``/``catalog_dirs=`` add entries or override built-in
ones with the same id (companies issue internal credentials too).
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .. import cache as compiled
from ..errors import CatalogError
from .boards import BoardIndex, board_issuers, check_boards
from .schema import (
    BoardsFile,
    CatalogFile,
    CredentialEntry,
    IssuerEntry,
    Platform,
    PlatformsFile,
    ProfessionWords,
    RegionsFile,
)

ENV_CATALOG = "CREDPARSE_CATALOG"
ENV_PATTERNS = "CREDPARSE_PATTERNS"


_DASHES = re.compile(r"[\u2010-\u2015\u2212-]+")
_PUNCT = re.compile(r"[^\w+#/&.\s]")
_SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    """The key used by every exact look-up: case-, accent-, dash- and spacing-insensitive."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _DASHES.sub(" ", text).replace("&", " and ")
    text = _PUNCT.sub(" ", text).replace("/", " ")
    text = re.sub(r"(?<!\w)\.|\.(?!\w)", " ", text)
    return _SPACES.sub(" ", text).strip()


@dataclass(frozen=True)
class AliasHit:
    """One catalog entry a normalized string names, and how (name, alias, acronym, exam code)."""

    target: str  # "credential" | "issuer"
    id: str
    method: str  # "exact" | "alias" | "acronym" | "exam_code"


@dataclass
class Catalog:
    """The loaded catalog with its look-up indexes. Build it once and reuse it."""

    issuers: dict[str, IssuerEntry] = field(default_factory=dict)
    credentials: dict[str, CredentialEntry] = field(default_factory=dict)
    platforms: dict[str, Platform] = field(default_factory=dict)
    generic_hosts: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    version: str = ""
    by_norm: dict[str, list[AliasHit]] = field(default_factory=lambda: defaultdict(list))
    by_case: dict[str, list[AliasHit]] = field(default_factory=lambda: defaultdict(list))
    by_issuer: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: (normalised name or alias, credential id) in catalog order: what fuzzy matching compares
    names: list[tuple[str, str]] = field(default_factory=list)
    boards: BoardIndex = field(default_factory=BoardIndex)

    # -- look-ups ---------------------------------------------------------------------
    def lookup(self, text: str, target: str | None = None) -> list[AliasHit]:
        """Entries whose name, alias, acronym or exam code equals ``text``."""
        hits = list(self.by_case.get(text.strip(), ())) + list(self.by_norm.get(norm(text), ()))
        seen: set[tuple[str, str]] = set()
        out = []
        for hit in hits:
            if (target is None or hit.target == target) and (hit.target, hit.id) not in seen:
                seen.add((hit.target, hit.id))
                out.append(hit)
        return out

    def issuer_of(self, credential_id: str) -> IssuerEntry | None:
        cred = self.credentials.get(credential_id)
        return self.issuers.get(cred.issuer_id) if cred else None

    def phrases(self) -> Iterator[tuple[str, str, str, bool]]:
        """(text, label, id, case_sensitive) for every name the mention matcher should find."""
        for issuer in self.issuers.values():
            for text in [issuer.name, *issuer.aliases]:
                yield text, "ISSUER", issuer.id, False
            for text in issuer.acronyms:
                yield text, "ISSUER", issuer.id, True
        for cred in self.credentials.values():
            for text in [cred.name, *cred.aliases]:
                yield text, "CREDENTIAL", cred.id, False
            for text in [*cred.acronyms, *cred.exam_codes, *cred.weak_acronyms]:
                yield text, "CREDENTIAL", cred.id, True

    # -- building ---------------------------------------------------------------------
    def add_file(self, path: str, data: CatalogFile) -> None:
        self.files.append(path)
        for issuer in data.issuers:
            self.issuers[issuer.id] = issuer
        for cred in data.credentials:
            self.credentials[cred.id] = cred

    def add_boards(self, path: str, data: BoardsFile, regions: RegionsFile | None = None) -> None:
        """The licensing boards of one profession, as issuers (``patterns/boards/``); ``regions``
        (``regions.yaml``) give the names boards go by."""
        self.files.append(path)
        problems = check_boards(data, set(self.issuers), set(self.credentials))
        if problems:
            raise CatalogError(f"{path}: " + "; ".join(problems[:20]))
        issuers = board_issuers(data, self.issuers.get(data.family), regions)
        for issuer in issuers:
            if issuer.id in self.issuers:
                raise CatalogError(f"{path}: board id {issuer.id!r} is already a catalog issuer")
            self.issuers[issuer.id] = issuer
        own = [c for c in data.credentials if self.credentials[c].issuer_id == data.family]
        self.boards.add(data, issuers, own)

    def index(self) -> None:
        """(Re)build the look-up tables after all files are added."""
        self.by_norm = defaultdict(list)
        self.by_case = defaultdict(list)
        self.by_issuer = defaultdict(list)
        for issuer in self.issuers.values():
            self._put("issuer", issuer.id, "exact", [issuer.name])
            self._put("issuer", issuer.id, "alias", issuer.aliases)
            self._put("issuer", issuer.id, "acronym", issuer.acronyms, case=True)
        self.names = []
        for cred in self.credentials.values():
            self.names += [(norm(t), cred.id) for t in dict.fromkeys([cred.name, *cred.aliases])]
            self.by_issuer[cred.issuer_id].append(cred.id)
            self._put("credential", cred.id, "exact", [cred.name])
            self._put("credential", cred.id, "alias", cred.aliases)
            self._put("credential", cred.id, "acronym", [*cred.acronyms, *cred.weak_acronyms], case=True)
            self._put("credential", cred.id, "exam_code", cred.exam_codes, case=True)
            self._put("credential", cred.id, "exam_code", cred.exam_codes)

    def _put(self, target: str, id_: str, method: str, texts: Iterable[str], case: bool = False) -> None:
        table = self.by_case if case else self.by_norm
        for text in texts:
            key = text.strip() if case else norm(text)
            hit = AliasHit(target, id_, method)
            if key and hit not in table[key]:
                table[key].append(hit)


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


#: The largest catalog or rules file read (the largest built-in one is under 100 KB).
MAX_YAML_BYTES = 5 * 1024 * 1024


def load_yaml(path: Any, raw: bytes) -> Any:
    """A catalog or rules file's data; :class:`CatalogError` naming ``path`` when it cannot be.

    Anchors and aliases (``&name``, ``*name``) are refused: a catalog has no use for them, and a
    few lines of nested aliases (an alias bomb) stand for billions of nodes wherever the data
    is walked or printed. The events are read first (linear in the file), only when the bytes
    hold a ``&`` or ``*`` at all.
    """
    if len(raw) > MAX_YAML_BYTES:
        raise CatalogError(
            f"{path}: {len(raw)} bytes is over the {MAX_YAML_BYTES}-byte limit of a catalog file"
        )
    try:
        if b"&" in raw or b"*" in raw:
            for event in yaml.parse(raw, Loader=_YAML_LOADER):
                if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                    where = f", line {event.start_mark.line + 1}" if event.start_mark else ""
                    raise CatalogError(
                        f"{path}{where}: YAML anchors and aliases "
                        "(&name, *name) are not allowed in catalog files"
                    )
        return yaml.load(raw, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader (libyaml when present)
    except yaml.YAMLError as exc:
        raise CatalogError(f"{path}: not valid YAML: {exc}") from exc


@cache
def cache_key(digest: str) -> str:
    """What a compiled catalog depends on: the catalog's own hash, credparse's version and the
    code that builds it. Caches built from the catalog (the matcher) are keyed by it too."""
    from . import boards, schema

    return f"{digest}-{compiled.code_digest(__file__, boards.__file__, schema.__file__)}"


def _cache_read(digest: str) -> Catalog | None:
    obj = compiled.load("catalog", cache_key(digest))
    return obj if isinstance(obj, Catalog) and obj.version == digest else None


def _validate(model: Any, path: Any, raw: Any) -> Any:
    try:
        return model.model_validate(raw or {})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()[:10]
        )
        raise CatalogError(f"{path}: {problems}") from exc


def patterns_root() -> Any:
    """The built-in ``patterns/`` folder: a setting, else the installed package data."""
    override = os.environ.get(ENV_PATTERNS)
    if override:
        return Path(override)
    return resources.files("credparse_patterns")


def catalog_files(root: Any, folder_name: str = "issuers") -> list[Any]:
    folder = root / folder_name
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.name.endswith((".yaml", ".yml"))), key=lambda p: p.name)


def user_dirs(extra: Iterable[str | os.PathLike[str]] | None) -> list[Path]:
    """User catalog folders: keyword argument first, then the environment variable."""
    dirs = [Path(d) for d in extra or ()]
    env = os.environ.get(ENV_CATALOG)
    if env:
        dirs += [Path(d) for d in env.split(os.pathsep) if d]
    return dirs


def load_catalog(extra_dirs: Iterable[str | os.PathLike[str]] | None = None) -> Catalog:
    """Load, validate and index the built-in catalog plus any user folders."""
    return _load_cached(tuple(str(d) for d in user_dirs(extra_dirs)))


@cache
def _load_cached(extra: tuple[str, ...]) -> Catalog:
    root = patterns_root()
    paths: list[Any] = [root / "platforms.yaml", *catalog_files(root)]
    boards: list[Any] = catalog_files(root, "boards")
    for folder in extra:
        d = Path(folder)
        if not d.is_dir():
            raise CatalogError(f"{folder}: catalog folder not found")
        paths += sorted([*d.glob("*.yaml"), *d.glob("*.yml"), *d.glob("issuers/*.yaml")])
        boards += sorted(d.glob("boards/*.yaml"))
    words_path = root / "profession_words.yaml"
    regions_path = root / "regions.yaml"
    raws = [(path, path.read_bytes()) for path in paths]
    board_raws = [(path, path.read_bytes()) for path in boards]
    words_raw = words_path.read_bytes() if words_path.is_file() else b""
    regions_raw = regions_path.read_bytes() if regions_path.is_file() else b""
    digest = hashlib.sha256()
    for path, raw in raws + board_raws + [(words_path, words_raw), (regions_path, regions_raw)]:
        digest.update(path.name.encode() + b"\0" + raw)
    version = digest.hexdigest()[:12]
    cached = _cache_read(version)
    if cached is not None:
        return cached
    catalog = Catalog(version=version)
    pf: PlatformsFile = _validate(PlatformsFile, "platforms.yaml", load_yaml("platforms.yaml", raws[0][1]))
    catalog.platforms = {p.id: p for p in pf.platforms}
    catalog.generic_hosts = list(pf.generic_hosts)
    for path, raw in raws[1:]:
        catalog.add_file(str(path), _validate(CatalogFile, path, load_yaml(path, raw)))
    regions = (
        _validate(RegionsFile, regions_path, load_yaml(regions_path, regions_raw)) if regions_raw else None
    )
    for path, raw in board_raws:
        catalog.add_boards(str(path), _validate(BoardsFile, path, load_yaml(path, raw)), regions)
    if words_raw:
        words: ProfessionWords = _validate(ProfessionWords, words_path, load_yaml(words_path, words_raw))
        catalog.boards.add_words(words.professions, words.licence_words)
    catalog.index()
    check_references(catalog)
    compiled.store("catalog", cache_key(catalog.version), catalog)
    return catalog


def check_references(catalog: Catalog) -> None:
    """Every credential's issuer, and every relation and platform, must exist."""
    problems = []
    for cred in catalog.credentials.values():
        if cred.issuer_id not in catalog.issuers:
            problems.append(f"credential {cred.id}: issuer {cred.issuer_id!r} is not in the catalog")
    for issuer in catalog.issuers.values():
        for p in issuer.platforms:
            if p not in catalog.platforms:
                problems.append(f"issuer {issuer.id}: platform {p!r} is not in platforms.yaml")
    if problems:
        raise CatalogError("; ".join(problems[:20]))
