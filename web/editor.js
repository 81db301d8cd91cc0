// plume's web editor: live analysis through POST /v1/analyze, « Rédiger » through the article
// jobs, history and export. Text from sources and articles only ever goes into textContent or
// form values, never into markup.
import { diffTokens, fitWidth, markRanges, wordTokens } from "./text.js";

const $ = (id) => document.getElementById(id);
const DEBOUNCE_MS = 300;
const GROUPS = ["seo", "readability", "extra"];
const RATING_ORDER = { bad: 0, ok: 1, good: 2 };
const JOB_LABELS = { queued: "en file d’attente…", running: "rédaction en cours…", done: "rédigé, chargement…", failed: "échec" };
// Yoast's snippet preview: titles in 20 px Arial cut at 600 px; descriptions in 14 px Arial,
// about 920 px on a desktop result page and 680 px on a phone.
const SERP = { titleFont: "20px Arial", descFont: "14px Arial", title: 600, desc: { desktop: 920, mobile: 680 } };

const state = {
  sources: [],          // {name, text}
  analysis: null,       // the last answer of /v1/analyze
  analyzedText: null,   // the text it analysed: marks index into it
  activeId: null,       // the assessment whose marks are shown
  article: null,        // the article loaded from the server ({id, title, markdown, html, …})
  versions: [],
  timer: 0,
  controller: null,
};

// ---- API ------------------------------------------------------------------------------------

