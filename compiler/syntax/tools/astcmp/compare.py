import sys
# Compares the outputs of goast_dump and dumpast: compare.py GO_OUT RS_OUT
def load(p):
    d = {}; cur = None; buf = []
    for line in open(p, encoding='utf-8', errors='replace'):
        if line.startswith('FILE '):
            if cur: d[cur] = ''.join(buf)
            cur = line[5:].strip()
            if cur.endswith(' ERROR'): cur = cur[:-6]; buf = ['ERROR']
            else: buf = [line]
        else: buf.append(line)
    if cur: d[cur] = ''.join(buf)
    return d
g = load(sys.argv[1]); r = load(sys.argv[2])
same = diff = gerr = rerr = 0; diffs = []; rerrs = []
for k, v in g.items():
    rv = r.get(k)
    if v == 'ERROR':
        gerr += 1; continue
    if rv == 'ERROR': rerr += 1; rerrs.append(k); continue
    if rv == v: same += 1
    else: diff += 1; diffs.append(k)
print('same', same, 'diff', diff, 'go-err', gerr, 'rs-err(go ok)', rerr)
for k in rerrs: print('RSERR', k)
for k in diffs[:10]:
    gl = g[k].splitlines(); rl = r[k].splitlines()
    for a, b in zip(gl, rl):
        if a != b:
            i = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            print(k); print('  GO:', a[max(0,i-200):i+100]); print('  RS:', b[max(0,i-200):i+100]); break
