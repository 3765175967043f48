package text

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
)

var update = flag.Bool("update", false, "rewrite the golden .json files in testdata/header")

// goldenCases are the fixtures in testdata/header, each an article as
// pasted (NAME.txt or NAME.md) beside the metadata expected of it
// (NAME.json). Run go test -update to rewrite the .json files, then
// review the diff.
var goldenCases = map[string]string{
	"seed-shape":            "the seed's shape: title, standfirst, bare name, date, masthead, each a paragraph, a line of no-break spaces, a body with a title-case subheading",
	"by-two-authors":        `a "By" byline with two authors, an American date and a wire agency, lines not separated by blank lines`,
	"us-numeric-date":       "a numeric date that can only be month first; a weekday-led date with a time after it; the first date wins",
	"no-header-prose":       "no header, the first line a sentence: no title",
	"no-header-headline":    "no header, the first line a headline: it is the title",
	"front-matter":          "YAML front matter holds the metadata; the title is put at the head of the text",
	"publisher-first":       "masthead before the date, byline with a role and a place after it",
	"one-line-header":       "byline, date and masthead on one line with separators",
	"no-title":              "the text opens with its header block: no title",
	"title-case-headline":   "a title-case headline stays the title; the bare name after it is confirmed by the date line",
	"markdown-heading":      "a Markdown heading as the title, a day-first numeric date",
	"subheading-not-byline": "a title-case line with no date or masthead near it is no byline",
}

// result is what a golden file pins down of a Document.
type result struct {
	Title      string   `json:"title"`
	Standfirst string   `json:"standfirst,omitempty"`
	Authors    []string `json:"authors"`
	Publisher  string   `json:"publisher"`
	Published  string   `json:"published"`
	URL        string   `json:"url,omitempty"`
	Language   string   `json:"language,omitempty"`
	Header     []string `json:"header"`
	FirstLine  string   `json:"first_line"`
}

