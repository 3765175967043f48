package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
)

// article is a page long enough for the extractor to take it for an
// article; title names it.
func article(title, date string) string {
	var meta string
	if date != "" {
		meta = `<meta property="article:published_time" content="` + date + `">`
	}
	return `<!doctype html><html lang="en"><head><title>` + title + `</title>` + meta + `</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>` + title + `</h1>
<p>Officials in the harbour town said on Tuesday that the ferry service would resume within days, after a two-week suspension caused by storms.</p>
<p>"We expect the first crossing on Monday," a spokeswoman for the operator said, adding that tickets would be honoured.</p>
</article><footer>Copyright Harbour Times</footer></body></html>`
}

// httpResponse is an HTTP response as a crawler records it.
func httpResponse(status, contentType string, headers string, body []byte) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n\r\n%s", status, contentType, headers, len(body), body)
}

// record is one WARC record.
func record(typ, uri, date, contentType, block string) string {
	var b strings.Builder
	b.WriteString("WARC/1.1\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", typ)
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "WARC-Date: %s\r\n", date)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\n", len(block)+len(uri))
	if contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", contentType)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s\r\n\r\n", len(block), block)
	return b.String()
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

const httpType = "application/http; msgtype=response"

// archive builds the records of a small crawl: three readable pages among
// records that are no pages.
func archive() []string {
	gzBody := gz(article("Ferry talks resume", "2024-05-02T10:00:00Z"))
	chunked := article("Port reopens to cargo", "")
	chunkedBody := fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(chunked), chunked)
	return []string{
		record("warcinfo", "", "2024-05-03T00:00:00Z", "application/warc-fields", "software: test\r\n"),
		record("request", "https://news.example/a", "2024-05-03T00:00:01Z", "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"),
		record("response", "https://news.example/a", "2024-05-03T00:00:01Z", httpType, httpResponse("200 OK", "text/html; charset=utf-8", "", []byte(article("Storm closes the ferry", "2024-05-01T08:00:00Z")))),
		record("response", "https://news.example/logo.png", "2024-05-03T00:00:02Z", httpType, httpResponse("200 OK", "image/png", "", []byte("\x89PNG\r\n\x1a\n"))),
		record("response", "https://news.example/missing", "2024-05-03T00:00:03Z", httpType, httpResponse("404 Not Found", "text/html", "", []byte(article("Not found", "")))),
		record("response", "https://news.example/b", "2024-05-03T00:00:04Z", httpType, httpResponse("200 OK", "text/html", "Content-Encoding: gzip\r\n", gzBody)),
		record("response", "https://news.example/c", "2024-05-03T00:00:05Z", httpType,
			"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"+chunkedBody),
		record("metadata", "https://news.example/c", "2024-05-03T00:00:05Z", "application/warc-fields", "outlinks: https://news.example/d\r\n"),
	}
}

func read(t *testing.T, data []byte, opts Options) ([]*document.Document, []error) {
	t.Helper()
	var docs []*document.Document
	var errs []error
	for d, err := range Read(bytes.NewReader(data), opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs
}

func TestRead(t *testing.T) {
	recs := archive()
	var perRecord []byte
	for _, r := range recs {
		perRecord = append(perRecord, gz(r)...)
	}
	for name, data := range map[string][]byte{
		"plain":      []byte(strings.Join(recs, "")),
		"gzip whole": gz(strings.Join(recs, "")),
		"gzip each":  perRecord,
		"lf only":    []byte(strings.ReplaceAll(strings.Join(recs[:3], ""), "WARC/1.1\r\n", "WARC/1.1\n")),
	} {
		t.Run(name, func(t *testing.T) {
			docs, errs := read(t, data, Options{Origin: "crawl.warc"})
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			want := []string{"Storm closes the ferry", "Ferry talks resume", "Port reopens to cargo"}
			if name == "lf only" {
				want = want[:1]
			}
			var titles []string
			for _, d := range docs {
				titles = append(titles, d.Title)
				if d.Format != "warc" || !strings.HasPrefix(d.Origin, "crawl.warc#https://news.example/") {
					t.Errorf("Format %q Origin %q", d.Format, d.Origin)
				}
				if d.URL != strings.TrimPrefix(d.Origin, "crawl.warc#") {
					t.Errorf("URL %q for origin %q", d.URL, d.Origin)
				}
				if strings.Contains(d.Text, "Copyright") || strings.Contains(d.Text, "Home") {
					t.Errorf("boilerplate in %q", d.Text)
				}
			}
			if !slices.Equal(titles, want) {
				t.Fatalf("titles %q, want %q", titles, want)
			}
			if name != "lf only" {
				// The page with a date keeps it; the one without falls back to WARC-Date.
				if got := docs[0].Published; !got.Equal(time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)) {
					t.Errorf("page date %v", got)
				}
				if got := docs[2].Published; !got.Equal(time.Date(2024, 5, 3, 0, 0, 0, 0, time.UTC)) {
					t.Errorf("WARC-Date fallback %v", got)
				}
			}
		})
	}
}

