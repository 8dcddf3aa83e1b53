"""Readers for Stormglass's exported files, shared by the notebooks in this folder.

The notebooks analyse only what Stormglass writes (a run folder's summary.json, events.jsonl and
metrics.csv; a sweep's sweep.csv; a capacity study's capacity.json) and produce those files by
calling the ./stormglass launcher at the repository root. Nothing here imports or reads
Stormglass's internals, so a notebook works the same on files copied from another machine.

Environment:
    STORMGLASS_NOTEBOOK_OUT  folder for the notebooks' runs and figures (default: target/notebooks)
Paths in environment variables may be relative to the repository root.
"""
import json
import math
import os
import re
import subprocess
from pathlib import Path

import pandas as pd

__all__ = ["repo_root", "output_dir", "given_path", "stormglass", "run_folder", "read_summary", "read_events",
           "read_metrics", "metric", "go_duration_s", "hms"]


def repo_root(start=None):
    """The Stormglass checkout holding the current directory (the folder with ./stormglass and pom.xml)."""
    start = Path(start or Path.cwd()).resolve()
    for d in [start, *start.parents]:
        if (d / "stormglass").is_file() and (d / "pom.xml").is_file():
            return d
    raise RuntimeError(f"no Stormglass checkout (./stormglass and pom.xml) at or above {start}")


def output_dir(*parts):
    """A folder under STORMGLASS_NOTEBOOK_OUT (default <repo>/target/notebooks), created if missing."""
    base = Path(os.environ.get("STORMGLASS_NOTEBOOK_OUT") or repo_root() / "target" / "notebooks")
    d = base.joinpath(*parts)
    d.mkdir(parents=True, exist_ok=True)
    return d


def given_path(text):
    """A path from an environment variable: absolute as given, relative to the repository root otherwise."""
    p = Path(text).expanduser()
    return p if p.is_absolute() else repo_root() / p


def stormglass(*args):
    """Runs ./stormglass with args from the repository root and returns its standard output.

    The progress bar on standard error is dropped; on failure the last lines of standard error are
    raised with the exit code, so that a notebook cell (and CI) fails with the tool's own message.
    """
    cmd = [str(repo_root() / "stormglass"), *map(str, args)]
    print("$", " ".join(["./stormglass", *map(str, args)]), flush=True)
    p = subprocess.run(cmd, cwd=repo_root(), capture_output=True, text=True)
    if p.returncode != 0:
        tail = "\n".join(p.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"./stormglass exited with {p.returncode}:\n{tail}")
    return p.stdout


def run_folder(env_var, scenario, out, sets=()):
    """A run folder: the one named by env_var if set, otherwise a fresh `./stormglass run` into out.

    The run skips the HTML report (`--no-report`): the notebooks draw their own figures.
    """
    given = os.environ.get(env_var)
    if given:
        folder = given_path(given)
        if not (folder / "summary.json").is_file():
            raise FileNotFoundError(f"{env_var}={given}: no summary.json there (not a run folder)")
        print(f"{env_var}: reading {folder}")
        return folder
    args = ["run", scenario, "--out", out, "--no-report"]
    for s in sets:
        args += ["--set", s]
    print(stormglass(*args).strip())
    return Path(out)


def read_summary(folder):
    """summary.json of a run folder as a dict."""
    return json.loads((Path(folder) / "summary.json").read_text(encoding="utf-8"))


def read_events(folder):
    """events.jsonl as a DataFrame sorted by time_s (one row per timeline event; columns vary by type)."""
    rows = [json.loads(line) for line in (Path(folder) / "events.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    ev = pd.DataFrame(rows)
    return ev.sort_values("time_s", kind="stable").reset_index(drop=True)


def read_metrics(folder, names=None):
    """metrics.csv (long format) as a DataFrame, optionally only the metrics in names.

    Columns: window_start_s, window_end_s, metric, labels, statistic, value. Latencies are in
    seconds (statistics count, mean_s, p50_s ... max_s); counters are per-window increases.
    """
    it = pd.read_csv(Path(folder) / "metrics.csv", dtype={"labels": str}, keep_default_na=False,
                     chunksize=500_000)
    parts = [c[c["metric"].isin(names)] if names is not None else c for c in it]
    df = pd.concat(parts, ignore_index=True)
    df["value"] = pd.to_numeric(df["value"], errors="coerce")
    return df


def metric(df, name, statistic=None):
    """The rows of one metric with its labels spread into columns (member=n1 -> column member)."""
    m = df[df["metric"] == name]
    if statistic is not None:
        m = m[m["statistic"] == statistic]
    m = m.copy()
    labels = m["labels"].map(lambda s: dict(kv.split("=", 1) for kv in s.split(",") if kv))
    for key in sorted({k for d in labels for k in d}):
        m[key] = labels.map(lambda d, k=key: d.get(k))
    return m.reset_index(drop=True)


_GO_UNITS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0, "h": 3600.0}


def go_duration_s(text):
    """Seconds in a Go duration as etcd logs it ("1.395273182s", "500.375928ms", "1m2.5s")."""
    parts = re.findall(r"([0-9.]+)(ns|us|µs|ms|s|m|h)", str(text))
    if not parts:
        return math.nan
    return sum(float(v) * _GO_UNITS[u] for v, u in parts)


def hms(seconds, _pos=None):
    """Simulated seconds as h:mm:ss (a matplotlib tick formatter too)."""
    s = int(round(seconds))
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
