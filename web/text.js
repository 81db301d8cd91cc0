// Pure text helpers of the editor: no DOM, so the browser test can call them directly.

// UTF-8 byte length of one code point.
function utf8Length(cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// The analyser's marks are byte offsets into the UTF-8 text; a string in JavaScript indexes
// UTF-16 code units. Maps each byte offset to its code unit index in one pass over `text`
// (an offset inside a character maps to the next character).
export function byteToUtf16(text, byteOffsets) {
  const wanted = [...new Set(byteOffsets)].sort((a, b) => a - b);
  const map = new Map();
  let bytes = 0;
  let i = 0;
  let k = 0;
  while (k < wanted.length && i < text.length) {
    while (k < wanted.length && wanted[k] <= bytes) map.set(wanted[k++], i);
    const cp = text.codePointAt(i);
    bytes += utf8Length(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  while (k < wanted.length) map.set(wanted[k++], text.length);
  return map;
}

// Marks as sorted, merged [start, end) ranges of code units.
export function markRanges(text, marks) {
  const map = byteToUtf16(text, marks.flatMap((m) => [m.start, m.end]));
  const ranges = marks.map((m) => [map.get(m.start), map.get(m.end)]).filter(([s, e]) => e > s);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

// Words, each with the white space after it, so a diff rebuilt from the pieces is the text.
export function wordTokens(text) {
  return text.match(/\s*\S+\s*/g) || [];
}

const word = (token) => token.trim();

// Myers' O(ND) diff of two token lists, comparing words only (a new line break is no change):
// [{op: "=" | "-" | "+", text}], runs merged, kept words spaced as in `b`. Versions of one
// article differ by a few edits, so D stays small; past maxD the rest is one change.
export function diffTokens(a, b, maxD = 4000) {
  let start = 0;
  while (start < a.length && start < b.length && word(a[start]) === word(b[start])) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && word(a[endA - 1]) === word(b[endB - 1])) { endA--; endB--; }
  const middle = myers(a.slice(start, endA), b.slice(start, endB), maxD);
  const ops = [...b.slice(0, start).map((t) => ["=", t]), ...middle, ...b.slice(endB).map((t) => ["=", t])];
  const out = [];
  for (const [op, t] of ops) {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += t;
    else out.push({ op, text: t });
  }
  return out;
}

function myers(a, b, maxD) {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace = [];
  for (let d = 0; d <= Math.min(n + m, maxD); d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && word(a[x]) === word(b[y])) { x++; y++; }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, offset, d, k);
    }
  }
  return [...a.map((t) => ["-", t]), ...b.map((t) => ["+", t])];
}

function backtrack(trace, a, b, offset, d, k) {
  const ops = [];
  let x = a.length;
  let y = b.length;
  for (; d > 0; d--) {
    const v = trace[d];
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push(["=", b[--y]]);
      x--;
    }
    if (down) ops.push(["+", b[--y]]);
    else ops.push(["-", a[--x]]);
    k = prevK;
  }
  while (y > 0) ops.push(["=", b[--y]]);
  return ops.reverse();
}

// The longest start of `text` that fits `maxWidth` pixels as `measure` gives them, cut at a
// word and followed by « … » when cut, as a search result page shows a title.
export function fitWidth(text, maxWidth, measure) {
  if (measure(text) <= maxWidth) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, mid).trimEnd() + " …") <= maxWidth) low = mid;
    else high = mid - 1;
  }
  const space = text.lastIndexOf(" ", low);
  const cut = space > low * 0.6 ? space : low;
  return text.slice(0, cut).trimEnd() + " …";
}
