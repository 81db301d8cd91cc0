#!/usr/bin/env python3
"""Seeds of fuzz_api and fuzz_llm_answer, written into OUT/api and OUT/llm_answer from the
project's examples (run by fuzz/seeds.sh): request bodies of plume serve, and a model's answers
as a server sends them (event stream, whole body) or as the model writer reads them."""
import json
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
root = pathlib.Path(__file__).resolve().parent.parent
examples = root / "examples"


def put(target, name, data):
    (out / target).mkdir(parents=True, exist_ok=True)
    (out / target / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def paragraphs(text):
    return [p for p in text.split("\n\n") if "\n" not in p.strip() and len(p.split()) > 12]


def headings(text):
    return [line for line in text.splitlines() if 2 <= len(line.split()) <= 8 and not line.endswith((".", ":", "*"))]


# POST /v1/analyze: the example articles in their own format, then each source as text.
put("api", "analyze-md", json.dumps({"text": (examples / "article-puces.md").read_text(), "format": "md",
                                     "keyphrase": "vélo", "synonyms": ["bicyclette"], "min_words": 600}))
put("api", "analyze-html", json.dumps({"text": (examples / "article-velo.html").read_text(), "format": "html",
                                       "keyphrase": "vélo", "slug": "velo-electrique", "lang": "en", "match": "yoast",
                                       "site_host": "exemple.fr"}))
for story in sorted((examples / "sources").iterdir()):
    if not story.is_dir():
        continue
    expected = json.loads((story / "expected.json").read_text())
    files = sorted(story.glob("*.txt"))
    first = files[0].read_text()
    if expected["brief"]:
        first = first.split("\n", 1)[1]  # the brief line: a request to plume, not a model's answer
    put("api", f"analyze-{story.name}", json.dumps({"text": first, "keyphrase": expected["keyphrase_hint"],
                                                    "title": first.splitlines()[0], "format": "text"}))
    # POST /v1/articles: the story's sources, then the first one by its URL alone.
    put("api", f"articles-{story.name}", json.dumps({
        "sources": [{"name": f.name, "text": f.read_text()} for f in files],
        "keyphrase": expected["keyphrase_hint"], "min_words": expected["min_words"] or 700,
        "format": "text", "date": "2026-01-01"}))
    put("api", f"articles-url-{story.name}", json.dumps({
        "sources": [{"url": f"https://exemple.fr/{story.name}"}], "format": "page"}))

    # fuzz_llm_answer: the first byte picks the form (0 stream, 1 body, 2 the writer's answers).
    parts = paragraphs(first)
    events = [{"choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]}]
    events += [{"choices": [{"index": 0, "delta": {"content": w + " "}}]} for w in parts[0].split()]
    events += [{"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
               {"choices": [], "usage": {"prompt_tokens": 812, "completion_tokens": 240}}]
    sse = "".join(f"data: {json.dumps(e, ensure_ascii=False)}\n\n" for e in events) + "data: [DONE]\n\n"
    put("llm_answer", f"stream-{story.name}", b"\x00" + sse.encode())
    put("llm_answer", f"stream-crlf-{story.name}", b"\x00" + (": keep-alive\r\n\r\n" + sse.replace("\n", "\r\n")).encode())
    body = {"choices": [{"index": 0, "message": {"role": "assistant", "content": "\n\n".join(parts[:3])},
                         "finish_reason": "length"}], "usage": {"prompt_tokens": 812, "completion_tokens": 400}}
    put("llm_answer", f"body-{story.name}", b"\x01" + json.dumps(body, ensure_ascii=False).encode())
    meta = {"titre": first.splitlines()[0], "description": parts[0][:150], "intertitres": headings(first)}
    answers = [json.dumps(meta, ensure_ascii=False)] + ["\n\n".join(parts[i:i + 2]) for i in range(0, len(parts), 2)]
    put("llm_answer", f"write-{story.name}", b"\x02" + "\0".join(answers).encode())
put("llm_answer", "stream-error", b"\x00event: error\ndata: {\"error\": {\"message\": \"mod\xc3\xa8le introuvable\"}}\n\n")
put("llm_answer", "body-error", b"\x01{\"error\": {\"message\": \"model not found\", \"type\": \"invalid_request_error\"}}")
