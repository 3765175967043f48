#!/usr/bin/env bash
# Reproduces every accuracy and speed figure in docs/results.md and prints
# them as one Markdown table on stdout (progress goes to stderr).
#
#   scripts/results.sh [SHARED]        # SHARED defaults to ../shared
#
# It builds bin/crosscheck, scores it with SHARED/eval/score on the seed
# article, PolNeAR dev, TimeBank, AQUAINT, CoNLL-2003 validation and the
# project's own annotated corpora (testdata/corpus/demo, reconcile), scores
# chrono-node on TimeBank and AQUAINT the same way, runs the Recognizers-Text
# specs, then the speed benchmarks: BenchmarkExtract over 1,000 articles
# beside wink-nlp over the same folder, in the same run, and
# BenchmarkReconcile (100,000 claims).
#
# Needs Go, Python 3 (the scorer) and, for the peers, Node.js with
# chrono-node, wink-nlp and wink-eng-lite-web-model. Their node_modules is
# looked for in $PEERS_NODE_MODULES, SHARED/bench/peers/node_modules and
# /tmp/peers/node_modules, else installed with npm into a temporary folder
# (RESULTS_NO_INSTALL=1 forbids that). A peer that cannot run is reported
# as "not run (why)" in its cell; it does not stop the script.
#
# Environment:
#   RESULTS_SKIP_SPEED=1   skip the speed benchmarks
#   RESULTS_SKIP_PEERS=1   skip chrono-node and wink-nlp (saves ~4 CPU-minutes)
#   RESULTS_NO_INSTALL=1   never run npm install
#   RESULTS_JOBS=N         scoring runs at once (default: the number of cores)
#
# On 2 idle cores the accuracy part takes ~7 minutes (most of it starting
# one process per article, as the scorer's contract has it) and the speed
# part ~2 more; on a busy shared machine, up to twice that.
set -euo pipefail

shared=${1:-../shared}
if [ ! -x "$shared/eval/score" ]; then
	echo "results.sh: $shared/eval/score not found; give the shared folder as the first argument" >&2
	exit 2
fi
shared=$(cd "$shared" && pwd)
if [ ! -f go.mod ] || [ ! -d cmd/crosscheck ]; then
	echo "results.sh: run from the repository root (scripts/results.sh [SHARED])" >&2
	exit 2
fi
data=$shared/data
jobs=${RESULTS_JOBS:-$(nproc)}

