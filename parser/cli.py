"""The ``credparse`` command: a thin shell over the library (docs/contract.md §3).

Exit codes: 0 done (even with per-file errors), 2 usage error, 1 the run itself failed.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from .limits import Limits
    from .run.scan import ScanResult
    from .storage import OutputTarget

app = typer.Typer(
    add_completion=False,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Find, resolve and verify credentials in résumés.",
)
catalog_app = typer.Typer(
    no_args_is_help=True, rich_markup_mode=None, help="Inspect and validate the credential catalog."
)
app.add_typer(catalog_app, name="catalog")


def _show_version(value: bool) -> None:
    if value:
        from .version import __version__

        typer.echo(f"credparse {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Find, resolve and verify credentials in résumés."""


AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Judge expiry as of this ISO date (default: today)."),
]
Online = Annotated[
    bool,
    typer.Option("--online", help="Fetch hosted badge assertions (Credly, Badgr) to check platform URLs."),
]
CatalogDirs = Annotated[
    list[Path] | None,
    typer.Option("--catalog", help="Extra catalog folder (repeatable); also CREDPARSE_CATALOG."),
]
LimitSettings = Annotated[
    list[str] | None,
    typer.Option(
        "--limit",
        help="A per-file limit as NAME=VALUE, e.g. max_pages=10 or max_bytes=5000000 (repeatable); "
        "also CREDPARSE_LIMIT_<NAME>. Names: see README, Hostile inputs.",
    ),
]


def _safe(text: object) -> str:
    """A file name, or a message that may hold one, as the terminal may show it: control
    characters escaped (``\\x1b``), so a name cannot send escape sequences to the terminal."""
    from .run.inputs import printable

    return printable(str(text))


def _markup(text: object) -> str:
    """:func:`_safe`, and Rich markup escaped, for text that Rich prints (``[link=…]`` stays text)."""
    from rich.markup import escape

    return escape(_safe(text))


def _usage(message: str) -> typer.Exit:
    typer.echo(f"Error: {_safe(message)}", err=True)
    return typer.Exit(2)


