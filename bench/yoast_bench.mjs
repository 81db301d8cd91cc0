// Times yoastseo 3.6.0's full French analysis (SEO and readability) of one article, in-process
// and warmed up, and prints {"article", "runs", "median_ms"} as JSON.
// Usage: node bench/yoast_bench.mjs PAPER.json [RUNS]   (PAPER from `plume analyze --paper`)
import { readFileSync } from "node:fs";
import { analyzeWithYoast } from "../tests/peer/yoast.mjs";

const WARMUP = 5;
const paper = JSON.parse(readFileSync(process.argv[2], "utf8"));
const runs = Number(process.argv[3] ?? 20);

// Each run builds the Paper, parses its HTML and runs both assessors, as the plugin does on an edit.
for (let i = 0; i < WARMUP; i++) analyzeWithYoast(paper);
const times = [];
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  analyzeWithYoast(paper);
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
const median = runs % 2 ? times[(runs - 1) / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
console.log(JSON.stringify({ article: process.argv[2], runs, median_ms: median }));
