// Tally's page: send the article to /v1/extract and show each fact in place. No external resources.
(function () {
  "use strict";
  // the categories as the server declares them (service/engine/lexicon/casualty_triggers.yaml): order, colours
  let CATEGORIES = [];
  fetch("/categories.json").then((r) => r.json()).then((data) => {
    CATEGORIES = data.categories.map((c) => c.name);
    const style = document.createElement("style");
    style.textContent = data.categories.map((c) => `.cat-${c.name} { color: ${c.colour}; }`).join("\n");
    document.head.appendChild(style);
  });
  const $ = (id) => document.getElementById(id);
  const QUALIFIERS = { exact: "exact", about: "about", at_least: "at least", more_than: "more than",
    approaching: "approaching", at_most: "at most", less_than: "less than", range: "range", vague: "vague",
    implicit: "implied" };
  const number = (n) => (n == null ? "" : Number(n).toLocaleString("en"));
  const qualifier = (q) => QUALIFIERS[q] || q;
  const form = $("extract-form"), article = $("article"), statusLine = $("status");
  let last = null;

  const keyInput = $("api-key");
  keyInput.value = sessionStorage.getItem("tally-api-key") || "";

  function setStatus(text, isError) {
    statusLine.textContent = text;
    statusLine.className = isError ? "error" : "";
  }

  // drop a text file on the box
  article.addEventListener("dragover", (e) => { e.preventDefault(); article.classList.add("dragging"); });
  article.addEventListener("dragleave", () => article.classList.remove("dragging"));
  article.addEventListener("drop", (e) => {
    e.preventDefault();
    article.classList.remove("dragging");
    const file = e.dataTransfer.files[0];
    if (file) file.text().then((t) => { article.value = t; });
  });

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    // offsets in UTF-16 code units, as JavaScript slices strings (an emoji is two)
    const body = { text: article.value, offsets: "utf16" };
    if ($("published").value) body.published = $("published").value;
    if ($("doc-id").value) body.id = $("doc-id").value;
    const headers = { "Content-Type": "application/json" };
    if (keyInput.value) { headers["X-API-Key"] = keyInput.value; sessionStorage.setItem("tally-api-key", keyInput.value); }
    setStatus("Reading…");
    try {
      const resp = await fetch("/v1/extract", { method: "POST", headers, body: JSON.stringify(body) });
      const data = await resp.json();
      if (!resp.ok) {
        const fields = data.errors ? " " + JSON.stringify(data.errors) : "";
        setStatus(`${data.title || "Error"} (${data.reason || resp.status}): ${data.detail || ""}${fields}`, true);
        return;
      }
      last = { request: body, response: data };
      render(body.text, data);
      setStatus(`${data.casualties.length} casualty facts, ${data.dates.length} dates, in ${data.meta.elapsed_ms} ms` +
        (data.published ? ` (anchored on ${data.published}, from the ${data.meta.published_source})` : ""));
    } catch (err) {
      setStatus("The service could not be reached: " + err, true);
    }
  });

  function describe(f) {
    const c = f.count;
    const bounds = [c.min != null ? `min ${number(c.min)}` : "", c.max != null ? `max ${number(c.max)}` : ""]
      .filter(Boolean).join(", ");
    return `${f.category}: ${number(c.value)} (${qualifier(c.qualifier)}${bounds ? ", " + bounds : ""})` +
      (f.date ? ` — ${f.date.value}` : "") + (f.location ? ` — ${f.location}` : "") + (f.source ? ` — per ${f.source}` : "") +
      (f.perpetrator ? ` — by ${f.perpetrator}` : "");
  }

  function render(text, data) {
    // spans to mark: facts first (they win overlaps), then dates not inside a fact
    const spans = data.casualties.map((f) => ({ start: f.start, end: f.end, kind: "fact", item: f }))
      .concat(data.dates.map((d) => ({ start: d.start, end: d.end, kind: "date", item: d })))
      .sort((a, b) => a.start - b.start || (a.kind === "fact" ? -1 : 1));
    const out = $("highlighted");
    out.textContent = "";
    let pos = 0;
    for (const s of spans) {
      if (s.start < pos) continue; // overlaps an earlier mark
      out.appendChild(document.createTextNode(text.slice(pos, s.start)));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(s.start, s.end);
      if (s.kind === "fact") {
        mark.className = `fact cat-${s.item.category}`;
        mark.dataset.category = s.item.category;
        mark.dataset.fact = s.item.id;
        mark.title = describe(s.item);
      } else {
        mark.className = "date";
        mark.title = `${s.item.type} ${s.item.value}`;
      }
      out.appendChild(mark);
      pos = s.end;
    }
    out.appendChild(document.createTextNode(text.slice(pos)));

    const tbody = $("facts").querySelector("tbody");
    tbody.textContent = "";
    for (const f of data.casualties) {
      const tr = document.createElement("tr");
      const cells = [f.category, number(f.count.value), qualifier(f.count.qualifier), f.victims || "",
        f.date ? f.date.value : "", f.location || "", f.source || "", f.perpetrator || "", f.cumulative ? "yes" : ""];
      tr.dataset.fact = f.id;
      tr.tabIndex = 0;
      tr.title = "Show it in the article";
      tr.addEventListener("click", () => showFact(f.id));
      tr.addEventListener("keydown", (e) => { if (e.key === "Enter") showFact(f.id); });
      cells.forEach((v, i) => {
        const td = document.createElement("td");
        if (i === 4) td.className = "date-cell";
        if (i === 0) {
          const sw = document.createElement("span");
          sw.className = `swatch cat-${f.category}`;
          sw.style.background = "currentColor";
          td.appendChild(sw);
          td.className = `cat-${f.category}`;
        }
        td.appendChild(document.createTextNode(String(v)));
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    }

    const summary = $("summary");
    summary.textContent = "";
    for (const [cat, s] of Object.entries(data.summary)) {
      const li = document.createElement("li");
      li.textContent = `${cat}: ${number(s.value)} (${qualifier(s.qualifier)})`;
      summary.appendChild(li);
    }

    const legend = $("legend");
    legend.textContent = "";
    const order = CATEGORIES.length ? CATEGORIES : [...new Set(data.casualties.map((f) => f.category))];
    for (const cat of order) {
      if (!data.casualties.some((f) => f.category === cat)) continue;
      const span = document.createElement("span");
      span.className = `cat-${cat}`;
      span.innerHTML = `<span class="swatch" style="background: currentColor"></span>`;
      span.appendChild(document.createTextNode(cat));
      legend.appendChild(span);
    }
    $("output").hidden = false;
  }

  // a row of the table leads to its highlight: scrolled into view inside the article pane, and marked
  function showFact(id) {
    const mark = $("highlighted").querySelector(`mark[data-fact="${CSS.escape(id)}"]`);
    if (!mark) return;
    document.querySelectorAll("mark.focused").forEach((m) => m.classList.remove("focused"));
    mark.classList.add("focused");
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement("a");
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  $("download-json").addEventListener("click", () => {
    if (last) download("tally.json", "application/json", JSON.stringify(last.response, null, 2));
  });
  $("download-csv").addEventListener("click", async () => {
    if (!last) return;
    const headers = { "Content-Type": "application/json", "Accept": "text/csv" };
    if (keyInput.value) headers["X-API-Key"] = keyInput.value;
    const resp = await fetch("/v1/extract/batch?hxl=1", { method: "POST", headers, body: JSON.stringify({ documents: [{ ...last.request, offsets: undefined }] }) });
    download("tally-facts.csv", "text/csv", await resp.text());
  });
})();
