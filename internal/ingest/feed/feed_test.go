package feed

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/fetch"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/html"
)

func readAll(t *testing.T, src []byte, opts Options) ([]*document.Document, []error) {
	t.Helper()
	var docs []*document.Document
	var errs []error
	for d, err := range Read(context.Background(), src, opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestFullContent(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []struct {
			title, url, authors, text string
			published                 time.Time
		}
		publisher, lang string
	}{
		{
			file: "rss-full.xml", publisher: "Harbour Times", lang: "en-gb",
			want: []struct {
				title, url, authors, text string
				published                 time.Time
			}{
				{"Storm closes the ferry for a second week", "https://harbour.example/news/storm-ferry", "Maren Holt",
					"Storm closes the ferry for a second week\n\nThe island ferry will stay in port for a second week, the operator said on Tuesday, as the storm showed no sign of easing.\n\n\"Safety comes first,\" a spokesman said. About 300 residents rely on the crossing.",
					day(2024, 5, 14)},
				{"Fish prices rise & markets thin out", "https://harbour.example/news/fish-prices", "Ivo Lind",
					"Fish prices rise & markets thin out\n\nFish prices rose for the third week running, traders said, as fewer boats went out.",
					day(2024, 5, 13)},
			},
		},
		{
			file: "atom.xml", publisher: "Coastal Observer Mission: reports", lang: "en",
			want: []struct {
				title, url, authors, text string
				published                 time.Time
			}{
				{"Daily report: 40 explosions recorded near the Ostrava line", "https://observer.example/reports/2024-06-01", "Ilse Varga|Tomas Ferrante",
					"Daily report: 40 explosions recorded near the Ostrava line\n\nMonitors recorded at least 40 explosions overnight near the Ostrava line, the mission said in its daily report.\n\nNeither side has commented.",
					day(2024, 6, 1)},
			},
		},
	} {
		t.Run(tc.file, func(t *testing.T) {
			// Pages are never fetched for items that carry their article.
			opts := Options{Origin: tc.file, URL: "https://harbour.example/feed.xml",
				FetchPage: func(context.Context, string) (*document.Document, error) {
					t.Error("fetched a page for a full item")
					return nil, errors.New("no")
				}}
			docs, errs := readAll(t, mustRead(t, filepath.Join("testdata", tc.file)), opts)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if len(docs) != len(tc.want) {
				t.Fatalf("%d documents, want %d", len(docs), len(tc.want))
			}
			for i, w := range tc.want {
				d := docs[i]
				if d.Title != w.title || d.URL != w.url || strings.Join(d.Authors, "|") != w.authors ||
					d.Text != w.text || !d.Published.Equal(w.published) {
					t.Errorf("item %d:\n got %q %q %q %v\n%q\nwant %q %q %q %v\n%q", i, d.Title, d.URL, d.Authors, d.Published, d.Text,
						w.title, w.url, w.authors, w.published, w.text)
				}
				if d.Publisher != tc.publisher || d.Language != tc.lang || d.Format != "feed" ||
					d.Origin != tc.file+"#"+w.url || d.Hash != document.Hash(d.Text) {
					t.Errorf("item %d: Publisher %q Language %q Format %q Origin %q", i, d.Publisher, d.Language, d.Format, d.Origin)
				}
			}
		})
	}
}

// page is an article page for an item that carries only a summary.
const page = `<!doctype html><html lang="en"><head><title>%s</title>
<meta property="og:site_name" content="The Meridian Herald">
<meta name="author" content="Tomas Ferrante">
<meta property="article:published_time" content="2024-03-14T07:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>%[1]s</h1>
<p>At least 40 drones crossed the bay of Port Aldane overnight, according to the harbour authority, as a naval group sailed south along the coast.</p>
<p>Mirela Quist, the harbour master, said the drones had flown in two waves. "We counted them one by one from the tower," she told reporters.</p>
</article><footer>Copyright Meridian Herald</footer></body></html>`

func TestSummaryFetchesPage(t *testing.T) {
	var fetched []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched = append(fetched, r.URL.Path)
		switch r.URL.Path {
		case "/world/drones":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, page, "Drones seen over Port Aldane as navy sails south")
		case "/world/ferry":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, page, "Ferry strike ends after nine days of talks")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	src := []byte(strings.ReplaceAll(string(mustRead(t, "testdata/rss-summary.xml")), "BASE", srv.URL))

	fetchPage := func(ctx context.Context, link string) (*document.Document, error) {
		resp, err := fetch.Get(ctx, link, fetch.Config{Client: srv.Client()})
		if err != nil {
			return nil, err
		}
		return html.Read(resp.Body, html.Options{URL: resp.URL, ContentType: resp.ContentType, Origin: link})
	}

	t.Run("fetch", func(t *testing.T) {
		fetched = nil
		docs, errs := readAll(t, src, Options{Origin: "summary.xml", FetchPage: fetchPage})
		if !slices.Equal(fetched, []string{"/world/drones", "/world/removed", "/world/ferry"}) {
			t.Errorf("fetched %q", fetched)
		}
		if len(docs) != 2 {
			t.Fatalf("%d documents", len(docs))
		}
		d := docs[0]
		if d.Title != "Drones seen over Port Aldane as navy sails south" || !strings.Contains(d.Text, "Mirela Quist") ||
			d.Publisher != "The Meridian Herald" || strings.Join(d.Authors, "") != "Tomas Ferrante" ||
			d.Format != "feed" || d.Origin != "summary.xml#"+srv.URL+"/world/drones" || strings.Contains(d.Text, "Copyright") {
			t.Errorf("page document: %+v", d)
		}
		// The failing item is reported with its link, and reading went on.
		var ie *ItemError
		var se *fetch.StatusError
		if len(errs) != 1 || !errors.As(errs[0], &ie) || ie.Item != srv.URL+"/world/removed" || !errors.As(errs[0], &se) || se.Code != 404 {
			t.Errorf("errors %v", errs)
		}
	})
	t.Run("no fetch", func(t *testing.T) {
		fetched = nil
		docs, errs := readAll(t, src, Options{Origin: "summary.xml"})
		if len(errs) > 0 || len(docs) != 3 || len(fetched) > 0 {
			t.Fatalf("docs %d errs %v fetched %q", len(docs), errs, fetched)
		}
		d := docs[0]
		want := "Drones seen over Port Aldane\n\nHarbour officials say at least 40 drones crossed the bay overnight."
		if d.Text != want || d.Publisher != "Meridian Herald: World" || !d.Published.Equal(day(2024, 3, 14)) || d.URL != srv.URL+"/world/drones" {
			t.Errorf("summary document: %+v", d)
		}
	})
}

