package web

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/webtest"
)

// shared is one demo store for the tests that only read.
var shared struct {
	once sync.Once
	dir  string
	st   store.Store
	err  error
}

func demoStore(t testing.TB) store.Store {
	t.Helper()
	shared.once.Do(func() {
		if shared.dir, shared.err = os.MkdirTemp("", "crosscheck-web-"); shared.err != nil {
			return
		}
		shared.st, shared.err = webtest.DemoStore(context.Background(), filepath.Join(shared.dir, "demo.db"))
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.st
}

// ownStore is a demo store for a test that changes it.
func ownStore(t testing.TB) store.Store {
	t.Helper()
	st, err := webtest.DemoStore(context.Background(), filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestMain(m *testing.M) {
	code := m.Run()
	stopBrowser()
	if shared.st != nil {
		shared.st.Close()
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

func newHandler(t testing.TB, st store.Store, loopbackOnly bool) http.Handler {
	t.Helper()
	h, err := New(Config{Store: st, LoopbackOnly: loopbackOnly})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// call serves one request from this machine unless remote is set.
func call(h http.Handler, method, target string, body io.Reader, header map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, body)
	r.RemoteAddr, r.Host = "127.0.0.1:40000", "127.0.0.1:8080"
	for k, v := range header {
		if k == "Host" {
			r.Host = v
			continue
		}
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestSecurityHeaders(t *testing.T) {
	h := newHandler(t, demoStore(t), true)
	for _, path := range []string{"/", "/claims", "/api/v1/stats", "/static/app.css", "/no/such/page", "/api/v1/nowhere"} {
		w := call(h, "GET", path, nil, nil)
		csp := w.Header().Get("Content-Security-Policy")
		if csp != ContentSecurityPolicy {
			t.Errorf("%s: Content-Security-Policy %q", path, csp)
		}
		for _, want := range []string{"script-src 'self'", "default-src 'none'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: the policy lacks %q", path, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: the policy allows inline or eval'd script: %s", path, csp)
		}
		if w.Header().Get("X-Content-Type-Options") != "nosniff" || w.Header().Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", path, w.Header())
		}
	}
}

func TestLoopbackHost(t *testing.T) {
	h := newHandler(t, demoStore(t), true)
	for host, want := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "app.localhost": 200,
		"evil.example:8080": http.StatusMisdirectedRequest, "127.0.0.1.nip.io": http.StatusMisdirectedRequest,
	} {
		if w := call(h, "GET", "/", nil, map[string]string{"Host": host}); w.Code != want {
			t.Errorf("Host %s: %d, want %d", host, w.Code, want)
		}
	}
	// An API client hears it in JSON.
	w := call(h, "GET", "/api/v1/stats", nil, map[string]string{"Host": "evil.example"})
	if w.Code != http.StatusMisdirectedRequest || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		t.Errorf("API with a foreign Host: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	// Bound to all interfaces, other hosts are served (with tokens).
	open := newHandler(t, demoStore(t), false)
	if w := call(open, "GET", "/login", nil, map[string]string{"Host": "ledger.example.org"}); w.Code != 200 {
		t.Errorf("not loopback-only: %d", w.Code)
	}
}

func TestCrossOrigin(t *testing.T) {
	st := ownStore(t)
	h := newHandler(t, st, true)
	srcs, err := st.Sources(context.Background(), store.SourceFilter{Limit: 1})
	if err != nil || len(srcs.Items) == 0 {
		t.Fatal("no source", err)
	}
	src := srcs.Items[0].ID
	form := "/sources/" + strconv.FormatInt(src, 10) + "/reliability"
	// A form on another site posting to this machine's server.
	w := call(h, "POST", form, strings.NewReader("reliability=A"), map[string]string{
		"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example",
	})
	if w.Code != http.StatusForbidden {
		t.Errorf("cross-site form: %d, want 403", w.Code)
	}
	if s, _ := st.Source(context.Background(), src); s.Reliability != store.ReliabilityDefault {
		t.Errorf("a cross-site post changed the reliability to %s", s.Reliability)
	}
	// The same form from the page itself.
	w = call(h, "POST", form, strings.NewReader("reliability=A"), map[string]string{
		"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin", "Origin": "http://127.0.0.1:8080",
	})
	if w.Code != http.StatusSeeOther {
		t.Errorf("same-origin form: %d, want 303", w.Code)
	}
	if s, _ := st.Source(context.Background(), src); s.Reliability != "A" {
		t.Errorf("reliability %s after the form, want A", s.Reliability)
	}
}

func TestBodyLimit(t *testing.T) {
	st := demoStore(t)
	h, err := New(Config{Store: st, LoopbackOnly: true, MaxBody: 1 << 10})
	if err != nil {
		t.Fatal(err)
	}
	w := call(h, "POST", "/api/v1/documents", strings.NewReader(strings.Repeat("x", 4<<10)), map[string]string{"Content-Type": "text/plain"})
	var e struct{ Error string }
	if w.Code != http.StatusRequestEntityTooLarge || json.Unmarshal(w.Body.Bytes(), &e) != nil || e.Error == "" {
		t.Errorf("oversized POST: %d %q", w.Code, w.Body.String())
	}
	w = call(h, "POST", "/documents", strings.NewReader("text="+strings.Repeat("x", 4<<10)), map[string]string{"Content-Type": "application/x-www-form-urlencoded"})
	if w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized form: %d", w.Code)
	}
}

func TestStaticFiles(t *testing.T) {
	h := newHandler(t, demoStore(t), true)
	if w := call(h, "GET", "/static/app.css", nil, nil); w.Code != 200 || !strings.Contains(w.Header().Get("Content-Type"), "text/css") {
		t.Errorf("app.css: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	if w := call(h, "GET", "/static/app.js?v=1", nil, nil); !strings.Contains(w.Header().Get("Cache-Control"), "immutable") {
		t.Errorf("a hashed asset should be cached for good: %q", w.Header().Get("Cache-Control"))
	}
	for _, path := range []string{
		"/static/", "/static/../web.go", "/static/..%2fweb.go", "/static/%2e%2e/%2e%2e/go.mod",
		"/static/../../../../etc/passwd", "/static/.%2e/ui.go", "/static//etc/passwd", "/static/app.css/",
	} {
		w := call(h, "GET", path, nil, nil)
		body := w.Body.String()
		if w.Code == 200 && !strings.Contains(body, "crosscheck's web UI") || strings.Contains(body, "package ") || strings.Contains(body, "root:") {
			t.Errorf("%s: %d, served something it should not:\n%.200s", path, w.Code, body)
		}
	}
}

func TestServe(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := newHandler(t, demoStore(t), true)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, h, nil) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/api/v1/stats")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET stats: %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve after cancel: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not stop")
	}
}
