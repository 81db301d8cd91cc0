#!/usr/bin/env bash
# Hostile pages for plume extract (docs/extract.md): each ends with a clear error or the right
# text, within 10 s and 1 GiB of address space, never a crash. Env: PLUME.
set -uo pipefail
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0

# run NAME EXPECTED_STATUS PATTERN: plume extract on $dir/NAME.html; PATTERN must be in its output.
run() {
  local out status
  out=$( (ulimit -v 1048576; timeout 10 "$PLUME" extract "$dir/$1.html") 2>&1 )
  status=$?
  if [[ $status -ne $2 ]] || ! grep -qF -- "$3" <<<"$out"; then
    echo "FAIL $1: status $status (want $2), output: ${out:0:300}"
    failures=$((failures + 1))
  else
    echo "ok   $1: status $status, «$3»"
  fi
}

para='<p>La commune a inauguré samedi une passerelle piétonne qui relie les deux rives du fleuve, après six années de débats et de travaux.</p>'
python3 - "$dir" "$para" <<'PY'
import os, sys
d, para = sys.argv[1], sys.argv[2]
def w(name, data):
    with open(os.path.join(d, name + '.html'), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))
w('nested', '<html><body>' + '<div>' * 100000 + para + '</div>' * 100000 + '</body></html>')
w('unclosed-div', '<html><body>' + '<div><span>' * 25000 + para)
w('unclosed-p', '<html><body>' + (para[:-4] + '<p>') * 50000)
w('unclosed-li', '<html><body><ul>' + '<li>élément' * 50000 + '</ul>' + para)
# JSON-LD nested 200,000 deep: the tag scan does not see into scripts, the JSON parser must cope.
w('deep-json-ld', '<html><head><script type="application/ld+json">' + '[' * 200000 + ']' * 200000 + '</script></head><body>' + para + '</body></html>')
w('binary', os.urandom(200000) + b'\0')
w('empty', ' \n')
w('too-large', b'<p>' + b'a' * (11 * 1024 * 1024))
w('utf8-declared-latin1', '<html><head><meta charset="iso-8859-1"></head><body>' + para + '</body></html>')
w('latin1-declared-utf8', ('<html><head><meta charset="utf-8"></head><body>' + para + '</body></html>').encode('latin-1'))
w('latin1-undeclared', ('<html><body>' + para * 3 + '</body></html>').encode('latin-1'))
w('utf16-bom', '\ufeff<html><body>'.encode('utf-16-le') + ('' + para + '</body></html>').encode('utf-16-le'))
PY

run nested 1 "nested more than 1000 elements deep"
run unclosed-div 1 "nested more than 1000 elements deep"
run unclosed-p 0 "passerelle piétonne"
run unclosed-li 0 "passerelle piétonne"
run deep-json-ld 0 "passerelle piétonne"
run binary 1 "binary data"
run empty 1 "empty page"
run too-large 1 "too large"
run utf8-declared-latin1 0 "passerelle piétonne qui relie les deux rives du fleuve, après six années"
run latin1-declared-utf8 0 "passerelle piétonne qui relie les deux rives du fleuve, après six années"
run latin1-undeclared 0 "passerelle piétonne qui relie les deux rives du fleuve, après six années"
run utf16-bom 0 "passerelle piétonne qui relie les deux rives du fleuve, après six années"
[[ $failures -eq 0 ]] && echo "hostile: all passed" || { echo "hostile: $failures failed"; exit 1; }
