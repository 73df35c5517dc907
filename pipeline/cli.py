"""The ``promises`` command. Exit codes: 0 all good, 1 some documents failed, 2 usage or
configuration error (bad option, malformed rule file)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__, tune_collector
from .filters import filter_options
from .rules import RuleError, data_dir, load_rules

DEFAULT_CORPUS = data_dir("corpus") / "snapshot"  # the bundled snapshot (package data when installed)
DEFAULT_OUTPUT = Path("outputs")  # relative: ./outputs of the folder the command runs in
DEFAULT_GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"  # only in a checkout
DEFAULT_SOURCES = data_dir("corpus") / "sources.yaml"
CRAWL_ROOT = Path("corpus")


class RulesGroup(click.Group):
    """Turns a broken rule file into a one-line error and exit code 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except RuleError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt as exc:
            click.echo(f"error: {str(exc) or 'interrupted'}", err=True)
            ctx.exit(130)


@click.group(cls=RulesGroup)
@click.version_option(__version__, prog_name="promises")
def cli():
    """Medborgarlöften → normalized, comparable JSON records (schema 1)."""


def _extract(paths, out_dir: Path, jobs: int, resume: bool, max_bytes: int, model, quiet: bool,
             ids_from: Path | None = None) -> int:
    from .batch import OutputBusy, run_batch
    from .identity import pins_of
    from .ingest import discover

    load_rules()  # fail early (exit 2) on a broken rule file
    if not discover(list(paths)):  # before the batch, which would empty the output folder
        click.echo(f"error: no documents found in {', '.join(map(str, paths))} (.txt, .html, .htm, .pdf)", err=True)
        sys.exit(1)
    pins = pins_of(_load(ids_from)) if ids_from else None
    done = [0]

    def progress(r):
        done[0] += 1
        if r.error:
            click.echo(f"error: {r.error}", err=True)

    try:
        res = run_batch(list(paths), out_dir, jobs=jobs, resume=resume, max_bytes=max_bytes, model=model,
                        progress=progress, notice=lambda line: click.echo(f"warning: {line}", err=True), pins=pins)
    except OutputBusy as exc:
        click.echo(f"error: {exc}", err=True)
        return 2
    for line in res.duplicates:
        click.echo(f"note: {line}", err=True)
    if not quiet:
        click.echo(f"{res.documents} documents → {len(res.records)} records in {out_dir}"
                   f" ({len(res.failures)} failed, {res.reused} reused)")
    return 1 if res.failures else 0


extract_options = [
    click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
                 default=DEFAULT_OUTPUT, show_default=True, help="Folder for <id>.json and records.jsonl."),
    click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
                 help="Worker processes."),
    click.option("--resume", is_flag=True, help="Reuse records of inputs unchanged since the last run."),
    click.option("--max-bytes", type=click.IntRange(1), default=20 * 1024 * 1024, show_default=True,
                 help="Skip (and report) input files larger than this."),
    click.option("--model", default=None, help="A trained spaCy Swedish pipeline to use instead of the blank one."),
    click.option("--ids-from", type=click.Path(exists=True, path_type=Path),
                 help="Keep the canonical records (plain ids) of this earlier output; default: those already in -o."),
]


def _add(options):
    def deco(f):
        for o in reversed(options):
            f = o(f)
        return f
    return deco


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@_add(extract_options)
def extract(paths, out_dir, jobs, resume, max_bytes, model, ids_from):
    """Extract records from files or folders (searched recursively)."""
    sys.exit(_extract(paths, out_dir, jobs, resume, max_bytes, model, quiet=False, ids_from=ids_from))


@cli.command()
@click.option("--gold", "gold_dirs", type=click.Path(exists=True, path_type=Path), required=True, multiple=True,
              help="Folder of *.gold.json files; repeat it to pool several gold sets into one score.")
@click.argument("output", type=click.Path(exists=True, path_type=Path), default=DEFAULT_OUTPUT)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--show-misses", is_flag=True, help="List what was missed, extra or different.")
@click.option("--half", type=click.Choice(["A", "B"]),
              help="Only the gold of one half of the kommuner (the split held back while writing rules).")
