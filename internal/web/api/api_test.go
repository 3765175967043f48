package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/webtest"
)

// shared is a demo store for the tests that only read, made once.
var shared struct {
	once sync.Once
	dir  string
	st   store.Store
	err  error
}

func readStore(t *testing.T) store.Store {
	t.Helper()
	shared.once.Do(func() {
		shared.dir, shared.err = os.MkdirTemp("", "crosscheck-api-")
		if shared.err != nil {
			return
		}
		shared.st, shared.err = webtest.DemoStore(context.Background(), filepath.Join(shared.dir, "demo.db"))
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.st
}

// writeStore is a demo store of the test's own, for tests that change it.
func writeStore(t *testing.T) store.Store {
	t.Helper()
	st, err := webtest.DemoStore(context.Background(), filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// client calls the API as a request from this machine (local) or from
// another one, with an optional bearer token.
type client struct {
	t     *testing.T
	h     http.Handler
	local bool
	token string
}

func newClient(t *testing.T, st store.Store) *client {
	return &client{t: t, h: Handler(Config{Store: st, Guard: access.Guard{Store: st}}), local: true}
}

// response is a finished call.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (c *client) do(method, path, contentType string, body io.Reader) response {
	c.t.Helper()
	r := httptest.NewRequest(method, path, body)
	if c.local {
		r.RemoteAddr, r.Host = "127.0.0.1:50000", "127.0.0.1:8080"
	} else {
		r.RemoteAddr, r.Host = "203.0.113.7:50000", "ledger.example.org"
	}
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	if c.token != "" {
		r.Header.Set("Authorization", "Bearer "+c.token)
	}
	w := httptest.NewRecorder()
	c.h.ServeHTTP(w, r)
	return response{w.Code, w.Header(), w.Body.Bytes()}
}

func (c *client) get(path string) response { c.t.Helper(); return c.do("GET", path, "", nil) }

// decode reads a JSON body into v, failing the test when it is not JSON.
func (r response) decode(t *testing.T, v any) {
	t.Helper()
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type %q, want JSON; body %s", ct, r.body)
	}
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("body is not JSON: %v\n%s", err, r.body)
	}
}

// wantError checks an error response: the status and a JSON message.
func (r response) wantError(t *testing.T, status int, fragment string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body %s", r.status, status, r.body)
	}
	var e apiError
	r.decode(t, &e)
	if e.Error == "" || !strings.Contains(e.Error, fragment) {
		t.Errorf("error %q, want it to mention %q", e.Error, fragment)
	}
}

