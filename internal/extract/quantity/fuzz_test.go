package quantity

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
	"github.com/crosscheck-dev/crosscheck/internal/extract/token"
)

// FuzzFind checks that arbitrary text never panics, that every span lies
// within the text and reads as the quantity's text, and that low <= high.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Around 1,500 North Korean troops, with 12,000 expected.",
		"between 4,000 and 6,000; $4-6bn; 10,000 or 12,000; 30,000 or so each month",
		"“There’s a million of them here!” 3/4 2 1/4 -5 .08 12 000 1 234 567.89",
		"half a million, a dozen, three hundred and fifty, twenty-one trillion and three hundred",
		"tens of thousands of people; several thousand; a few hundred; scores of trucks",
		"£4.2m US$ 150 million 5 billion dollars 2m roubles 20 per cent 10km 300 tonnes of grain",
		"Oct 8 and 13; 10:30 am; +44 20 7946 0018; F-16; No. 10; 45-year-old; 1990s; 3rd",
		"1,2,3 ,,, ... 1.2.3 1e10 10- -10 -- 5/ /5 a a a an half quarter point and",
	} {
		f.Add(s)
	}
	if files, _ := filepath.Glob("../../../../shared/corpus/seed/*.txt"); len(files) > 0 {
		if b, err := os.ReadFile(files[0]); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := segment.New(s, nil)
		for _, q := range Find(d, nil) {
			if q.Start < 0 || q.End > len(s) || q.Start >= q.End {
				t.Fatalf("span %d-%d out of text of %d bytes", q.Start, q.End, len(s))
			}
			if s[q.Start:q.End] != q.Text {
				t.Fatalf("span %q != text %q", s[q.Start:q.End], q.Text)
			}
			if q.WhatSpan != nil && (q.WhatSpan.Start < 0 || q.WhatSpan.End > len(s) || s[q.WhatSpan.Start:q.WhatSpan.End] != q.What) {
				t.Fatalf("what span %v != what %q", *q.WhatSpan, q.What)
			}
			if q.Low != nil && q.High != nil && *q.Low > *q.High {
				t.Fatalf("%q: low %v > high %v", q.Text, *q.Low, *q.High)
			}
			if q.Value == nil && !q.Vague {
				t.Fatalf("%q: no value and not vague", q.Text)
			}
		}
		toks := token.Tokenize(s)
		for _, n := range Numbers(s, toks) {
			if n.From < 0 || n.To > len(toks) || n.From >= n.To {
				t.Fatalf("number tokens %d-%d out of %d", n.From, n.To, len(toks))
			}
		}
	})
}