def evaluate(gold_dirs, output, as_json, show_misses, half):
    """Compare the records in OUTPUT with gold records."""
    from .evaluate import evaluate as run_eval, format_table, gold_half

    gold, seen = [], {}
    for i, gold_dir in enumerate(gold_dirs):
        found = [g for g in _load(gold_dir) if half is None or gold_half(g) == half]
        if not found:
            raise click.UsageError(f"{gold_dir}: no gold records{f' in half {half}' if half else ''}")
        for g in found:  # a page annotated in two sets would be scored twice in the pooled score
            url = g["source"]["url"]
            if seen.setdefault(url, i) != i:
                raise click.UsageError(f"{gold_dir}: {url} has gold in {gold_dirs[seen[url]]} too")
        gold += found
    records = _load(output)
    if not records:
        click.echo(f"error: {output}: no records to evaluate", err=True)
        sys.exit(1)
    report = run_eval(gold, records)
    if as_json:
        click.echo(json.dumps(report.scores, indent=1, sort_keys=True))
    else:
        click.echo(format_table(report))
    if show_misses:
        click.echo("")
        for m in report.misses:
            click.echo(m)


crawl_options = [
    click.option("--sources", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                 help="Your own source list, merged over corpus/sources.yaml (entries by kommun name)."),
    click.option("--only", "only", multiple=True, help="Only these kommuner (name, slug or code); repeatable."),
    click.option("--base-url", default="https://polisen.se", show_default=True,
                 help="Send every polisen.se request here instead (a mirror or a test server)."),
    click.option("--rate", type=click.FloatRange(0.01), default=1.0, show_default=True,
                 help="Requests per second per host, at most."),
    click.option("--concurrency", type=click.IntRange(1, 8), default=2, show_default=True),
    click.option("--timeout", type=click.FloatRange(0.1), default=20.0, show_default=True,
                 help="Seconds for a whole response (connecting, headers and body)."),
    click.option("--max-pages", type=click.IntRange(1), default=5000, show_default=True,
                 help="Stop after this many urls (the national crawl needs about 1,300)."),
    click.option("--only-polisen", is_flag=True, help="Only the index's host: no kommun sites."),
    click.option("--hosts", metavar="HOST[,HOST...]",
                 help="Only these hosts (as requested, after --base-url; a host without a port means any port)."),
    click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
                 help="Retries on 429, 5xx and timeouts (exponential backoff, Retry-After honoured)."),
    click.option("--contact", default="https://github.com/medborgarloften/promises", show_default=True,
                 help="Contact put in the User-Agent."),
]


def _crawl(corpus: Path, sources, only, base_url, rate, concurrency, timeout, max_pages, only_polisen,
           retries, contact, max_bytes, hosts=None) -> int:
    from datetime import datetime, timezone
    from urllib.parse import urlsplit

    from .crawl import CrawlInterrupted, Settings, crawl, load_sources, normalize_url, parse_hosts, seeds, write_report

    try:
        normalize_url(base_url)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--base-url") from None
    if only_polisen and hosts:
        raise click.UsageError("--only-polisen and --hosts: give one of them")
    try:
        host_keys = parse_hosts(hosts) if hosts else parse_hosts(urlsplit(normalize_url(base_url)).netloc) if only_polisen else ()
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--hosts") from None
    src = load_sources(DEFAULT_SOURCES, sources)
    settings = Settings(corpus=corpus, base_url=base_url, rate=rate, concurrency=concurrency,
                        timeout=timeout, retries=retries, contact=contact, max_bytes=max_bytes,
                        max_pages=max_pages, hosts=host_keys)
    started = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    start = seeds(src, list(only), base_url)
    from tqdm import tqdm

    bar = tqdm(total=None, unit=" pages", disable=not sys.stderr.isatty(), file=sys.stderr)

    def progress(o):
        bar.update(1)
        if o.outcome == "failed":
            bar.write(f"error: {o.url}: {o.error}")
    outcomes = []
    try:
        outcomes = crawl(settings, start, progress)
    except CrawlInterrupted as exc:
        bar.close()
        write_report(corpus / "crawl-report.json", exc.outcomes, settings, started, interrupted=True)
        raise KeyboardInterrupt(f"{exc} (report of {len(exc.outcomes)} urls: {corpus / 'crawl-report.json'})") from None
    bar.close()
    report = write_report(corpus / "crawl-report.json", outcomes, settings, started)
    counts = ", ".join(f"{n} {k}" for k, n in sorted(report["counts"].items()))
    click.echo(f"crawled {len(outcomes)} urls into {corpus}: {counts or 'nothing'}; report: {corpus / 'crawl-report.json'}")
    return 1 if report["failures"] else 0


