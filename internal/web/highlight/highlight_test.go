package highlight

import (
	"fmt"
	"strings"
	"testing"
)

// show renders paragraphs as "text{spans}|text{spans}" lines, one per
// paragraph, so that cases read at a glance.
func show(ps []Paragraph) string {
	var lines []string
	for _, p := range ps {
		var parts []string
		for _, s := range p {
			parts = append(parts, fmt.Sprintf("%q%v", s.Text, s.Spans))
		}
		lines = append(lines, strings.Join(parts, "|"))
	}
	return strings.Join(lines, "\n")
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		spans []Span
		want  string
	}{
		{"no spans", "one\n\ntwo", nil, `"one"[]` + "\n" + `"two"[]`},
		{"one span", "abc def", []Span{{4, 7}}, `"abc "[]|"def"[0]`},
		{
			"characters, not bytes",
			"“Ça” dit-il: “non”",
			[]Span{{13, 18}, {5, 8}},
			`"“Ça” "[]|"dit"[1]|"-il: "[]|"“non”"[0]`,
		},
		{
			"nested: outermost first",
			"aaa bbb ccc",
			[]Span{{4, 7}, {0, 11}},
			`"aaa "[1]|"bbb"[1 0]|" ccc"[1]`,
		},
		{
			"crossing",
			"abcdef",
			[]Span{{0, 4}, {2, 6}},
			`"ab"[0]|"cd"[0 1]|"ef"[1]`,
		},
		{
			"same range: input order",
			"abc",
			[]Span{{0, 3}, {0, 3}},
			`"abc"[0 1]`,
		},
		{
			"span across paragraphs is cut at the break",
			"one two\n\nthree four",
			[]Span{{4, 14}},
			`"one "[]|"two"[0]` + "\n" + `"three"[0]|" four"[]`,
		},
		{
			"line break kept inside a paragraph",
			"By A\nMarch 3\n\nBody",
			[]Span{{0, 4}},
			`"By A"[0]|"\nMarch 3"[]` + "\n" + `"Body"[]`,
		},
		{
			"out of range and empty spans",
			"abc",
			[]Span{{2, 99}, {1, 1}, {-5, 1}},
			`"a"[2]|"b"[]|"c"[0]`,
		},
		{
			"adjacent spans",
			"abcd",
			[]Span{{0, 2}, {2, 4}},
			`"ab"[0]|"cd"[1]`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := show(Split(tt.text, tt.spans))
			if got != tt.want {
				t.Errorf("Split(%q, %v)\n got %s\nwant %s", tt.text, tt.spans, got, tt.want)
			}
		})
	}
}

func TestSplitKeepsText(t *testing.T) {
	text := "Ein “Zitat” — sagte er.\n\nZweiter Absatz: 10 000 Soldaten.\nNoch eine Zeile."
	ps := Split(text, []Span{{3, 11}, {0, 30}, {25, 60}})
	var got []string
	for _, p := range ps {
		got = append(got, p.Plain())
	}
	if strings.Join(got, "\n\n") != text {
		t.Errorf("paragraphs joined = %q, want the text back", strings.Join(got, "\n\n"))
	}
}

func TestCharSpan(t *testing.T) {
	text := "“Ab” cd"
	// "cd" starts at byte 9 (two 3-byte quotes, two letters, a space).
	if got := CharSpan(text, 9, 11); got != (Span{5, 7}) {
		t.Errorf("CharSpan = %v, want {5 7}", got)
	}
	if got := CharSpan(text, 9, 99); got != (Span{5, 7}) {
		t.Errorf("CharSpan clipped = %v, want {5 7}", got)
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("abc\n\ndef “g”", 1, 8, 0, 3)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		ps := Split(text, []Span{{a, b}, {c, d}})
		for _, p := range ps {
			for _, s := range p {
				if s.Start >= s.End {
					t.Fatalf("empty segment %+v", s)
				}
			}
		}
	})
}