function headers() {
  const h = { "Content-Type": "application/json" };
  const token = $("token").value.trim();
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

async function api(method, path, body, signal) {
  const res = await fetch(path, { method, headers: headers(), body: body && JSON.stringify(body), signal });
  const json = await res.json().catch(() => ({ error: `réponse illisible (HTTP ${res.status})` }));
  if (!res.ok) throw new Error(res.status === 401 ? "jeton d’accès requis ou incorrect" : json.error);
  return json;
}

function status(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
}

// ---- Live analysis --------------------------------------------------------------------------

function options() {
  const target = Number($("target").value) || 0;
  return {
    keyphrase: $("keyphrase").value.trim(),
    synonyms: $("synonyms").value.split(",").map((s) => s.trim()).filter(Boolean),
    title: $("seo-title").value.trim(),
    description: $("description").value.trim(),
    slug: $("slug").value.trim(),
    min_words: target > 0 ? target : undefined,
  };
}

// Per keystroke only a timer is reset (and a shown highlight, now stale, is dropped): the
// request, the parsing and the rendering wait until typing pauses.
function scheduleAnalysis() {
  clearTimeout(state.timer);
  busy(true);
  if (state.activeId) clearHighlight();
  state.timer = setTimeout(analyze, DEBOUNCE_MS);
}

// The panel says when its results lag behind the text (aria-busy, greyed out).
function busy(on) {
  const panel = $("analysis-panel");
  if (panel.getAttribute("aria-busy") !== String(on)) panel.setAttribute("aria-busy", String(on));
}

// The analyser works on NFC text without a byte-order mark; the textarea gets the same text,
// so that the marks' offsets fall on its characters.
function normaliseText() {
  const el = $("text");
  const normal = el.value.replace(/^\uFEFF/, "").normalize("NFC");
  if (normal === el.value) return;
  const caret = el.value.slice(0, el.selectionStart).replace(/^\uFEFF/, "").normalize("NFC").length;
  el.value = normal;
  el.setSelectionRange(caret, caret);
}

async function analyze() {
  busy(true);
  normaliseText();
  const text = $("text").value;
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  updatePreview(text, null);
  if (!text.trim()) return showAnalysis(null, text);
  try {
    const result = await api("POST", "/v1/analyze", { text, format: "auto", ...options() }, controller.signal);
    if (controller === state.controller) showAnalysis(result, text);
  } catch (e) {
    if (e.name === "AbortError") return;
    status(`Analyse impossible : ${e.message}`, true);
    busy(false);
  }
}

function showAnalysis(result, text) {
  state.analysis = result;
  state.analyzedText = text;
  busy(false);
  for (const group of GROUPS) renderGroup(group, result && result[group]);
  updateWordCount(result ? result.stats.words : 0);
  updatePreview(text, result);
  if (result) status(result.warnings.length ? result.warnings.join(" ") : "Analyse à jour.");
}

function renderGroup(name, category) {
  const section = $(`group-${name}`);
  section.querySelector("h2").dataset.rating = category ? category.rating : "";
  section.querySelector(".score").textContent = category ? `${category.score}/100` : "";
  const items = category ? [...category.assessments] : [];
  items.sort((a, b) => RATING_ORDER[a.rating] - RATING_ORDER[b.rating]);
  section.querySelector("ul").replaceChildren(...items.map(assessmentItem));
}

function assessmentItem(a) {
  const li = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "assessment";
  button.dataset.id = a.id;
  button.dataset.rating = a.rating;
  button.dataset.score = String(a.score);
  button.classList.toggle("active", a.id === state.activeId);
  const light = document.createElement("span");
  light.className = "light";
  const message = document.createElement("span");
  message.className = "message";
  message.textContent = a.message;
  button.append(light, message);
  if (a.marks.length) {
    const count = document.createElement("span");
    count.className = "marks";
    count.textContent = a.marks.length === 1 ? "1 passage" : `${a.marks.length} passages`;
    button.append(count);
    button.title = "Surligner les passages concernés";
  }
  button.addEventListener("click", () => toggleHighlight(a));
  li.append(button);
  return li;
}

// ---- Highlights -----------------------------------------------------------------------------

function clearHighlight() {
  state.activeId = null;
  $("backdrop").replaceChildren();
  document.querySelectorAll(".assessment.active").forEach((b) => b.classList.remove("active"));
}

function toggleHighlight(a) {
  const wasActive = state.activeId === a.id;
  clearHighlight();
  if (wasActive) return;
  if (!a.marks.length) return status("Ce critère ne désigne aucun passage du texte.");
  const text = $("text").value;
  if (text !== state.analyzedText) return status("Le texte a changé : l’analyse se met à jour, cliquez de nouveau.");
  state.activeId = a.id;
  document.querySelectorAll(`.assessment[data-id="${a.id}"]`).forEach((b) => b.classList.add("active"));
  const pieces = [];
  let at = 0;
  for (const [start, end] of markRanges(text, a.marks)) {
    pieces.push(text.slice(at, start));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    pieces.push(mark);
    at = end;
  }
  pieces.push(text.slice(at) + " ");  // a final newline still gets its line
  $("backdrop").replaceChildren(...pieces);
  const first = $("backdrop").querySelector("mark");
  $("text").scrollTop = Math.max(0, first.offsetTop - 60);
  syncScroll();
}

function syncScroll() {
  $("backdrop").scrollTop = $("text").scrollTop;
}

// ---- Word count and search result preview ---------------------------------------------------

function updateWordCount(words) {
  const target = Number($("target").value) || 0;
  $("word-count").textContent = target ? `${words} mots sur ${target} visés` : `${words} mots`;
  $("word-count").classList.toggle("short", target > 0 && words < target);
  $("word-meter").max = target || Math.max(words, 1);
  $("word-meter").value = words;
}

// The title and description the article itself gives: front matter, then a first « # » line.
function ownMeta(text) {
  const front = /^---\n([\s\S]*?)\n---/.exec(text);
  const field = (name) => {
    const m = front && new RegExp(`^${name}:\\s*(.*)$`, "m").exec(front[1]);
    return m ? m[1].replace(/^(["'])(.*)\1$/, "$2") : "";
  };
  const heading = /^#\s+(.+)$/m.exec(text);
  return { title: field("title") || (heading ? heading[1].trim() : ""), description: field("description") };
}

const canvas = document.createElement("canvas").getContext("2d");
function measure(font) {
  return (s) => {
    canvas.font = font;
    return canvas.measureText(s).width;
  };
}

function updatePreview(text, result) {
  const o = options();
  const own = ownMeta(text);
  const title = o.title || own.title || "Titre de l’article";
  const description = o.description || own.description;
  const slug = o.slug || (result && result.slug) || "";
  for (const device of ["desktop", "mobile"]) {
    const box = document.querySelector(`.serp.${device}`);
    box.querySelector(".serp-url").textContent = `votre-site.fr › ${slug}`;
    box.querySelector(".serp-title").textContent = fitWidth(title, SERP.title, measure(SERP.titleFont));
    const desc = box.querySelector(".serp-desc");
    desc.classList.toggle("missing", !description);
    desc.textContent = description
      ? fitWidth(description, SERP.desc[device], measure(SERP.descFont))
      : "Aucune méta description : Google en choisira une dans le texte.";
  }
}

// ---- Sources and « Rédiger » ----------------------------------------------------------------

function addSource(name, text) {
  if (!text.trim()) return status("Cette source est vide.", true);
  state.sources.push({ name: name || `source-${state.sources.length + 1}`, text });
  renderSources();
}

function renderSources() {
  $("source-list").replaceChildren(...state.sources.map((s, i) => {
    const li = document.createElement("li");
    li.textContent = `${s.name} (${wordTokens(s.text).length} mots)`;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "×";
    remove.title = "Retirer cette source";
    remove.addEventListener("click", () => {
      state.sources.splice(i, 1);
      renderSources();
    });
    li.append(remove);
    return li;
  }));
}

async function addFiles(files) {
  for (const file of files) addSource(file.name, await file.text());
}

function progress(message, failed = false) {
  $("write-progress").textContent = message;
  $("write-progress").classList.toggle("failed", failed);
}

async function write() {
  if (!state.sources.length) return progress("Ajoutez au moins une source.", true);
  const o = options();
  const body = { sources: state.sources, keyphrase: o.keyphrase, synonyms: o.synonyms, min_words: o.min_words };
  $("write").disabled = true;
  try {
    const { id } = await api("POST", "/v1/articles", body);
    progress(`Article ${id} : ${JOB_LABELS.queued}`);
    await followJob(id);
    const article = await api("GET", `/v1/articles/${id}`);
    if (article.status === "failed") return progress(`Échec : ${article.error}`, true);
    await loadArticle(article);
    progress(`Article ${id} : chargé dans l’éditeur.`);
  } catch (e) {
    progress(`Échec : ${e.message}`, true);
  } finally {
    $("write").disabled = false;
  }
}

// The job's Server-Sent Events, read with fetch so that the bearer token goes with them.
async function followJob(id) {
  const res = await fetch(`/v1/articles/${id}/events`, { headers: headers() });
  if (!res.ok || !res.body) throw new Error(`suivi impossible (HTTP ${res.status})`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const data = buffer.slice(0, end).split("\n").find((l) => l.startsWith("data: "));
      buffer = buffer.slice(end + 2);
      if (!data) continue;
      const event = JSON.parse(data.slice(6));
      progress(`Article ${id} : ${JOB_LABELS[event.status] || event.status}${event.error ? ` ${event.error}` : ""}`,
               event.status === "failed");
    }
  }
}

async function loadArticle(answer) {
  const a = answer.article;
  state.article = { id: answer.id, ...a };
  $("keyphrase").value = a.keyphrase;
  $("seo-title").value = "";
  $("description").value = "";
  $("slug").value = a.slug;
  $("text").value = a.markdown;
  $("save").disabled = false;
  clearHighlight();
  showAnalysis(null, "");
  await analyze();
  await loadVersions();
}

// ---- Versions -------------------------------------------------------------------------------

async function save() {
  if (!state.article) return;
  const o = options();
  try {
    const answer = await api("PUT", `/v1/articles/${state.article.id}`,
                             { markdown: $("text").value, keyphrase: o.keyphrase, synonyms: o.synonyms,
                               description: o.description || undefined });
    state.article = { id: answer.id, ...answer.article };
    status(`Version ${answer.article.version} enregistrée.`);
    await loadVersions();
  } catch (e) {
    status(`Enregistrement impossible : ${e.message}`, true);
  }
}

async function loadVersions() {
  const { versions } = await api("GET", `/v1/articles/${state.article.id}/versions`);
  state.versions = versions;
  $("history").hidden = false;
  $("versions").replaceChildren(...versions.map((v) => {
    const li = document.createElement("li");
    const origin = v.origin === "plume" ? "rédigée par plume" : "modifiée";
    li.textContent = `Version ${v.version}, ${origin}, ${v.created_at} — ${v.analysis.stats.words} mots, SEO ${v.analysis.seo.score}/100`;
    return li;
  }));
  for (const [select, pick] of [[$("diff-from"), Math.max(0, versions.length - 2)], [$("diff-to"), versions.length - 1]]) {
    select.replaceChildren(...versions.map((v, i) => new Option(`version ${v.version}`, String(i))));
    select.value = String(pick);
  }
  showDiff();
}

function showDiff() {
  const from = state.versions[Number($("diff-from").value)];
  const to = state.versions[Number($("diff-to").value)];
  if (!from || !to) return;
  const ops = diffTokens(wordTokens(from.markdown), wordTokens(to.markdown));
  const parts = ops.map(({ op, text }, i) => {
    if (op === "=") return elide(text, i > 0, i < ops.length - 1);
    const el = document.createElement(op === "+" ? "ins" : "del");
    el.textContent = text;
    return el;
  });
  $("diff").replaceChildren(...parts);
}

// Unchanged text is context: a few words next to each change, not the whole article.
function elide(text, after, before) {
  const keep = 160;
  if (text.length <= 3 * keep) return text;
  return `${after ? text.slice(0, keep) : ""} […] ${before ? text.slice(-keep) : ""}`;
}

// ---- Export ---------------------------------------------------------------------------------

function download(name, type, content) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([content], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function baseName() {
  return $("slug").value.trim() || (state.analysis && state.analysis.slug) || "article";
}

// The body as HTML: the server's rendering of the saved version while the text is that
// version's, otherwise a rendering here of the Markdown blocks, built as DOM nodes.
function bodyHtml() {
  const text = $("text").value;
  if (state.article && text === state.article.markdown) return state.article.html;
  if (/^\s*</.test(text)) return text;  // the user's own HTML
  const box = document.createElement("div");
  box.append(...markdownBlocks(text.replace(/^---\n[\s\S]*?\n---\n/, "")));
  return box.innerHTML;
}

function markdownBlocks(markdown) {
  const nodes = [];
  let list = null;
  for (const block of markdown.split(/\n\s*\n/)) {
    const lines = block.trim().split("\n");
    if (!lines[0]) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]);
    const items = lines.every((l) => /^\s*([-*+]|\d+[.)])\s+/.test(l));
    if (heading && lines.length === 1) {
      list = null;
      nodes.push(element(`h${heading[1].length}`, heading[2]));
    } else if (items) {
      if (!list) nodes.push((list = document.createElement(/^\s*\d/.test(lines[0]) ? "ol" : "ul")));
      for (const l of lines) list.append(element("li", l.replace(/^\s*([-*+]|\d+[.)])\s+/, "")));
    } else {
      list = null;
      const quote = lines.every((l) => l.startsWith(">"));
      const text = lines.map((l) => (quote ? l.replace(/^>\s?/, "") : l)).join(" ");
      nodes.push(quote ? wrap("blockquote", element("p", text)) : element("p", text));
    }
  }
  return nodes;
}

