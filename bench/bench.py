"""Benchmark of the `jxtargets` command line (SPEC §6 "Speed"). Run from anywhere:

    python bench/bench.py            # full: 21 runs of each small command, scales 1k/3k/10k
    python bench/bench.py --quick    # development: 5 runs, scales 200/600/2k, 2 runs each

Every figure is a whole process, started by this script and waited for with `os.wait4`, so the
wall time includes interpreter start-up and imports, and the max RSS and CPU time (user + system)
are that process's own. All commands of a section run interleaved (round robin, after warm-up
runs that are not counted), so a slow patch of the machine hits them alike; each figure is the
median. Columns: median wall time, its ratio to the section's reference, the same ratio in CPU
time (steadier when other work shares the machine), max RSS, the bar and PASS/FAIL. Children
run with bytecode caching on, in a private PYTHONPYCACHEPREFIX (see `base_env`), as an installed
package has its bytecode, and with their own XDG_CACHE_HOME under a temp dir.

Part 1, the everyday commands, against the baseline `python -c pass` (the same interpreter the
package is installed in): `jxtargets --help`; `jxtargets check 2020` as JSON and as a table (the
embedded catalogue and actuals); `jxtargets cagr gdp`. They run with a private XDG_CACHE_HOME
(under a temp dir) that the warm-up runs fill, so the validated catalogue and actuals come from
the data cache, as they do for a user on the second call; nothing printed is cached, so every run
computes and lays out its output. Bars: check JSON <= 10x, check table <= 15x, --help <= 8x the
baseline.

Part 2, scale: `bench/synth.py` writes a seeded synthetic catalogue of N indicators (two targets
each) and actuals for the 10 years 2016-2025 (N figures a year) as 10 YAML files and as one long
CSV (columns documented there). For each N it measures

- raw parse: PyYAML's C loader (`yaml.load(f, Loader=yaml.CSafeLoader)`) over the catalogue and
  the 10 YAML files, no jxtargets code. It runs as its own process and prints its in-process
  time. Which comparison is fair: the CLI run is a whole process, so the bar compares it with
  the raw parse as a whole process too (interpreter start plus `import yaml` plus the parse):
  both then pay the same start-up, and what is left over is what jxtargets adds. The in-process
  parse time is printed as well; at 10k indicators the two differ by a few tens of ms, so the
  choice only matters at small N.
- cold YAML: `jxtargets check <10 YAML files> --catalogue synth.yaml --format json`, each run
  with a new, empty cache (so: parse and validate the catalogue and every file, evaluate the
  2N targets as of 2025 with the earlier years as history, and render the JSON).
- warm CSV: the same check with the actuals as the one CSV file and a cache that holds only the
  validated catalogue (copied for each run from a cache warmed with a one-row CSV).
- repeat CSV (information, no bar): the same again, with the CSV's own cache entry warm too.

Bars (at the largest N): cold YAML <= 1.3x the raw parse; warm CSV < 2 s; max RSS < 300 MB for
each jxtargets run; and time linear in indicators x years: the marginal cost per figure between
the two larger sizes within 25% of that between the two smaller ones.

The script reports; it is not a test: it exits 0 whether or not the bars are met (2 only if it
cannot run at all). Generated files go to bench/out/ (ignored by git).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import Synth, generate  # noqa: E402

MB = 1024 * 1024

# The raw parse, run as its own process: prints its in-process parse time in seconds.
RAW_PARSE = """\
import sys, time
t0 = time.perf_counter()
import yaml
for path in sys.argv[1:]:
    with open(path, "rb") as fh:
        yaml.load(fh, Loader=yaml.CSafeLoader)
print(time.perf_counter() - t0)
"""


def _interpreter() -> None:
    """Re-run under the project's venv if this interpreter cannot import jxtargets."""
    if importlib.util.find_spec("jxtargets") is not None:
        return
    venv = ROOT / ".venv" / "bin" / "python"
    if venv.exists() and Path(sys.executable) != venv:
        os.execv(str(venv), [str(venv), str(Path(__file__).resolve()), *sys.argv[1:]])
    sys.exit("bench: jxtargets is not installed for this Python (pip install -e .)")


def jxtargets_command() -> list[str]:
    """The installed `jxtargets` script next to this interpreter (what users run), else -m."""
    script = Path(sys.executable).parent / "jxtargets"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "jxtargets"]


