// The editor in a real browser: Debian's chromium driven by playwright-core against the real
// `plume serve` (free loopback port, temporary SQLite file). Env: PLUME (the binary), CHROMIUM,
// OUT (screenshots and downloads), CORPUS (optional: real articles, skipped when absent).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const OUT = process.env.OUT || join(HERE, "out");
const ARTICLE = readFileSync(join(HERE, "article.md"), "utf8");
const LONG_SENTENCE = ARTICLE.split("\n").find((l) => l.startsWith("Dans les villes où"));
const GREEN = "rgb(30, 138, 60)";
const RED = "rgb(208, 49, 45)";

let server;
let base;
let browser;
let page;
const requests = [];
const problems = [];  // console errors (a CSP violation is one) and failed page scripts

async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), "plume-web-"));
  const child = spawn(process.env.PLUME, ["serve", "--port", "0", "--db", join(dir, "plume.db")],
                      { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  const port = await new Promise((resolve, reject) => {
    child.stderr.on("data", (d) => {
      err += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\n/.exec(err);
      if (m) resolve(Number(m[1]));
    });
    child.on("exit", (code) => reject(new Error(`plume serve exited (${code}): ${err}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

before(async () => {
  mkdirSync(OUT, { recursive: true });
  ({ child: server, base } = await startServer());
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ["--no-sandbox"] });
  const context = await browser.newContext({ viewport: { width: 1500, height: 1250 }, acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  await page.goto(base);
});

after(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
});

const assessment = (id) => page.locator(`.assessment[data-id="${id}"]`);

// Waits until the assessment shows `score`, then returns its light's colour.
async function waitForScore(id, score) {
  await page.waitForFunction(([i, s]) => document.querySelector(`.assessment[data-id="${i}"]`)?.dataset.score === s,
                             [id, String(score)], { timeout: 15000 });
  return assessment(id).locator(".light").evaluate((el) => getComputedStyle(el).backgroundColor);
}

// Waits until the panel shows the analysis of the text in the editor; returns that text.
async function settledAnalysis() {
  await page.waitForFunction(() => document.getElementById("analysis-panel").getAttribute("aria-busy") === "false",
                             null, { timeout: 20000 });
  return page.inputValue("#text");
}

async function analyzeOnServer(body) {
  const res = await fetch(`${base}/v1/analyze`, { method: "POST", body: JSON.stringify(body) });
  assert.equal(res.status, 200);
  return res.json();
}

// The marks of `a` as the analyser means them: merged byte ranges of the UTF-8 text.
function expectedHighlights(text, marks) {
  const bytes = Buffer.from(text, "utf8");
  const ranges = marks.map((m) => [m.start, m.end]).sort((x, y) => x[0] - y[0]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged.filter(([s, e]) => e > s).map(([s, e]) => bytes.subarray(s, e).toString("utf8"));
}

async function shownHighlights(id) {
  await assessment(id).first().click();
  return page.locator("#backdrop mark").allTextContents();
}

// Every assessment with marks, clicked in turn, highlights exactly the analyser's byte ranges.
async function checkEveryHighlight(text, options) {
  const analysis = await analyzeOnServer({ text, format: "auto", ...options });
  let checked = 0;
  for (const group of ["seo", "readability", "extra"])
    for (const a of analysis[group].assessments.filter((x) => x.marks.length)) {
      assert.deepEqual(await shownHighlights(a.id), expectedHighlights(text, a.marks), a.id);
      await assessment(a.id).first().click();  // off again
      checked++;
    }
  return checked;
}

test("the editor loads in French from the binary, under the CSP", async () => {
  assert.equal(await page.title(), "plume — éditeur");
  assert.equal(await page.locator("html").getAttribute("lang"), "fr");
  assert.deepEqual(await page.locator(".group h2").allTextContents(), ["SEO ", "Lisibilité ", "Autres contrôles "]);
  assert.equal(await page.locator("#write").textContent(), "Rédiger");
});

test("the ratings change as one types", async () => {
  await page.fill("#text", ARTICLE);
  await page.fill("#keyphrase", "jardins partagés");
  await page.fill("#seo-title", "Cultiver la ville ensemble");
  assert.equal(await waitForScore("keyphraseInSEOTitle", 2), RED);
  const before = requests.filter((u) => u.endsWith("/v1/analyze")).length;
  await page.click("#seo-title");
  await page.keyboard.press("Home");
  await page.keyboard.type("Jardins partagés : ", { delay: 40 });
  assert.equal(await waitForScore("keyphraseInSEOTitle", 9), GREEN);
  // Debounced: one request once typing pauses, not one per key (19 keys).
  const sent = requests.filter((u) => u.endsWith("/v1/analyze")).length - before;
  assert.ok(sent >= 1 && sent <= 3, `${sent} analyses for 19 keys`);
  assert.match(await page.textContent("#word-count"), /^296 mots sur 700 visés$/);
  // The preview shows the SEO title, within its 600 px.
  assert.equal(await page.textContent(".serp.desktop .serp-title"), "Jardins partagés : Cultiver la ville ensemble");
});

test("the search result preview cuts the description at its pixel width", async () => {
  const description = "Les jardins partagés gagnent les grandes villes françaises : parcelles prêtées par les mairies, "
    + "ateliers de compostage, îlots de fraîcheur près des écoles, et des listes d’attente qui s’allongent chaque année.";
  await page.fill("#description", description);
  assert.equal(await waitForScore("metaDescriptionKeyword", 9), GREEN);
  const cut = await page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d");
    ctx.font = "14px Arial";
    return ["desktop", "mobile"].map((d) => {
      const text = document.querySelector(`.serp.${d} .serp-desc`).textContent;
      return { text, width: ctx.measureText(text).width };
    });
  });
  const [desktop, mobile] = cut;
  assert.ok(desktop.width <= 920 && mobile.width <= 680, JSON.stringify(cut));
  assert.ok(mobile.text.endsWith(" …") && mobile.width > 600, mobile.text);
  assert.ok(description.startsWith(mobile.text.slice(0, -2)));
  assert.ok(desktop.text === description || desktop.text.length > mobile.text.length);
});

test("a click on an assessment highlights its sentences (byte offsets on accented text)", async () => {
  assert.deepEqual(await shownHighlights("textSentenceLength"), [LONG_SENTENCE]);
  assert.equal(await page.evaluate(() => window.scrollY), 0);  // the page stays put, the text scrolls
  await page.screenshot({ path: join(OUT, "editor.png") });
  assert.deepEqual(await shownHighlights("passiveVoice"),
                   ["Certains terrains ont été pollués par d’anciennes usines.",
                    "Une cotisation modeste est demandée chaque année."]);
  await assessment("passiveVoice").click();
  assert.equal(await page.locator("#backdrop mark").count(), 0);
  const text = await settledAnalysis();
  const checked = await checkEveryHighlight(text, { keyphrase: "jardins partagés", title: await page.inputValue("#seo-title"),
                                                     description: await page.inputValue("#description"), min_words: 700 });
  assert.ok(checked >= 5, `${checked} assessments with marks`);
});

test("text that is not NFC is normalised, so the marks still fall on its words", async () => {
  const decomposed = ARTICLE.normalize("NFD");
  await page.fill("#seo-title", "");
  await page.fill("#text", decomposed);
  await page.waitForFunction((t) => document.getElementById("text").value === t, decomposed.normalize("NFC"));
  await settledAnalysis();
  assert.deepEqual(await shownHighlights("textSentenceLength"), [LONG_SENTENCE]);
  await assessment("textSentenceLength").click();
});

test("typing in a 5,000-word article sends one analysis per pause and never blocks", async () => {
  const body = ARTICLE.split("\n").slice(1).join("\n");
  const long = `# Les jardins partagés en France\n${Array(17).fill(body).join("\n")}`;
  await page.fill("#text", long);
  await page.waitForFunction(() => Number(document.getElementById("word-count").textContent.split(" ")[0]) > 5000,
                             null, { timeout: 20000 });
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: "longtask" });
  });
  const before = requests.filter((u) => u.endsWith("/v1/analyze")).length;
  await page.click("#text");
  await page.keyboard.press("Control+End");
  const started = Date.now();
  await page.keyboard.type("\n\nLes jardins partagés changent la ville.", { delay: 25 });
  const typing = Date.now() - started;
  const text = await settledAnalysis();
  const words = (await analyzeOnServer({ text, min_words: 700 })).stats.words;
  assert.equal(await page.textContent("#word-count"), `${words} mots sur 700 visés`);
  const sent = requests.filter((u) => u.endsWith("/v1/analyze")).length - before;
  const longest = Math.max(0, ...(await page.evaluate(() => window.longTasks)));
  console.log(`# 40 keys in a ${words}-word article: ${typing} ms, ${sent} analyses, longest main-thread task ${longest} ms`);
  assert.ok(sent >= 1 && sent <= 3, `${sent} analyses for 40 keys`);
  assert.ok(longest < 1000, `a main-thread task of ${longest} ms`);
});

test("« Rédiger » writes an article from dropped and pasted sources, then its history", async () => {
  const dir = join(ROOT, "examples", "sources", "tramway-lyon");
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
  const texts = files.map((f) => readFileSync(join(dir, f), "utf8"));
  const drop = await page.evaluateHandle(([name, text]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: "text/plain" }));
    return dt;
  }, [files[0], texts[0]]);
  await page.dispatchEvent("#dropzone", "drop", { dataTransfer: drop });
  await page.setInputFiles("#source-files", join(dir, files[1]));
  await page.fill("#source-name", files[2]);
  await page.fill("#source-text", texts[2]);
  await page.click("#add-source");
  await page.waitForFunction(() => document.querySelectorAll("#source-list li").length === 3);
  assert.match(await page.locator("#source-list li").first().textContent(), new RegExp(`^${files[0]} \\(\\d+ mots\\)`));

  await page.fill("#keyphrase", "");
  await page.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver(() => window.progressSeen.push(document.getElementById("write-progress").textContent))
      .observe(document.getElementById("write-progress"), { childList: true, characterData: true, subtree: true });
  });
  await page.click("#write");
  await page.waitForFunction(() => /chargé dans l’éditeur|Échec/.test(document.getElementById("write-progress").textContent),
                             null, { timeout: 60000 });
  assert.match(await page.textContent("#write-progress"), /chargé dans l’éditeur\.$/);
  const seen = await page.evaluate(() => window.progressSeen);
  assert.ok(seen.some((s) => /en file d’attente|rédaction en cours/.test(s)), seen.join(" | "));
  assert.ok(seen.some((s) => /rédigé, chargement/.test(s)), seen.join(" | "));

  const id = /Article ([0-9a-f]{16})/.exec(await page.textContent("#write-progress"))[1];
  const stored = await (await fetch(`${base}/v1/articles/${id}`)).json();
  assert.equal(await page.inputValue("#text"), stored.article.markdown);
  assert.equal(await page.inputValue("#keyphrase"), stored.article.keyphrase);
  assert.equal(await page.inputValue("#slug"), stored.article.slug);
  await settledAnalysis();
  const shown = await page.textContent(".serp.desktop .serp-title");
  assert.ok(shown === stored.article.title || (shown.endsWith(" …") && stored.article.title.startsWith(shown.slice(0, -2))),
            shown);
  assert.equal(await page.locator("#versions li").count(), 1);

  // An edit saved is a new version, and the diff shows what was added.
  const added = "Les riverains attendent cette ligne de tramway depuis longtemps.";
  await page.click("#text");
  await page.keyboard.press("Control+End");
  await page.keyboard.type(`\n${added}\n`);
  await page.click("#save");
  await page.waitForFunction(() => document.querySelectorAll("#versions li").length === 2);
  assert.match(await page.locator("#versions li").nth(1).textContent(), /^Version 2, modifiée/);
  assert.equal((await page.locator("#diff ins").allTextContents()).join("").trim(), added);
  assert.equal(await page.locator("#diff del").count(), 0);
  await settledAnalysis();
  await page.screenshot({ path: join(OUT, "editor-history.png"), fullPage: true });
});