// An element whose text keeps Markdown links as links, every other character as text.
function element(tag, text) {
  const el = document.createElement(tag);
  let at = 0;
  for (const m of text.matchAll(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g)) {
    el.append(text.slice(at, m.index));
    const a = document.createElement("a");
    a.href = m[2];
    a.textContent = m[1];
    el.append(a);
    at = m.index + m[0].length;
  }
  el.append(text.slice(at));
  return el;
}

function wrap(tag, child) {
  const el = document.createElement(tag);
  el.append(child);
  return el;
}

// The body parsed in an inert document: its scripts never run, its images never load.
function bodyTree() {
  return new DOMParser().parseFromString(bodyHtml(), "text/html").body;
}

function htmlDocument() {
  const meta = ownMeta($("text").value);
  const doc = document.implementation.createHTMLDocument(meta.title || baseName());
  doc.documentElement.lang = "fr";
  const charset = doc.createElement("meta");
  charset.setAttribute("charset", "utf-8");
  doc.head.prepend(charset);
  const description = $("description").value.trim() || meta.description;
  if (description) {
    const tag = doc.createElement("meta");
    tag.name = "description";
    tag.content = description;
    doc.head.append(tag);
  }
  const body = bodyTree();
  if (!body.querySelector("h1")) {
    const h1 = doc.createElement("h1");
    h1.textContent = doc.title;
    doc.body.append(h1);
  }
  doc.body.append(...doc.importNode(body, true).childNodes);
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}

