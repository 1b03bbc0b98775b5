// Tidings dashboard: a small single-page app over /api. Every text from the store is escaped;
// charts load the vendored Vega libraries (static/vendor/) only on the pages that draw one.
"use strict";
const view = document.getElementById("view");
let meta = null;

const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const qs = (o) => new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== "")).toString();
async function api(path, params) {
  const r = await fetch("/api/" + path + (params ? "?" + qs(params) : ""), { headers: { Accept: "application/json" } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? body.error.message : r.statusText);
  return body;
}
function route() {
  const [path, query] = (location.hash.slice(1) || "/").split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: Object.fromEntries(new URLSearchParams(query || "")) };
}
function ready() { window.tidingsReadyAt = performance.now(); document.body.dataset.ready = String(Date.now()); }
function pending() { delete document.body.dataset.ready; }

// Marks spans (offsets into the article's text) in a piece of that text starting at base.
function marked(text, base, spans) {
  const keep = spans.filter((s) => s && s.start != null && s.end > s.start && s.start >= base && s.end <= base + text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "", at = base;
  for (const s of keep) {
    if (s.start < at) continue;
    out += esc(text.slice(at - base, s.start - base)) + `<mark class="${s.cls}" title="${esc(s.title || s.cls)}">` + esc(text.slice(s.start - base, s.end - base)) + "</mark>";
    at = s.end;
  }
  return out + esc(text.slice(at - base));
}
const who = (xs) => xs.map((x) => x.actor_id ? `<a href="#/actor/${encodeURIComponent(x.actor_id)}">${esc(x.name || x.text)}</a>` : esc(x.name || x.text)).join(", ") || "–";
function eventSpans(e) {
  return [{ start: e.start, end: e.end, cls: "trigger", title: e.type }, ...e.sources.map((x) => ({ ...x, cls: "source", title: "source" })), ...e.targets.map((x) => ({ ...x, cls: "target", title: "target" }))];
}
function eventItem(e) {
  const sentence = e.sentence_text != null ? marked(e.sentence_text, e.sentence_start, eventSpans(e)) : esc(e.trigger);
  return `<li class="event" data-id="${esc(e.id)}"><span class="tag ${esc(e.modality)}">${esc(e.modality)}</span><a href="#/event/${encodeURIComponent(e.id)}"><b>${esc(e.type)}</b>${e.mode ? " " + esc(e.mode) : ""}</a>
    <span class="muted">score ${e.score ?? "–"} · ${esc(e.date || e.published || "undated")}</span>
    <div class="sentence">${sentence}</div>
    <div class="muted">${who(e.sources)} → ${who(e.targets)} · <a href="#/article/${encodeURIComponent(e.article_id)}">${esc(e.title || e.article_id)}</a></div></li>`;
}
const speaker = (s) => !s ? "<i>unattributed</i>" : s.actor_id ? `<a href="#/actor/${encodeURIComponent(s.actor_id)}">${esc(s.name || s.text)}</a>` : esc(s.text);
const quoteItem = (q) => `<li><q>${esc(q.text)}</q> <span class="muted">— ${speaker(q.speaker)} · <a href="#/article/${encodeURIComponent(q.article_id)}">${esc(q.title || q.article_id)}</a> ${esc(q.published || "")}</span></li>`;
const claimItem = (c) => `<li><span class="tag">${esc(c.kind)}</span>${speaker(c.speaker)} <i>${esc(c.cue)}</i> ${esc(c.content)} <span class="muted">· <a href="#/article/${encodeURIComponent(c.article_id)}">${esc(c.title || c.article_id)}</a> ${esc(c.published || "")}</span></li>`;
function predictionItem(p) {
  const o = p.outcome ? `borne out: <a href="#/event/${encodeURIComponent(p.outcome.event_id)}">${esc(p.outcome.type)} “${esc(p.outcome.trigger)}”</a> (${esc(p.outcome.published || "")})` : "open";
  return `<li class="prediction"><span class="tag">${esc(p.published || "undated")}</span>${speaker(p.speaker)}: ${esc(p.content)} <span class="muted">· ${o} · <a href="#/article/${encodeURIComponent(p.article_id)}">article</a></span></li>`;
}
const actorItem = (a) => `<li><a href="#/actor/${encodeURIComponent(a.id)}"><b>${esc(a.name)}</b></a> <span class="tag">${esc(a.type)}</span>${a.country ? `<span class="tag">${esc(a.country)}</span>` : ""}${a.sectors.map((s) => `<span class="tag">${esc(s)}</span>`).join("")} <span class="muted">${a.mentions} mentions in ${a.articles} articles</span></li>`;
const articleItem = (a) => `<li><a href="#/article/${encodeURIComponent(a.id)}"><b>${esc(a.title || a.id)}</b></a> <span class="muted">${esc(a.published || "undated")} · ${esc(a.source || "")} · ${a.n_words} words · ${esc(a.status)}</span></li>`;

// A filtered, paged listing: a form of filters, rows and a "More" button that follows the cursor.
async function listing(title, path, fields, item, params) {
  const form = fields.map(([name, label, options]) => options
    ? `<label>${label}<select name="${name}"><option value="">any</option>${options.map((o) => `<option${params[name] === o ? " selected" : ""}>${o}</option>`).join("")}</select></label>`
    : `<label>${label}<input name="${name}" value="${esc(params[name] || "")}" ${name === "since" || name === "until" ? 'type="date"' : ""}></label>`).join("");
  view.innerHTML = `<h1>${title}</h1><form class="filters" id="filters">${form}<button>Filter</button>
    <a class="muted" id="csv" href="/api/${path}?${qs({ ...params, format: "csv", limit: 200 })}">CSV</a></form><ul class="rows" id="rows"></ul><div class="more"></div>`;
  document.getElementById("filters").onsubmit = (ev) => {
    ev.preventDefault();
    location.hash = "#/" + path + "?" + qs(Object.fromEntries(new FormData(ev.target)));
  };
  const more = async (cursor) => {
    const page = await api(path, { ...params, limit: 50, cursor });
    document.getElementById("rows").insertAdjacentHTML("beforeend", page.items.map(item).join("") || (cursor ? "" : "<li class='muted'>Nothing matches.</li>"));
    const box = view.querySelector(".more");
    box.innerHTML = page.next ? "<button>More</button>" : "";
    if (page.next) box.firstChild.onclick = () => more(page.next);
  };
  await more(null);
}

async function home() {
  const m = meta;
  const pair = m.busiest_pair || ["USA", "PRK"];
  view.innerHTML = `<h1>What the store holds</h1><div class="cards">${Object.entries(m.counts).map(([k, v]) => `<a class="card" href="#/${k}"><b>${v.toLocaleString()}</b>${k}</a>`).join("")}</div>
    <p class="muted">Published ${esc(m.published_from || "?")} to ${esc(m.published_to || "?")} · schema ${m.schema_version} · ${m.writable ? "takes new articles (POST /api/articles)" : "read-only"}</p>
    <h2>Relations</h2><p><a id="busiest" href="#/relations?${qs({ a: pair[0], b: pair[1] })}">${esc(pair[0])} and ${esc(pair[1])}</a>: conflict and cooperation over time, the busiest pair in the store.</p>
    <h2>Latest events</h2><ul class="rows" id="latest"></ul>`;
  const page = await api("events", { limit: 8 });
  document.getElementById("latest").innerHTML = page.items.map(eventItem).join("");
}

async function article(id) {
  const a = await api("articles/" + encodeURIComponent(id));
  const spans = [...a.events.map((e) => ({ start: e.start, end: e.end, cls: "trigger", title: e.type })),
    ...a.actor_mentions.filter((m) => m.actor_id).map((m) => ({ start: m.start, end: m.end, cls: "actor", title: m.actor_name }))];
  const paras = a.text.split(/\n\s*\n/); let at = 0;
  const text = paras.map((p) => { const start = a.text.indexOf(p, at); at = start + p.length; return `<p>${marked(p, start, spans)}</p>`; }).join("");
  view.innerHTML = `<h1>${esc(a.title || a.id)}</h1><p class="muted">${esc(a.published || "undated")} · ${esc(a.source || "")} · ${a.url ? `<a href="${esc(a.url)}" rel="noopener noreferrer">${esc(a.url)}</a>` : esc(a.origin || "")} · ${esc(a.language)} · ${a.n_words} words · id ${esc(a.id)}</p>
    <div class="text">${text}</div>
    <details><summary>${a.removed.length} lines removed as page residue</summary><ul>${a.removed.map((l) => `<li>${esc(l)}</li>`).join("")}</ul></details>
    <h2>Events (${a.events.length})</h2><ul class="rows">${a.events.map(eventItem).join("")}</ul>
    <h2>Quotes (${a.quotes.length})</h2><ul class="rows">${a.quotes.map(quoteItem).join("")}</ul>
    <h2>Claims (${a.claims.length})</h2><ul class="rows">${a.claims.map(claimItem).join("")}</ul>`;
}

async function eventPage(id) {
  const e = await api("events/" + encodeURIComponent(id));
  view.innerHTML = `<h1>${esc(e.type)}${e.mode ? " · " + esc(e.mode) : ""} <span class="tag ${esc(e.modality)}">${esc(e.modality)}</span></h1>
    <p class="sentence" id="event-sentence">${marked(e.sentence_text, e.sentence_start, eventSpans(e))}</p>
    <p class="legend muted"><span><mark class="trigger">trigger</mark></span><span><mark class="source">source</mark></span><span><mark class="target">target</mark></span></p>
    <table><tr><th>source</th><td>${who(e.sources)}</td></tr><tr><th>target</th><td>${who(e.targets)}</td></tr>
    <tr><th>PLOVER score</th><td>${e.score ?? "–"} (quad ${e.quad ?? "–"})</td></tr><tr><th>CAMEO</th><td>${esc(e.cameo)}</td></tr>
    <tr><th>modality</th><td>${esc(e.modality)}${e.modality_cue ? ` (cue “${esc(e.modality_cue)}”)` : ""}</td></tr>
    <tr><th>claimed by</th><td>${e.attributed_to ? speaker(e.attributed_to) : "–"}</td></tr>
    <tr><th>when</th><td>${esc(e.date || "–")} ${e.date_precision ? `(${esc(e.date_precision)})` : ""}</td></tr>
    <tr><th>where</th><td>${e.location ? esc(e.location.name + (e.location.country ? " " + e.location.country : "")) : "–"}</td></tr>
    <tr><th>article</th><td><a href="#/article/${encodeURIComponent(e.article_id)}">${esc(e.title || e.article_id)}</a> ${esc(e.published || "")}</td></tr>
    <tr><th>id</th><td>${esc(e.id)} · confidence ${e.confidence}</td></tr></table>`;
}

const scripts = {};
function loadScript(name) {
  // each fetched once; dynamically added scripts with async = false run in the order added
  scripts[name] = scripts[name] || new Promise((ok, fail) => { const s = document.createElement("script"); s.src = `/static/vendor/${name}.min.js`; s.async = false; s.onload = ok; s.onerror = fail; document.head.appendChild(s); });
  return scripts[name];
}
// Vega-Lite specs (the actor page) need all three; the relations chart comes compiled to Vega and needs Vega alone.
const loadVega = () => Promise.all(["vega", "vega-lite", "vega-embed"].map(loadScript));

async function actorPage(id) {
  const a = await api("actors/" + encodeURIComponent(id));
  view.innerHTML = `<h1>${esc(a.name)}</h1><p>${[a.type, a.country, ...a.sectors, a.wikidata].filter(Boolean).map((t) => `<span class="tag">${esc(t)}</span>`).join("")} <span class="muted">id ${esc(a.id)} · ${a.mentions} mentions in ${a.articles} articles</span></p>
    <p class="muted">Spellings met: ${a.spellings.map(esc).join(" · ") || "–"}</p>
    <h2>Mentions over time</h2><div class="chart" id="over-time"></div>
    <h2>Top counterparts</h2><ul class="rows">${a.counterparts.map((c) => `<li><a href="#/actor/${encodeURIComponent(c.actor_id)}">${esc(c.name || c.actor_id)}</a> <span class="muted">${c.events} events (${c.as_source} as its source, ${c.as_target} as its target)</span> · <a href="#/relations?${qs({ a: a.id, b: c.actor_id })}">relations</a></li>`).join("") || "<li class='muted'>none</li>"}</ul>
    <h2>Recent mentions</h2><ul class="rows">${a.recent_mentions.map((m) => `<li><div class="sentence">${marked(m.sentence, m.sentence_start, [{ start: m.start, end: m.end, cls: "actor", title: m.method }])}</div><div class="muted"><a href="#/article/${encodeURIComponent(m.article_id)}">${esc(m.title || m.article_id)}</a> ${esc(m.published || "")} · ${esc(m.method)}</div></li>`).join("")}</ul>`;
  if (a.over_time.length) {
    await loadVega();
    await vegaEmbed("#over-time", { $schema: "https://vega.github.io/schema/vega-lite/v6.json", width: "container", height: 120, data: { values: a.over_time },
      mark: "bar", encoding: { x: { field: "month", type: "ordinal" }, y: { field: "mentions", type: "quantitative" } } }, { actions: false });
  } else document.getElementById("over-time").textContent = "No dated mentions.";
}

async function relationsPage(params) {
  const a = params.a || (meta.busiest_pair || ["USA"])[0], b = params.b || (meta.busiest_pair || [null, "PRK"])[1], by = params.by || "month";
  const minConfidence = params.min_confidence || undefined;
  view.innerHTML = `<h1>Relations</h1><form class="filters" id="pair"><label>Actor or country<input name="a" value="${esc(a)}"></label><label>and<input name="b" value="${esc(b)}"></label>
    <label>by<select name="by"><option${by === "month" ? " selected" : ""}>month</option><option${by === "week" ? " selected" : ""}>week</option></select></label>
    <label>Min confidence<select name="min_confidence"><option value="">any</option>${confidences().map((o) => `<option${minConfidence === o ? " selected" : ""}>${o}</option>`).join("")}</select></label><button>Show</button></form>
    <div class="chart" id="relations-chart"></div><p class="muted">The line is the mean PLOVER conflict–cooperation score of asserted events${minConfidence ? ` at least ${esc(minConfidence)} confident` : ""} per ${esc(by)}, each direction apart (−10 most hostile, +10 most cooperative). Hollow diamonds: hypothetical events; triangles: predictions about both. Neither enters the score. Click a mark for the events and sentences behind it.</p>
    <div id="drill"></div><h2>Predictions about both</h2><ul class="rows" id="pair-predictions"></ul>`;
  document.getElementById("pair").onsubmit = (ev) => { ev.preventDefault(); location.hash = "#/relations?" + qs(Object.fromEntries(new FormData(ev.target))); };
  const [spec] = await Promise.all([api("relations/chart", { a, b, by, min_confidence: minConfidence, format: "vega" }), loadScript("vega")]);
  const rel = spec.usermeta.relations;
  window.tidingsRelations = rel;
  document.getElementById("pair-predictions").innerHTML = rel.predictions.map((p) => predictionItem({ ...p, cue: "" })).join("") || "<li class='muted'>none</li>";
  const chart = new vega.View(vega.parse(spec), { renderer: "svg", container: "#relations-chart", hover: true });
  await chart.runAsync();
  window.tidingsChart = chart;
  chart.addEventListener("click", (ev, item) => { if (item && item.datum && item.datum.kind) drill(item.datum); });
}
async function drill(d) {
  const box = document.getElementById("drill");
  if (d.kind === "prediction") { location.hash = "#/article/" + encodeURIComponent(d.claim.split("-c")[0]); return; }
  const params = Object.fromEntries(new URLSearchParams(d.events_query));
  box.innerHTML = `<h2>${esc(d.series)}, ${esc(d.period)}: ${d.events} events, mean score ${d.score}</h2><ul class="rows" id="drill-rows"></ul>`;
  const page = await api("events", { ...params, limit: 200 });  // events_query carries min_confidence (web/charts.py)
  document.getElementById("drill-rows").innerHTML = page.items.map(eventItem).join("");
  box.scrollIntoView({ block: "nearest" });
}

const merged = (m) => `<li><span class="tag ${esc(m.modality)}">${esc(m.modality)}</span><b>${esc(m.type)}</b>${m.mode ? " " + esc(m.mode) : ""}
  <span class="muted">${esc(m.date || "undated")}${m.dated ? "" : " (reported)"} · ${m.n_mentions} mentions in ${m.n_sources} independent sources${m.confidence == null ? "" : ` · conf ${Number(m.confidence).toFixed(2)}`}</span>
  <div>${(m.source_names || []).map(esc).join(", ") || "–"} → ${(m.target_names || []).map(esc).join(", ") || "–"}</div>
  <div class="muted">first reported: <a href="#/article/${encodeURIComponent(m.first_article_id)}">${esc(m.first_title || m.first_article_id)}</a> ${esc(m.first_reported || "")} · <a href="#/event/${encodeURIComponent(m.id)}">first mention</a></div></li>`;
async function storyPage(id) {
  const s = await api("stories/" + encodeURIComponent(id));
  view.innerHTML = `<h1>${esc(s.label || s.headline || s.id)}</h1><p class="muted">${esc(s.first_date || "")} – ${esc(s.last_date || "")} · ${s.articles.length} articles${s.redirected_from ? ` · merged from ${esc(s.redirected_from)}` : ""}</p>
    <h2>Timeline</h2><ul class="rows" id="timeline">${s.timeline.map(merged).join("") || "<li class='muted'>no events</li>"}</ul>
    <h2>Key quotes</h2><ul class="rows">${s.quotes.map((q) => `<li><q>${esc(q.text)}</q> <span class="muted">— ${speaker(q.speaker)} · <a href="#/article/${encodeURIComponent(q.article_id)}">article</a></span></li>`).join("")}</ul>
    <h2>Key claims</h2><ul class="rows">${s.claims.map((c) => `<li><span class="tag">${esc(c.kind)}</span>${speaker(c.speaker)}: ${esc(c.content)} <span class="muted">· <a href="#/article/${encodeURIComponent(c.article_id)}">article</a></span></li>`).join("")}</ul>
    <h2>Articles</h2><ul class="rows">${s.articles.map((a) => `<li><a href="#/article/${encodeURIComponent(a.id)}"><b>${esc(a.title || a.id)}</b></a> <span class="muted">${esc(a.published || "undated")} · ${esc(a.source || "")}${a.duplicate_of ? " · near-duplicate" : ""}</span></li>`).join("")}</ul>`;
}
const storyItem = (s) => `<li><a href="#/story/${encodeURIComponent(s.id)}"><b>${esc(s.label || s.headline || s.id)}</b></a> <span class="muted">${esc(s.first_date || "")} – ${esc(s.last_date || "")} · ${s.n_articles} articles · ${s.n_events} events</span></li>`;

// the choices of a minimum confidence: the verifier's high-precision and strict settings first (from /api/meta)
const confidences = () => [...new Set([meta.precise_confidence, meta.strict_confidence].filter((c) => c != null).map(String).concat(["0.5", "0.7"]))];
const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const pages = {
  "": () => home(),
  articles: (_, p) => listing("Articles", "articles", [["search", "Search"], ["source", "Source"], ["since", "Since"], ["until", "Until"]], articleItem, p),
  article: (id) => article(id),
  events: (_, p) => listing("Events", "events", [["search", "Search sentences"], ["actor", "Actor"], ["country", "Country"], ["type", "Type", TYPES], ["modality", "Modality", ["asserted", "negated", "hypothetical"]], ["min_confidence", "Min confidence", confidences()], ["since", "Since"], ["until", "Until"]], eventItem, p),
  event: (id) => eventPage(id),
  actors: (_, p) => listing("Actors", "actors", [["search", "Search"], ["country", "Country"], ["type", "Type"], ["sector", "Sector"]], actorItem, p),
  actor: (id) => actorPage(id),
  quotes: (_, p) => listing("Quotes", "quotes", [["search", "Search"], ["speaker", "Speaker"]], quoteItem, p),
  claims: (_, p) => listing("Claims", "claims", [["search", "Search"], ["speaker", "Speaker"], ["kind", "Kind", ["statement", "assessment", "prediction", "denial"]]], claimItem, p),
  predictions: (_, p) => listing("Predictions", "predictions", [["speaker", "Speaker"], ["outcome", "Outcome", ["true", "false"]]], predictionItem, p),
  relations: (_, p) => relationsPage(p),
  stories: (_, p) => listing("Stories", "stories", [["actor", "Actor"], ["country", "Country"], ["since", "Since"], ["until", "Until"]], storyItem, p),
  story: (id) => storyPage(id),
};

async function render() {
  pending();
  const { parts, params } = route();
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("on", a.getAttribute("href") === "#/" + (parts[0] || "")));
  if (parts[0] === "relations") loadScript("vega");  // fetched while the store's figures are asked for
  try {
    meta = meta || await api("meta");
    document.getElementById("nav-stories").hidden = !meta.stories;
    await (pages[parts[0] || ""] || home)(parts[1], params);
  } catch (err) {
    view.innerHTML = `<p class="error">${esc(err.message)}</p>`;
  }
  ready();
}
document.getElementById("search").onsubmit = (ev) => {
  ev.preventDefault();
  location.hash = "#/events?" + qs({ search: new FormData(ev.target).get("q") });
};
window.addEventListener("hashchange", render);
render();