test("export: Markdown, HTML and a copy for the CMS", async () => {
  const markdown = await page.inputValue("#text");
  const [md] = await Promise.all([page.waitForEvent("download"), page.click("#export-md")]);
  assert.match(md.suggestedFilename(), /\.md$/);
  assert.equal(readFileSync(await md.path(), "utf8"), markdown);
  await md.saveAs(join(OUT, md.suggestedFilename()));

  const [html] = await Promise.all([page.waitForEvent("download"), page.click("#export-html")]);
  const page_ = readFileSync(await html.path(), "utf8");
  assert.match(page_, /^<!doctype html>\n<html lang="fr">/);
  assert.match(page_, /<meta name="description" content="[^"]+">/);
  assert.equal(page_.match(/<h1>/g).length, 1);
  assert.match(page_, /Les riverains attendent cette ligne de tramway depuis longtemps\./);
  assert.doesNotMatch(page_, /<script/);

  await page.click("#copy-cms");
  await page.waitForFunction(() => /HTML copié|Copie impossible/.test(document.getElementById("status").textContent));
  assert.equal(await page.textContent("#status"), "HTML copié : collez-le dans l’éditeur de votre CMS.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /<h2>[^<]+<\/h2>/);
  assert.doesNotMatch(copied, /<h1>/);  // the CMS has its own title field
  assert.match(copied, /Les riverains attendent cette ligne de tramway depuis longtemps\./);
});

test("real articles: every highlight matches the analyser's bytes", { skip: !corpusFiles().length && "no corpus" }, async () => {
  for (const file of corpusFiles()) {
    const a = JSON.parse(readFileSync(file, "utf8"));
    const text = `${a.title}\n\n${a.text}\n`;
    await page.fill("#keyphrase", "");
    await page.fill("#text", text);
    const checked = await checkEveryHighlight(await settledAnalysis(), { min_words: 700 });
    console.log(`# ${file}: ${checked} assessments with marks checked`);
  }
});

function corpusFiles() {
  const dir = join(process.env.CORPUS || join(ROOT, "..", "shared", "corpus"), "articles");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().slice(0, 4).map((f) => join(dir, f));
}

test("no request left the server and the page logged no error", () => {
  const outside = requests.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith("blob:"));
  assert.deepEqual(outside, []);
  assert.deepEqual(problems, []);
});
