package segment

import (
	"strings"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/document"
)

func sentences(d *Doc) []string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.TextOf(s.From, s.To))
	}
	return out
}

func TestSentences(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Mr. Vance arrived on Oct. 3. He left at 5 p.m. The talks failed.",
			[]string{"Mr. Vance arrived on Oct. 3.", "He left at 5 p.m.", "The talks failed."}},
		{"“Is it over?” she asked. “No.” The minister left.",
			[]string{"“Is it over?” she asked.", "“No.”", "The minister left."}},
		{"Troops rose by 1.5 percent in the U.S. and Canada. John F. Kennedy said so.",
			[]string{"Troops rose by 1.5 percent in the U.S. and Canada.", "John F. Kennedy said so."}},
		{"First line\n\nSecond paragraph here. 2,000 more came.",
			[]string{"First line", "Second paragraph here.", "2,000 more came."}},
		{"He said it was over. (It was not.) Then he left.",
			[]string{"He said it was over.", "(It was not.)", "Then he left."}},
	} {
		got := sentences(New(tc.in, nil))
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestQuotes(t *testing.T) {
	text := "“We will not retreat,” the general said, adding: “Not one step.”\n\n" +
		"“The border is quiet. We have nothing to hide\n\n" +
		"“and nothing to fear,” she said.\n\n" +
		"‘Iron wall’\n\n" +
		"The soldiers’ kit was new, said O’Neill, calling it ‘a gift’."
	d := New(text, nil)
	var got []string
	for _, q := range d.Quotes {
		s := d.Span(q)
		got = append(got, text[s.Start:s.End])
		if q.Continues {
			got[len(got)-1] += "+cont"
		}
	}
	want := []string{"“We will not retreat,”", "“Not one step.”", "“The border is quiet. We have nothing to hide", "“and nothing to fear,”+cont", "‘Iron wall’", "‘a gift’"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("quotes\n got %q\nwant %q", got, want)
	}
	if !d.Paragraphs[3].Heading || d.Paragraphs[0].Heading || d.Paragraphs[4].Heading {
		t.Errorf("headings: %+v", d.Paragraphs)
	}
}

func TestHeader(t *testing.T) {
	text := "A title\n\nJane Roe\n\n3 March 2025\n\nBody text. More."
	i := strings.Index(text, "Jane")
	d := New(text, []document.Span{{Start: i, End: i + 8}})
	if !d.Paragraphs[1].Header || d.Paragraphs[2].Header || !d.Paragraphs[0].Heading {
		t.Errorf("%+v", d.Paragraphs)
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{"“a” ‘b’ \"c\" 'd'", "Mr. X. Y.\n\n“open\n\n“more", "’’‘‘", "U.S. The"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := New(s, []document.Span{{Start: 0, End: len(s) / 2}})
		for i := range d.Tokens {
			si := d.SentenceOf(i)
			if si < 0 || si >= len(d.Sentences) || i < d.Sentences[si].From || i >= d.Sentences[si].To {
				t.Fatalf("token %d not in its sentence", i)
			}
			if q := d.QuoteOf(i); q >= len(d.Quotes) {
				t.Fatalf("bad quote index")
			}
		}
		for _, q := range d.Quotes {
			_ = d.Span(q)
		}
	})
}