def _require(module: str, extra: str) -> None:
    """Optional features live in extras; say which one to install instead of a traceback."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise _usage(f"this needs the '{extra}' extra: pip install 'credparse[{extra}]'")


def _check_as_of(as_of: str | None) -> None:
    if as_of is None:
        return
    from datetime import date

    try:
        date.fromisoformat(as_of)
    except ValueError:
        raise _usage(f"--as-of {as_of!r} is not an ISO date (YYYY-MM-DD)") from None


def _options(
    catalog: list[Path] | None, online: bool = False, limits: list[str] | None = None
) -> dict[str, object]:
    options: dict[str, object] = {"catalog_dirs": [str(c) for c in catalog]} if catalog else {}
    if online:
        options["online"] = True
    from .limits import Limits

    try:  # CREDPARSE_LIMIT_* checked here too, so a bad one is a usage error, not a traceback
        options["limits"] = Limits.from_env().with_settings(limits or [])
    except ValueError as exc:
        raise _usage(f"--limit / CREDPARSE_LIMIT_*: {exc}") from None
    return options


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A résumé or badge file.")],
    as_of: AsOf = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")] = False,
    catalog: CatalogDirs = None,
    online: Online = False,
    limit: LimitSettings = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Instead of the JSON, list every candidate mention, kept or dropped, with its evidence.",
        ),
    ] = False,
) -> None:
    """Parse one file and print its CandidateProfile as JSON.

    The file is parsed in a child process under the same limits as ``scan`` (``timeout``,
    ``max_memory``; set them with ``--limit``): a file that hangs or blows up prints a
    ``timeout`` or ``resource_limit`` record. So is ``--explain``. The file is read in a child
    of its own while the parser loads (:mod:`parser.run.prefetch`), under the same limits.
    """
    _check_as_of(as_of)
    options = _options(catalog, online, limit)
    limits: Limits = options["limits"]  # type: ignore[assignment]
    prefetch = None
    if not explain and hasattr(os, "fork"):
        from .run.prefetch import Prefetch

        prefetch = Prefetch(str(file), limits)  # reads the file while the parser loads
    gc.disable()  # for good: one file, then the process ends (see parser.gcpause)
    from .library import CredentialParser

    cp = CredentialParser(**options)  # type: ignore[arg-type]
    if not explain:
        from .run.isolate import parse_in_child

        profile = parse_in_child(cp, str(file), as_of=as_of, read=prefetch.result() if prefetch else None)
        typer.echo(profile.model_dump_json(indent=2 if pretty else None))
        return
    from .run.isolate import explain_isolated

    profile, trace = explain_isolated(cp, str(file), as_of)
    if profile.error is not None:
        typer.echo(f"{profile.error.code}: {_safe(profile.error.message)}")
    for t in trace:
        mark = "KEEP" if t.kept else "drop"
        where = f"p{t.page} " if t.page else ""
        typer.echo(_safe(f"{mark} {t.confidence:.2f}  {t.text!r}  [{where}{t.section or 'no section'}]"))
        typer.echo(_safe(f"      {t.evidence or 'no evidence'}"))


ScanOut = Annotated[
    str,
    typer.Option("--out", help="JSONL output, one line per input (a path, or an s3:// gs:// az:// URL)."),
]
ScanCsv = Annotated[Path | None, typer.Option("--csv", help="Also write a CSV, one row per credential.")]
ScanWorkers = Annotated[
    int, typer.Option("--workers", min=0, help="Worker processes (0 or unset: one per core).")
]
Resume = Annotated[bool, typer.Option("--resume", help="Continue an existing --out.")]
Force = Annotated[bool, typer.Option("--force", help="Overwrite an existing --out.")]
FromList = Annotated[Path | None, typer.Option("--from-list", help="A file with one input path per line.")]
Formats = Annotated[
    list[str] | None,
    typer.Option(
        "--format",
        help="Also export as csv | xlsx | jsonresume | ler, beside --out (repeatable).",
    ),
]
Report = Annotated[Path | None, typer.Option("--report", help="Also write a self-contained HTML report.")]
ScanTimeout = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        min=0,
        help="Seconds per file before it is a `timeout` record (0: none; default: limit timeout, 60).",
    ),
]
ScanMaxMemory = Annotated[
    int | None,
    typer.Option(
        "--max-memory",
        min=0,
        help="MB a worker may add while parsing one file (0: no cap; default: limit max_memory, 1024).",
    ),
]
ScanEngine = Annotated[str, typer.Option("--engine", help="local (processes here) or dask (a Dask cluster).")]
DaskAddress = Annotated[
    str | None,
    typer.Option(
        "--dask-address", help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)."
    ),
]
Dedupe = Annotated[
    bool, typer.Option("--dedupe", help="Parse identical files (same sha256) once; still one line each.")
]
FollowSymlinks = Annotated[
    bool,
    typer.Option(
        "--follow-symlinks",
        help="Read file links in the folders that point outside the folders given "
        "(default: a `symlink_outside_root` record).",
    ),
]


@app.command()
def scan(
    paths: Annotated[list[str], typer.Argument(help="Files and folders (walked recursively).")],
    out: ScanOut,
    csv: ScanCsv = None,
    workers: ScanWorkers = 0,
    as_of: AsOf = None,
    resume: Resume = False,
    force: Force = False,
    from_list: FromList = None,
    catalog: CatalogDirs = None,
    online: Online = False,
    limit: LimitSettings = None,
    formats: Formats = None,
    report: Report = None,
    timeout: ScanTimeout = None,
    max_memory: ScanMaxMemory = None,
    engine: ScanEngine = "local",
    dask_address: DaskAddress = None,
    dedupe: Dedupe = False,
    follow_symlinks: FollowSymlinks = False,
) -> None:
    """Parse every file under PATHS into a JSONL file (and a CSV), with progress and a summary."""
    _check_as_of(as_of)
    options = _options(catalog, online, limit)
    _check_scan(formats or [], resume, force, engine)
    from .run.scan import ScanError, Scanner, prepare_scan, write_exports

    try:
        prepared = prepare_scan(
            paths, out, from_list=from_list, follow_symlinks=follow_symlinks, resume=resume, force=force
        )
    except ScanError as exc:
        raise _usage(str(exc)) from None
    from rich.console import Console

    console = Console(stderr=True)
    scanner = Scanner(
        prepared.target,
        workers=workers or os.cpu_count() or 1,
        as_of=as_of,
        resume=resume,
        options=options,
        timeout=timeout,  # None: the limit's
        max_memory=None if max_memory is None else max_memory * 1024 * 1024,
        engine=engine,
        dask_address=dask_address,
        dedupe=dedupe,
    )
    try:
        with _progress(console, len(prepared.inputs)) as advance:
            scanner.on_done = advance
            result = scanner.run(prepared.inputs)
        exports = write_exports(prepared.target.local, csv=csv, formats=formats or [], report=report)
    except KeyboardInterrupt:
        console.print(
            "[yellow]Interrupted: the output holds every file finished so far; rerun with --resume.[/]"
        )
        _summary(console, scanner.result, out, None)
        raise typer.Exit(1) from None
    except OSError as exc:
        console.print(f"[red]The scan failed: {_markup(exc)}[/]")
        raise typer.Exit(1) from None
    _summary(console, result, out, csv, scanner.whole())
    _publish(console, prepared.target, exports)


def _check_scan(formats: list[str], resume: bool, force: bool, engine: str) -> None:
    """The usage errors of ``scan``'s options, and the extras they need."""
    from .writers.export import FORMATS

    for fmt in formats:
        if fmt not in FORMATS:
            raise _usage(f"--format {fmt!r}: choose from {', '.join(FORMATS)}")
    if "xlsx" in formats:
        _require("openpyxl", "xlsx")
    if resume and force:
        raise _usage("--resume and --force exclude each other")
    if engine not in ("local", "dask"):
        raise _usage(f"--engine {engine!r}: choose local or dask")
    if engine == "dask":
        _require("distributed", "dask")


