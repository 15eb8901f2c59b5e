"""Small altair charts over the tidy tables in `mediakit.tables`: describe, never analyse."""

from __future__ import annotations

import altair as alt


def use_offline_renderer() -> None:
    """Show charts as Vega-Lite JSON that JupyterLab draws itself, with no network.

    Altair's default renderer writes HTML that loads vega, vega-lite and vega-embed from a CDN
    (cdn.jsdelivr.net), so in an offline or firewalled classroom no chart appears. The
    "mimetype" renderer sends `application/vnd.vegalite.v5+json` instead, which JupyterLab's
    built-in Vega extension renders from its own bundled copy. (Altair 6 would send v6, which
    JupyterLab 4 does not render: hence `altair<6` in pyproject.toml.)
    """
    alt.renderers.enable("mimetype")


use_offline_renderer()
