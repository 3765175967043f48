package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestGet(t *testing.T) {
	var gotUA string
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.UserAgent()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<p>hello</p>")
	})
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			http.Redirect(w, r, "/page", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(strings.Repeat("x", 2000)))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 20 {
			w.Write([]byte(strings.Repeat("x", 100)))
			w.(http.Flusher).Flush() // no Content-Length: the cap must hold while reading
		}
	})
	mux.HandleFunc("/exact", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(strings.Repeat("x", 1000)))
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7"))
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		w.Write([]byte("plain words"))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusNotFound)
	})
	mux.HandleFunc("/forbidden", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusForbidden)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	closed := httptest.NewServer(mux)
	closedURL := closed.URL
	closed.Close()

	cfg := Config{UserAgent: "crosscheck-test/1", MaxBytes: 1000, MaxRedirects: 3, Timeout: 300 * time.Millisecond}
	for _, tc := range []struct {
		path    string
		url     string // instead of path on srv
		cfg     *Config
		wantErr error
		status  int
		body    string
		final   string
	}{
		{path: "/page", body: "<p>hello</p>", final: "/page"},
		{path: "/hop/2", body: "<p>hello</p>", final: "/page"}, // 3 redirects: the limit
		{path: "/hop/3", wantErr: ErrTooManyRedirects},
		{path: "/hop/0", cfg: &Config{MaxRedirects: -1}, wantErr: ErrTooManyRedirects},
		{path: "/big", wantErr: ErrTooLarge},
		{path: "/big-chunked", wantErr: ErrTooLarge},
		{path: "/exact", body: strings.Repeat("x", 1000), final: "/exact"},
		{path: "/pdf", wantErr: ErrUnsupportedType},
		{path: "/untyped", body: "plain words", final: "/untyped"},
		{path: "/slow", wantErr: ErrTimeout},
		{path: "/gone", status: 404},
		{path: "/forbidden", status: 403},
		{url: closedURL + "/page", wantErr: ErrUnreachable},
		{url: "ftp://example.com/x", wantErr: ErrBadURL},
		{url: "http://", wantErr: ErrBadURL},
	} {
		name := tc.path + tc.url
		t.Run(name, func(t *testing.T) {
			c := cfg
			if tc.cfg != nil {
				c = *tc.cfg
			}
			u := tc.url
			if u == "" {
				u = srv.URL + tc.path
			}
			resp, err := Get(context.Background(), u, c)
			var se *StatusError
			switch {
			case tc.wantErr != nil:
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
			case tc.status != 0:
				if !errors.As(err, &se) || se.Code != tc.status {
					t.Fatalf("err = %v, want HTTP %d", err, tc.status)
				}
				if !strings.HasPrefix(se.Error(), fmt.Sprintf("HTTP %d ", tc.status)) {
					t.Errorf("message %q", se.Error())
				}
			default:
				if err != nil {
					t.Fatal(err)
				}
				if string(resp.Body) != tc.body || resp.URL != srv.URL+tc.final {
					t.Errorf("got %q from %s", resp.Body, resp.URL)
				}
			}
		})
	}
	if gotUA != "crosscheck-test/1" {
		t.Errorf("User-Agent = %q", gotUA)
	}
}

// TestUserAgentAcrossRedirects checks that a redirect does not drop the
// User-Agent, and that a caller's client is used.
func TestUserAgentAcrossRedirects(t *testing.T) {
	var uas []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		uas = append(uas, r.UserAgent())
		if r.URL.Path == "/a" {
			http.Redirect(w, r, "/b", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	if _, err := Get(context.Background(), srv.URL+"/a", Config{Client: srv.Client(), UserAgent: "ua/2"}); err != nil {
		t.Fatal(err)
	}
	if len(uas) != 2 || uas[0] != "ua/2" || uas[1] != "ua/2" {
		t.Errorf("User-Agents %q", uas)
	}
}

func TestMessages(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{tooLarge(200<<20, 32<<20), "too large (200 MiB, the limit is 32 MiB)"},
		{tooLarge(-1, 32<<20), "too large (over the limit of 32 MiB)"},
		{&StatusError{Code: 404, Status: "404 Not Found"}, "HTTP 404 Not Found"},
		{&StatusError{Code: 500}, "HTTP 500 Internal Server Error"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("%q, want %q", got, tc.want)
		}
	}
}
