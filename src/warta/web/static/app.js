// warta dashboard: reads the JSON API beside it; all text goes in through textContent (no HTML injection).
"use strict";

const QUAD_COOP = new Set(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"]);
const PAGE = 25;
const REPORTS_MAX = 500; // reports of one event that /api/events/{id} gives at once (its page limit)
const state = { offset: 0, total: 0, pair: null };

function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function filters() {
  const f = new URLSearchParams();
  for (const [name, id] of [["actor", "f-actor"], ["type", "f-type"], ["since", "f-since"],
                            ["until", "f-until"], ["outlet", "f-outlet"]]) {
    const v = $(id).value;
    if (v) f.set(name, v);
  }
  return f;
}

async function api(path, params) {
  const url = params && [...params].length ? `${path}?${params}` : path;
  const res = await fetch(url);
  const body = await res.json().catch(() => ({ detail: res.statusText }));
  if (!res.ok) {
    const detail = Array.isArray(body.detail) ? body.detail.map((d) => d.msg).join("; ") : body.detail;
    throw new Error(`${res.status}: ${detail}`);
  }
  return body;
}

function showError(err) {
  const box = $("error");
  if (!err) { box.hidden = true; box.textContent = ""; return; }
  box.hidden = false;
  box.textContent = String(err.message || err);
}

function actors(list) {
  return list.map((a) => a.code + (a.sector ? "/" + a.sector : "") + (a.name ? ` (${a.name})` : "")).join(", ");
}

function highlighted(ev) {
  const p = el("p", { class: "sentence" });
  const text = ev.sentence_text;
  if (!text) { p.append(el("em", {}, "(sentence not stored)")); return p; }
  const span = ev.verb_in_sentence;
  if (!span) { p.append(text); return p; }
  p.append(text.slice(0, span[0]), el("mark", { class: "verb" }, text.slice(span[0], span[1])), text.slice(span[1]));
  return p;
}

function fillEvidence(cell, rec) {
  const seen = new Set();
  const parts = [];
  for (const ev of rec.evidence) {
    const key = `${ev.document}:${ev.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(highlighted(ev));
  }
  const list = el("ul");
  for (const d of rec.documents) {
    const where = d.url ? el("a", { href: d.url, rel: "noreferrer", target: "_blank" }, d.url) : (d.path || "");
    list.append(el("li", {}, `${d.outlet || "outlet unknown"}, ${d.published || "undated"} — `, where));
  }
  parts.push(el("details", { class: "docs" },
    el("summary", {}, `${rec.num_documents} document(s), ${rec.num_outlets} outlet(s), ${rec.modality}`), list));
  const total = rec.num_evidence ?? rec.evidence.length;
  if (total > rec.evidence.length) {
    // a page shows an event's first reports; its own endpoint gives the rest
    const more = el("button", { type: "button", class: "more" },
      `show ${Math.min(total, REPORTS_MAX)} of ${total} reports`);
    more.addEventListener("click", async () => {
      more.disabled = true;
      try {
        const body = await api(`/api/events/${encodeURIComponent(rec.id)}`, new URLSearchParams({ limit: REPORTS_MAX }));
        fillEvidence(cell, body.event);
      } catch (err) { showError(err); more.disabled = false; }
    });
    parts.push(more);
  }
  cell.replaceChildren(...parts);
}

function eventRow(rec) {
  const cell = el("td", { class: "evidence" });
  fillEvidence(cell, rec);
  const kind = QUAD_COOP.has(rec.event) ? "coop" : "conf";
  return el("tr", { "data-id": rec.id },
    el("td", {}, rec.date || "", el("br"), el("small", {}, rec.date_precision || "")),
    el("td", {}, el("span", { class: `tag ${kind}` }, rec.event), el("br"), el("small", {}, `CAMEO ${rec.cameo}`)),
    el("td", {}, actors(rec.source)),
    el("td", {}, actors(rec.target)),
    el("td", { class: "num" }, rec.goldstein),
    cell);
}

async function loadEvents() {
  const p = filters();
  if (state.pair) { p.set("a", state.pair[0]); p.set("b", state.pair[1]); }
  p.set("limit", PAGE);
  p.set("offset", state.offset);
  const body = await api("/api/events", p);
  state.total = body.total;
  const tbody = $("events").querySelector("tbody");
  tbody.replaceChildren(...body.events.map(eventRow));
  const scope = state.pair ? ` between ${state.pair[0]} and ${state.pair[1]}` : "";
  $("events-count").textContent = `${body.total} event(s)${scope}`;
  const last = Math.min(state.offset + PAGE, body.total);
  $("page").textContent = body.total ? `${state.offset + 1}–${last} of ${body.total}` : "none";
  $("prev").disabled = state.offset === 0;
  $("next").disabled = last >= body.total;
}

async function loadDyads() {
  const p = filters();
  if ($("f-nonstate").checked) p.set("include_nonstate", "true");
  p.set("top", 15);
  const body = await api("/api/dyads", p);
  const tbody = $("dyads").querySelector("tbody");
  tbody.replaceChildren(...body.dyads.map((d) => {
    const types = Object.entries(d.by_type).sort((x, y) => y[1] - x[1]).map(([t, n]) => `${t} ${n}`).join(", ");
    const share = d.cooperative_share === null ? "–" : `${Math.round(d.cooperative_share * 100)}%`;
    const row = el("tr", { "data-a": d.a, "data-b": d.b },
      el("td", {}, d.dyad), el("td", { class: "num" }, d.events), el("td", { class: "num" }, share),
      el("td", { class: "num" }, d.goldstein_mean ?? "–"), el("td", { class: "num" }, d.outlets),
      el("td", {}, types));
    row.addEventListener("click", () => { choosePair(d.a, d.b); });
    return row;
  }));
  return body.dyads;
}

function markSelected() {
  for (const row of $("dyads").querySelectorAll("tbody tr")) {
    const on = state.pair && row.dataset.a === state.pair[0] && row.dataset.b === state.pair[1];
    row.classList.toggle("selected", Boolean(on));
  }
}

async function loadTimeline() {
  const a = $("t-a").value, b = $("t-b").value;
  if (!a || !b || a === b) { Plotly.purge($("timeline")); return; }
  const p = filters();
  p.delete("actor");
  p.set("a", a); p.set("b", b); p.set("by", $("t-by").value);
  const fig = await api("/api/charts/timeline", p);
  await Plotly.react($("timeline"), fig.data, fig.layout, { responsive: true, displaylogo: false });
}

async function loadNetwork() {
  const p = filters();
  if ($("f-nonstate").checked) p.set("include_nonstate", "true");
  const fig = await api("/api/charts/network", p);
  await Plotly.react($("network"), fig.data, fig.layout, { responsive: true, displaylogo: false });
}

async function choosePair(a, b) {
  state.pair = [a, b];
  state.offset = 0;
  $("t-a").value = a; $("t-b").value = b;
  markSelected();
  await run(() => Promise.all([loadTimeline(), loadEvents()]));
}

async function run(task) {
  try { showError(null); await task(); } catch (err) { showError(err); }
}

async function refresh() {
  state.offset = 0;
  await run(async () => {
    const dyads = await loadDyads();
    const codes = new Set(dyads.flatMap((d) => [d.a, d.b]));
    if (state.pair && !(codes.has(state.pair[0]) && codes.has(state.pair[1]))) state.pair = null;
    if (!state.pair && dyads.length) state.pair = [dyads[0].a, dyads[0].b];
    if (state.pair) { $("t-a").value = state.pair[0]; $("t-b").value = state.pair[1]; }
    markSelected();
    await Promise.all([loadTimeline(), loadNetwork(), loadEvents()]);
  });
}

function fill(select, values, keepFirst) {
  const first = keepFirst ? [select.options[0]] : [];
  select.replaceChildren(...first, ...values.map((v) => el("option", { value: v }, v)));
}

async function init() {
  await run(async () => {
    const meta = await api("/api/meta");
    $("dbname").textContent = meta.database;
    $("summary").textContent = `${meta.articles} articles (${meta.near_duplicates} near-duplicates) from ` +
      `${meta.outlets.length} outlets, published ${meta.published_first || "?"} to ${meta.published_last || "?"}; ` +
      `${meta.coded_events} coded reports of events, dated ${meta.event_date_first || "?"} to ` +
      `${meta.event_date_last || "?"}; ${meta.quotes} quotes.`;
    fill($("f-actor"), meta.codes, true);
    fill($("f-type"), meta.types, true);
    fill($("f-outlet"), meta.outlets, true);
    fill($("t-a"), meta.codes, false);
    fill($("t-b"), meta.codes, false);
  });
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  for (const id of ["t-a", "t-b"]) {
    $(id).addEventListener("change", () => {
      const a = $("t-a").value, b = $("t-b").value;
      if (a && b && a !== b) choosePair(a, b);
    });
  }
  $("t-by").addEventListener("change", () => run(loadTimeline));
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); run(loadEvents); });
  $("next").addEventListener("click", () => { state.offset += PAGE; run(loadEvents); });
  await refresh();
  document.body.dataset.ready = "true";
}

init();
