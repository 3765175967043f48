package ingest

import (
	"bytes"
	"compress/gzip"
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
)

// collect reads one input to the end.
func collect(t *testing.T, input string, cfg Config) ([]*document.Document, []error) {
	t.Helper()
	var docs []*document.Document
	var errs []error
	for d, err := range Read(context.Background(), input, cfg) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if d == nil || d.Hash != document.Hash(d.Text) {
			t.Fatalf("bad document %+v", d)
		}
		docs = append(docs, d)
	}
	return docs, errs
}

// write creates a file under dir with the given content.
func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func testdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkLine checks that err is an *Error whose message is one line, names
// the input, and says what to do after a semicolon.
func checkLine(t *testing.T, err error, input string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%T %v is no *Error", err, err)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, input+": ") || !strings.Contains(msg, "; ") {
		t.Errorf("message %q: want one line, %q first, then a problem and what to do", msg, input)
	}
	if rest := strings.TrimPrefix(msg, input); strings.Contains(rest, "ingest:") || strings.Contains(rest, "html:") {
		t.Errorf("message %q shows internal prefixes", msg)
	}
}

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	text := write(t, dir, "pasted.txt", testdata(t, "pasted.txt"))
	page := write(t, dir, "page.html", testdata(t, "page.html"))
	pageAsTxt := write(t, dir, "saved-page.txt", testdata(t, "page.html")) // bytes decide, not names
	latin1 := write(t, dir, "latin1.txt", testdata(t, "latin1.txt"))
	damaged := write(t, dir, "damaged.txt", testdata(t, "damaged-utf8.txt"))
	gzText := write(t, dir, "pasted.txt.gz", gzipped(testdata(t, "pasted.txt")))
	feed := write(t, dir, "feed.rss", bytes.ReplaceAll(testdata(t, "feed.rss"), []byte("BASE"), []byte("https://herald.example")))

	for _, tc := range []struct {
		input, title, contains, format string
		n                              int
	}{
		{text, "Harbour cranes fall silent as dock strike spreads", "Anton Reyes", "text", 1},
		{page, "Drones seen over Port Aldane", "Mirela Quist", "html", 1},
		{pageAsTxt, "Drones seen over Port Aldane", "Mirela Quist", "html", 1},
		{latin1, "", "François Lemaire met the café owners", "text", 1},
		{damaged, "", "the mayor’s office said the café would reopen \uFFFD on Monday", "text", 1},
		{gzText, "Harbour cranes fall silent as dock strike spreads", "Anton Reyes", "text", 1},
		{feed, "Drones seen over Port Aldane", "40 drones crossed the bay", "feed", 2},
	} {
		t.Run(filepath.Base(tc.input), func(t *testing.T) {
			docs, errs := collect(t, tc.input, Config{})
			if len(errs) > 0 || len(docs) != tc.n {
				t.Fatalf("docs %d errs %v", len(docs), errs)
			}
			d := docs[0]
			if d.Title != tc.title || !strings.Contains(strings.ToLower(d.Text), strings.ToLower(tc.contains)) || d.Format != tc.format {
				t.Errorf("Title %q Format %q Text %q", d.Title, d.Format, d.Text)
			}
			if tc.format != "feed" && d.Origin != tc.input {
				t.Errorf("Origin %q", d.Origin)
			}
		})
	}
}