@contextmanager
def _progress(console: Console, total: int) -> Iterator[Callable[[Any], None]]:
    """A progress bar of ``total`` files; the callable it yields advances it by one profile."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[bold]scan"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=False,
    ) as progress:
        task = progress.add_task("", total=total)

        def done(profile: Any) -> None:
            name = _safe(Path(profile.source.file).name)[:40]
            progress.update(task, advance=1, description=_markup(name))

        yield done
        progress.update(task, completed=total)


def _publish(console: Console, target: OutputTarget, exports: list[Path]) -> None:
    """Upload the exports of a scan whose output is a store URL (for a local one, nothing to
    do), then remove its staging folder."""
    try:
        for path in exports:
            console.print(f"wrote {_markup(target.publish(path))}")
    except OSError as exc:
        local = _markup(target.local.parent)
        console.print(f"[red]Uploading an export failed: {_markup(exc)}; the files stay in {local}[/]")
        raise typer.Exit(1) from None
    target.discard()


@app.command("report")
def report_cmd(
    results: Annotated[
        Path,
        typer.Argument(help="A JSONL file written by `scan`, or a profile JSON printed by `parse`."),
    ],
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")],
    title: Annotated[str, typer.Option("--title", help="The page title.")] = "Credential report",
) -> None:
    """Turn scan results into one self-contained HTML page for recruiters."""
    from .writers.jsonl import read_profiles
    from .writers.report import write_report

    if not results.is_file():
        raise _usage(f"{results} does not exist")
    try:
        n = write_report(out, read_profiles(results), title=title)
    except OSError as exc:
        typer.echo(f"Error: cannot write {_safe(out)}: {_safe(exc)}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"{_safe(out)}: {n} candidate(s)")


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535)] = 8000,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Parser processes (CREDPARSE_WORKERS, default 2).")
    ] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="Seconds per parse (CREDPARSE_TIMEOUT, default 30).")
    ] = None,
    max_upload_mb: Annotated[
        float | None,
        typer.Option("--max-upload-mb", help="Upload limit in MB (CREDPARSE_MAX_UPLOAD_MB, default 10)."),
    ] = None,
    max_memory: Annotated[
        int | None,
        typer.Option(
            "--max-memory",
            min=0,
            help="MB a worker may add while parsing one upload (CREDPARSE_MAX_MEMORY_MB, default 1024; 0: no cap).",
        ),
    ] = None,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option("--cors-origin", help="Allow this origin (repeatable); CORS is off by default."),
    ] = None,
    catalog: CatalogDirs = None,
) -> None:
    """Serve the HTTP API (POST /v1/parse). Set CREDPARSE_API_TOKEN to require a bearer token."""
    from pydantic import ValidationError

    _require("fastapi", "server")
    _require("uvicorn", "server")
    _require("multipart", "server")
    from .http.server import run
    from .http.settings import Settings
    from .limits import Limits

    try:
        Limits.from_env()  # a bad CREDPARSE_LIMIT_* is a usage error here, not a failed start-up
        settings = Settings.from_env(
            workers=workers,
            timeout=timeout,
            max_upload_bytes=int(max_upload_mb * 1024 * 1024) if max_upload_mb else None,
            max_memory_mb=max_memory,
            cors_origins=tuple(cors_origin) if cors_origin else None,
            catalog_dirs=tuple(str(c) for c in catalog) if catalog else None,
        )
    except (ValidationError, ValueError) as exc:
        raise _usage(f"bad server setting: {exc}") from None
    run(settings, host=host, port=port)


def _summary(
    console: Console, result: ScanResult, out: Path | str, csv: Path | None, whole: ScanResult | None = None
) -> None:
    """The scan's counts; after ``--resume``, beside those of the whole output (``whole``)."""
    from rich.table import Table

    from .reading import WORDS

    runs = [result] if whole is None else [result, whole]
    table = Table(title="credparse scan", show_header=True)
    table.add_column("measure")
    for name in ["count"] if whole is None else ["this run", "whole output"]:
        table.add_column(name, justify="right")

    def row(label: str, value: Callable[[ScanResult], int], always: bool = True) -> None:
        values = [value(r) for r in runs]
        if always or any(values):
            table.add_row(label, *(str(v) for v in values))

    if whole is None:
        row("files", lambda r: r.files + r.skipped)
        row("already done (resumed)", lambda r: r.skipped, always=False)
    else:
        row("files", lambda r: r.files)
        table.add_row("already done (resumed)", str(result.skipped), "")
    row("identical files (parsed once)", lambda r: r.duplicates, always=False)
    row("parsed ok", lambda r: r.ok)
    row(WORDS["ocr"], lambda r: r.ocr, always=False)
    row(WORDS["scanned"], lambda r: r.scanned, always=False)
    row("errors", lambda r: r.errors)
    for code in sorted({c for r in runs for c in r.by_error}):
        row(f"  error: {code}", lambda r, code=code: r.by_error.get(code, 0))  # type: ignore[misc]
    row("credentials", lambda r: r.credentials)
    for level in ("verified", "verifiable", "unverifiable", "suspicious", "invalid"):
        row(f"  {level}", lambda r, level=level: r.by_level.get(level, 0), always=False)  # type: ignore[misc]
    console.print(table)
    if whole is not None:
        console.print(f"Resumed: this run added {result.files} file(s); the output now holds {whole.files}.")
    console.print(f"JSONL: {_markup(out)}" + (f"   CSV: {_markup(csv)}" if csv else ""))