func TestNotFeed(t *testing.T) {
	for name, src := range map[string][]byte{
		"broken":  mustRead(t, "testdata/broken.xml"),
		"html":    []byte("<html><body><p>hello</p></body></html>"),
		"empty":   nil,
		"garbage": []byte("\x00\x01\x02"),
	} {
		t.Run(name, func(t *testing.T) {
			docs, errs := readAll(t, src, Options{})
			if len(docs) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrNotFeed) {
				t.Fatalf("docs %d errs %v", len(docs), errs)
			}
		})
	}
}

func TestEmptyItem(t *testing.T) {
	src := []byte(`<rss version="2.0"><channel><title>T</title><item><title></title></item><item><title>Only a title</title><link>https://x.example/a</link></item></channel></rss>`)
	docs, errs := readAll(t, src, Options{Origin: "f"})
	if len(docs) != 0 || len(errs) != 2 || !errors.Is(errs[0], ErrNoText) || !errors.Is(errs[1], ErrNoText) {
		t.Fatalf("docs %d errs %v", len(docs), errs)
	}
	var ie *ItemError
	if !errors.As(errs[0], &ie) || ie.Item != "item 1" {
		t.Errorf("first error %v", errs[0])
	}
}

// FuzzRead looks for panics in feed parsing, seeded with the fixtures.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.xml")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for d, err := range Read(context.Background(), src, Options{Origin: "fuzz"}) {
			if err == nil && (d == nil || d.Text == "" || d.Hash != document.Hash(d.Text)) {
				t.Fatalf("bad document %+v", d)
			}
		}
	})
}
