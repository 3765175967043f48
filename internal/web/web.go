// Package web is crosscheck's HTTP server: the JSON API (package api) under
// /api/v1 and the server-rendered web UI (package ui) at the root, over one
// store, behind one set of protections: security headers with a strict
// Content-Security-Policy, cross-origin request protection, a Host check
// against DNS rebinding, request size limits, and the http.Server timeouts
// in Serve.
package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/api"
	"github.com/crosscheck-dev/crosscheck/internal/web/intake"
	"github.com/crosscheck-dev/crosscheck/internal/web/ui"
)

// Config is what the server needs.
type Config struct {
	Store store.Store
	// Logger receives one line per request at debug level, and errors;
	// nil discards them.
	Logger *slog.Logger
	// Intake says how POSTed documents are read and reconciled.
	Intake intake.Config
	// LoopbackOnly is set when the server listens on a loopback address
	// only: requests naming any other host are then refused, which stops
	// DNS rebinding (a hostile page's host name pointed at 127.0.0.1).
	LoopbackOnly bool
	// MaxBody caps a request body (a POSTed document); default
	// api.DefaultMaxBody.
	MaxBody int64
}

// New returns the server's handler.
func New(cfg Config) (http.Handler, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: no store")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = api.DefaultMaxBody
	}
	guard := access.Guard{Store: cfg.Store}
	pages, err := ui.New(ui.Config{Store: cfg.Store, Guard: guard, Intake: cfg.Intake, Logger: cfg.Logger})
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle(api.Prefix+"/", api.Handler(api.Config{Store: cfg.Store, Guard: guard, Intake: cfg.Intake, Logger: cfg.Logger, MaxBody: cfg.MaxBody}))
	mux.Handle("/", pages)

	var h http.Handler = mux
	h = limitBody(h, cfg.MaxBody)
	// Browsers tell where a request comes from (Sec-Fetch-Site, Origin):
	// a form on another site must not grade a source or add a document
	// with this machine's standing. API clients send neither header and
	// pass.
	h = http.NewCrossOriginProtection().Handler(h)
	if cfg.LoopbackOnly {
		h = loopbackHost(h)
	}
	h = apiErrorsAsJSON(h)
	h = securityHeaders(h)
	h = recoverPanics(h, cfg.Logger)
	h = logRequests(h, cfg.Logger)
	return h, nil
}

// apiErrorsAsJSON makes the protections' refusals (a body too large, a
// cross-origin post, a foreign Host) JSON for API clients.
func apiErrorsAsJSON(next http.Handler) http.Handler {
	inAPI := api.JSONErrors(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, api.Prefix+"/") {
			inAPI.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// ContentSecurityPolicy allows the page's own styles, scripts and images
// and nothing else: no inline script or style, no other origin, no
// framing. Article text is escaped anyway; this is the second lock.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		next.ServeHTTP(w, r)
	})
}

// loopbackHost refuses requests that name a host other than this machine.
func loopbackHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !access.LoopbackHost(r.Host) {
			http.Error(w, "crosscheck serves this machine only: use http://127.0.0.1 or http://localhost", http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limitBody caps every request body; handlers that read small bodies cap
// them lower.
func limitBody(next http.Handler, n int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > n {
			http.Error(w, fmt.Sprintf("the request body is over the limit of %d bytes", n), http.StatusRequestEntityTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, n)
		next.ServeHTTP(w, r)
	})
}

func recoverPanics(next http.Handler, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("web: panic", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				http.Error(w, "internal error; the server log has the details", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// statusWriter records the status of a response, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(s int) {
	if w.status == 0 {
		w.status = s
	}
	w.ResponseWriter.WriteHeader(s)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func logRequests(next http.Handler, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", sw.status, "took", time.Since(start).Round(time.Microsecond))
	})
}

// Timeouts of the server: a slow or stalled client cannot hold a
// connection (or a goroutine) for long, while a POST that fetches a URL
// (20 seconds at most) and extracts it still has time to answer.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 60 * time.Second
	WriteTimeout      = 90 * time.Second
	IdleTimeout       = 120 * time.Second
	MaxHeaderBytes    = 64 << 10
)

// Serve serves h on ln until ctx is done, then shuts down, giving requests
// in flight a few seconds to finish.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(shutCtx)
	if e := <-done; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}
