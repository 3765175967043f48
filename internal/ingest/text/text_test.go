package text

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
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
	"seed-shape":                    "the seed's shape: title, standfirst, bare name, date, masthead, each a paragraph, a line of no-break spaces, a body with a title-case subheading",
	"by-two-authors":                `a "By" byline with two authors, an American date and a wire agency, lines not separated by blank lines`,
	"us-numeric-date":               "a numeric date that can only be month first; a weekday-led date with a time after it; the first date wins",
	"no-header-prose":               "no header, the first line a sentence: no title",
	"no-header-headline":            "no header, the first line a headline: it is the title",
	"front-matter":                  "YAML front matter holds the metadata; the title is put at the head of the text",
	"publisher-first":               "masthead before the date, byline with a role and a place after it",
	"one-line-header":               "byline, date and masthead on one line with separators",
	"no-title":                      "the text opens with its header block: no title",
	"title-case-headline":           "a title-case headline stays the title; the bare name after it is confirmed by the date line",
	"markdown-heading":              "a Markdown heading as the title, a day-first numeric date",
	"subheading-not-byline":         "a title-case line with no date or masthead near it is no byline",
	"wire-stamp":                    "a US wire stamp (month first: a time of day comes with it) as the first line, then an AP dateline: no title, the agency as publisher",
	"archive-stamp":                 "a YYYYMMDD archive stamp as the first line: no title",
	"two-digit-year":                "an MM/DD/YY stamp: month first, 89 is 1989",
	"dateline-no-year":              "a date line and a Xinhua-style dateline without a year: the year from a full date in the body, the agency as publisher",
	"wire-2025-03-20-dateline-only": "a dateline opening the body and nothing else: the year from the file name, the agency as publisher, no title",
	"ambiguous-british":             "a lone 05/06/2024 in an article spelt the British way: 5 June",
	"ambiguous-american":            "a lone 05/06/2024 in an article spelt the American way: 6 May",
	"title-with-stop":               "a title-case headline with a full stop after it, as some feeds print it: the title, without the stop",
	"title-before-dateline":         "a sentence-case headline with a full stop, before a wire dateline: the title",
	"ambiguous-updated":             "a lone 04/05/2024 before an update line of 6 April: 4 May would come after its update, so 5 April",
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
	// PublishedFrom says where the publication day was read.
	PublishedFrom string   `json:"published_from,omitempty"`
	Dateline      string   `json:"dateline,omitempty"`
	Header        []string `json:"header"`
	FirstLine     string   `json:"first_line"`
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
			d, from, err := read(src, in)
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, d.Text, d.Header)
			got := summarise(d)
			if from != fromNone {
				got.PublishedFrom = from.String()
			}
			if dl := readHead(d.Text, time.Time{}).dateline; dl.place != "" {
				got.Dateline = fmt.Sprintf("%s | %s | %d-%02d-%02d", dl.place, dl.agency, dl.year, dl.month, dl.day)
			}
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
		// Stamps of wire services and news archives: month first.
		{"10/26/89", day(1989, 10, 26)},
		{"02/25/91", day(1991, 2, 25)},
		{"08-15-90 1337EDT", day(1990, 8, 15)},
		{"03/01/1998 14:11:00", day(1998, 3, 1)},
		{"12/05/1998 09:42:00", day(1998, 12, 5)},
		{"18/10/2024 10:32", day(2024, 10, 18)}, // the order is plain
		{"19980108", day(1998, 1, 8)},
		{"980120", day(1998, 1, 20)},
		{"1998-10-25 21:57", day(1998, 10, 25)},
		{"1999-02-16 12:55:33", day(1999, 2, 16)},
		{"Tuesday, December 3, 1991", day(1991, 12, 3)},
		{"Monday 05/06/2024", day(2024, 5, 6)}, // the weekday settles the order
		{"Wednesday 05/06/2024", day(2024, 6, 5)},
		{"Friday 05/06/2024", time.Time{}},
		{"19981301", time.Time{}},
		{"123456", time.Time{}},
		{"1234567", time.Time{}},
		{"August 7", time.Time{}},
		{"08-15-90 1337 apples", time.Time{}},
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
		{"Council delays vote on harbour centre", prose, nil},
		{"Ministry of Defence", publisher, nil},
		{"August 7", dateLine, nil},
		{"10/26/89", dateLine, nil},
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

func TestFileNameDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"northwind-2025-03-20-volunteers.txt", "2025-03-20"},
		{"corpus/demo/herald-2025-04-02-deadline-passes.txt", "2025-04-02"},
		{"breitbart_2016-09-12_stealth.txt", "2016-09-12"},
		{"2025_03_20_story.md", "2025-03-20"},
		{"APW19980807.0261.txt", "1998-08-07"},
		{"NYT19980206.0460", "1998-02-06"},
		{"ABC19980108.1830.0711.txt", "1998-01-08"},
		{"ea980120.1830.0071.txt", "1998-01-20"},
		{"AP900815-0044.txt", "1990-08-15"},
		{"WSJ910225-0066.txt", "1991-02-25"},
		{"20250320-story.txt", "2025-03-20"},
		{"https://news.example/world/2025-03-20-ferry?ref=rss", "2025-03-20"},
		{"wsj_1042.txt", ""},
		{"story-123456.txt", ""}, // six digits with no source code before them
		{"report-2025-13-40.txt", ""},
		{"v20250320x.txt", ""},
		{"-", ""},
		{"", ""},
	} {
		got := ""
		if d, ok := fileNameDate(tc.in); ok {
			got = d.Format(time.DateOnly)
		}
		if got != tc.want {
			t.Errorf("fileNameDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDateline(t *testing.T) {
	for _, tc := range []struct {
		in, place, agency string
		month             time.Month
		day, year         int
	}{
		{"WASHINGTON (AP) — The Latest on the race:", "WASHINGTON", "AP", 0, 0, 0},
		{"KESTRIN, Valdoria (AP)_ Harbour pilots refused", "KESTRIN", "AP", 0, 0, 0},
		{"THE HAGUE, Netherlands (AP)_ The court ruled", "THE HAGUE", "AP", 0, 0, 0},
		{"O'SMACH, Cambodia (AP)_ The commander said", "O'SMACH", "AP", 0, 0, 0},
		{"NEW YORK _ A woman was killed", "NEW YORK", "", 0, 0, 0},
		{"NEWARK, N.J. _ A task force began", "NEWARK", "", 0, 0, 0},
		{"HEMPSTEAD, N.Y., Sept. 26 (UPI) — The candidate was removed", "HEMPSTEAD", "UPI", 9, 26, 0},
		{"HAVANA, August 7 (Xinhua) --", "HAVANA", "Xinhua", 8, 7, 0},
		{"LARNHOLT, March 20 (Northwind Wire) - Morvenia has been sending", "LARNHOLT", "Northwind Wire", 3, 20, 0},
		{"LARNHOLT, March 20, 2025 (Northwind Wire) - Morvenia", "LARNHOLT", "Northwind Wire", 3, 20, 2025},
		{"Washington (CNN) — The Senate voted", "Washington", "CNN", 0, 0, 0},
		{"ST. LOUIS — The river rose", "ST. LOUIS", "", 0, 0, 0},
	} {
		dl, ok := readDateline(tc.in)
		if !ok || dl.place != tc.place || dl.agency != tc.agency || dl.month != tc.month || dl.day != tc.day || dl.year != tc.year {
			t.Errorf("readDateline(%q) = %+v, %v; want %s (%s) %d-%d-%d", tc.in, dl, ok, tc.place, tc.agency, tc.year, tc.month, tc.day)
		}
	}
	for _, in := range []string{
		"MALAYSIA's aggressive move into the information age could not come at a better time.",
		"Washington — The Senate voted", // ordinary capitals need an agency
		"BREAKING — Talks collapse",
		"The ministry said - in a statement - that talks had failed.",
		"NATO said. Then - nothing.",
		"Cranes stood idle at Port Aldane on Friday.",
		"\"We will stay out,\" said Anton Reyes - the union's secretary.",
		"HAVANA, August 7 (the ministry said) --",
	} {
		if dl, ok := readDateline(in); ok {
			t.Errorf("readDateline(%q) = %+v; want none", in, dl)
		}
	}
}

// TestPublishedFrom checks where the publication day comes from when the
// text says less than a date line would.
func TestPublishedFrom(t *testing.T) {
	for _, tc := range []struct{ name, origin, in, want, from string }{
		{"file name last", "northwind-2025-03-20-volunteers.txt", "Volunteers cross the border\n\nOfficials said on Thursday that 300 had crossed.", "2025-03-20", "file name"},
		{"text before file name", "northwind-2025-03-20-volunteers.txt", "Volunteers cross\n\n21 March 2025\n\nOfficials said 300 had crossed.", "2025-03-21", "date line"},
		{"stamp settled by file name", "APW19980301.0720.txt", "03/01/1998 14:11:00\n\nJERUSALEM (AP)_ Officials said on Sunday that talks would resume.", "1998-03-01", "date line"},
		{"dateline year from file name", "XIE19980808.0188.txt", "Blasts condemned\n\nHAVANA, August 7 (Xinhua) --\n\nThe government on Friday condemned the blasts.", "1998-08-07", "dateline"},
		{"dateline year across new year", "XIE19990102.0001.txt", "Year ends quietly\n\nHAVANA, December 31 (Xinhua) --\n\nThe capital was quiet.", "1998-12-31", "dateline"},
		{"dateline year from the body", "-", "LARNHOLT, March 20 (Northwind Wire) - The ferry crossed again, a month after the closure of February 19, 2025.", "2025-03-20", "dateline"},
		{"no year anywhere", "-", "LARNHOLT, March 20 (Northwind Wire) - The ferry crossed again.", "", "none"},
		{"nothing", "notes.txt", "Some notes about the ferry.", "", "none"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, from, err := read([]byte(tc.in), tc.origin)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !d.Published.IsZero() {
				got = d.Published.Format(time.DateOnly)
			}
			if got != tc.want || from.String() != tc.from {
				t.Errorf("published %q from %s; want %q from %s", got, from, tc.want, tc.from)
			}
		})
	}
}

// FuzzDate looks for panics in the readers of date lines, datelines and
// file names.
func FuzzDate(f *testing.F) {
	for _, s := range []string{
		"18 October 2024", "10/26/89", "08-15-90 1337EDT", "03/01/1998 14:11:00", "19980108", "980120",
		"Monday 05/06/2024", "August 7", "HAVANA, August 7 (Xinhua) --", "WASHINGTON (AP) — The Latest",
		"HEMPSTEAD, N.Y., Sept. 26 (UPI) — x", "APW19980807.0261.txt", "a/b/northwind-2025-03-20-x.txt", "(",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := parseDateLine(s); ok && d.t.IsZero() {
			t.Errorf("parseDateLine(%q): ok with no date", s)
		}
		parseDayMonth(s)
		readDateline(s)
		fileNameDate(s)
		firstFullDate(s)
		spelling(s)
	})
}

func TestHeadline(t *testing.T) {
	for _, tc := range []struct {
		in    string
		title bool
	}{
		{"Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.", true},
		{"Politifact: Donald Trump Is Right, ‘Thousands of Shootings’ in Chicago this Year.", true},
		{"U.S. Air Raid, Bombings No Direct Links: FBI", true},
		{"The council voted on Tuesday to close the old bridge to lorries.", false},
		{"Cranes stood idle at Port Aldane on Friday.", false},
		{"Kyiv Says Talks Failed", true},
		{"Talks failed.", false},
	} {
		if got := titleCase(tc.in); got != tc.title {
			t.Errorf("titleCase(%q) = %v, want %v", tc.in, got, tc.title)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"Voters Abandon Republican Party.", "Voters Abandon Republican Party"},
		{"It’s ‘in Their Heads.’", "It’s ‘in Their Heads’"},
		{"Clinton leads in the U.S.", "Clinton leads in the U.S."},
		{"Shares fall at Acme Inc.", "Shares fall at Acme Inc."},
		{"Wait for it...", "Wait for it..."},
		{"No stop here", "No stop here"},
		{".", ""},
	} {
		if got := dropStop(tc.in); got != tc.want {
			t.Errorf("dropStop(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
