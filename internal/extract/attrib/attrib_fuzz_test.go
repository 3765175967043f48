package attrib

import (
	"os"
	"path/filepath"
	"strings"
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
	// The articles of the golden cases (testdata/golden/*.txtar, the
	// sections named NAME.in).
	files, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txtar"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, sec := range strings.Split(string(data), "\n-- ")[1:] {
			name, body, _ := strings.Cut(sec, " --\n")
			if strings.HasSuffix(name, ".in") {
				f.Add(body)
			}
		}
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