@cli.command()
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=CRAWL_ROOT, show_default=True,
              help="Snapshot folder: documents go to <corpus>/<host>/, the report to <corpus>/crawl-report.json.")
@_add(crawl_options)
@click.option("--max-bytes", type=click.IntRange(1), default=20 * 1024 * 1024, show_default=True,
              help="Largest response accepted.")
def crawl(corpus, sources, only, base_url, rate, concurrency, timeout, max_pages, only_polisen, hosts, retries,
          contact, max_bytes):
    """Fetch promise pages and their PDFs into the corpus snapshot."""
    sys.exit(_crawl(corpus, sources, only, base_url, rate, concurrency, timeout, max_pages, only_polisen,
                    retries, contact, max_bytes, hosts))


@cli.command()
@click.option("--corpus", type=click.Path(path_type=Path), default=DEFAULT_CORPUS, show_default=True)
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path), default=DEFAULT_GOLD, show_default=True)
@click.option("--crawl", "do_crawl", is_flag=True, help="Crawl first (into --corpus, default corpus/), then extract it.")
@_add(extract_options)
@_add(crawl_options)
def run(corpus, gold_dir, do_crawl, out_dir, jobs, resume, max_bytes, model, ids_from,
        sources, only, base_url, rate, concurrency, timeout, max_pages, only_polisen, hosts, retries, contact):
    """The main job: extract the bundled snapshot into outputs/ and evaluate against gold."""
    crawl_code = 0
    if do_crawl:
        if corpus == DEFAULT_CORPUS:
            corpus = CRAWL_ROOT
        crawl_code = _crawl(corpus, sources, only, base_url, rate, concurrency, timeout, max_pages, only_polisen,
                            retries, contact, max_bytes, hosts)
    if not corpus.exists():
        raise click.UsageError(f"{corpus}: no such corpus folder")
    code = _extract([str(corpus)], out_dir, jobs, resume, max_bytes, model, quiet=False, ids_from=ids_from)
    if code == 2:  # the output folder is another run's
        sys.exit(2)
    code = code or crawl_code
    from .identity import canonical
    from .output import load_records

    records = load_records(out_dir)
    shown = canonical(records)
    result, _ = _track(shown, out_dir, corpus)  # once, for track.json and the report
    click.echo(f"report: {write_report(out_dir, shown, result)}")
    click.echo(f"follow-ups: {write_track(out_dir, result)}")
    if gold_dir.is_dir() and any(gold_dir.glob("*.json")):
        from .evaluate import evaluate as run_eval, format_table

        click.echo("")
        click.echo(format_table(run_eval(load_records(gold_dir), records)))
    sys.exit(code)