func TestReadRoutes(t *testing.T) {
	c := newClient(t, readStore(t))

	var stats store.Stats
	c.get("/api/v1/stats").decode(t, &stats)
	if stats.Documents != 8 || stats.Claims == 0 {
		t.Fatalf("stats = %+v, want the 8 demo documents", stats)
	}

	var docs list[store.Document]
	r := c.get("/api/v1/documents?limit=3")
	r.decode(t, &docs)
	if r.status != 200 || len(docs.Items) != 3 || docs.Total != 8 || docs.Limit != 3 || docs.Offset != 0 {
		t.Fatalf("documents page: status %d, %d items, total %d, limit %d", r.status, len(docs.Items), docs.Total, docs.Limit)
	}
	if docs.Items[0].Text != "" {
		t.Error("a listing should leave out the text")
	}
	var next list[store.Document]
	c.get("/api/v1/documents?limit=3&offset=3").decode(t, &next)
	if len(next.Items) != 3 || next.Items[0].ID == docs.Items[0].ID || next.Offset != 3 {
		t.Errorf("second page overlaps the first: %v then %v", docs.Items[0].ID, next.Items[0].ID)
	}
	var filtered list[store.Document]
	c.get("/api/v1/documents?publisher=northwind&since=2025-04&until=2025-04").decode(t, &filtered)
	if filtered.Total != 1 || filtered.Items[0].Publisher != "Northwind Wire" {
		t.Errorf("Northwind in April: %+v, want the one article of 11 April", filtered)
	}

	id := docs.Items[0].ID
	var doc store.Document
	c.get("/api/v1/documents/"+itoa(id)).decode(t, &doc)
	if doc.ID != id || doc.Text == "" {
		t.Errorf("document %d: id %d, %d bytes of text", id, doc.ID, len(doc.Text))
	}
	var ext struct {
		Text   string `json:"text"`
		Claims []struct {
			ID string `json:"id"`
		} `json:"claims"`
	}
	c.get("/api/v1/documents/"+itoa(id)+"/extraction").decode(t, &ext)
	if ext.Text != doc.Text || len(ext.Claims) != doc.Claims {
		t.Errorf("extraction: %d claims, want %d, and the same text", len(ext.Claims), doc.Claims)
	}

	var claims list[store.Claim]
	c.get("/api/v1/claims?speaker=Ellison&has_quantity=true&order=oldest&limit=5").decode(t, &claims)
	if claims.Total == 0 {
		t.Fatal("no claims by Ellison with a figure")
	}
	for i, cl := range claims.Items {
		if !strings.Contains(cl.Speaker.Name+cl.Speaker.Mention, "Ellison") || len(cl.Quantities) == 0 {
			t.Errorf("claim %d does not match the filter: %+v", cl.ID, cl.Speaker)
		}
		if i > 0 && cl.Day.Before(claims.Items[i-1].Day) {
			t.Error("order=oldest: days out of order")
		}
	}
	var claim store.Claim
	c.get("/api/v1/claims/"+itoa(claims.Items[0].ID)).decode(t, &claim)
	if claim.ID != claims.Items[0].ID || claim.Content == "" {
		t.Errorf("claim %d: %+v", claims.Items[0].ID, claim)
	}

	var sources list[store.Source]
	c.get("/api/v1/sources?kind=person&limit=2").decode(t, &sources)
	if len(sources.Items) != 2 || sources.Items[0].Kind != "person" {
		t.Fatalf("sources: %+v", sources)
	}
	var src store.Source
	c.get("/api/v1/sources/"+itoa(sources.Items[0].ID)).decode(t, &src)
	if src.Name != sources.Items[0].Name {
		t.Errorf("source %d: %q, want %q", src.ID, src.Name, sources.Items[0].Name)
	}

	var hits list[store.Hit]
	c.get("/api/v1/search?q="+urlQuery(`"9,500" OR 12,500`)+"&kind=claim").decode(t, &hits)
	if hits.Total == 0 {
		t.Fatal("search found nothing")
	}
	for _, h := range hits.Items {
		if h.Kind != store.HitClaim || h.ClaimID == 0 {
			t.Errorf("kind=claim gave %+v", h)
		}
	}
}

func TestMeasureRoutes(t *testing.T) {
	c := newClient(t, readStore(t))
	var ms list[store.Measure]
	c.get("/api/v1/measures?limit=2").decode(t, &ms)
	if ms.Total == 0 || len(ms.Items) == 0 || ms.Limit != 2 {
		t.Fatalf("measures of the reconciled demo: %+v", ms)
	}
	top := ms.Items[0]
	if top.Range == nil || top.Sources < 2 || len(top.Estimates) == 0 {
		t.Errorf("the most sourced measure: %+v", top)
	}
	var m store.Measure
	c.get("/api/v1/measures/"+itoa(top.ID)).decode(t, &m)
	if m.ID != top.ID || len(m.Estimates) != len(top.Estimates) {
		t.Errorf("measure %d: %d estimates, want %d", top.ID, len(m.Estimates), len(top.Estimates))
	}
	var found list[store.Measure]
	c.get("/api/v1/measures?search="+url.QueryEscape(strings.Fields(top.Name)[0])+"&order=name").decode(t, &found)
	if found.Total == 0 {
		t.Errorf("searching %q found no measure", top.Name)
	}
	var tl list[store.TimelineEntry]
	c.get("/api/v1/timeline?measure="+itoa(top.ID)+"&order=oldest").decode(t, &tl)
	if tl.Total == 0 {
		t.Fatal("no timeline entry for the top measure")
	}
	for _, e := range tl.Items {
		if e.Measure == nil || e.Measure.ID != top.ID || e.Estimate == nil {
			t.Errorf("timeline entry not of measure %d: %+v", top.ID, e)
		}
	}
	var v store.Verification
	claimID := top.Estimates[0].Claim.ID
	c.get("/api/v1/claims/"+itoa(claimID)+"/verification").decode(t, &v)
	if v.ClaimID != claimID || v.Status == "" || v.Credibility < 1 || v.Credibility > 6 {
		t.Errorf("verification of claim %d: %+v", claimID, v)
	}
	c.get("/api/v1/measures/999999").wantError(t, 404, "not found")
	c.get("/api/v1/measures?order=loudest").wantError(t, 400, "order")
	c.get("/api/v1/timeline?measure=x").wantError(t, 400, "measure")
	c.get("/api/v1/claims/999999/verification").wantError(t, 404, "not found")
}

