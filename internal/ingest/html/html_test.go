package html

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// meta is what a golden .json file pins down of a Document; the text goes
// to a .txt file beside it, to be read as text in a diff.
type meta struct {
	Title      string   `json:"title"`
	Standfirst string   `json:"standfirst,omitempty"`
	Authors    []string `json:"authors"`
	Publisher  string   `json:"publisher"`
	Published  string   `json:"published"`
	URL        string   `json:"url"`
	Language   string   `json:"language"`
	Header     []string `json:"header"`
}

// boilerplate is text of the fixtures' pages around the article, none of
// which may reach a Document.
var boilerplate = []string{
	"cookie", "Accept all", "Home", "Business", "Sport", "Related stories", "Ferry strike",
	"Port budget", "Navy drill", "Comments", "Sparrowhawk", "GullWatcher", "Copyright",
	"Privacy", "Terms of use", "Contact us", "injected by script", "track(", "dataLayer",
	"Front page", "Puzzles", "More from Ports", "Pilot shortage", "New quay", "Fish prices",
	"Quay Street", "About us", "Advertise", "Jobs", "font-family",
}

// TestGolden reads each page in testdata that has golden files beside it
// (NAME.json for the metadata, NAME.txt for the text). Run go test -update
// to rewrite them, then review the diff.
func TestGolden(t *testing.T) {
	// article: a news page with everything around it (nav, cookie banner,
	// related links, comments, footer, meta tags, JSON-LD); seed-wrapped:
	// an article like the seed with its metadata in the head; pasted-in-page:
	// the same with no metadata at all, its header lines as paragraphs.
	for _, name := range []string{"article", "seed-wrapped", "pasted-in-page"} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Read(src, Options{URL: "https://herald.example/x", Origin: name})
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range boilerplate {
				if strings.Contains(d.Text, b) {
					t.Errorf("boilerplate %q in the text", b)
				}
			}
			if !strings.HasPrefix(d.Text, d.Title+"\n\n") {
				t.Errorf("text does not start with the title paragraph: %q", d.Text[:min(80, len(d.Text))])
			}
			if d.Format != "html" || d.Origin != name || d.Hash != document.Hash(d.Text) {
				t.Errorf("Format %q Origin %q Hash %q", d.Format, d.Origin, d.Hash)
			}
			m := meta{Title: d.Title, Standfirst: d.Standfirst, Authors: d.Authors, Publisher: d.Publisher,
				URL: d.URL, Language: d.Language, Header: []string{}}
			if !d.Published.IsZero() {
				m.Published = d.Published.Format(time.DateOnly)
			}
			for _, h := range d.Header {
				m.Header = append(m.Header, d.Text[h.Start:h.End])
			}
			js, _ := json.MarshalIndent(m, "", "  ")
			golden(t, filepath.Join("testdata", name+".json"), append(js, '\n'))
			golden(t, filepath.Join("testdata", name+".txt"), []byte(d.Text+"\n"))
		})
	}
}

// TestSeedWrapped checks what the foundation issue asks of an article like
// the seed wrapped in a page: the same title and date as the pasted text.
func TestSeedWrapped(t *testing.T) {
	src, _ := os.ReadFile("testdata/seed-wrapped.html")
	d, err := Read(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Harbour cranes fall silent as Veskaran dock strike spreads"; d.Title != want {
		t.Errorf("Title = %q, want %q", d.Title, want)
	}
	if want := time.Date(2024, 10, 18, 0, 0, 0, 0, time.UTC); !d.Published.Equal(want) {
		t.Errorf("Published = %v, want %v", d.Published, want)
	}
	if d.Publisher != "Meridian Herald" || len(d.Authors) != 1 || d.Authors[0] != "Odile Marchetti" {
		t.Errorf("Publisher %q Authors %q", d.Publisher, d.Authors)
	}
	if d.URL != "https://herald.example/news/2024/10/18/dock-strike" {
		t.Errorf("URL = %q", d.URL)
	}
}

func TestNoText(t *testing.T) {
	for name, src := range map[string]string{
		"scripts":  mustRead(t, "testdata/scripts.html"),
		"empty":    "",
		"bare":     "<html><body></body></html>",
		"caption":  "<html><head><title>Photo</title></head><body><p>Photo: Reuters</p></body></html>",
		"only nav": `<html><body><nav><a href="/">Home</a><a href="/a">About</a></nav></body></html>`,
	} {
		t.Run(name, func(t *testing.T) {
			d, err := Read([]byte(src), Options{})
			if !errors.Is(err, ErrNoText) {
				t.Errorf("got %v, %v; want ErrNoText", d, err)
			}
		})
	}
}

func TestCharset(t *testing.T) {
	para := "<p>" + strings.Repeat("The harbour master counted the boats one by one from the tower. ", 8) + "</p>"
	for _, tc := range []struct {
		name, ct string
		src      []byte
	}{
		// Windows-1252 bytes (é is 0xE9), declared in a <meta>.
		{"meta latin1", "", []byte("<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 reopens</title></head><body>" + para + "<p>The caf\xe9 reopened.</p></body></html>")},
		// The same, declared only in the Content-Type header.
		{"header latin1", "text/html; charset=iso-8859-1", []byte("<html><head><title>Caf\xe9 reopens</title></head><body>" + para + "<p>The caf\xe9 reopened.</p></body></html>")},
		// UTF-8 with no declaration and the first non-ASCII byte past the
		// first kilobyte, where charset.DetermineEncoding would guess 1252.
		{"late utf8", "", []byte("<html><head><title>Café reopens</title></head><body>" + para + strings.Repeat(" ", 1200) + "<p>The café reopened.</p></body></html>")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(tc.src, Options{ContentType: tc.ct})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(d.Text, "The café reopened.") || d.Title != "Café reopens" {
				t.Errorf("Title %q, text %q", d.Title, d.Text)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	got := Fragment(`<p>One <b>bold</b> word.</p><ul><li>First</li><li>Second</li></ul>text<br>after a break<blockquote>Quoted</blockquote><script>x()</script><table><tr><td>a</td><td>b</td></tr></table>`)
	want := "One bold word.\n\nFirst\n\nSecond\n\ntext\nafter a break\n\nQuoted\n\na | b"
	if got != want {
		t.Errorf("Fragment:\n%q\nwant\n%q", got, want)
	}
}

func mustRead(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test -update to create it", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs:\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// FuzzRead looks for panics in page reading, seeded with the fixtures.
// Minimising a new input costs trafilatura thousands of runs, so run it
// as go test -fuzz=FuzzRead -fuzzminimizetime=0s -fuzztime=20s, or the
// fuzzer spends its time minimising rather than exploring.
func FuzzRead(f *testing.F) {
	pages, _ := filepath.Glob("testdata/*.html")
	for _, p := range pages {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("<p>\xff\xfe</p>"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Read(src, Options{URL: "https://example.com/a"})
		if err != nil {
			return
		}
		if d.Text == "" || document.Normalize(d.Text) != d.Text {
			t.Errorf("bad text %q", d.Text)
		}
		for _, h := range d.Header {
			if h.Start < 0 || h.End > len(d.Text) || h.Start >= h.End {
				t.Errorf("bad span %v", h)
			}
		}
	})
}
