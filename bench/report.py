#!/usr/bin/env python3
"""Summarises bench/run.sh results: medians, ratios to the psql floor and to migrate (JVM).

usage: report.py RESULTS.tsv [--markdown]

RESULTS.tsv has one line per timed run: repetition, scenario, revisions, tool, seconds,
peak RSS (KiB), exit status. Failed runs are counted and left out of the medians.
"""
import statistics
import sys

TOOLS = ["psql", "migrate-jar", "migrate-native", "dbmate", "alembic", "flyway", "liquibase"]
TITLES = {"psql": "psql floor", "migrate-jar": "migrate (JVM)", "migrate-native": "migrate (native)",
          "dbmate": "dbmate", "alembic": "Alembic", "flyway": "Flyway", "liquibase": "Liquibase"}
SCENARIOS = ["help", "noop", "full"]


def label(scenario, n):
    if scenario == "help":
        return "--help"
    what = "no-op upgrade" if scenario == "noop" else "full upgrade"
    return "%s, %s revisions" % (what, "{:,}".format(int(n)))


def load(path):
    runs, failed = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            _, scenario, n, tool, seconds, rss, code = line.rstrip("\n").split("\t")
            key = (scenario, n, tool)
            if code != "0":
                failed[key] = failed.get(key, 0) + 1
                continue
            runs.setdefault(key, []).append((float(seconds), int(rss)))
    return runs, failed


def medians(runs):
    return {k: (statistics.median(s for s, _ in v), statistics.median(r for _, r in v), len(v))
            for k, v in runs.items()}


def rows(med):
    """(scenario, n) pairs in a stable order: --help, then no-op and full by size."""
    keys = {(s, n) for s, n, _ in med}
    return sorted(keys, key=lambda k: (SCENARIOS.index(k[0]), int(k[1]) if k[1].isdigit() else 0))


def ratio(a, b):
    return "%.2f" % (a / b) if a is not None and b else "-"


def text(med, failed):
    out = ["%-32s %-17s %9s %9s %11s %8s %5s" % ("scenario", "tool", "median s", "x psql", "x migrate", "peak MB", "runs")]
    for scenario, n in rows(med):
        floor = med.get((scenario, n, "psql"))
        base = med.get((scenario, n, "migrate-jar"))
        for tool in TOOLS:
            m = med.get((scenario, n, tool))
            fails = failed.get((scenario, n, tool), 0)
            if m is None and not fails:
                continue
            if m is None:
                out.append("%-32s %-17s %s" % (label(scenario, n), tool, "all %d runs failed" % fails))
                continue
            out.append("%-32s %-17s %9.3f %9s %11s %8.1f %5s" % (
                label(scenario, n), tool, m[0], ratio(m[0], floor and floor[0]), ratio(m[0], base and base[0]),
                m[1] / 1024, "%d%s" % (m[2], " (+%d failed)" % fails if fails else "")))
    return "\n".join(out)


def markdown(med):
    tools = [t for t in TOOLS if any(k[2] == t for k in med)]
    out = ["| | relative to | " + " | ".join(TITLES[t] for t in tools) + " |",
           "|---|---|" + "---|" * len(tools)]

    def line(name, base_name, value):
        cells = []
        for t in tools:
            v, b = value(t), value(base_name)
            cells.append(ratio(v, b) if v is not None else "–")
        out.append("| %s | %s = 1 | %s |" % (name, TITLES[base_name], " | ".join(cells)))

    for scenario, n in rows(med):
        # Start-up has no meaningful psql floor: --help is compared with migrate on the JVM.
        base_name = "migrate-jar" if scenario == "help" else "psql"
        line(label(scenario, n), base_name, lambda t: (med.get((scenario, n, t)) or (None,))[0])
    full = [n for s, n in rows(med) if s == "full"]
    if full:
        n = full[-1]
        line("peak memory, full upgrade of %s" % "{:,}".format(int(n)), "migrate-jar",
             lambda t: (med.get(("full", n, t)) or (None, None))[1])
    return "\n".join(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    runs, failed = load(sys.argv[1])
    med = medians(runs)
    print(markdown(med) if "--markdown" in sys.argv[2:] else text(med, failed))


if __name__ == "__main__":
    main()
