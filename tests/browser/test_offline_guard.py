"""The guard that makes the lesson tests a proof of "charts work offline" can fail.

Control: on one page, a chart from mediakit (altair's "mimetype" renderer, drawn by
JupyterLab's own Vega) and the same chart with altair's CDN renderer ("html"). The first must
draw with no request leaving 127.0.0.1; the second must be caught: its requests to the CDN
refused and listed, and it must not draw.
"""

from __future__ import annotations

import nbformat

from .jlab import error_outputs, open_notebook, run_all, wait_charts

NOTEBOOK = "generated/offline_guard.ipynb"
CELLS = [
    "import altair as alt\nimport pandas as pd\nimport mediakit.charts\n"
    "data = pd.DataFrame({'outlet': ['A', 'B'], 'count': [3, 5]})\n"
    "chart = alt.Chart(data).mark_bar().encode(x='count:Q', y='outlet:N')\n"
    "assert alt.renderers.active == 'mimetype', alt.renderers.active",
    "chart",
    "alt.renderers.enable('html')\nchart",
]


def test_offline_charts_draw_and_a_cdn_chart_is_caught(tab, lab):
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(src) for src in CELLS],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}})
    (lab.root / NOTEBOOK).parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, lab.root / NOTEBOOK)
    page = tab.page
    open_notebook(page, lab, NOTEBOOK)
    run_all(page)
    assert not error_outputs(page), error_outputs(page)
    page.wait_for_function("() => document.querySelector('[id^=\"altair-viz-\"] .error, "
                           "[id^=\"altair-viz-\"] .vega-embed') !== null", timeout=60_000)
    charts = wait_charts(page)

    offline = [c for c in charts if c["renderer"] == "jupyterlab-vega"]
    cdn = [c for c in charts if c["cdn"]]
    assert len(offline) == 1 and offline[0]["drawn"], charts
    assert len(cdn) == 1 and not cdn[0]["drawn"], charts
    refused = tab.refused_requests
    assert refused and all(url.startswith("https://cdn.jsdelivr.net/") for url in refused), refused
