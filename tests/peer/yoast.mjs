// Runs yoastseo 3.6.0's French analysis on a Paper printed by `plume analyze --paper`, and
// returns the result in the shape of plume's `--json` (seo and readability categories).
// Usage as a program: node yoast.mjs PAPER.json  (or the Paper JSON on standard input).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { Paper, SeoAssessor, ContentAssessor } = require("yoastseo");
const Researcher = require("yoastseo/build/languageProcessing/languages/fr/Researcher").default;
const scoreToRating = require("yoastseo/build/scoring/interpreters/scoreToRating").default;

// Yoast grades a score of 0 as "feedback" (grey) and -1 as "error"; plume has three ratings,
// and both mean "needs work", so they compare as bad.
export function ratingOf(score) {
  const r = scoreToRating(score);
  return r === "good" || r === "ok" ? r : "bad";
}

// The overall 0-100 score as the Yoast plugin colours it: 71+ good, 41-70 ok, else bad.
export function overallRatingOf(score) {
  return score > 70 ? "good" : score > 40 ? "ok" : "bad";
}

// plume's Paper JSON to a yoastseo Paper. titleWidth is measured by plume (Arial 20px),
// since Yoast itself needs a browser to measure it.
export function toPaper(p) {
  return new Paper(p.text, {
    keyword: p.keyword ?? "",
    synonyms: p.synonyms ?? "",
    title: p.title ?? "",
    description: p.description ?? "",
    slug: p.slug ?? "",
    titleWidth: p.titleWidth ?? 0,
    locale: p.locale || "fr_FR",
  });
}

function category(assessor, paper) {
  assessor.assess(paper);
  const assessments = assessor.getValidResults().map((r) => ({
    id: r.getIdentifier(),
    score: r.getScore(),
    rating: ratingOf(r.getScore()),
    message: r.getText(),
  }));
  // Yoast's mean can fall below 0 (keyphraseLength scores -999 without a keyphrase); its UI and
  // plume's JSON show it on the 0-100 scale.
  const score = Math.max(0, Math.min(100, assessor.calculateOverallScore()));
  return { score, rating: overallRatingOf(score), assessments };
}

// The full free analysis (SEO and readability) of one Paper JSON object.
export function analyzeWithYoast(paperJson) {
  const paper = toPaper(paperJson);
  return {
    seo: category(new SeoAssessor(new Researcher(paper)), paper),
    readability: category(new ContentAssessor(new Researcher(paper)), paper),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const input = readFileSync(process.argv[2] ?? 0, "utf8");
  console.log(JSON.stringify(analyzeWithYoast(JSON.parse(input))));
}
