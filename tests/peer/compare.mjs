// The peer test: plume `--match yoast` against yoastseo 3.6.0 on the same inputs.
// Env: PLUME (the binary), SEEDS (directory of .txt sources, optional), EXAMPLES (directory).
// One check per input (overall SEO and readability within 5 points) and one global check
// (the same rating on at least 95% of (input, assessment) pairs); exit 1 if any fails.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeWithYoast } from "./yoast.mjs";

const MAX_SCORE_GAP = 5;
const MIN_AGREEMENT = 95;
const PLUME_TIMEOUT_MS = 30_000;

// Seeds are real articles about the same story; each gets the keyphrase its text is about,
// chosen by the file-name prefix.
const SEED_KEYPHRASES = {
  "000": "Sam Altman",
  "001": "puces d’IA",
  "002": "OpenAI",
  "003": "TSMC",
  "004": "milliards de dollars",
};
// The examples are also run with synonyms and, for the Markdown one (which has no place for a
// meta description), a description, so the synonym and description paths are compared too.
const EXAMPLE_OPTIONS = {
  "article-puces.md": {
    keyphrase: "puces d’IA",
    synonyms: "semi-conducteurs, processeurs",
    description: "Chips Act, start-up, souveraineté : où en est le marché des puces d’IA en Europe face aux géants américains et asiatiques ?",
  },
  "article-velo.html": { keyphrase: "vélo en ville", synonyms: "cyclisme urbain, bicyclette" },
};

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "out");

// The files to compare, each with the options of its main run.
function files() {
  const list = [];
  const seeds = process.env.SEEDS;
  if (seeds && existsSync(seeds)) {
    for (const name of readdirSync(seeds).sort()) {
      if (!name.endsWith(".txt")) continue;
      list.push({ path: join(seeds, name), format: "text", options: { keyphrase: SEED_KEYPHRASES[name.slice(0, 3)] ?? "" } });
    }
  } else {
    console.log(`seeds: ${seeds || "(unset)"} absent, skipped`);
  }
  const examples = process.env.EXAMPLES;
  if (!examples || !existsSync(examples)) throw new Error(`EXAMPLES directory missing: ${examples}`);
  for (const name of readdirSync(examples).sort()) {
    const path = join(examples, name);
    if (name === "README.md" || !statSync(path).isFile()) continue;
    list.push({ path, format: "auto", options: EXAMPLE_OPTIONS[name] ?? {} });
  }
  return list;
}

// Source sets for `plume write`: each written article must rate "good" for SEO and at least
// "ok" for readability in yoastseo too (issue 3).
function sourceSets() {
  const sets = [];
  const seeds = process.env.SEEDS;
  if (seeds && existsSync(seeds)) sets.push({ name: "seeds", dir: seeds });
  const root = join(process.env.EXAMPLES, "sources");
  for (const name of readdirSync(root).sort())
    if (statSync(join(root, name)).isDirectory()) sets.push({ name, dir: join(root, name) });
  return sets;
}

// Writes the article of one source set; the input to compare, with the article's own
// keyphrase, synonyms, slug and description, or an Error.
function written(set) {
  const sources = readdirSync(set.dir).filter((n) => n.endsWith(".txt")).sort().map((n) => join(set.dir, n));
  const md = join(outDir, `written-${set.name}.md`);
  const args = ["write", ...sources, "--date", "2026-01-01"];
  const run = spawnSync(process.env.PLUME, [...args, "--format", "json"], { encoding: "utf8", timeout: PLUME_TIMEOUT_MS });
  const file = spawnSync(process.env.PLUME, [...args, "-o", md], { encoding: "utf8", timeout: PLUME_TIMEOUT_MS });
  if (run.status !== 0 || file.status !== 0) return new Error(`plume write ${set.name}: exit ${run.status}/${file.status} ${run.stderr.slice(0, 200)}`);
  const a = JSON.parse(run.stdout).article;
  const options = { keyphrase: a.keyphrase, slug: a.slug, description: a.description };
  if (a.synonyms.length) options.synonyms = a.synonyms.join(", ");
  return { path: md, format: "md", name: `written-${set.name}.md`, options };
}

// The lowest yoastseo readability score among the sources of a set.
function leastSourceReadability(set) {
  let least = 100;
  for (const name of readdirSync(set.dir).filter((n) => n.endsWith(".txt"))) {
    const paper = plume({ path: join(set.dir, name), format: "text", options: {} }, ["--paper"]);
    if (!(paper instanceof Error)) least = Math.min(least, analyzeWithYoast(paper).readability.score);
  }
  return least;
}

// Every file is compared with its keyphrase (and synonyms, description) and without any, as a
// draft is analysed before its keyphrase is chosen.
function inputs() {
  return files().flatMap((f) => {
    const name = basename(f.path);
    const main = { ...f, name };
    return f.options.keyphrase ? [main, { ...f, name: `${name}~no-keyphrase`, options: {} }] : [main];
  });
}

