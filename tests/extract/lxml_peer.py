"""readability-lxml (Debian python3-readability) on pages named on the command line:
one JSON object {file, text, us} per page, the time of a second, warm pass."""
import json
import re
import sys
import time

import lxml.html
from readability import Document

# Block ends become line breaks, so that words of two paragraphs do not run together
# (the same rule measure.mjs applies to Readability.js's HTML).
BLOCK_END = re.compile(r"</(p|div|li|h[1-6]|blockquote|td|tr|section|article|ul|ol|pre)>|<br\s*/?>", re.I)


def extract(html):
    return Document(html).summary(html_partial=True)


def main():
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            html = f.read()
        extract(html)
        start = time.perf_counter()
        summary = extract(html)
        took = time.perf_counter() - start
        text = lxml.html.fromstring(BLOCK_END.sub(lambda m: m.group(0) + "\n", summary)).text_content()
        print(json.dumps({"file": path, "text": text, "us": round(took * 1e6)}, ensure_ascii=False))


main()