// TestTruncated cuts archives inside the record of the third page: the two
// pages before it come out, then exactly one error.
func TestTruncated(t *testing.T) {
	recs := archive()
	plain := strings.Join(recs, "")
	cut := strings.Index(plain, "Port reopens") // inside the last page's block
	var perRecord []byte
	for _, r := range recs[:6] {
		perRecord = append(perRecord, gz(r)...)
	}
	last := gz(recs[6])
	for name, data := range map[string][]byte{
		"plain in block":  []byte(plain[:cut]),
		"plain in header": []byte(plain[:strings.Index(plain, "https://news.example/c")]),
		"gzip member":     append(perRecord, last[:len(last)/2]...),
	} {
		t.Run(name, func(t *testing.T) {
			docs, errs := read(t, data, Options{Origin: "crawl.warc"})
			if len(docs) != 2 {
				t.Errorf("%d documents, want 2", len(docs))
			}
			if len(errs) != 1 || !errors.Is(errs[0], ErrTruncated) {
				t.Fatalf("errors %v, want one ErrTruncated", errs)
			}
			if !strings.Contains(errs[0].Error(), "after 6 complete records") {
				t.Errorf("message %q", errs[0])
			}
		})
	}
}

func TestBadRecords(t *testing.T) {
	noText := record("response", "https://news.example/app", "2024-05-03T00:00:00Z", httpType,
		httpResponse("200 OK", "text/html", "", []byte("<html><body><script>app()</script></body></html>")))
	big := record("response", "https://news.example/big", "2024-05-03T00:00:00Z", httpType,
		httpResponse("200 OK", "text/html", "", []byte(strings.Repeat("<p>word</p>", 200))))
	brotli := record("response", "https://news.example/br", "2024-05-03T00:00:00Z", httpType,
		httpResponse("200 OK", "text/html", "Content-Encoding: br\r\n", []byte("\x1b\x00")))
	good := archive()[2]
	data := []byte(noText + big + brotli + good)
	docs, errs := read(t, data, Options{Origin: "x.warc", MaxBytes: 1500})
	if len(docs) != 1 {
		t.Fatalf("%d documents", len(docs))
	}
	var re *RecordError
	if len(errs) != 3 || !errors.As(errs[0], &re) || re.URI != "https://news.example/app" {
		t.Fatalf("errors %v", errs)
	}
	if !errors.Is(errs[1], ErrTooLarge) || !errors.Is(errs[2], ErrCorrupt) {
		t.Errorf("errors %v", errs)
	}
}

func TestNotWARC(t *testing.T) {
	for name, data := range map[string]string{
		"empty":      "",
		"text":       "hello, world\n",
		"bad gzip":   "\x1f\x8bnot gzip at all",
		"no length":  "WARC/1.1\r\nWARC-Type: response\r\n\r\n",
		"bad header": "WARC/1.1\r\nno colon here\r\n\r\n",
		"six bytes":  "WARC/\n",
	} {
		t.Run(name, func(t *testing.T) {
			docs, errs := read(t, []byte(data), Options{})
			if len(docs) != 0 || len(errs) != 1 {
				t.Fatalf("docs %d errs %v", len(docs), errs)
			}
			if !errors.Is(errs[0], ErrNotWARC) && !errors.Is(errs[0], ErrCorrupt) && !errors.Is(errs[0], ErrTruncated) {
				t.Errorf("error %v", errs[0])
			}
		})
	}
}

// FuzzRecords looks for panics and unbounded reads in the record reader.
func FuzzRecords(f *testing.F) {
	recs := archive()
	f.Add([]byte(strings.Join(recs, "")))
	f.Add(gz(recs[2]))
	f.Add([]byte("WARC/\n"))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		for rec, err := range Records(bytes.NewReader(data), 1<<20, nil) {
			if err == nil && int64(len(rec.Block)) > 1<<20 {
				t.Fatalf("block of %d bytes over the cap", len(rec.Block))
			}
			if n++; n > len(data)+1 {
				t.Fatal("more records than bytes")
			}
		}
	})
}

// FuzzRead runs whole archives through the page reader. Run it with
// -fuzzminimizetime=0s: minimising a page costs the extractor many runs.
func FuzzRead(f *testing.F) {
	recs := archive()
	f.Add([]byte(recs[2]))
	f.Add([]byte(recs[5]))
	f.Add([]byte(recs[6]))
	f.Fuzz(func(t *testing.T, data []byte) {
		for d, err := range Read(bytes.NewReader(data), Options{Origin: "fuzz"}) {
			if err == nil && (d == nil || d.Hash == "") {
				t.Fatal("document without hash")
			}
		}
	})
}