// What a CMS takes: the body without its title, which the CMS keeps in a field of its own.
async function copyForCms() {
  const body = bodyTree();
  body.querySelector("h1")?.remove();
  const html = body.innerHTML.trim();
  try {
    await navigator.clipboard.write([new ClipboardItem({
      "text/html": new Blob([html], { type: "text/html" }),
      "text/plain": new Blob([html], { type: "text/plain" }),
    })]);
    status("HTML copié : collez-le dans l’éditeur de votre CMS.");
  } catch (e) {
    status(`Copie impossible : ${e.message}`, true);
  }
}

// ---- Wiring ---------------------------------------------------------------------------------

function wire() {
  $("token").value = sessionStorage.getItem("plume-token") || "";
  $("token").addEventListener("change", () => sessionStorage.setItem("plume-token", $("token").value.trim()));
  for (const id of ["text", "keyphrase", "synonyms", "target", "seo-title", "description", "slug"])
    $(id).addEventListener("input", scheduleAnalysis);
  $("text").addEventListener("scroll", syncScroll);
  $("add-source").addEventListener("click", () => {
    addSource($("source-name").value.trim(), $("source-text").value);
    $("source-name").value = "";
    $("source-text").value = "";
  });
  $("source-files").addEventListener("change", (e) => addFiles(e.target.files));
  $("article-file").addEventListener("change", async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    $("text").value = await file.text();
    scheduleAnalysis();
  });
  const zone = $("dropzone");
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    if (e.dataTransfer.files.length) addFiles(e.dataTransfer.files);
    else addSource("", e.dataTransfer.getData("text/plain"));
  });
  $("write").addEventListener("click", write);
  $("save").addEventListener("click", save);
  $("diff-from").addEventListener("change", showDiff);
  $("diff-to").addEventListener("change", showDiff);
  $("export-md").addEventListener("click", () => download(`${baseName()}.md`, "text/markdown", $("text").value));
  $("export-html").addEventListener("click", () => download(`${baseName()}.html`, "text/html", htmlDocument()));
  $("copy-cms").addEventListener("click", copyForCms);
  updatePreview("", null);
  updateWordCount(0);
}

wire();