// Runs plume with `extra` arguments; its stdout parsed as JSON, or an Error saying why not.
function plume(input, extra) {
  const args = ["analyze", input.path, "--match", "yoast", "--format", input.format, ...extra];
  for (const [key, value] of Object.entries(input.options)) args.push(`--${key}`, value);
  const run = spawnSync(process.env.PLUME, args, { encoding: "utf8", timeout: PLUME_TIMEOUT_MS });
  if (run.error) return new Error(`plume ${extra.join(" ")}: ${run.error.code ?? run.error.message}`);
  try {
    return JSON.parse(run.stdout.trim().split("\n")[0]);
  } catch {
    return new Error(`plume ${extra.join(" ")}: exit ${run.status}, no JSON (${run.stderr.trim().slice(0, 200)})`);
  }
}

// Pairs the assessments of one category by id; an id present on one side only is a disagreement.
function pairs(plumeCat, yoastCat) {
  const byId = new Map();
  for (const a of plumeCat.assessments) byId.set(a.id, { id: a.id, plume: a });
  for (const a of yoastCat.assessments) byId.set(a.id, { ...(byId.get(a.id) ?? { id: a.id }), yoast: a });
  return [...byId.values()].map((p) => ({ ...p, same: !!p.plume && !!p.yoast && p.plume.rating === p.yoast.rating }));
}

const show = (a) => (a ? `${a.rating} ${a.score}` : "absent");

function compareOne(input) {
  const name = input.name;
  const ours = plume(input, ["--json"]);
  const paper = plume(input, ["--paper"]);
  const failure = [ours, paper].find((r) => r instanceof Error);
  if (failure) {
    writeFileSync(join(outDir, `${name}.json`), JSON.stringify({ input, error: failure.message }, null, 1));
    return { name, error: failure.message };
  }
  const theirs = analyzeWithYoast(paper);
  const result = { name, keyphrase: input.options.keyphrase, pairs: [], scores: {} };
  for (const cat of ["seo", "readability"]) {
    for (const p of pairs(ours[cat], theirs[cat])) result.pairs.push({ category: cat, ...p });
    result.scores[cat] = { plume: ours[cat].score, yoast: theirs[cat].score };
  }
  writeFileSync(join(outDir, `${name}.json`), JSON.stringify({ input, paper, plume: ours, yoast: theirs, result }, null, 1));
  return result;
}

function main() {
  if (!process.env.PLUME) throw new Error("PLUME (the plume binary) is not set");
  rmSync(outDir, { recursive: true, force: true });  // no stale result from an earlier run
  mkdirSync(outDir, { recursive: true });
  let passed = 0;
  let failed = 0;
  let same = 0;
  let total = 0;
  let maxGap = 0;
  let sameScore = 0;
  for (const input of inputs()) {
    const r = compareOne(input);
    if (r.error) {
      console.log(`FAIL ${r.name}: ${r.error}`);
      failed++;
      continue;
    }
    for (const p of r.pairs) {
      total++;
      if (p.same) same++;
      if (p.plume && p.yoast && p.plume.score === p.yoast.score) sameScore++;
      else console.log(`  differs ${r.name} ${p.category}/${p.id}: plume ${show(p.plume)}, yoast ${show(p.yoast)}`);
    }
    const gaps = Object.values(r.scores).map((s) => Math.abs(s.plume - s.yoast));
    maxGap = Math.max(maxGap, ...gaps);
    const ok = gaps.every((g) => g <= MAX_SCORE_GAP);
    const { seo, readability } = r.scores;
    console.log(`${ok ? "ok  " : "FAIL"} ${r.name} [${r.keyphrase || "no keyphrase"}]: SEO plume ${seo.plume} / yoast ${seo.yoast}, readability plume ${readability.plume} / yoast ${readability.yoast}`);
    ok ? passed++ : failed++;
  }
  for (const set of sourceSets()) {
    const input = written(set);
    const r = input instanceof Error ? { error: input.message } : compareOne(input);
    if (r.error) {
      console.log(`FAIL written ${set.name}: ${r.error}`);
      failed++;
      continue;
    }
    for (const p of r.pairs) {
      total++;
      if (p.same) same++;
    }
    const yoast = JSON.parse(readFileSync(join(outDir, `${input.name}.json`), "utf8")).yoast;
    // plume edits its sources: the article reads at least "ok", or at least as well as the
    // least readable source it was written from.
    const floor = leastSourceReadability(set);
    const ok = yoast.seo.rating === "good" && (yoast.readability.rating !== "bad" || yoast.readability.score >= floor);
    console.log(`${ok ? "ok  " : "FAIL"} written ${set.name} [${input.options.keyphrase}]: yoastseo SEO ${yoast.seo.rating} ${yoast.seo.score}, readability ${yoast.readability.rating} ${yoast.readability.score} (least readable source: ${floor})`);
    ok ? passed++ : failed++;
  }
  const agreement = total ? (100 * same) / total : 0;
  const agreed = total > 0 && agreement >= MIN_AGREEMENT;
  agreed ? passed++ : failed++;
  console.log(`same rating: ${same}/${total} (input, assessment) pairs = ${agreement.toFixed(1)}% (need ${MIN_AGREEMENT}%)`);
  console.log(`same score (information): ${sameScore}/${total} pairs`);
  console.log(`max overall score difference: ${maxGap} (allowed ${MAX_SCORE_GAP})`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main();
