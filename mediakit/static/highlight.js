// mediakit highlight widget: click (or Tab + Space/Enter) words of an article excerpt to mark
// them. Words are <button>s, so keyboard use and screen readers work without extra code;
// aria-pressed tells whether a word is marked. Text is set with textContent (never innerHTML):
// article text is untrusted. Nothing is loaded from the internet.
function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "mk-hl";
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", model.get("label"));
  const buttons = [];
  for (const seg of model.get("segments")) {
    if (seg.w < 0) {
      box.appendChild(document.createTextNode(seg.t));
      continue;
    }
    const b = document.createElement("button");
    b.type = "button";
    b.className = "mk-hl-word";
    b.textContent = seg.t;
    b.dataset.w = String(seg.w);
    b.addEventListener("click", () => toggle(seg.w));
    buttons.push(b);
    box.appendChild(b);
  }
  function toggle(i) {
    const marked = new Set(model.get("marked"));
    if (marked.has(i)) marked.delete(i); else marked.add(i);
    model.set("marked", [...marked].sort((a, b) => a - b));
    model.save_changes();
  }
  function update() {
    const marked = new Set(model.get("marked"));
    const states = model.get("states") || {};
    for (const b of buttons) {
      const i = b.dataset.w;
      b.setAttribute("aria-pressed", marked.has(Number(i)) ? "true" : "false");
      const state = states[i] || "";
      b.dataset.state = state;
      b.title = state === "right" ? "right" : state === "wrong" ? "not part of an answer" : "";
    }
  }
  model.on("change:marked", update);
  model.on("change:states", update);
  update();
  el.appendChild(box);
}
export default { render };