func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/header/*.[tm][xd]*")
	if len(inputs) != len(goldenCases) {
		t.Errorf("%d inputs in testdata/header, %d described in goldenCases", len(inputs), len(goldenCases))
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
		t.Run(name, func(t *testing.T) {
			if goldenCases[name] == "" {
				t.Errorf("%s is not described in goldenCases", in)
			}
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Read(src, in)
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, d.Text, d.Header)
			got := summarise(d)
			golden(t, strings.TrimSuffix(in, filepath.Ext(in))+".json", got)
		})
	}
}

func summarise(d *document.Document) result {
	r := result{
		Title: d.Title, Standfirst: d.Standfirst, Authors: d.Authors,
		Publisher: d.Publisher, URL: d.URL, Language: d.Language,
		Header: []string{},
	}
	if r.Authors == nil {
		r.Authors = []string{}
	}
	if !d.Published.IsZero() {
		r.Published = d.Published.Format(time.DateOnly)
	}
	for _, h := range d.Header {
		r.Header = append(r.Header, d.Text[h.Start:h.End])
	}
	r.FirstLine, _, _ = strings.Cut(d.Text, "\n")
	return r
}

// golden compares got, as indented JSON, with the file want, or rewrites
// the file under -update.
func golden(t *testing.T, want string, got any) {
	t.Helper()
	js, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	js = append(js, '\n')
	if *update {
		if err := os.WriteFile(want, js, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	w, err := os.ReadFile(want)
	if err != nil {
		t.Fatalf("%v; run go test -update to create it", err)
	}
	if !bytes.Equal(w, js) {
		t.Errorf("got:\n%s\nwant (%s):\n%s", js, want, w)
	}
}

// checkSpans checks that every header span is a whole line of text.
func checkSpans(t testing.TB, text string, spans []document.Span) {
	t.Helper()
	for _, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("span %v out of range of %d bytes", s, len(text))
		}
		if (s.Start > 0 && text[s.Start-1] != '\n') || (s.End < len(text) && text[s.End] != '\n') {
			t.Errorf("span %v = %q is not a whole line", s, text[s.Start:s.End])
		}
	}
}

// TestSeed reads the seed article of the shared corpus, when it is there,
// and checks the metadata the evaluation scores.
func TestSeed(t *testing.T) {
	files, _ := filepath.Glob("../../../../shared/corpus/seed/*.txt")
	if len(files) == 0 {
		t.Skip("no seed corpus beside the repository")
	}
	src, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(src, files[0])
	if err != nil {
		t.Fatal(err)
	}
	if want := "North Korean troops appear to arrive in Russia for training"; d.Title != want {
		t.Errorf("Title = %q, want %q", d.Title, want)
	}
	if want := time.Date(2024, 10, 18, 0, 0, 0, 0, time.UTC); !d.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", d.Published, want)
	}
	if d.Publisher != "Telegraph" && d.Publisher != "The Telegraph" {
		t.Errorf("Publisher = %q, want (The) Telegraph", d.Publisher)
	}
	if len(d.Authors) != 1 || d.Authors[0] != "Liz Cookman" {
		t.Errorf("Authors = %q, want [Liz Cookman]", d.Authors)
	}
	if d.Standfirst == "" {
		t.Error("no standfirst")
	}
	if len(d.Header) != 3 {
		t.Errorf("Header has %d spans, want 3 (byline, date, publisher)", len(d.Header))
	}
	checkSpans(t, d.Text, d.Header)
	if !strings.HasPrefix(d.Text, d.Title+"\n\n") || strings.Contains(d.Text, "\u00a0\n") {
		t.Errorf("text not normalised: %q", d.Text[:200])
	}
}

func TestParseDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		in   string
		want time.Time
	}{
		{"18 October 2024", day(2024, 10, 18)},
		{"October 18, 2024", day(2024, 10, 18)},
		{"Oct. 18, 2024", day(2024, 10, 18)},
		{"2024-10-18", day(2024, 10, 18)},
		{"2024-10-18T06:30:00Z", day(2024, 10, 18)},
		{"Fri 18 Oct 2024", day(2024, 10, 18)},
		{"Friday, October 18, 2024", day(2024, 10, 18)},
		{"Fri 18 Oct 2024 06.00 BST", day(2024, 10, 18)},
		{"October 18, 2024 5:12 p.m. ET", day(2024, 10, 18)},
		{"18/10/2024", day(2024, 10, 18)},
		{"10/18/2024", day(2024, 10, 18)},
		{"05/06/2024", day(2024, 6, 5)}, // ambiguous: day first
		{"18.10.2024", day(2024, 10, 18)},
		{"Published: 18th of October 2024", day(2024, 10, 18)},
		{"Updated 18 Sept 2024, 10:32", day(2024, 9, 18)},
		{"1 May 2024", day(2024, 5, 1)},
		{"18 October 2024.", time.Time{}},
		{"31 February 2024", time.Time{}},
		{"18 October", time.Time{}},
		{"October 2024", time.Time{}},
		{"On 18 October 2024 the troops arrived", time.Time{}},
		{"Liz Cookman", time.Time{}},
		{"13/13/2024", time.Time{}},
		{"2024", time.Time{}},
		{"", time.Time{}},
	} {
		got, ok := ParseDate(tc.in)
		if ok != !tc.want.IsZero() || !got.Equal(tc.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tc.in, got, ok, tc.want)
		}
	}
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		in      string
		kind    kind
		authors []string
	}{
		{"Liz Cookman", name, []string{"Liz Cookman"}},
		{"By Liz Cookman", byline, []string{"Liz Cookman"}},
		{"By Jane Doe and John Roe", byline, []string{"Jane Doe", "John Roe"}},
		{"Jane Doe, John Roe & Ann Poe", byline, []string{"Jane Doe", "John Roe", "Ann Poe"}},
		{"By Ursula von der Leyen", byline, []string{"Ursula von der Leyen"}},
		{"By J.R. Hartley in Kyiv", byline, []string{"J.R. Hartley"}},
		{"By Jane Doe, Chief Political Correspondent", byline, []string{"Jane Doe"}},
		{"By Jane Doe, Kyiv", byline, []string{"Jane Doe"}},
		{"Jane Doe and John Roe, Seoul", byline, []string{"Jane Doe", "John Roe"}},
		{"By Jane Doe, 18 October 2024", byline, []string{"Jane Doe"}},
		{"Telegraph", publisher, nil},
		{"The Guardian", publisher, nil},
		{"BBC News", publisher, nil},
		{"Reuters", publisher, nil},
		{"By Reuters", publisher, nil},
		{"Kyiv Post", publisher, nil},
		{"herald.example", publisher, nil},
		{"18 October 2024", dateLine, nil},
		{"Video footage posted online shows dozens of soldiers", prose, nil},
		{"Detailed satellite images", prose, nil},
		{"It was a quiet day.", prose, nil},
		{"The troops arrived", prose, nil},
		{"Advertisement", prose, nil},
		{"Read More: Ceasefire", prose, nil},
	} {
		parts := classify(tc.in)
		got := prose
		var authors []string
		if len(parts) == 1 {
			got = parts[0].kind
			authors = parts[0].authors
		}
		if got != tc.kind || strings.Join(authors, "|") != strings.Join(tc.authors, "|") {
			t.Errorf("classify(%q) = %v %q; want %v %q", tc.in, got, authors, tc.kind, tc.authors)
		}
	}
}

func TestFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		name, in            string
		title, pub, authors string
		date                string
	}{
		{"single author", "---\ntitle: A\nauthor: Jane Doe\ndate: 2024-10-18T09:00:00+09:00\nsource: Kyiv Post\n---\nA\n\nBody text here.", "A", "Kyiv Post", "Jane Doe", "2024-10-18"},
		{"authors as objects", "---\ntitle: A\nauthors: [{name: Jane Doe}, {name: John Roe}]\ndate: 18 October 2024\n---\nBody.", "A", "", "Jane Doe|John Roe", "2024-10-18"},
		{"broken yaml", "---\ntitle: [unclosed\n---\nHeadline here\n\nBody text.", "Headline here", "", "", ""},
		{"no closing", "---\nHeadline here\n\nBody text.", "", "", "", ""},
		{"crlf", "---\r\ntitle: T\r\n---\r\nBody text.", "T", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read([]byte(tc.in), "x")
			if err != nil {
				t.Fatal(err)
			}
			date := ""
			if !d.Published.IsZero() {
				date = d.Published.Format(time.DateOnly)
			}
			if d.Title != tc.title || d.Publisher != tc.pub || strings.Join(d.Authors, "|") != tc.authors || date != tc.date {
				t.Errorf("got %q %q %q %q; want %q %q %q %q", d.Title, d.Publisher, d.Authors, date, tc.title, tc.pub, tc.authors, tc.date)
			}
			if strings.Contains(d.Text, "title:") {
				t.Errorf("front matter left in the text: %q", d.Text)
			}
		})
	}
}

func TestEmpty(t *testing.T) {
	for _, in := range []string{"", "   \n\n\t", "\u00a0\n\u00a0"} {
		if _, err := Read([]byte(in), "x"); err != ErrEmpty {
			t.Errorf("Read(%q) error = %v, want ErrEmpty", in, err)
		}
	}
}

// FuzzRead looks for panics and broken invariants in the header parser:
// spans must be whole lines of the final text and the text normalised.
func FuzzRead(f *testing.F) {
	inputs, _ := filepath.Glob("testdata/header/*.[tm][xd]*")
	for _, in := range inputs {
		if src, err := os.ReadFile(in); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("---\ntitle: x\n---\n"))
	f.Add([]byte("By \xff\xfe\n18/10/2024\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Read(src, "fuzz")
		if err != nil {
			return
		}
		checkSpans(t, d.Text, d.Header)
		if document.Normalize(d.Text) != d.Text {
			t.Errorf("text not normalised")
		}
		if d.Hash != document.Hash(d.Text) {
			t.Errorf("hash not of the text")
		}
	})
}