def _write_or_echo(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
    else:
        from .output import atomic_write

        atomic_write(out, text)
        click.echo(f"wrote {out}", err=True)


def _load(path: Path) -> list[dict]:
    from .output import load_records

    try:
        return load_records(path)
    except (OSError, ValueError) as exc:
        raise click.UsageError(f"{path}: not a record file or folder ({exc.__class__.__name__}: {exc})")


def _select(path: Path, all_sources: bool, where) -> list[dict]:
    """The records a reading command works on: canonical ones (unless ``all_sources``)
    that pass the filters. None is an error: one line, exit 1."""
    from .identity import canonical

    records = _load(path)
    if not records:
        click.echo(f"error: {path}: no records found", err=True)
        sys.exit(1)
    if len(records) > 1 and not all_sources:  # a lone record file asked for by name is kept
        records = canonical(records)
    records = where.apply(records)
    if not records:
        click.echo(f"error: {path}: no records match the filters ({where.describe()})", err=True)
        sys.exit(1)
    return records


all_sources_option = click.option("--all-sources", is_flag=True,
                                  help="Also the records that are not canonical (those with same_as).")


@cli.command()
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path), required=False)
@click.option("--previous", is_flag=True, help="Compare each kommun's latest period with its previous one, both in OLD.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "html"]), default="text", show_default=True)
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout.")
@all_sources_option
@filter_options
def diff(old, new, previous, fmt, out, all_sources, where):
    """What changed between two periods: OLD and NEW are record files or output folders."""
    from .diff import diff_records, pair_by_kommun
    from .render import render_diffs

    if new is None and not previous:
        raise click.UsageError("give OLD and NEW, or one folder with --previous")
    olds = _select(old, all_sources, where)
    news = olds if new is None else _select(new, all_sources, where)
    try:
        if len(olds) == 1 and len(news) == 1 and not previous:
            pairs = [(olds[0], news[0])]
        else:
            pairs = pair_by_kommun(olds, news, previous=previous or new is None)
        diffs = [diff_records(a, b) for a, b in pairs]
    except (KeyError, TypeError, AttributeError) as exc:
        raise click.UsageError(f"{old if new is None else f'{old} / {new}'}: not schema-1 records "
                               f"({exc.__class__.__name__}: {exc})")
    _write_or_echo(render_diffs(diffs, fmt), out)


@cli.command()
@click.argument("folder", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["csv", "markdown", "html", "json"]), default="csv", show_default=True)
@click.option("--activities", is_flag=True, help="One row per activity instead of one per record.")
@click.option("--national", is_flag=True, help="The national distribution of activity specificity (0–4) instead.")
@click.option("--excel/--plain-csv", default=None,
              help="CSV for Excel (UTF-8 with BOM, CRLF); default when -o names a .csv file, else plain UTF-8 with LF.")
@all_sources_option
@filter_options
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout.")
def compare(folder, fmt, activities, national, excel, all_sources, where, out):
    """Every record side by side, or one row per activity."""
    from .compare import activity_rows, national_rows, plain_rows, record_rows, to_csv, to_json, to_markdown
    from .render import page, table_html

    records = _select(folder, all_sources, where)
    if national:
        rows = national_rows(records)
    elif activities:
        rows = activity_rows(records)
    else:
        from .track import follow_up_shares, track_records

        rows = record_rows(records, follow_up_shares(track_records(records, load_rules(), CRAWL_ROOT)))
    if excel is None:
        excel = out is not None and out.suffix.lower() == ".csv"
    text = {"csv": lambda r: to_csv(r, excel=excel), "markdown": to_markdown, "json": to_json,
            "html": lambda r: page("Medborgarlöften – jämförelse", table_html(plain_rows(r)))}[fmt](rows)
    _write_or_echo(text, out)


@cli.command()
@click.argument("folder", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["sqlite", "parquet", "csv"]), default="sqlite", show_default=True)
@click.option("-o", "--output", "out", type=click.Path(path_type=Path),
              help="The SQLite file, or the folder for Parquet and CSV files "
                   "[default: promises.sqlite, promises-parquet/, promises-csv/].")
@all_sources_option
@filter_options
def export(folder, fmt, out, all_sources, where):
    """Records as normalized, typed tables: records, kommuner, focus_areas, activities, follow_ups."""
    from . import export as ex

    records = _select(folder, all_sources, where)
    out = out or Path("promises.sqlite" if fmt == "sqlite" else f"promises-{fmt}")
    if fmt == "sqlite":
        ex.write_sqlite(records, out)
    else:
        try:
            (ex.write_parquet if fmt == "parquet" else ex.write_csv)(records, out)
        except ImportError as exc:
            raise click.UsageError(str(exc))
    click.echo(f"{len(records)} records → {out} ({fmt})", err=True)


