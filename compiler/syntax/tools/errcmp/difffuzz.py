"""Differential test of syntax errors against gc: mutates real Go files (one token deleted,
inserted or duplicated), runs `go tool compile` and gorc-syntax's goparse example on each, and
compares the first parse-phase error (position and message).

usage: difffuzz.py SEED COUNT GOPARSE_BINARY   (cargo build --release -p gorc-syntax --examples)
"""
import random, re, subprocess, os, sys, tempfile
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
N = int(sys.argv[2]) if len(sys.argv) > 2 else 200
srcs = []
for f in ['/usr/share/go-1.19/test/ken/chan.go', '/usr/share/go-1.19/test/closure.go', '/usr/share/go-1.19/test/escape2.go',
          '/usr/share/go-1.19/test/ken/embed.go', '/usr/share/go-1.19/test/peano.go', '/usr/share/go-1.19/test/turing.go',
          '/usr/share/go-1.19/test/sieve.go', '/usr/share/go-1.19/test/ken/complit.go', '/usr/share/go-1.19/test/switch.go']:
    if os.path.exists(f): srcs.append(open(f).read())
tokre = re.compile(r'[A-Za-z_][A-Za-z0-9_]*|\d+|"[^"\n]*"|:=|<-|\.\.\.|&&|\|\||[-+*/%&|^<>=!]=?|[(){}\[\],;.:\n]')
snips = ['{','}','(',')','[',']',';',',','.',':',':=','=','...','<-','*','&','func','chan','map','struct','interface','if','for','range','switch','case','default','select','go','defer','return','type','var','const','x','\n','else','1']
def mutate(s):
    toks = [m for m in tokre.finditer(s)]
    for _ in range(1):
        m = random.choice(toks)
        k = random.randrange(3)
        if k == 0: s = s[:m.start()] + s[m.end():]
        elif k == 1: s = s[:m.start()] + random.choice(snips) + ' ' + s[m.start():]
        else:
            m2 = random.choice(toks); s = s[:m.start()] + m2.group(0) + ' ' + s[m.start():]
    return s
GOPARSE = sys.argv[3]
tmpdir = tempfile.mkdtemp()
agree = dis = 0; out = []
for i in range(N):
    src = mutate(random.choice(srcs))
    p = os.path.join(tmpdir, f'm{i}.go')
    open(p, 'w').write(src)
    # NOTE (from the lead): never write compiler output to /dev/null: `go tool compile`
    # replaces the device node with a regular file, which breaks every shell on the machine.
    g = subprocess.run(['go', 'tool', 'compile', '-o', '/tmp/synchk/discard.o', p], capture_output=True, text=True)
    glines = (g.stdout + g.stderr).splitlines()
    r = subprocess.run([GOPARSE, p], capture_output=True, text=True).stdout.splitlines()
    # gc's first error, if it is a parse-phase one
    synre = re.compile(r'syntax error|invalid character|newline in|not terminated|literal|escape|must separate|non-name|label|expression in (go|defer)|cannot declare|mixed named|outside type switch|select case|cannot parenthesize|missing|var declaration|else must|invalid NUL|BOM|package statement')
    gfirst = glines[0] if glines else ''
    gsyn = bool(synre.search(gfirst)) and 'declared but not used' not in gfirst and 'undefined' not in gfirst
    rfirst = r[0] if r else ''
    if not gsyn and not r:
        agree += 1; continue
    if gsyn and rfirst == gfirst:
        agree += 1; continue
    dis += 1
    out.append(f'{p}\n  GC: {gfirst}\n  RS: {rfirst}')
print('agree', agree, 'disagree', dis)
print('\n'.join(out))
