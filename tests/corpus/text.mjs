// The corpus test's own text measurement, independent of plume's code: normalisation, words,
// word n-grams, numbers and sentences of French news text (flattened pages included).

// Lowercase, NFC, one apostrophe, capitals without their accent (« Etat » and « État », which
// typography writes, are one word), ligatures as two letters (« soeur » and « sœur » alike), digit groups joined (« 2 758 », « 2.758 », « 2 758 » with a
// no-break space are all 2758), decimal point as a comma.
export function normalize(text) {
  let s = text.normalize("NFC").replace(/\p{Lu}/gu, (c) => c.normalize("NFD").replace(/\p{M}+/gu, ""));
  s = s.toLowerCase().replace(/[’‘ʼ`´]/g, "'").replace(/œ/g, "oe").replace(/æ/g, "ae");
  let prev;
  do {
    prev = s;
    s = s.replace(/(\d)[ \u00a0\u202f\u2009](?=\d{3}(?!\d))/g, "$1").replace(/(\d)\.(?=\d{3}(?!\d))/g, "$1");
  } while (s !== prev);
  return s.replace(/(\d)\.(?=\d)/g, "$1,");
}

// Words of a text: numbers (with a decimal comma), and letter/digit runs joined by apostrophes.
// Punctuation, quotes and hyphens separate words, so a glued `mot.Mot` is two words, and so
// is a small letter glued to a capitalised word (`motMot`: a subheading that lost its break).
export function words(text) {
  return normalize(text.replace(/(\p{Ll})(?=\p{Lu}\p{Ll})/gu, "$1 ")).match(/\d+(?:,\d+)?(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*/gu) ?? [];
}

export const grams = (ws, n = 5) => {
  const out = [];
  for (let i = 0; i + n <= ws.length; i++) out.push(ws.slice(i, i + n).join(" "));
  return out;
};

// Numbers of a text, normalised (digit groups joined, decimal comma, no leading zeros).
export function numbers(text) {
  return (normalize(text).match(/\d+(?:,\d+)?/g) ?? []).map((n) => n.replace(/^0+(?=\d)/, ""));
}

// The video teasers a page's text kept (« Qui sont les candidats… ?par CNEWSPour… »: a
// video's title, then « par » and its channel glued between two sentences): page furniture
// the dataset's text carries (in 12 of its 240 articles), no story text. Cut out of a clean
// text with their titles.
export function withoutTeasers(text) {
  return text.replace(/(^|[.!?…"»”]\s*)([^.!?…\n]{1,160}?[?!»"”]?)(\s*-\s*[\d/]+)?(?<!\s)par (\p{Lu}[\p{L}\d+]*(?: \p{Lu}[\p{L}\d+]*)?|\p{Ll}+)(?=\s?["«“]\p{Lu}|\p{Lu}\p{Ll})/gu, "$1");
}

// Sentences of a flattened text: inline `- Titre -` subheadings become units of their own, and
// a sentence ends at . ! ? … (closing quote included) before a space or, glued, before a capital
// or an opening quote; not after an abbreviation (M., Mme., a single capital, initials: J.K.).
export function sentences(text) {
  const t = text
    .replace(/(^|[.!?…"»”)])\s*-\s+([^\n]{1,120}?)\s+-\s*(?=["«“]?[\p{Lu}\d])/gu, "$1\n$2\n")
    .replace(/([.!?…]+["»”]?)(?=\s+["«“]?[\p{Lu}\d]|["«“]?\p{Lu})/gu, (m, p, offset, all) => {
      const before = all.slice(Math.max(0, offset - 6), offset);
      if (/(^|[\s(.])(\p{Lu}|Mme|Mlle|MM|Dr|Pr|St|Me|av|cf|etc)$/u.test(before) && p === ".") return m;
      return `${p}\n`;
    });
  return t.split("\n").map((s) => s.trim()).filter(Boolean);
}
