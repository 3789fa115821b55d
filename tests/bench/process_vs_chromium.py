#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Whole-process speed of `hiprx-cli plan FILE --pdf OUT` against headless Chromium printing the
same home program as an HTML page, measured in one run, paired and interleaved so that both see the
same machine load.

    python3 tests/bench/process_vs_chromium.py --cli build/src/cli/hiprx-cli [--rounds 30]

What each side does, timed from fork to exit:
  hiprx-cli  reads the assessment, analyses it, plans the program, draws every figure and writes
             the PDF (fonts embedded);
  Chromium   (--headless --print-to-pdf) loads an HTML page of the same program (name, start
             position, steps, dose and the same figures as PNG files made beforehand — work HipRx
             does inside the timed run) and prints it to PDF.
Also times start-up alone: `hiprx-cli --version` against `pdftotext -v`.
Prints medians, the 90th percentiles and the ratio of the medians. Needs chromium (Debian package
chromium) and poppler-utils. Uses a scratch HOME; writes nothing else.
"""
import argparse
import html
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

# Several findings on one side, so the suggested program is full (six exercises, the planner's cut).
ASSESSMENT = {
    "format": "hiprx-assessment/1",
    "patient": {"name": "Benchmark Patient", "birth_date": "1980-05-01", "sex": "female"},
    "visit": {"date": "2026-11-03", "affected_side": "right", "complaint": "Stiff, weak right hip"},
    "rom": {
        "right": {"hip_flexion": 100, "hip_extension": -5, "hip_adduction": 12, "hip_internal_rotation": 20,
                  "hip_external_rotation": 25, "hip_abduction": 30},
        "left": {"hip_flexion": 120, "hip_extension": 10, "hip_adduction": 25, "hip_internal_rotation": 35,
                 "hip_external_rotation": 45, "hip_abduction": 45},
    },
    "pain": {"nprs_now": 2, "nprs_worst_24h": 4, "irritability": "low"},
    "tests": {
        "right": {"thomas_iliopsoas": "positive", "thomas_rectus_femoris": "positive", "ober": "positive",
                  "slr": 55, "trendelenburg": "positive"},
        "left": {"thomas_iliopsoas": "negative", "ober": "negative", "slr": 80},
    },
    "strength": {"right": {"gluteus_medius": "3+", "gluteus_maximus": "3+", "hip_flexors": "4-"},
                 "left": {"gluteus_medius": "5", "gluteus_maximus": "5"}},
}


def run(args, env, **kw):
    return subprocess.run(args, env=env, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def timed(args, env):
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000.0


def program_html(plan, library, figure_dir):
    by_id = {e["id"]: e for e in library["exercises"]}
    cards = []
    for item in plan["program"]:
        exercise = by_id[item["exercise"]]
        steps = "".join(f"<li>{html.escape(s)}</li>" for s in exercise.get("steps", []))
        dose = item.get("dose", {})
        dose_text = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in dose.items())
        figure = os.path.join(figure_dir, item["exercise"] + ".png")
        image = f'<img src="file://{figure}" style="width:100%">' if os.path.exists(figure) else ""
        cards.append(f"""<section class="card"><h2>{html.escape(item['name'])}</h2>{image}
<p><b>Start:</b> {html.escape(exercise.get('start_position', ''))}</p><ol>{steps}</ol>
<p><b>Dose:</b> {html.escape(dose_text)}</p><p><b>Stop if:</b> {html.escape(exercise.get('stop_if', ''))}</p></section>""")
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home exercise program</title>
<style>body{{font-family:'DejaVu Sans',sans-serif;font-size:11pt;margin:18mm}} .card{{break-inside:avoid;
border:1px solid #999;padding:8pt;margin-bottom:10pt}} h1{{font-size:18pt}} h2{{font-size:13pt}}</style></head>
<body><h1>Home exercise program — {html.escape(ASSESSMENT['patient']['name'])}</h1>{''.join(cards)}</body></html>"""


def summary(values):
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return statistics.median(ordered), p90


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True, help="hiprx-cli of a release build")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--rounds", type=int, default=30)
    options = parser.parse_args()
    if not os.path.exists(options.chromium):
        sys.exit("chromium not found: install the Debian package chromium")

    with tempfile.TemporaryDirectory(prefix="hiprx-bench-") as scratch:
        env = dict(os.environ, HOME=scratch, XDG_DATA_HOME=scratch, HIPRX_TODAY="2026-12-01")
        assessment = os.path.join(scratch, "assessment.json")
        with open(assessment, "w", encoding="utf-8") as f:
            json.dump(ASSESSMENT, f)
        plan = json.loads(run([options.cli, "plan", assessment, "--json", "-"], env).stdout)
        library = json.loads(run([options.cli, "library", "--json"], env).stdout)
        figures = os.path.join(scratch, "figures")
        run([options.cli, "figures", "--png-dir", figures], env)
        page = os.path.join(scratch, "program.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write(program_html(plan, library, figures))

        hiprx_pdf = os.path.join(scratch, "hiprx.pdf")
        chrome_pdf = os.path.join(scratch, "chromium.pdf")
        hiprx_cmd = [options.cli, "plan", assessment, "--pdf", hiprx_pdf]
        chrome_cmd = [options.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                      f"--user-data-dir={os.path.join(scratch, 'chromium-profile')}",
                      f"--print-to-pdf={chrome_pdf}", "file://" + page]
        version_cmd = [options.cli, "--version"]
        pdftotext_cmd = ["pdftotext", "-v"]

        for cmd in (hiprx_cmd, chrome_cmd, version_cmd):  # warm the page cache and Chromium's profile
            timed(cmd, env)
        hiprx, chrome, version, pdftotext = [], [], [], []
        for _ in range(options.rounds):
            hiprx.append(timed(hiprx_cmd, env))
            chrome.append(timed(chrome_cmd, env))
            version.append(timed(version_cmd, env))
            pdftotext.append(timed(pdftotext_cmd, env))

        sizes = (os.path.getsize(hiprx_pdf), os.path.getsize(chrome_pdf))
        h_med, h_p90 = summary(hiprx)
        c_med, c_p90 = summary(chrome)
        v_med, v_p90 = summary(version)
        t_med, t_p90 = summary(pdftotext)
        print(f"program: {len(plan['program'])} exercises; {options.rounds} paired rounds")
        print(f"hiprx-cli plan --pdf   median {h_med:7.1f} ms  p90 {h_p90:7.1f} ms  PDF {sizes[0] // 1024} KB")
        print(f"chromium print-to-pdf  median {c_med:7.1f} ms  p90 {c_p90:7.1f} ms  PDF {sizes[1] // 1024} KB")
        print(f"hiprx-cli --version    median {v_med:7.1f} ms  p90 {v_p90:7.1f} ms")
        print(f"pdftotext -v           median {t_med:7.1f} ms  p90 {t_p90:7.1f} ms")
        print(f"hiprx-cli is {c_med / h_med:.0f}x faster than Chromium (ratio of medians)")


if __name__ == "__main__":
    main()