@app.command()
def schema() -> None:
    """Print the JSON Schema of CandidateProfile."""
    from .models import CandidateProfile

    typer.echo(json.dumps(CandidateProfile.model_json_schema(), indent=2, ensure_ascii=False))


@app.command("eval")
def evaluate(
    directory: Annotated[
        Path, typer.Argument(help="Folder of labelled résumés (or of a files/ folder holding them).")
    ],
    truth: Annotated[
        Path,
        typer.Option(
            "--truth",
            help="The labels: JSON keyed by file name, or JSONL of a real-résumé set (one file a line).",
        ),
    ],
    as_of: AsOf = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every miss and false positive.")
    ] = False,
) -> None:
    """Precision, recall, F1 and issuer/status/level accuracy against labels.

    Matching uses the labels alone (names, aliases, issuer aliases), never the catalog. For the
    JSONL format issuers are scored where the résumé states them, with in-progress and ID accuracy.
    """
    _check_as_of(as_of)
    from .evaluate import evaluate_dir, render

    if not truth.exists():
        raise _usage(f"{truth} does not exist")
    report = evaluate_dir(directory, truth, as_of=as_of)
    typer.echo(json.dumps(report.metrics, indent=2) if json_out else render(report, verbose))


@catalog_app.command("stats")
def catalog_stats(
    json_out: Annotated[bool, typer.Option("--json")] = False, catalog: CatalogDirs = None
) -> None:
    """Counts of issuers and credentials, by sector and kind, and licensing boards by profession."""
    from .catalog.tools import stats

    data = stats(catalog)
    if json_out:
        typer.echo(json.dumps(data, indent=2))
        return
    typer.echo(f"catalog {data['version']}: {data['issuers']} issuers, {data['credentials']} credentials")
    for title, key in (("by sector", "by_sector"), ("by kind", "by_kind")):
        typer.echo(f"\n{title}:")
        for name, n in data[key].items():
            typer.echo(f"  {name:<20} {n:>6}")
    boards = data["boards"]
    typer.echo(f"\nlicensing boards: {boards['total']} in {boards['jurisdictions']} jurisdictions")
    typer.echo(f"  {'profession':<20} {'boards':>6} {'US+DC':>6} {'look-up':>8}  countries")
    for name, row in boards["by_profession"].items():
        countries = ", ".join(f"{c} {n}" for c, n in row["countries"].items())
        typer.echo(
            f"  {name:<20} {row['boards']:>6} {row['us_jurisdictions']:>6} {row['with_lookup']:>8}  {countries}"
        )


