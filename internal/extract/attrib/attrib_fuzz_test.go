package attrib

import (
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract/segment"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"said X. “Quote,” he said.",
		"According to officials, 500 troops.\n\n“Open\n\n“and more,” she said, adding: “Yes.”",
		"who said", ", said", "“", "Mr said told according to",
		"Trump, who said that, told reporters: ‘no’.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := segment.New(s, nil)
		r := Find(d, Input{Publisher: "The Paper", Places: []Located{{Span: document.Span{Start: 0, End: min(3, len(s))}, Country: "XX"}}})
		for _, c := range r.Claims {
			if c.Source < 0 || c.Source >= len(r.Sources) {
				t.Fatalf("claim source %d of %d", c.Source, len(r.Sources))
			}
			for _, p := range c.Content {
				if p.Start < 0 || p.End > len(s) || p.Start > p.End {
					t.Fatalf("bad content span %+v", p)
				}
			}
		}
	})
}