func TestErrors(t *testing.T) {
	c := newClient(t, readStore(t))
	for _, tc := range []struct {
		method, path string
		status       int
		fragment     string
	}{
		{"GET", "/api/v1/documents/999999", 404, "not found"},
		{"GET", "/api/v1/documents/abc", 400, "id"},
		{"GET", "/api/v1/documents/0/extraction", 400, "id"},
		{"GET", "/api/v1/claims/999999", 404, "not found"},
		{"GET", "/api/v1/sources/999999", 404, "not found"},
		{"GET", "/api/v1/claims?limit=0", 400, "limit"},
		{"GET", "/api/v1/claims?limit=5000", 400, "limit"},
		{"GET", "/api/v1/claims?offset=-2", 400, "offset"},
		{"GET", "/api/v1/claims?since=yesterday", 400, "since"},
		{"GET", "/api/v1/claims?since=2025-04-01&until=2025-03-01", 400, "after"},
		{"GET", "/api/v1/claims?stance=sure", 400, "stance"},
		{"GET", "/api/v1/sources?order=loudest", 400, "order"},
		{"GET", "/api/v1/search", 400, "q"},
		{"GET", "/api/v1/search?q=-", 400, "search"},
		{"GET", "/api/v1/nowhere", 404, "no such endpoint"},
		{"PATCH", "/api/v1/documents", 405, "GET or POST"},
		{"DELETE", "/api/v1/claims/1", 405, "not allowed"},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			c.do(tc.method, tc.path, "", nil).wantError(t, tc.status, tc.fragment)
		})
	}
}

func TestAccess(t *testing.T) {
	st := writeStore(t)
	secret, _, err := st.CreateToken(context.Background(), "tests")
	if err != nil {
		t.Fatal(err)
	}
	revoked, tok, _ := st.CreateToken(context.Background(), "old")
	st.RevokeToken(context.Background(), tok.ID)

	local := newClient(t, st)
	remote := newClient(t, st)
	remote.local = false

	// Reads: open on this machine, a token from elsewhere.
	if r := local.get("/api/v1/stats"); r.status != 200 {
		t.Errorf("local read without a token: %d", r.status)
	}
	r := remote.get("/api/v1/stats")
	r.wantError(t, 401, "token")
	if r.header.Get("WWW-Authenticate") == "" {
		t.Error("401 without WWW-Authenticate")
	}
	remote.token = secret
	if r := remote.get("/api/v1/claims?limit=1"); r.status != 200 {
		t.Errorf("remote read with a token: %d %s", r.status, r.body)
	}
	remote.token = revoked
	remote.get("/api/v1/claims?limit=1").wantError(t, 401, "revoked")
	remote.token = "cct_made-up"
	remote.get("/api/v1/stats").wantError(t, 401, "unknown")

	// The description is open to all.
	remote.token = ""
	if r := remote.get("/api/v1/openapi.json"); r.status != 200 {
		t.Errorf("openapi.json from elsewhere without a token: %d", r.status)
	}

	// Writes: a token, even on this machine.
	local.do("PUT", "/api/v1/sources/1/reliability", "application/json", strings.NewReader(`{"reliability":"B"}`)).wantError(t, 401, "token")
	local.do("POST", "/api/v1/documents", "text/plain", strings.NewReader("Text")).wantError(t, 401, "token")
	local.do("DELETE", "/api/v1/documents/1", "", nil).wantError(t, 401, "token")
	local.token = revoked
	local.do("DELETE", "/api/v1/documents/1", "", nil).wantError(t, 401, "revoked")
}