@catalog_app.command("search")
def catalog_search(
    text: Annotated[str, typer.Argument(help="A mention, e.g. 'AZ-104'.")],
    catalog: CatalogDirs = None,
) -> None:
    """What a mention resolves to, and why."""
    from .catalog.tools import search

    for line in search(text, catalog):
        typer.echo(_safe(line))


@catalog_app.command("validate")
def catalog_validate(
    directory: Annotated[Path | None, typer.Argument(help="A user catalog folder to check too.")] = None,
) -> None:
    """Check schema, relations, shared aliases, regexes, examples and counter-examples."""
    from .catalog.tools import validate

    problems = validate([directory] if directory else None)
    for p in problems:
        typer.echo(_safe(p))
    typer.echo(f"{len(problems)} problem(s)")
    if problems:
        raise typer.Exit(1)


def main() -> None:
    """The ``credparse`` command.

    When the command is done and nothing else runs (no thread, no child process), the process
    ends at once instead of tearing down the interpreter: freeing the catalog, the spaCy
    vocabulary and every compiled pattern object by object costs a third of a second, a
    third of ``credparse parse FILE``'s cold start, for memory the OS takes back anyway.
    """
    from .errors import CatalogError

    code: int | str | None = 0
    try:
        app()
    except BrokenPipeError:
        code = 0
    except SystemExit as exc:
        code = exc.code
    except CatalogError as exc:  # a --catalog folder (or CREDPARSE_CATALOG) that does not load
        print(f"credparse: the catalog does not load: {exc}", file=sys.stderr)
        code = 2
    _exit(code)


def _exit(code: int | str | None) -> None:
    import threading

    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    status = code or 0
    processes = sys.modules.get("multiprocessing")  # no children from a module never imported
    if threading.active_count() > 1 or (processes is not None and processes.active_children()):
        sys.exit(status)  # something still runs: let the interpreter wait for it
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    logging = sys.modules.get("logging")
    if logging is not None:
        logging.shutdown()  # its handlers flushed, as at a normal exit
    os._exit(status)
