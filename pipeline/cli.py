"""The ``promises`` command. Exit codes: 0 all good, 1 some documents failed, 2 usage or
configuration error (bad option, malformed rule file)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .rules import RuleError, load_rules

PROJECT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = PROJECT / "corpus" / "snapshot"
DEFAULT_OUTPUT = PROJECT / "outputs"
DEFAULT_GOLD = PROJECT / "tests" / "gold"
DEFAULT_SOURCES = PROJECT / "corpus" / "sources.yaml"
CRAWL_ROOT = PROJECT / "corpus"


class RulesGroup(click.Group):
    """Turns a broken rule file into a one-line error and exit code 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except RuleError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(2)
        except KeyboardInterrupt as exc:
            click.echo(f"error: {exc or 'interrupted'}", err=True)
            ctx.exit(130)


@click.group(cls=RulesGroup)
@click.version_option(__version__, prog_name="promises")
def cli():
    """Medborgarlöften → normalized, comparable JSON records (schema 1)."""


def _extract(paths, out_dir: Path, jobs: int, resume: bool, max_bytes: int, model, quiet: bool) -> int:
    from .batch import run_batch

    load_rules()  # fail early (exit 2) on a broken rule file
    done = [0]

    def progress(r):
        done[0] += 1
        if r.error:
            click.echo(f"error: {r.error}", err=True)

    res = run_batch(list(paths), out_dir, jobs=jobs, resume=resume, max_bytes=max_bytes,
                    model=model, progress=progress)
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
def extract(paths, out_dir, jobs, resume, max_bytes, model):
    """Extract records from files or folders (searched recursively)."""
    sys.exit(_extract(paths, out_dir, jobs, resume, max_bytes, model, quiet=False))


@cli.command()
@click.option("--gold", "gold_dir", type=click.Path(exists=True, path_type=Path), required=True,
              help="Folder of *.gold.json files.")
@click.argument("output", type=click.Path(exists=True, path_type=Path), default=DEFAULT_OUTPUT)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--show-misses", is_flag=True, help="List what was missed, extra or different.")
@click.option("--half", type=click.Choice(["A", "B"]),
              help="Only the gold of one half of the kommuner (the split held back while writing rules).")
def evaluate(gold_dir, output, as_json, show_misses, half):
    """Compare the records in OUTPUT with gold records."""
    from .evaluate import evaluate as run_eval, format_table, gold_half
    from .output import load_records

    gold = [g for g in load_records(gold_dir) if half is None or gold_half(g) == half]
    report = run_eval(gold, load_records(output))
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
    click.option("--timeout", type=click.FloatRange(0.1), default=20.0, show_default=True, help="Seconds per request."),
    click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
                 help="Retries on 429, 5xx and timeouts (exponential backoff, Retry-After honoured)."),
    click.option("--contact", default="https://github.com/medborgarloften/promises", show_default=True,
                 help="Contact put in the User-Agent."),
]


def _crawl(corpus: Path, sources, only, base_url, rate, concurrency, timeout, retries, contact, max_bytes) -> int:
    from datetime import datetime, timezone

    from .crawl import Settings, crawl, load_sources, seeds, write_report

    src = load_sources(DEFAULT_SOURCES, sources)
    settings = Settings(corpus=corpus, base_url=base_url, rate=rate, concurrency=concurrency,
                        timeout=timeout, retries=retries, contact=contact, max_bytes=max_bytes)
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
    except KeyboardInterrupt:
        bar.close()
        raise KeyboardInterrupt("crawl interrupted; files written so far are complete, rerun to go on")
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
def crawl(corpus, sources, only, base_url, rate, concurrency, timeout, retries, contact, max_bytes):
    """Fetch promise pages and their PDFs into the corpus snapshot."""
    sys.exit(_crawl(corpus, sources, only, base_url, rate, concurrency, timeout, retries, contact, max_bytes))


@cli.command()
@click.option("--corpus", type=click.Path(path_type=Path), default=DEFAULT_CORPUS, show_default=True)
@click.option("--gold", "gold_dir", type=click.Path(path_type=Path), default=DEFAULT_GOLD, show_default=True)
@click.option("--crawl", "do_crawl", is_flag=True, help="Crawl first (into --corpus, default corpus/), then extract it.")
@_add(extract_options)
@_add(crawl_options)
def run(corpus, gold_dir, do_crawl, out_dir, jobs, resume, max_bytes, model,
        sources, only, base_url, rate, concurrency, timeout, retries, contact):
    """The main job: extract the bundled snapshot into outputs/ and evaluate against gold."""
    crawl_code = 0
    if do_crawl:
        if corpus == DEFAULT_CORPUS:
            corpus = CRAWL_ROOT
        crawl_code = _crawl(corpus, sources, only, base_url, rate, concurrency, timeout, retries, contact, max_bytes)
    if not corpus.exists():
        raise click.UsageError(f"{corpus}: no such corpus folder")
    code = _extract([str(corpus)], out_dir, jobs, resume, max_bytes, model, quiet=False) or crawl_code
    from .output import load_records

    result, _ = _track(load_records(out_dir), out_dir, corpus)  # once, for track.json and the report
    click.echo(f"report: {write_report(out_dir, result)}")
    click.echo(f"follow-ups: {write_track(out_dir, result)}")
    if gold_dir.is_dir() and any(gold_dir.glob("*.json")):
        from .evaluate import evaluate as run_eval, format_table

        click.echo("")
        click.echo(format_table(run_eval(load_records(gold_dir), load_records(out_dir))))
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


@cli.command()
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path), required=False)
@click.option("--previous", is_flag=True, help="Compare each kommun's latest period with its previous one, both in OLD.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "html"]), default="text", show_default=True)
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout.")
def diff(old, new, previous, fmt, out):
    """What changed between two periods: OLD and NEW are record files or output folders."""
    from .diff import diff_records, pair_by_kommun
    from .render import render_diffs

    if new is None and not previous:
        raise click.UsageError("give OLD and NEW, or one folder with --previous")
    olds = _load(old)
    news = olds if new is None else _load(new)
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
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout.")
def compare(folder, fmt, activities, out):
    """Every record side by side (CSV opens in Excel: UTF-8 with BOM)."""
    from .compare import activity_rows, record_rows, to_csv, to_json, to_markdown
    from .render import page, table_html

    records = _load(folder)
    if activities:
        rows = activity_rows(records)
    else:
        from .track import follow_up_shares, track_records

        rows = record_rows(records, follow_up_shares(track_records(records, load_rules(), CRAWL_ROOT)))
    text = {"csv": to_csv, "markdown": to_markdown, "json": to_json,
            "html": lambda r: page("Medborgarlöften – jämförelse", table_html(r))}[fmt](rows)
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

    result, bad = _track(_load(folder), folder, corpus)
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


def write_report(out_dir: Path, result) -> Path:
    """The report site in OUT_DIR/report/ (it replaces the one-page report.html of before),
    with each promise's status from the TrackResult ``result``."""
    from .output import load_records
    from .report import build_site

    (out_dir / "report.html").unlink(missing_ok=True)
    return build_site(load_records(out_dir), out_dir / "report", result)


@cli.command()
def schema():
    """Print the JSON Schema of a schema-1 record."""
    from .schema import schema_json

    click.echo(schema_json(), nl=False)


def main():
    cli(prog_name="promises")
