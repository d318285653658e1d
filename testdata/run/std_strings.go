package main

import "strings"

func show(a []string) {
	print(len(a), ":")
	for _, s := range a {
		print(" [", s, "]")
	}
	println()
}

func main() {
	s := "Hello, World! Hello, Gophers!"
	println(strings.Contains(s, "World"), strings.Contains(s, "world"), strings.Contains(s, ""))
	println(strings.ContainsRune(s, 'G'), strings.ContainsRune(s, 'é'), strings.ContainsAny(s, "xyz!"), strings.ContainsAny(s, ""))
	println(strings.Index(s, "Hello"), strings.Index(s, "Gophers"), strings.Index(s, "nope"), strings.Index(s, ""))
	println(strings.LastIndex(s, "Hello"), strings.LastIndex(s, ""), strings.IndexByte(s, 'W'), strings.LastIndexByte(s, 'o'))
	println(strings.IndexRune("chicken", 'k'), strings.IndexRune("héllo", 'l'), strings.IndexRune("a\xffb", 0xFFFD))
	println(strings.IndexAny("golang", "ny"), strings.IndexAny("héllo", "lé"), strings.LastIndexAny("golang", "go"))
	println(strings.HasPrefix(s, "Hell"), strings.HasPrefix(s, "hell"), strings.HasSuffix(s, "rs!"), strings.HasSuffix(s, "x"))
	show(strings.Split("a,b,c", ","))
	show(strings.Split("a,b,c", ""))
	show(strings.Split("", ","))
	show(strings.Split("héllo", ""))
	show(strings.SplitN("a,b,c,d", ",", 2))
	show(strings.SplitN("a,b,c,d", ",", 0))
	show(strings.SplitN("a,b,c,d", ",", -1))
	show(strings.SplitAfter("a,b,c", ","))
	show(strings.SplitAfterN("a,b,c", ",", 2))
	show(strings.Fields("  foo bar\tbaz\n\u00a0qux\u3000 "))
	show(strings.Fields("   "))
	show(strings.FieldsFunc("a1b22c333", func(r rune) bool { return r >= '0' && r <= '9' }))
	println(strings.Join([]string{"x", "y", "z"}, "-"), strings.Join(nil, ","), strings.Join([]string{"solo"}, ","))
	println(strings.Repeat("ab", 3), strings.Repeat("x", 0), len(strings.Repeat("abc", 1000)))
	println(strings.Replace("oink oink oink", "k", "ky", 2), strings.Replace("oink oink oink", "oink", "moo", -1))
	println(strings.Replace("abc", "", "-", -1), strings.Replace("abc", "", "-", 2), strings.ReplaceAll("banana", "a", "o"))
	println(strings.ToUpper("Hello, wörld! ß ÿ σς"), strings.ToLower("HELLO, WÖRLD! ΣΑΣ ЖУК İ"))
	println(strings.ToUpper("already UPPER 123"), strings.ToLower("already lower 123"))
	println(strings.ToUpper("բարև ａｂｃ ǆ ǅ ɐ ꙁ 𐐨"), strings.ToLower("ԲԱՐԵՎ ＡＢＣ Ǆ ǅ Ɐ Ꙁ 𐐀 ẞ"))
	println(strings.EqualFold("ǆ", "Ǆ"), strings.EqualFold("ǅ", "ǆ"), strings.EqualFold("K", "\u212a"), strings.EqualFold("ß", "ẞ"), strings.EqualFold("𐐨", "𐐀"))
	println("[" + strings.TrimSpace(" \t\n hello world \r\n\u00a0") + "]")
	println("["+strings.Trim("xxhixyx", "xy")+"]", "["+strings.TrimLeft("xxhixx", "x")+"]", "["+strings.TrimRight("xxhixx", "x")+"]")
	println("["+strings.TrimPrefix("prefix-body", "prefix-")+"]", "["+strings.TrimSuffix("body.go", ".go")+"]", "["+strings.TrimPrefix("body", "x")+"]")
	println("[" + strings.TrimFunc("123abc456", func(r rune) bool { return r >= '0' && r <= '9' }) + "]")
	println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.Count("aaaa", "aa"))
	println(strings.EqualFold("Go", "GO"), strings.EqualFold("straße", "STRASSE"), strings.EqualFold("σ", "Σ"), strings.EqualFold("ſ", "S"), strings.EqualFold("a", "b"))
	println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))
	rot13 := func(r rune) rune {
		switch {
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+13)%26
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+13)%26
		}
		return r
	}
	println(strings.Map(rot13, "'Twas brillig and the slithy gopher..."))
	println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return r
	}, "banana"))
	before, after, found := strings.Cut("key=value=x", "=")
	println(before, after, found)
	before, after, found = strings.Cut("novalue", "=")
	println(before, after == "", found)
	rep := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	println(rep.Replace("<a href=\"x&y\">"), rep.Replace("plain"))
	println(strings.NewReplacer("a", "1", "", "-").Replace("banana"), strings.NewReplacer("aaa", "3", "aa", "2", "a", "1").Replace("aaaaaa"))
	var b strings.Builder
	println(b.Len(), b.String() == "")
	for i := 0; i < 5; i++ {
		b.WriteString("ab")
		b.WriteByte('-')
		b.WriteRune('é')
		b.WriteRune('世')
	}
	n, err := b.Write([]byte("!!"))
	println(b.String(), b.Len(), n, err == nil)
	b.Grow(100)
	println(b.Cap() >= b.Len()+100)
	b.Reset()
	println(b.Len(), b.String() == "")
	defer func() {
		println("recovered:", recover().(string))
	}()
	strings.Repeat("x", -1)
}
