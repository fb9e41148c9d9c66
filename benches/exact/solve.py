#!/usr/bin/env python3
"""An exact model of tuxiang's scheduling rules in CP-SAT, to compare the scheduler against.

Not part of the product or of `cargo test`. Needs Python 3 and `ortools` (pip install ortools).

    cargo bench --bench exact_export > benches/exact/instances.json
    python3 benches/exact/solve.py benches/exact/instances.json [seconds]

The rules, as the scheduler applies them to an instance without pins:
- a college's classes go in roster order, in one or more blocks (consecutive classes); a block
  runs on one station inside one session, starts on a whole minute and takes its classes'
  seconds, rounded up to the minute;
- two blocks on one station are at least the changeover apart;
- first the latest end (in minutes of session time) is minimised, then the extra blocks (for
  each college, its blocks minus one).
Each instance is solved in two phases: the latest end (the time limit), then the blocks with the
end fixed (half the time limit). It prints a Markdown table.
"""

import json
import math
import sys
import time

from ortools.sat.python import cp_model


def sessions_in_order(inst):
    out = []
    for s in sorted(inst["sessions"], key=lambda s: (s["date"], s["start"])):
        a, b = math.ceil(s["start"] / 60), s["end"] // 60
        if a < b:
            out.append((s["date"], a, b))
    return out


def colleges(inst):
    order, by = [], {}
    for g in inst["groups"]:
        c = g["college"]
        if c not in by:
            by[c] = []
            order.append(c)
        by[c].append(g["secs"])
    return [by[c] for c in order]


def solve(inst, limit):
    sess = sessions_in_order(inst)
    c = inst["change_min"]
    S = inst["stations"]
    longest = max(b - a for _, a, b in sess)
    cum, off = [], []
    t, o = 0, 0
    for _, a, b in sess:
        cum.append(t)
        off.append(o)
        t += b - a
        o += b - a + c + 1
    total = t
    cols = colleges(inst)

    m = cp_model.CpModel()
    makespan = m.NewIntVar(0, total, "end")
    per_station = [[] for _ in range(S)]
    cover = []  # per college, per class: the literals covering it
    blocks = []
    for ci, secs in enumerate(cols):
        pre = [0]
        for x in secs:
            pre.append(pre[-1] + x)
        n = len(secs)
        cov = [[] for _ in range(n)]
        for i in range(n):
            for k in range(i + 1, n + 1):
                dur = math.ceil((pre[k] - pre[i]) / 60)
                if dur > longest:
                    break
                for j, (_, a, b) in enumerate(sess):
                    if dur > b - a:
                        continue
                    for s in range(S):
                        x = m.NewBoolVar("")
                        st = m.NewIntVar(off[j], off[j] + (b - a) - dur, "")
                        iv = m.NewOptionalFixedSizeIntervalVar(st, dur + c, x, "")
                        per_station[s].append(iv)
                        m.Add(makespan >= st - off[j] + cum[j] + dur).OnlyEnforceIf(x)
                        for q in range(i, k):
                            cov[q].append(x)
                        blocks.append(x)
        for q in range(n):
            m.AddExactlyOne(cov[q])
        cover.append(cov)
    for ivs in per_station:
        m.AddNoOverlap(ivs)
    # Identical stations: station 0 holds the block that ends last is not forced, but a simple
    # symmetry break would interfere with optional intervals; left to the solver.
    m.Minimize(makespan)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    solver.parameters.num_workers = 2
    t0 = time.time()
    r = solver.Solve(m)
    if r not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    end = int(solver.Value(makespan))
    end_optimal = r == cp_model.OPTIMAL
    lower = int(solver.BestObjectiveBound())
    m.Add(makespan <= end)
    m.ClearObjective()
    m.Minimize(sum(blocks))
    for b in blocks:
        m.AddHint(b, solver.Value(b))
    solver2 = cp_model.CpSolver()
    solver2.parameters.max_time_in_seconds = limit / 2
    solver2.parameters.num_workers = 2
    r2 = solver2.Solve(m)
    nblocks = int(solver2.ObjectiveValue()) if r2 in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None
    extra = None if nblocks is None else nblocks - len(cols)
    return {
        "end": end,
        "end_optimal": end_optimal,
        "lower": lower,
        "extra": extra,
        "extra_optimal": r2 == cp_model.OPTIMAL,
        "secs": time.time() - t0,
        "sess": sess,
        "cum": cum,
    }


def clock(res, end_min):
    """Session-time minutes to (date, HH:MM)."""
    for (d, a, b), cu in zip(res["sess"], res["cum"]):
        if end_min <= cu + (b - a):
            t = a + end_min - cu
            return d, "%02d:%02d" % (t // 60, t % 60)
    d, a, b = res["sess"][-1]
    return d, "%02d:%02d" % (b // 60, b % 60)


def tux_minutes(res, tux):
    """tuxiang's shown latest end in session-time minutes."""
    d, secs = tux["end"]["date"], tux["end"]["secs"]
    e = math.ceil(secs / 60)
    for (sd, a, b), cu in zip(res["sess"], res["cum"]):
        if sd == d and a < e <= b:
            return cu + e - a
    return None


def main():
    path = sys.argv[1]
    limit = float(sys.argv[2]) if len(sys.argv) > 2 else 20.0
    insts = json.load(open(path))
    print("| instance | classes | stations | changeover | greedy end (extra blocks) | tuxiang end (extra blocks) | tuxiang ms | best known end (extra blocks) | proven | tuxiang − best (min) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for inst in insts:
        res = solve(inst, limit)
        tux, greedy = inst["tuxiang"], inst.get("greedy")
        head = "| %s | %d | %d | %d min" % (inst["name"], len(inst["groups"]), inst["stations"], inst["change_min"])
        if res is None or tux is None:
            print("%s | | %s | | no solution in %gs | | |" % (head, "-" if tux is None else "ok", limit))
            continue

        def shown(t):
            e = math.ceil(t["end"]["secs"] / 60)
            return "%s %02d:%02d (%d)" % (t["end"]["date"][5:], e // 60, e % 60, t["splits"])

        tm = tux_minutes(res, tux)
        gm = tux_minutes(res, greedy) if greedy else None
        cands = [(res["end"], res["extra"] if res["extra"] is not None else 10**9, "cp")]
        if tm is not None:
            cands.append((tm, tux["splits"], "tux"))
        if gm is not None:
            cands.append((gm, greedy["splits"], "greedy"))
        best_end, best_extra, _ = min(cands)
        d, hm = clock(res, best_end)
        proven = "end" if res["end_optimal"] or best_end <= res["lower"] else "bound %s" % clock(res, res["lower"])[1]
        if res["extra_optimal"] and best_end == res["end"]:
            proven += ", blocks"
        print("%s | %s | %s | %.1f | %s %s (%d) | %s | %s |" % (
            head, shown(greedy) if greedy else "-", shown(tux), inst["ms"], d[5:], hm, best_extra, proven,
            "-" if tm is None else "%d (%+d blocks)" % (tm - best_end, tux["splits"] - best_extra)))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
