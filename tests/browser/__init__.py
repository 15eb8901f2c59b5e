"""The kit as students use it: JupyterLab in a real browser (a package, so its server is shared)."""