// firstSource is the id of the most quoted source: ids are the store's
// (and the reconciler's) to give, so tests look them up.
func firstSource(t *testing.T, st store.Store) string {
	t.Helper()
	p, err := st.Sources(context.Background(), store.SourceFilter{Limit: 1})
	if err != nil || len(p.Items) == 0 {
		t.Fatalf("no source: %v", err)
	}
	return itoa(p.Items[0].ID)
}

func TestSetReliability(t *testing.T) {
	st := writeStore(t)
	secret, _, _ := st.CreateToken(context.Background(), "tests")
	c := newClient(t, st)
	c.token = secret
	src := firstSource(t, st)

	r := c.do("PUT", "/api/v1/sources/"+src+"/reliability", "application/json", strings.NewReader(`{"reliability":"b"}`))
	var s store.Source
	r.decode(t, &s)
	if r.status != 200 || itoa(s.ID) != src || s.Reliability != "B" {
		t.Fatalf("PUT reliability: %d %+v", r.status, s)
	}
	if got, err := st.Source(context.Background(), s.ID); err != nil || got.Reliability != "B" {
		t.Errorf("stored reliability %q, want B", got.Reliability)
	}
	c.do("PUT", "/api/v1/sources/"+src+"/reliability", "application/json", strings.NewReader(`{"reliability":"G"}`)).wantError(t, 400, "A")
	c.do("PUT", "/api/v1/sources/"+src+"/reliability", "application/json", strings.NewReader(`{"grade":"A"}`)).wantError(t, 400, "reliability")
	c.do("PUT", "/api/v1/sources/"+src+"/reliability", "application/json", strings.NewReader(`not json`)).wantError(t, 400, "reliability")
	c.do("PUT", "/api/v1/sources/999999/reliability", "application/json", strings.NewReader(`{"reliability":"A"}`)).wantError(t, 404, "not found")
	big := `{"reliability":"` + strings.Repeat("A", maxSmallBody) + `"}`
	c.do("PUT", "/api/v1/sources/"+src+"/reliability", "application/json", strings.NewReader(big)).wantError(t, 400, "too large")
}

// article is a new article for the POST tests, in the pasted-text layout.
const article = `Ministry says 4,000 troops left the border

By Ada Example

14 April 2025

Orbis Daily

The defence ministry said on Sunday that about 4,000 troops had left the border area. "The worst is over," the minister, Jon Sample, told reporters.
`

