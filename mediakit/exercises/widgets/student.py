"""The student panel: name and ID, where answers are saved, and a download link to submit."""

from __future__ import annotations

import base64
from html import escape

import ipywidgets as w

from ..store import AnswerStore

MAX_LINK_BYTES = 3_000_000  # data: links beyond this are slow in browsers


def download_html(store: AnswerStore) -> str:
    """A data: link holding the answers file (works on Binder: no server route needed)."""
    try:
        raw = store.path.read_bytes()
    except FileNotFoundError:
        return "<small>No answers saved yet: answer a question and the download link appears.</small>"
    except OSError as err:
        return f"<small style='color:#b42318'>Cannot read {escape(str(store.path))}: " \
               f"{escape(err.strerror or str(err))}</small>"
    if len(raw) > MAX_LINK_BYTES:
        return (f"<small>The answers file is large: download {escape(store.path.name)} from the "
                "file browser instead.</small>")
    data = base64.b64encode(raw).decode()
    return (f"<a download='{escape(store.path.name)}' href='data:application/json;base64,{data}' "
            "style='font-weight:bold'>⬇ Download your answers file</a> "
            "<small>(hand it in as your teacher asks)</small>")


class StudentBox(w.VBox):
    def __init__(self, store: AnswerStore):
        super().__init__(layout=w.Layout(border="1px solid #d0d7de", padding="8px"))
        self.store = store
        student = store.read().get("student", {})
        self.name = w.Text(value=str(student.get("name", "")), description="Your name",
                           continuous_update=False, style={"description_width": "8em"})
        self.student_id = w.Text(value=str(student.get("id", "")), description="Student ID",
                                 continuous_update=False, style={"description_width": "8em"})
        self.status = w.HTML()
        self.where = w.HTML(f"<small>Your answers are saved the moment you give them, in "
                            f"<code>{escape(str(store.path))}</code>.</small>")
        self.download = w.HTML()
        self.refresh_button = w.Button(description="Refresh link", tooltip=(
            "Rebuild the download link with your latest answers"))
        self.refresh_button.on_click(lambda _: self.refresh())
        self.name.observe(self.save, names="value")
        self.student_id.observe(self.save, names="value")
        self.children = [self.name, self.student_id, self.where,
                         w.HBox([self.download, self.refresh_button]), self.status]
        self.refresh()

    def save(self, *_):
        status = self.store.save_student(self.name.value, self.student_id.value)
        self.status.value = ("<small style='color:#57606a'>Saved.</small>" if status.ok else
                             f"<p style='color:#b42318'><b>{escape(status.message)}</b></p>")
        self.refresh()

    def refresh(self) -> None:
        self.download.value = download_html(self.store)
        if self.store.notice:
            self.status.value = f"<p style='color:#b42318'>{escape(self.store.notice)}</p>"