work=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-results.XXXXXX")
keep=0
cleanup() {
	if [ "$keep" = 1 ]; then
		echo "results.sh: logs kept in $work" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT
mkdir -p "$work/out" "$work/log"

say() { echo "results.sh: $*" >&2; }

started=$(date -u '+%Y-%m-%d %H:%M UTC')
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
t0=$SECONDS

say "building bin/crosscheck"
go build -o bin/crosscheck ./cmd/crosscheck

# The scorer, run as itself, with two additions to its JSON summary: place
# precision (the P inside its place F1) and the gold counts, so that a
# corpus with no gold places says "n/a" rather than 0.
cat >"$work/score.py" <<'EOF'
import importlib.machinery, importlib.util, sys
path = sys.argv[1]
loader = importlib.machinery.SourceFileLoader("score", path)
spec = importlib.util.spec_from_loader("score", loader)
m = importlib.util.module_from_spec(spec)
loader.exec_module(m)
orig = m.summary
def summary(t):
    s = orig(t)
    s["place_p"] = m.f1(t["p_pred_ok"], t["p_pred"] - t["p_pred_ok"], t["p_gold"] - t["p_hit"])[1]
    for k in ("p_gold", "t_gold", "q_gold"):
        s[k] = t[k]
    return s
m.summary = summary
sys.argv = [path, "--json"] + sys.argv[2:]
sys.exit(m.main())
EOF

# score NAME CMD DIR: scores CMD over DIR into out/NAME.json (log/NAME.log
# holds the per-document lines and any command failure).
score() {
	local name=$1 cmd=$2 dir=$3
	local rc=0
	python3 "$work/score.py" "$shared/eval/score" --cmd "$cmd" "$dir" \
		>"$work/out/$name.json" 2>"$work/log/$name.log" || rc=$?
	if [ "$rc" = 0 ]; then
		grep -cE ': (command failed|no usable JSON)' "$work/log/$name.log" >"$work/out/$name.failures" || true
	else
		rm -f "$work/out/$name.json"
		echo "the scorer failed (exit $rc): $(tail -n 1 "$work/log/$name.log" | cut -c1-80)" >"$work/out/$name.err"
	fi
}

recognizers() {
	local rc=0
	go run ./internal/eval/recognizers -data "$data/recognizers-text-en" \
		>"$work/out/recognizers.txt" 2>"$work/log/recognizers.log" || rc=$?
	if [ "$rc" != 0 ]; then
		echo "exit $rc: $(tail -n 1 "$work/log/recognizers.log" | cut -c1-80)" >"$work/out/recognizers.err"
	fi
}

# Runs its arguments in the background, at most $jobs at once.
running=0
spawn() {
	if [ "$running" -ge "$jobs" ]; then
		wait -n || true
		running=$((running - 1))
	fi
	"$@" &
	running=$((running + 1))
}

# The peers: a scratch folder with the shared drivers and a node_modules
# that holds what they import.
peers=$work/peers
peer_reason=""
find_node_modules() {
	local d
	for d in "${PEERS_NODE_MODULES:-}" "$shared/bench/peers/node_modules" /tmp/peers/node_modules; do
		if [ -n "$d" ] && [ -d "$d/chrono-node" ] && [ -d "$d/wink-nlp" ] && [ -d "$d/wink-eng-lite-web-model" ]; then
			echo "$d"
			return 0
		fi
	done
	return 1
}
setup_peers() {
	if [ "${RESULTS_SKIP_PEERS:-}" = 1 ]; then
		peer_reason="RESULTS_SKIP_PEERS=1"
		return 1
	fi
	if ! command -v node >/dev/null; then
		peer_reason="node not installed"
		return 1
	fi
	mkdir -p "$peers"
	cp "$shared"/bench/peers/*.mjs "$peers/"
	local nm
	if nm=$(find_node_modules); then
		ln -s "$nm" "$peers/node_modules"
		say "peers: node_modules from $nm"
	elif [ "${RESULTS_NO_INSTALL:-}" = 1 ]; then
		peer_reason="chrono-node/wink-nlp not installed, RESULTS_NO_INSTALL=1"
		return 1
	elif ! command -v npm >/dev/null; then
		peer_reason="chrono-node/wink-nlp not installed and no npm"
		return 1
	else
		say "peers: npm install into $peers (no node_modules found)"
		if ! (cd "$peers" && timeout 300 npm install --no-audit --no-fund --silent \
			chrono-node@2.10.3 wink-nlp@2.4.0 wink-eng-lite-web-model@1.8.1) >"$work/log/npm.log" 2>&1; then
			peer_reason="npm install failed: $(tail -n 1 "$work/log/npm.log" | cut -c1-80)"
			keep=1
			return 1
		fi
	fi
	return 0
}
peers_ok=0
if setup_peers; then
	golds=("$data"/timebank/*.gold.json)
	probe=${golds[0]%.gold.json}.txt
	if node "$peers/peer-chrono-extract.mjs" "$probe" 2>"$work/log/chrono-probe.log" |
		python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null; then
		peers_ok=1
	else
		peer_reason="chrono-node driver failed: $(grep -m1 -E 'Error|error' "$work/log/chrono-probe.log" | cut -c1-100 || true)"
		keep=1
	fi
fi
if [ "$peers_ok" = 0 ]; then
	say "peers not run: $peer_reason"
	echo "$peer_reason" >"$work/out/peer.reason"
fi

say "scoring (≤$jobs at once; ~7 minutes on 2 idle cores)"
cc='bin/crosscheck extract --format json {}'
spawn score conll "$cc" "$data/conll-valid"
spawn score timebank "$cc" "$data/timebank"
if [ "$peers_ok" = 1 ]; then
	spawn score chrono-timebank "node $peers/peer-chrono-extract.mjs {}" "$data/timebank"
	spawn score chrono-aquaint "node $peers/peer-chrono-extract.mjs {}" "$data/aquaint"
fi
spawn score aquaint "$cc" "$data/aquaint"
spawn score polnear "$cc" "$data/polnear-dev"
spawn score seed "$cc" "$shared/corpus"
spawn score demo "$cc" testdata/corpus/demo
spawn score reconcile "$cc" testdata/corpus/reconcile
spawn recognizers
wait
if compgen -G "$work/out/*.err" >/dev/null; then keep=1; fi
say "scoring done after $((SECONDS - t0)) s"

if [ "${RESULTS_SKIP_SPEED:-}" = 1 ]; then
	echo "RESULTS_SKIP_SPEED=1" >"$work/out/speed.skipped"
else
	# 1,000 articles: the .txt beside each gold file of PolNeAR train, then
	# PolNeAR dev, then TimeBank, in name order.
	corpus=$work/corpus1000
	mkdir -p "$corpus"
	n=0
	for set in polnear-train polnear-dev timebank; do
		for g in "$data/$set"/*.gold.json; do
			f=${g%.gold.json}.txt
			[ -f "$f" ] || continue
			[ "$n" -lt 1000 ] || break 2
			cp "$f" "$corpus/$set-$(basename "$f")"
			n=$((n + 1))
		done
	done
	say "speed: $n articles ($(du -sh "$corpus" | cut -f1)); BenchmarkExtract and wink-nlp, alternately, 3 times each"
	go test -c -o "$work/extract.test" ./internal/extract
	for i in 1 2 3; do
		if [ "$peers_ok" = 1 ]; then
			node "$peers/peer-wink.mjs" "$corpus" >"$work/out/wink-$i.txt" 2>>"$work/log/wink.log" || keep=1
		fi
		CROSSCHECK_BENCH_CORPUS=$corpus "$work/extract.test" -test.run '^$' -test.bench '^BenchmarkExtract$' \
			-test.benchtime 3x >"$work/out/extract-$i.txt" 2>&1 || keep=1
	done
	say "speed: BenchmarkReconcile (100,000 claims)"
	go test -run '^$' -bench '^BenchmarkReconcile$' -benchtime 3x ./internal/reconcile \
		>"$work/out/reconcile-bench.txt" 2>&1 || keep=1
	echo "$n" >"$work/out/speed.docs"
fi

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//;s/ *$//' || true)
{
	echo "started=$started"
	echo "load_start=$load_start"
	echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
	echo "cores=$(nproc)"
	echo "cpu=${cpu:-unknown}"
	echo "commit=$(git describe --always --dirty 2>/dev/null || echo unknown)"
	echo "go=$(go env GOVERSION)"
	echo "node=$(node --version 2>/dev/null || echo none)"
	echo "seconds=$((SECONDS - t0))"
} >"$work/out/env"

python3 - "$work/out" <<'EOF'
import json, os, re, statistics, sys

out = sys.argv[1]
env = dict(l.rstrip("\n").split("=", 1) for l in open(os.path.join(out, "env")))

def load(name):
    """The scorer's summary for a run, or the reason there is none."""
    p = os.path.join(out, name + ".json")
    if os.path.exists(p):
        try:
            s = json.load(open(p))
            f = os.path.join(out, name + ".failures")
            s["_failures"] = int(open(f).read().strip() or 0) if os.path.exists(f) else 0
            return s, None
        except (ValueError, OSError) as e:
            return None, "failed (unreadable summary: %s)" % e
    for ext in (".err", ".reason"):
        if os.path.exists(os.path.join(out, name + ext)):
            return None, "failed (" + open(os.path.join(out, name + ext)).read().strip() + ")"
    return None, "not run"

peer_reason = None
if os.path.exists(os.path.join(out, "peer.reason")):
    peer_reason = "not run (" + open(os.path.join(out, "peer.reason")).read().strip() + ")"

rows = []
def row(ev, measure, value, peer="", target="", met=None):
    rows.append((ev, measure, value, peer, target, {True: "yes", False: "**no**", None: ""}[met]))

def f3(x): return "%.3f" % x
def f2(x): return "%.2f" % x
def docs(s): return (" (%d doc%s)" % (s["documents"], "" if s["documents"] == 1 else "s")) if s else ""
def note(s): return " ⚠ %d commands failed" % s["_failures"] if s and s.get("_failures") else ""

# Seed article
s, err = load("seed")
ev = "Seed article" + docs(s)
if s:
    row(ev, "attribution F1 (P / R)", "%s (%s / %s)%s" % (f3(s["attribution_f1"]), f3(s["attribution_p"]), f3(s["attribution_r"]), note(s)),
        target="≥ 0.90", met=s["attribution_f1"] >= 0.90)
    row(ev, "cue / mode", "%s / %s" % (f2(s["cue_acc"]), f2(s["mode_acc"])), target="≥ 0.90 each",
        met=s["cue_acc"] >= 0.90 and s["mode_acc"] >= 0.90)
    row(ev, "time value (value-F1)", "%s (%s)" % (f2(s["time_value_acc"]), f3(s["time_value_f1"])), target="value 1.00",
        met=s["time_value_acc"] >= 0.995)
    row(ev, "quantity R / F1", "%s / %s" % (f2(s["quantity_recall"]), f2(s["quantity_f1"])), target="R 1.00, F1 ≥ 0.90",
        met=s["quantity_recall"] >= 0.995 and s["quantity_f1"] >= 0.90)
    row(ev, "place R / F1", "%s / %s" % (f2(s["place_recall"]), f2(s["place_f1"])), target="R ≥ 0.90, F1 ≥ 0.85",
        met=s["place_recall"] >= 0.90 and s["place_f1"] >= 0.85)
    row(ev, "metadata", f2(s["metadata_acc"]))
else:
    row(ev, "all", err)

# PolNeAR dev
s, err = load("polnear")
ev = "PolNeAR dev" + docs(s)
if s:
    row(ev, "attribution F1 (P / R)", "%s (%s / %s)%s" % (f3(s["attribution_f1"]), f3(s["attribution_p"]), f3(s["attribution_r"]), note(s)),
        peer="published systems ~0.82–0.85 (on PARC 3.0)", target="≥ 0.65", met=s["attribution_f1"] >= 0.65)
    row(ev, "cue / mode", "%s / %s" % (f2(s["cue_acc"]), f2(s["mode_acc"])))
else:
    row(ev, "attribution", err)

# TimeBank, AQUAINT, with chrono-node beside
for name, title in (("timebank", "TimeBank"), ("aquaint", "AQUAINT")):
    s, err = load(name)
    if peer_reason:
        peer = "chrono-node: " + peer_reason
    else:
        c, cerr = load("chrono-" + name)
        peer = ("chrono-node %s (found %s)%s" % (f3(c["time_value_f1"]), f2(c["time_found"]), note(c))) if c else "chrono-node: " + cerr
    ev = title + docs(s)
    if s:
        row(ev, "time value-F1 (found)", "%s (%s)%s" % (f3(s["time_value_f1"]), f2(s["time_found"]), note(s)),
            peer=peer + "; HeidelTime reported 0.78", target="≥ 0.80", met=s["time_value_f1"] >= 0.80)
    else:
        row(ev, "time value-F1", err, peer=peer)

# CoNLL-2003 validation
s, err = load("conll")
ev = "CoNLL-2003 validation" + docs(s)
if s:
    row(ev, "place R / P / F1", "%s / %s / %s%s" % (f3(s["place_recall"]), f3(s["place_p"]), f3(s["place_f1"]), note(s)),
        target="F1 ≥ 0.80", met=s["place_f1"] >= 0.80)
else:
    row(ev, "place", err)

# The project's own annotated corpora
for name, title in (("demo", "testdata/corpus/demo"), ("reconcile", "testdata/corpus/reconcile")):
    s, err = load(name)
    ev = title + docs(s)
    if not s:
        row(ev, "all", err)
        continue
    row(ev, "attribution F1 (P / R)", "%s (%s / %s)%s" % (f3(s["attribution_f1"]), f3(s["attribution_p"]), f3(s["attribution_r"]), note(s)))
    row(ev, "time value-F1 (found)", "%s (%s)" % (f3(s["time_value_f1"]), f2(s["time_found"])) if s["t_gold"] else "n/a (no gold times)")
    row(ev, "quantity R / F1", "%s / %s" % (f2(s["quantity_recall"]), f2(s["quantity_f1"])) if s["q_gold"] else "n/a (no gold quantities)")
    row(ev, "place R / F1", "%s / %s" % (f2(s["place_recall"]), f2(s["place_f1"])) if s["p_gold"] else "n/a (no gold places)")

# Recognizers-Text
ev = "Recognizers-Text specs (en)"
p = os.path.join(out, "recognizers.txt")
if os.path.exists(p) and not os.path.exists(os.path.join(out, "recognizers.err")):
    fam = {}
    for l in open(p):
        m = re.match(r"^(\S+) \(all files\)\s+(\d+)/(\d+)\s+([\d.]+)%", l) or re.match(r"^(overall)\s+(\d+)/(\d+)\s+([\d.]+)%", l)
        if m:
            fam[m.group(1)] = "%s%% (%s/%s)" % (m.group(4), m.group(2), m.group(3))
    for k in ("Number", "NumberWithUnit", "DateTime", "overall"):
        if k in fam:
            row(ev, "cases right: " + k, fam[k])
else:
    row(ev, "cases right", "failed" + (" (" + open(os.path.join(out, "recognizers.err")).read().strip() + ")" if os.path.exists(os.path.join(out, "recognizers.err")) else ""))

# Speed
if os.path.exists(os.path.join(out, "speed.skipped")):
    row("Speed", "BenchmarkExtract, wink-nlp", "skipped (RESULTS_SKIP_SPEED=1)")
else:
    n = open(os.path.join(out, "speed.docs")).read().strip()
    cc, wk = [], []
    for i in (1, 2, 3):
        for lst, f, rx in ((cc, "extract-%d.txt", r"([\d.]+) docs/s"), (wk, "wink-%d.txt", r"= ([\d.]+) docs/s")):
            p = os.path.join(out, f % i)
            if os.path.exists(p):
                m = re.search(rx, open(p).read())
                if m:
                    lst.append(float(m.group(1)))
    ev = "Speed, %s articles" % n
    ccv = "%.0f docs/s (median of %d runs: %s)" % (statistics.median(cc), len(cc), ", ".join("%.0f" % x for x in cc)) if cc else "failed (BenchmarkExtract did not run)"
    if peer_reason:
        wkv = "wink-nlp " + peer_reason
    elif wk:
        wkv = "wink-nlp %.0f docs/s (median of %d: %s)" % (statistics.median(wk), len(wk), ", ".join("%.0f" % x for x in wk))
    else:
        wkv = "wink-nlp failed"
    row(ev, "BenchmarkExtract docs/s", ccv, peer=wkv)
    if cc and wk:
        r = statistics.median(cc) / statistics.median(wk)
        row(ev, "crosscheck / wink-nlp", "%.1fx" % r, target="≥ 3x", met=r >= 3)
    else:
        row(ev, "crosscheck / wink-nlp", "not measured (" + ("wink-nlp " + peer_reason if peer_reason else "a side failed") + ")", target="≥ 3x")
    p = os.path.join(out, "reconcile-bench.txt")
    m = re.search(r"BenchmarkReconcile\S*\s+\d+\s+(\d+) ns/op", open(p).read()) if os.path.exists(p) else None
    row("Speed, 100,000 claims", "BenchmarkReconcile time/op", "%.2f s" % (int(m.group(1)) / 1e9) if m else "failed")

print("Measured %s on %s cores (%s), shared machine, load %s at start, %s at end; commit %s; %s, node %s; took %s s." % (
    env["started"], env["cores"], env["cpu"], env["load_start"], env["load_end"], env["commit"], env["go"], env["node"], env["seconds"]))
print()
print("| Evaluation | Measure | crosscheck | Peer / published | Target | Met |")
print("| --- | --- | --- | --- | --- | --- |")
for r in rows:
    print("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |")
EOF
