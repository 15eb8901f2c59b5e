"""`python3 tasks.py test` makes sure the browser is there, or stops and says what to install."""

from __future__ import annotations

import importlib.util

import pytest

from .conftest import ROOT, chromium_path


@pytest.fixture
def tasks():
    spec = importlib.util.spec_from_file_location("mediakit_tasks", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_missing_chromium_stops_with_the_install_command(tasks, monkeypatch, tmp_path):
    monkeypatch.delenv("MEDIAKIT_CHROMIUM", raising=False)
    monkeypatch.setattr(tasks, "CHROMIUM_DEFAULT", str(tmp_path / "no-chromium"))
    monkeypatch.setattr(tasks, "_apt_install", lambda *packages: False)  # not root / no apt
    with pytest.raises(SystemExit) as stop:
        tasks.ensure_browser()
    message = str(stop.value)
    assert "chromium" in message and "apt-get install -y chromium" in message
    assert "MEDIAKIT_CHROMIUM" in message


def test_a_bad_mediakit_chromium_is_named(tasks, monkeypatch, tmp_path):
    monkeypatch.setenv("MEDIAKIT_CHROMIUM", str(tmp_path / "nothing-here"))
    with pytest.raises(SystemExit) as stop:
        tasks.ensure_browser()
    assert f"MEDIAKIT_CHROMIUM={tmp_path / 'nothing-here'}" in str(stop.value)


def test_missing_chromium_is_installed_when_apt_can(tasks, monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    installed = []

    def apt(*packages):  # stands in for apt-get: "installs" an executable file
        installed.extend(packages)
        fake.write_text("#!/bin/sh\n")
        fake.chmod(0o755)
        return True

    monkeypatch.delenv("MEDIAKIT_CHROMIUM", raising=False)
    monkeypatch.setattr(tasks, "CHROMIUM_DEFAULT", str(fake))
    monkeypatch.setattr(tasks, "_apt_install", apt)
    tasks.ensure_browser()
    assert "chromium" in installed


def test_the_suite_fails_rather_than_skips_without_a_browser(monkeypatch, tmp_path):
    monkeypatch.setenv("MEDIAKIT_CHROMIUM", str(tmp_path / "nothing-here"))
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y chromium"):
        chromium_path()


def test_only_chromium_is_needed_not_npm(tasks, monkeypatch, tmp_path):
    """The charts draw with JupyterLab's own Vega: no Node.js/npm, no chart library download."""
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setenv("MEDIAKIT_CHROMIUM", str(fake))
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))  # no npm, no node on the PATH
    monkeypatch.setattr(tasks, "_apt_install", lambda *packages: pytest.fail(f"installs {packages}"))
    tasks.ensure_browser()
    assert "npm" not in tasks.BROWSER_HELP