// TestBadInput feeds every kind of bad input the foundation issue lists
// and checks each gives one error line naming the input and the problem.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	// Sparse: 200 MB on paper, no disk used; refused before reading.
	if err := os.Truncate(big, 200<<20); err != nil {
		t.Fatal(err)
	}
	unreachable := httptest.NewServer(http.NotFoundHandler())
	unreachable.Close()

	for _, tc := range []struct {
		name, input string
		want        error
		message     string // the whole line, when pinned down
	}{
		{name: "binary", input: write(t, dir, "data.bin", []byte("\x00\x01\x02\x03binary\x00\xff\xfe\x10\x11")), want: ErrBinary,
			message: "data.bin: binary data, not text (application/octet-stream); give crosscheck text, HTML, a feed or a WARC file"},
		{name: "pdf", input: write(t, dir, "report.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")), want: ErrUnsupportedType,
			message: "report.pdf: not a text or HTML document (application/pdf); convert it to text or HTML first"},
		{name: "png named html", input: write(t, dir, "photo.html", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), want: ErrUnsupportedType},
		{name: "empty", input: write(t, dir, "empty.txt", nil), want: ErrEmpty,
			message: "empty.txt: empty (0 bytes); check that it was saved or downloaded completely"},
		{name: "white space", input: write(t, dir, "blank.txt", []byte(" \n\t\n\u00a0\n")), want: ErrEmpty},
		{name: "200 MB", input: big, want: ErrTooLarge,
			message: "big.txt: too large (200 MiB, the limit is 32 MiB); split it, or raise the size limit"},
		{name: "missing", input: filepath.Join(dir, "nope.txt"), want: ErrNotFound,
			message: "nope.txt: no such file or folder; check the path"},
		{name: "unreachable", input: unreachable.URL + "/story", want: ErrUnreachable,
			message: unreachable.URL + "/story: cannot reach the server (connection refused); check the address and the network connection"},
		{name: "broken feed", input: write(t, dir, "broken.rss", testdata(t, "broken.rss")), want: ErrBadFeed},
		{name: "other xml", input: write(t, dir, "sitemap.xml", []byte(`<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>`)), want: ErrUnsupportedType,
			message: "sitemap.xml: not a text or HTML document (XML (<urlset>), not an RSS or Atom feed); convert it to text or HTML first"},
		{name: "scripts", input: write(t, dir, "scripts.html", testdata(t, "scripts.html")), want: ErrNoText,
			message: "scripts.html: no article text found; if the page needs JavaScript, save it from a browser or paste its text into a .txt file"},
		{name: "not warc", input: write(t, dir, "fake.warc", []byte("WARC/1.1\r\nno colon\r\n\r\n")), want: ErrBadWARC},
		{name: "bad gzip", input: write(t, dir, "x.warc.gz", []byte("\x1f\x8b\x08garbage")), want: ErrBinary},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			docs, errs := collect(t, tc.input, Config{})
			if len(docs) != 0 || len(errs) != 1 {
				t.Fatalf("docs %d errs %v", len(docs), errs)
			}
			err := errs[0]
			if !errors.Is(err, tc.want) {
				t.Errorf("error %q is not %v", err, tc.want)
			}
			base := tc.input
			if !strings.HasPrefix(base, "http") {
				base = filepath.Base(base)
			}
			checkLine(t, err, tc.input)
			if tc.message != "" && err.Error() != filepath.Join(filepath.Dir(tc.input), tc.message) && err.Error() != tc.message {
				t.Errorf("message\n%q\nwant\n%q", err.Error(), tc.message)
			}
			if time.Since(start) > 5*time.Second {
				t.Errorf("took %v", time.Since(start))
			}
		})
	}
}

// warcRecord is one WARC response record holding an HTML page.
func warcRecord(uri, page string) string {
	httpBlock := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(page), page)
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-15T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		uri, len(httpBlock), httpBlock)
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestWARC(t *testing.T) {
	dir := t.TempDir()
	page := string(testdata(t, "page.html"))
	scripts := string(testdata(t, "scripts.html"))
	recs := []string{warcRecord("https://herald.example/a", page), warcRecord("https://herald.example/app", scripts), warcRecord("https://herald.example/b", page)}
	var members []byte
	for _, r := range recs {
		members = append(members, gzipped([]byte(r))...)
	}
	whole := write(t, dir, "crawl.warc.gz", members)
	// Big records: a WARC file is streamed, so its size is no limit.
	docs, errs := collect(t, whole, Config{MaxBytes: 4096})
	if len(docs) != 2 || len(errs) != 1 {
		t.Fatalf("docs %d errs %v", len(docs), errs)
	}
	if docs[0].Origin != whole+"#https://herald.example/a" || docs[0].Format != "warc" {
		t.Errorf("Origin %q", docs[0].Origin)
	}
	// The failing record is named by the archive and its URI.
	checkLine(t, errs[0], whole+"#https://herald.example/app")
	if !errors.Is(errs[0], ErrNoText) {
		t.Errorf("error %v", errs[0])
	}

	plain := strings.Join(recs, "")
	cut := write(t, dir, "cut.warc", []byte(plain[:len(plain)-len(recs[2])/2]))
	docs, errs = collect(t, cut, Config{})
	if len(docs) != 1 || len(errs) != 2 || !errors.Is(errs[1], ErrTruncated) {
		t.Fatalf("docs %d errs %v", len(docs), errs)
	}
	checkLine(t, errs[1], cut)
}

func TestURL(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/page":
			w.Header().Set("Content-Type", "text/html")
			w.Write(testdata(t, "page.html"))
		case "/latin1":
			// The charset is only in the header.
			w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
			w.Write(testdata(t, "latin1.txt"))
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(bytes.ReplaceAll(testdata(t, "feed.rss"), []byte("BASE"), []byte(srv.URL)))
		case "/world/drones":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(testdata(t, "page.html"))
		case "/report.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			w.Write([]byte("%PDF-1.7"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cfg := Config{Client: srv.Client(), FetchFeedPages: true}

	docs, errs := collect(t, srv.URL+"/page", cfg)
	if len(errs) > 0 || len(docs) != 1 || docs[0].Title != "Drones seen over Port Aldane" || docs[0].URL != srv.URL+"/page" {
		t.Fatalf("page: docs %v errs %v", docs, errs)
	}
	docs, errs = collect(t, srv.URL+"/latin1", cfg)
	if len(errs) > 0 || len(docs) != 1 || !strings.Contains(docs[0].Text, "François") {
		t.Fatalf("latin1: docs %v errs %v", docs, errs)
	}
	docs, errs = collect(t, srv.URL+"/feed", cfg)
	if len(docs) != 1 || !strings.Contains(docs[0].Text, "Mirela Quist") || len(errs) != 1 {
		t.Fatalf("feed: docs %v errs %v", docs, errs)
	}
	checkLine(t, errs[0], srv.URL+"/feed#"+srv.URL+"/world/removed")
	if !errors.Is(errs[0], ErrHTTP) || !strings.Contains(errs[0].Error(), "HTTP 404 Not Found; check the address") {
		t.Errorf("feed item error %q", errs[0])
	}
	_, errs = collect(t, srv.URL+"/report.pdf", cfg)
	if len(errs) != 1 || !errors.Is(errs[0], ErrUnsupportedType) {
		t.Fatalf("pdf: errs %v", errs)
	}
	checkLine(t, errs[0], srv.URL+"/report.pdf")
	_, errs = collect(t, srv.URL+"/missing", cfg)
	if len(errs) != 1 || !errors.Is(errs[0], ErrHTTP) {
		t.Fatalf("404: errs %v", errs)
	}
	checkLine(t, errs[0], srv.URL+"/missing")
}

