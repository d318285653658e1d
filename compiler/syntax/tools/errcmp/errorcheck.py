"""Runs gorc-syntax's goparse example over the errorcheck files of the Go test suite and
compares its errors with the files' // ERROR annotations (Python regexps, close enough to Go's).

usage: errorcheck.py GOPARSE_BINARY [GO_TEST_DIR]
"""
import os, re, subprocess, sys
root = sys.argv[2] if len(sys.argv) > 2 else '/usr/share/go-1.19/test'
files = []
for d, dirs, fs in os.walk(root):
    if 'typeparam' in d: continue
    for f in fs:
        if f.endswith('.go'): files.append(os.path.join(d, f))
files.sort()
ann_re = re.compile(r'//\s*(?:GC_)?ERROR\s+(.*)$')
def parse_ann(s):
    out = []
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"|`([^`]*)`', s):
        if m.group(1) is not None:
            try: out.append(m.group(1).replace('\\\\', '\\'))
            except Exception: out.append(m.group(1))
        else: out.append(m.group(2))
    return out
fp = []; miss = []; good = 0; total_syn = 0
for f in files:
    try: src = open(f, encoding='utf-8', errors='replace').read()
    except: continue
    head = src[:300]
    if '// errorcheck' not in head: continue
    if re.search(r'func\s+\w+\[|type\s+\w+\[\w+ ', src): continue
    anns = {}
    for i, line in enumerate(src.split('\n'), 1):
        m = ann_re.search(line)
        if m: anns[i] = parse_ann(m.group(1))
    r = subprocess.run([sys.argv[1], f], capture_output=True, text=True)
    ours = []
    for l in r.stdout.splitlines():
        m = re.match(r'(.*?):(\d+):(\d+): (.*)', l)
        if m: ours.append((int(m.group(2)), m.group(4)))
    for (ln, msg) in ours:
        pats = anns.get(ln)
        if not pats:
            fp.append(f"{f}:{ln}: {msg}")
            continue
        ok = False
        for p in pats:
            try:
                if re.search(p, msg): ok = True
            except re.error: pass
        if ok: good += 1
        else: miss.append(f"{f}:{ln}: ours={msg!r} want={pats}")
    # syntax annotations we didn't produce
    ourlines = {l for l, _ in ours}
    for ln, pats in anns.items():
        if any('syntax error' in p or 'unexpected' in p for p in pats):
            total_syn += 1
            if ln not in ourlines:
                if not ours or ln < min(ourlines):
                    miss.append(f"{f}:{ln}: ours=NONE want={pats}")
print("matched", good, "syntax annotations", total_syn)
print("== false positives (error at unannotated line):", len(fp))
for x in fp: print(x)
print("== mismatches:", len(miss))
for x in miss: print(x)