@dataclass
class Run:
    seconds: float  # wall time, spawn to reap
    cpu: float  # user + system time of the process
    rss: int  # max RSS, bytes
    rc: int
    stdout: str = ""
    stderr: str = ""


def run(argv: list[str], env: dict, capture: bool = False) -> Run:
    """One whole process: wall time (spawn to reap), and its own CPU time and max RSS (wait4)."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=out if capture else subprocess.DEVNULL, stderr=err, env=env, cwd=ROOT
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        out.seek(0)
        return Run(
            seconds,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss * 1024,
            proc.returncode,
            out.read().decode("utf-8", "replace") if capture else "",
            err.read().decode("utf-8", "replace"),
        )


@dataclass
class Measure:
    label: str
    argv: list[str]
    env: object  # dict, or a callable giving a fresh env per run
    ok_codes: tuple[int, ...] = (0, 1)
    capture: bool = False
    after: object = None  # called with the env after each run: a note if something is wrong
    runs: list[Run] = field(default_factory=list)
    error: str | None = None
    notes: list[str] = field(default_factory=list)

    def once(self) -> Run:
        env = self.env() if callable(self.env) else self.env
        r = run(self.argv, env, self.capture)
        if r.rc not in self.ok_codes and self.error is None:
            lines = (r.stderr.strip() or f"exit code {r.rc}").splitlines()
            self.error = f"exit {r.rc}: {lines[-1][:200]}"
        if self.after is not None:
            note = self.after(env)
            if note and note not in self.notes:
                self.notes.append(note)
        return r

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def max_rss(self) -> int:
        return max(r.rss for r in self.runs)


def interleaved(measures: list[Measure], runs: int, warmup: int) -> None:
    for i in range(warmup + runs):
        for m in measures:
            r = m.once()
            if i >= warmup:
                m.runs.append(r)


def _t(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


class Report:
    COLUMNS = ("", "median", "ratio", "cpu", "max RSS", "bar", "")

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []
        self.notes: list[str] = []
        self.failed: list[str] = []

    def head(self, title: str) -> None:
        self.rows.append((title,) + ("",) * 6)

    def add(
        self,
        label: str,
        value: str,
        ratio: str = "",
        cpu: str = "",
        rss: str = "",
        bar: str = "",
        ok: bool | None = None,
    ) -> None:
        self.rows.append((f"  {label}", value, ratio, cpu, rss, bar, "" if ok is None else "PASS" if ok else "FAIL"))
        if ok is False:
            self.failed.append(label.strip())

    def note(self, text: str) -> None:
        self.notes.append(text)

    def print(self) -> None:
        rows = [self.COLUMNS, *self.rows]
        widths = [max(_width(r[i]) for r in rows if any(r[1:])) for i in range(7)]
        for row in rows:
            if not any(row[1:]):
                print(row[0])
                continue
            cells = [_pad(row[0], widths[0])] + [
                _pad(c, w, right=True) for c, w in zip(row[1:6], widths[1:6], strict=True)
            ]
            print("  ".join(cells) + ("  " + row[6] if row[6] else ""))
        for n in self.notes:
            print(f"note: {n}")
        sys.stdout.flush()


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * (width - _width(text))
    return gap + text if right else text + gap


def _mb(n: int) -> str:
    return f"{n / MB:.0f} MB"


PYCACHE: Path | None = None  # set by main(): bytecode for every child, under the temp dir


def base_env(cache: Path) -> dict:
    """The environment of every child: a private jxtargets cache, and bytecode caching on (in a
    private PYTHONPYCACHEPREFIX, so the repository is not written to) even where the shell sets
    PYTHONDONTWRITEBYTECODE, which would otherwise recompile every jxtargets module on every
    run (~35 ms a check): an installed jxtargets always has its bytecode."""
    env = dict(os.environ)
    for key in (
        "JXTARGETS_NO_CACHE",
        "JXTARGETS_DEBUG",
        "PYTHONPROFILEIMPORTTIME",
        "PYTHONTRACEMALLOC",
        "PYTHONDONTWRITEBYTECODE",
        "PYTHONDEVMODE",
        "PYTHONASYNCIODEBUG",
        "PYTHONMALLOC",
    ):
        env.pop(key, None)
    env["XDG_CACHE_HOME"] = str(cache)
    if PYCACHE is not None:
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def part1(report: Report, tmp: Path, runs: int, warmup: int) -> None:
    py, jx = sys.executable, jxtargets_command()
    env = base_env(tmp / "cache-small")
    baseline = Measure("python -c pass", [py, "-c", "pass"], env)
    cmds = [
        (Measure("jxtargets --help", [*jx, "--help"], env), 8.0),
        (Measure("check 2020 --format json", [*jx, "check", "2020", "--format", "json"], env), 10.0),
        (Measure("check 2020 --format table", [*jx, "check", "2020", "--format", "table"], env), 15.0),
        (Measure("cagr gdp", [*jx, "cagr", "gdp"], env), None),
    ]
    interleaved([baseline, *(m for m, _ in cmds)], runs, warmup)
    report.head(
        f"Everyday commands: {runs} runs each, interleaved, cache warm "
        f"(python {sys.version.split()[0]}, {os.cpu_count()} CPUs)"
    )
    base, base_cpu = baseline.median, baseline.cpu
    report.add(baseline.label, _t(base), "1.0×", f"{_t(base_cpu)}", _mb(baseline.max_rss), "baseline")
    for m, bar in cmds:
        if m.error:
            report.add(m.label, "ERROR", m.error, ok=False)
            continue
        ratio = m.median / base
        report.add(
            m.label,
            _t(m.median),
            f"{ratio:.1f}×",
            f"{m.cpu / base_cpu:.1f}×",
            _mb(m.max_rss),
            f"≤ {bar:g}×" if bar else "",
            ratio <= bar if bar else None,
        )


def _summary(stdout: str) -> str:
    try:
        s = json.loads(stdout)["summary"]
    except (ValueError, KeyError, TypeError):
        return "unreadable JSON"
    return f"{s['total']:,} results: " + ", ".join(f"{k} {v:,}" for k, v in s["by_status"].items())


def _files(d: Path) -> set[str]:
    return {str(p.relative_to(d)) for p in d.rglob("*") if p.is_file()} if d.exists() else set()


def scale(report: Report, tmp: Path, sizes: list[int], runs: int) -> None:
    py, jx = sys.executable, jxtargets_command()
    results = []
    for n in sizes:
        syn: Synth = generate(n, OUT / f"synth-{n}")
        yaml_files = [str(p) for p in syn.yaml_files]
        check = [*jx, "check"]
        opts = ["--catalogue", str(syn.catalogue), "--format", "json"]
        counter = iter(range(10**9))

        def fresh(n=n, counter=counter) -> dict:
            return base_env(tmp / f"cold-{n}-{next(counter)}")

        # A cache holding only the validated catalogue: warmed with a one-row CSV.
        seeded = tmp / f"seeded-{n}"
        r = run([*check, str(syn.seed_csv), *opts], base_env(seeded))
        if r.rc not in (0, 1):
            report.note(f"{n}: warming the catalogue cache failed: {r.stderr.strip()[-300:]}")
        seed_files = _files(seeded)

        def warm_catalogue(n=n, counter=counter, seeded=seeded) -> dict:
            d = tmp / f"warm-{n}-{next(counter)}"
            shutil.copytree(seeded, d)
            return base_env(d)

        def catalogue_hit(env, seed_files=seed_files) -> str | None:
            # Only the CSV's own entry may be new; more means the catalogue was validated again.
            new = {f for f in _files(Path(env["XDG_CACHE_HOME"])) - seed_files if "output-" not in str(f)}
            return f"the cached catalogue was not used ({len(new)} new cache files)" if len(new) > 1 else None

        raw = Measure(
            "raw parse (process)",
            [py, "-c", RAW_PARSE, str(syn.catalogue), *yaml_files],
            base_env(tmp / "unused"),
            ok_codes=(0,),
            capture=True,
        )
        cold = Measure("check YAML, cold cache", [*check, *yaml_files, *opts], fresh)
        warm = Measure(
            "check CSV, catalogue cached", [*check, str(syn.csv), *opts], warm_catalogue, after=catalogue_hit
        )
        again = Measure("check CSV, all cached", [*check, str(syn.csv), *opts], base_env(tmp / f"repeat-{n}"))
        probe = run([*check, *yaml_files, *opts], fresh(), capture=True)  # untimed: what it reports
        again.once()  # fills the repeat cache
        interleaved([raw, cold, warm, again], runs, warmup=0)
        results.append((syn, raw, cold, warm, again, probe))
        for d in [*tmp.glob(f"cold-{n}-*"), *tmp.glob(f"warm-{n}-*")]:
            shutil.rmtree(d, ignore_errors=True)

    largest = sizes[-1]
    for syn, raw, cold, warm, again, probe in results:
        big = syn.n == largest
        mb = (sum(p.stat().st_size for p in syn.yaml_files) + syn.catalogue.stat().st_size) / MB
        report.head(
            f"Scale: {syn.n:,} indicators × 10 years ({syn.target_years:,} target-years, "
            f"{mb:.1f} MB of YAML, CSV {syn.csv.stat().st_size / MB:.1f} MB), {runs} runs each"
        )
        report.note(f"{syn.n:,}: check reports {_summary(probe.stdout)}")
        if raw.error:
            report.add("raw parse", "ERROR", raw.error, ok=False)
            continue
        inproc = statistics.median(float(r.stdout.strip() or "nan") for r in raw.runs)
        report.add("raw parse, in-process", _t(inproc), f"{inproc / raw.median:.2f}×")
        report.add(raw.label, _t(raw.median), "1.0×", "1.0×", _mb(raw.max_rss), "reference")
        for m, bar_ratio, bar_seconds in ((cold, 1.3, None), (warm, None, 2.0), (again, None, None)):
            if m.error:
                report.add(m.label, "ERROR", m.error, ok=False)
                continue
            for note in m.notes:
                report.note(f"{syn.n:,}, {m.label}: {note}")
            ratio = m.median / raw.median
            ok, bar = None, ""
            if big and bar_ratio:
                bar, ok = f"≤ {bar_ratio}× raw", ratio <= bar_ratio
            if big and bar_seconds:
                bar, ok = f"< {bar_seconds:g} s", m.median < bar_seconds
            report.add(m.label, _t(m.median), f"{ratio:.2f}×", f"{m.cpu / raw.cpu:.2f}×", _mb(m.max_rss), bar, ok)
            if big and m is not again:
                report.add(
                    f"  max RSS ({m.label.split(',')[0].removeprefix('check ')})",
                    _mb(m.max_rss),
                    bar="< 300 MB",
                    ok=m.max_rss < 300 * MB,
                )
    if len(results) >= 3:
        report.head("Linearity: marginal time per figure (indicator-year) between successive sizes")
        for label, pick in (("check YAML, cold cache", 2), ("check CSV, catalogue cached", 3), ("raw parse", 1)):
            pts = [(r[0].n * 10, r[pick].median) for r in results if not r[pick].error]
            if len(pts) < 3:
                continue
            slopes = [(pts[i + 1][1] - pts[i][1]) / (pts[i + 1][0] - pts[i][0]) for i in range(len(pts) - 1)]
            growth = slopes[-1] / slopes[0] if slopes[0] > 0 else float("inf")
            text = " → ".join(f"{s * 1e6:.0f} µs" for s in slopes)
            is_bar = label != "raw parse"
            report.add(
                f"{label} (linear?)" if is_bar else label,
                text,
                f"{growth:.2f}×",
                bar="≤ 1.25×" if is_bar else "",
                ok=growth <= 1.25 if is_bar else None,
            )


def main(argv: list[str] | None = None) -> int:
    _interpreter()
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer runs and smaller scales, for development")
    parser.add_argument("--runs", type=int, help="runs of each everyday command (default 21; quick 5)")
    parser.add_argument("--scale-runs", type=int, help="runs of each scale command (default 3; quick 2)")
    parser.add_argument("--sizes", help="comma-separated indicator counts (default 1000,3000,10000)")
    parser.add_argument("--skip-scale", action="store_true", help="only the everyday commands")
    parser.add_argument("--skip-small", action="store_true", help="only the scale runs")
    args = parser.parse_args(argv)
    runs = args.runs or (5 if args.quick else 21)
    scale_runs = args.scale_runs or (2 if args.quick else 3)
    sizes = (
        [int(s) for s in args.sizes.split(",")]
        if args.sizes
        else ([200, 600, 2000] if args.quick else [1000, 3000, 10000])
    )

    print(f"jxtargets benchmark: {' '.join(jxtargets_command())}", flush=True)
    report = Report()
    OUT.mkdir(parents=True, exist_ok=True)
    global PYCACHE
    with tempfile.TemporaryDirectory(prefix="jxtargets-bench-") as tmpdir:
        tmp = Path(tmpdir)
        PYCACHE = tmp / "pycache"
        if not args.skip_small:
            part1(report, tmp, runs, warmup=2)
        if not args.skip_scale:
            scale(report, tmp, sorted(sizes), scale_runs)
    report.print()
    print(f"\n{len(report.failed)} bar(s) failed" + (f": {'; '.join(report.failed)}" if report.failed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