@cli.command()
@click.argument("kommun")
@click.argument("folder", type=click.Path(exists=True, path_type=Path), default=DEFAULT_OUTPUT)
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@all_sources_option
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout.")
def history(kommun, folder, fmt, all_sources, out):
    """Every period of one KOMMUN (name or SCB code) in FOLDER, oldest first, with the diffs between them."""
    from .filters import Where
    from .history import history as build, timeline_text
    from .slug import slugify
    from .render import render_diffs

    row = next((k for k in load_rules().kommuner if kommun in (k.kod, k.namn) or slugify(kommun) == slugify(k.namn)), None)
    if row is None:
        raise click.UsageError(f"{kommun}: no such kommun (give a name or an SCB code)")
    h = build(_select(folder, all_sources, Where(kommun=(row.kod,))))
    if fmt == "json":
        text = json.dumps({"kommun": {"kod": row.kod, "namn": row.namn}, **h}, ensure_ascii=False, indent=1) + "\n"
    else:
        text = timeline_text(row.namn, h, markdown=fmt == "markdown")
        if h["diffs"]:
            text += "\n" + render_diffs(h["diffs"], fmt)
    _write_or_echo(text, out)


def _track(records: list[dict], folder: Path, corpus: Path):
    """Records → TrackResult; a record that is not schema 1 is one error line, and skipped."""
    from pydantic import ValidationError

    from .models import Record
    from .track import track_records

    good, bad = [], 0
    for r in records:
        try:
            good.append(Record.model_validate(r).model_dump(mode="json"))
        except ValidationError as exc:
            bad += 1
            rid = r.get("id", "?") if isinstance(r, dict) else "?"
            click.echo(f"error: {folder}: record {rid}: not a schema-1 record ({exc.error_count()} problems, "
                       f"first: {exc.errors()[0]['loc']} {exc.errors()[0]['msg']})", err=True)
    return track_records(good, load_rules(), corpus), bad


@cli.command()
@click.argument("folder", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "markdown", "html"]), default="json", show_default=True)
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout.")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=CRAWL_ROOT, show_default=True,
              help="Where the follow-up pages are (found by url), for sentences outside their activities.")
def track(folder, fmt, out, corpus):
    """Were the promises kept? Each promise with the status its follow-up report gives it."""
    from .track import render, summary_line

    from .identity import canonical

    result, bad = _track(canonical(_load(folder)), folder, corpus)
    _write_or_echo(render(result, fmt), out)
    click.echo(f"track: {summary_line(result.national)}", err=True)
    sys.exit(1 if bad else 0)


def write_track(out_dir: Path, result) -> Path:
    """OUT_DIR/track.json from the TrackResult ``result``."""
    from .output import atomic_write
    from .track import summary_line, to_json

    path = out_dir / "track.json"
    atomic_write(path, to_json(result))
    click.echo(f"track: {summary_line(result.national)}")
    return path


def write_report(out_dir: Path, records: list[dict], result) -> Path:
    """The report site in OUT_DIR/report/ (it replaces the one-page report.html of before)
    from the canonical ``records``, with each promise's status from the TrackResult ``result``."""
    from .report import build_site

    (out_dir / "report.html").unlink(missing_ok=True)
    return build_site(records, out_dir / "report", result)


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path), default=DEFAULT_OUTPUT)
@click.option("-o", "--output", "out", type=click.Path(file_okay=False, path_type=Path),
              help="The site's folder [default: FOLDER/report].")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=CRAWL_ROOT, show_default=True,
              help="Where the follow-up pages are (found by url), for sentences outside their activities.")
@all_sources_option
@filter_options
def report(folder, out, corpus, all_sources, where):
    """The report site of the records in FOLDER (as `run` writes it), for the records the filters keep."""
    from .report import build_site

    records = _select(folder, all_sources, where)
    result, bad = _track(records, folder, corpus)
    click.echo(f"report: {build_site(records, out or folder / 'report', result)}")
    sys.exit(1 if bad else 0)


@cli.command()
def schema():
    """Print the JSON Schema of a schema-1 record."""
    from .schema import schema_json

    click.echo(schema_json(), nl=False)


def main():
    tune_collector()
    cli(prog_name="promises")