func TestCreateDocuments(t *testing.T) {
	st := writeStore(t)
	secret, _, _ := st.CreateToken(context.Background(), "tests")
	c := newClient(t, st)
	c.token = secret

	r := c.do("POST", "/api/v1/documents", "text/plain; charset=utf-8", strings.NewReader(article))
	var out created
	r.decode(t, &out)
	if r.status != 201 || len(out.Documents) != 1 || !out.Documents[0].Added || out.Documents[0].Claims == 0 {
		t.Fatalf("POST text: %d %s", r.status, r.body)
	}
	id := out.Documents[0].ID
	if loc := r.header.Get("Location"); loc != "/api/v1/documents/"+itoa(id) {
		t.Errorf("Location %q", loc)
	}
	if out.Documents[0].Title != "Ministry says 4,000 troops left the border" {
		t.Errorf("title %q", out.Documents[0].Title)
	}
	// The same text again adds nothing.
	r = c.do("POST", "/api/v1/documents", "text/plain", strings.NewReader(article))
	r.decode(t, &out)
	if r.status != 200 || out.Documents[0].Added || out.Documents[0].ID != id {
		t.Errorf("POST again: %d %s", r.status, r.body)
	}

	// JSON with text and a publication day.
	body, _ := json.Marshal(map[string]string{"text": "<html><head><title>A page</title></head><body><article><h1>A page</h1><p>Officials said on Monday that 300 people had been evacuated from the valley overnight, and that more would follow.</p></article></body></html>", "published": "2025-05-02"})
	r = c.do("POST", "/api/v1/documents", "application/json", bytes.NewReader(body))
	r.decode(t, &out)
	if r.status != 201 {
		t.Fatalf("POST JSON html: %d %s", r.status, r.body)
	}
	doc, err := st.Document(context.Background(), out.Documents[0].ID)
	if err != nil || store.Day(doc.Published) != "2025-05-02" || doc.Format != "html" {
		t.Errorf("stored: %v, published %s, format %q", err, store.Day(doc.Published), doc.Format)
	}

	// DELETE removes it.
	if r := c.do("DELETE", "/api/v1/documents/"+itoa(id), "", nil); r.status != 204 {
		t.Errorf("DELETE: %d %s", r.status, r.body)
	}
	c.do("DELETE", "/api/v1/documents/"+itoa(id), "", nil).wantError(t, 404, "not found")

	// Mistakes.
	c.do("POST", "/api/v1/documents", "text/plain", strings.NewReader("   \n ")).wantError(t, 400, "nothing to ingest")
	c.do("POST", "/api/v1/documents", "application/json", strings.NewReader(`{"url":"x","text":"y"}`)).wantError(t, 400, "either")
	c.do("POST", "/api/v1/documents", "application/json", strings.NewReader(`{"url":"ftp://example.org/a"}`)).wantError(t, 400, "web address")
	c.do("POST", "/api/v1/documents", "application/json", strings.NewReader(`{"txt":"y"}`)).wantError(t, 400, "unknown field")
	c.do("POST", "/api/v1/documents?published=May", "text/plain", strings.NewReader(article)).wantError(t, 400, "published")
	c.do("POST", "/api/v1/documents", "application/pdf", strings.NewReader("%PDF-1.4\n%âãÏÓ\n1 0 obj\n")).wantError(t, 415, "not a text or HTML")

	small := Handler(Config{Store: st, Guard: access.Guard{Store: st}, MaxBody: 1000})
	req := httptest.NewRequest("POST", "/api/v1/documents", strings.NewReader(strings.Repeat("word ", 1000)))
	req.RemoteAddr, req.Host = "127.0.0.1:1", "127.0.0.1"
	req.Header.Set("Authorization", "Bearer "+secret)
	w := httptest.NewRecorder()
	small.ServeHTTP(w, req)
	response{w.Code, w.Header(), w.Body.Bytes()}.wantError(t, 413, "limit")
}

func TestCreateFromURL(t *testing.T) {
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/story" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, article)
	}))
	defer page.Close()
	st := writeStore(t)
	secret, _, _ := st.CreateToken(context.Background(), "tests")
	c := newClient(t, st)
	c.token = secret

	r := c.do("POST", "/api/v1/documents", "application/json", strings.NewReader(`{"url":"`+page.URL+`/story"}`))
	var out created
	r.decode(t, &out)
	if r.status != 201 || !out.Documents[0].Added {
		t.Fatalf("POST url: %d %s", r.status, r.body)
	}
	doc, _ := st.Document(context.Background(), out.Documents[0].ID)
	if doc.URL != page.URL+"/story" {
		t.Errorf("stored URL %q", doc.URL)
	}
	c.do("POST", "/api/v1/documents", "application/json", strings.NewReader(`{"url":"`+page.URL+`/gone"}`)).wantError(t, 502, "404")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func urlQuery(s string) string { return url.QueryEscape(s) }

// TestMain removes the shared store's folder after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if shared.st != nil {
		shared.st.Close()
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}