func TestStdin(t *testing.T) {
	for name, tc := range map[string]struct {
		in, title, format string
	}{
		"text": {string(testdata(t, "pasted.txt")), "Harbour cranes fall silent as dock strike spreads", "text"},
		"html": {string(testdata(t, "page.html")), "Drones seen over Port Aldane", "html"},
	} {
		t.Run(name, func(t *testing.T) {
			docs, errs := collect(t, "-", Config{Stdin: strings.NewReader(tc.in)})
			if len(errs) > 0 || len(docs) != 1 {
				t.Fatalf("docs %d errs %v", len(docs), errs)
			}
			if docs[0].Title != tc.title || docs[0].Format != tc.format || docs[0].Origin != "-" {
				t.Errorf("%+v", docs[0])
			}
		})
	}
	_, errs := collect(t, "-", Config{Stdin: strings.NewReader(strings.Repeat("word ", 100)), MaxBytes: 100})
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Fatalf("errs %v", errs)
	}
	checkLine(t, errs[0], "-")
}

func TestInputs(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"news/a.txt", "news/b.HTML", "news/sub/c.md", "news/sub/d.warc.gz", "news/feed.rss",
		"news/.hidden.txt", "news/.git/e.txt", "news/notes.pdf", "news/z.atom",
		"other/one.txt", "other/two.txt", "odd.name",
	} {
		write(t, dir, name, []byte("x"))
	}
	j := func(p string) string { return filepath.Join(dir, p) }
	got, err := Inputs([]string{
		j("news"), j("odd.name"), j("other/*.txt"), "https://x.example/a", "-",
		j("missing.txt"), j("nothing/*.txt"), j("news/a.txt"),
	})
	want := []string{
		j("news/a.txt"), j("news/b.HTML"), j("news/feed.rss"), j("news/sub/c.md"), j("news/sub/d.warc.gz"), j("news/z.atom"),
		j("odd.name"), j("other/one.txt"), j("other/two.txt"), "https://x.example/a", "-",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Inputs:\n%q\nwant\n%q", got, want)
	}
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err %v", err)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 2 || lines[0] != j("missing.txt")+": no such file or folder; check the path" ||
		lines[1] != j("nothing/*.txt")+": no such file or folder (nothing matches the pattern); check the path" {
		t.Errorf("errors:\n%s", err)
	}
	if got, err := Inputs(nil); len(got) != 0 || err != nil {
		t.Errorf("Inputs(nil) = %q, %v", got, err)
	}
}

func TestFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", testdata(t, "pasted.txt"))
	write(t, dir, "b.html", testdata(t, "page.html"))
	write(t, dir, "c.txt", nil)
	docs, errs := collect(t, dir, Config{})
	if len(docs) != 2 || len(errs) != 1 || !errors.Is(errs[0], ErrEmpty) {
		t.Fatalf("docs %d errs %v", len(docs), errs)
	}
	checkLine(t, errs[0], filepath.Join(dir, "c.txt"))
}

// TestStop checks that a consumer can stop early, as range loops do.
func TestStop(t *testing.T) {
	dir := t.TempDir()
	page := string(testdata(t, "page.html"))
	p := write(t, dir, "c.warc", []byte(warcRecord("https://a.example/1", page)+warcRecord("https://a.example/2", page)))
	n := 0
	for range Read(context.Background(), p, Config{}) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("%d", n)
	}
}

// FuzzRead runs arbitrary bytes through sniffing, decoding and the
// reader they pick, as standard input. Run it with -fuzzminimizetime=0s.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("\xfe\xff\x00<\x00p\x00>"))
	f.Add(gzipped([]byte("WARC/1.0\r\n")))
	f.Fuzz(func(t *testing.T, data []byte) {
		for d, err := range Read(context.Background(), "-", Config{Stdin: bytes.NewReader(data)}) {
			if err != nil {
				if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "-") {
					t.Fatalf("message %q", msg)
				}
				continue
			}
			if d.Hash != document.Hash(d.Text) || d.Text == "" {
				t.Fatalf("bad document %+v", d)
			}
		}
	})
}
