// Package ui is crosscheck's web UI: server-rendered pages over the store,
// made for an analyst reading claims side by side. Pages are html/template
// views parsed once from embedded files (engine.go); styles, the one small
// script and the icon are embedded too, so the UI works offline and from a
// single binary. Charts and the map are SVG drawn on the server (packages
// chart and geo); the script only adds conveniences (showing a claim's
// details beside the text, sorting a table) to pages that work without it.
//
// Every handler is in its own file, named after its page.
package ui

import (
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/intake"
	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

// Config is what the pages use.
type Config struct {
	Store  store.Store
	Guard  access.Guard
	Intake intake.Config
	Logger *slog.Logger
}

// UI serves the pages.
type UI struct {
	Config
	tpl    *engine
	mux    *http.ServeMux
	places placeCache
}

// New parses the templates and returns the UI's handler, to be mounted at
// the root of the server.
func New(cfg Config) (*UI, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	tpl, err := newEngine()
	if err != nil {
		return nil, err
	}
	u := &UI{Config: cfg, tpl: tpl, mux: http.NewServeMux()}
	static, _ := fs.Sub(staticFS, "static")
	u.mux.Handle("GET /static/", staticFiles(static))
	u.mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, tpl.assets["favicon.svg"], http.StatusMovedPermanently)
	})
	u.mux.HandleFunc("GET /login", u.login)
	u.mux.HandleFunc("POST /login", u.signIn)
	u.mux.HandleFunc("POST /logout", u.signOut)

	u.read("GET /{$}", u.home)
	u.read("GET /search", u.search)
	u.read("GET /documents", u.documents)
	u.read("GET /documents/{id}", u.document)
	u.read("POST /documents", u.addDocument)
	u.read("GET /claims", u.claims)
	u.read("GET /claims.csv", u.claimsCSV)
	u.read("GET /claims.json", u.claimsJSON)
	u.read("GET /sources", u.sources)
	u.read("GET /sources/{id}", u.source)
	u.read("POST /sources/{id}/reliability", u.setReliability)
	u.read("GET /measures", u.measures)
	u.read("GET /measures/{id}", u.measure)
	u.read("GET /timeline", u.timeline)
	u.read("GET /map", u.worldMap)
	u.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		u.notFound(w, r, "There is no page at "+r.URL.Path+".")
	})
	return u, nil
}

// ServeHTTP serves the pages.
func (u *UI) ServeHTTP(w http.ResponseWriter, r *http.Request) { u.mux.ServeHTTP(w, r) }

// handlerFunc is a page handler that knows who is asking.
type handlerFunc func(w http.ResponseWriter, r *http.Request, who access.Who)

// read installs a page that needs read access: a browser elsewhere than
// on this machine is sent to sign in with a token first.
func (u *UI) read(pattern string, h handlerFunc) {
	u.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		who, err := u.Guard.Identify(r.Context(), r)
		if errors.Is(err, store.ErrBadToken) {
			clearTokenCookie(w, r)
			who, err = access.Who{Local: access.IsLocal(r)}, nil
		}
		if err != nil {
			u.serverError(w, r, err)
			return
		}
		if !who.CanRead() {
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		h(w, r, who)
	})
}

// page is what every view gets: the layout's parts and the view's data.
type page struct {
	Title string
	// Nav names the section to mark in the navigation.
	Nav string
	URL *url.URL
	Who access.Who
	// Search is the header search box's text.
	Search string
	// Flash is a one-line notice above the content (a saved form).
	Flash string
	Data  any
}

func (u *UI) newPage(r *http.Request, who access.Who, title, nav string, data any) *page {
	return &page{Title: title, Nav: nav, URL: r.URL, Who: who, Data: data}
}

func (u *UI) render(w http.ResponseWriter, r *http.Request, status int, view string, p *page) {
	if err := u.tpl.render(w, status, view, p); err != nil {
		u.Logger.Error("ui: render", "view", view, "err", err)
		http.Error(w, "internal error; the server log has the details", http.StatusInternalServerError)
	}
}

// problem is the data of the error page.
type problem struct {
	Status  int
	Message string
}

func (u *UI) showProblem(w http.ResponseWriter, r *http.Request, status int, msg string) {
	p := &page{Title: http.StatusText(status), URL: r.URL, Who: access.Who{Local: access.IsLocal(r)}, Data: problem{status, msg}}
	u.render(w, r, status, "problem", p)
}

func (u *UI) notFound(w http.ResponseWriter, r *http.Request, msg string) {
	u.showProblem(w, r, http.StatusNotFound, msg)
}

func (u *UI) serverError(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		return
	}
	u.Logger.Error("ui", "method", r.Method, "path", r.URL.Path, "err", err)
	u.showProblem(w, r, http.StatusInternalServerError, "Something went wrong on the server; its log has the details.")
}

// fail shows err as the page: a bad filter is the user's to fix (400), a
// missing item a 404, the rest the server's fault.
func (u *UI) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, query.ErrBad), errors.Is(err, store.ErrInvalid):
		u.showProblem(w, r, http.StatusBadRequest, capitalise(strings.TrimPrefix(err.Error(), "store: ")))
	case errors.Is(err, store.ErrNotFound):
		u.notFound(w, r, capitalise(strings.TrimPrefix(err.Error(), "store: "))+".")
	default:
		u.serverError(w, r, err)
	}
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// staticFiles serves the embedded assets. http.FileServerFS refuses paths
// with ".." and an fs.FS cannot leave its root, so nothing but the
// embedded files can be reached; directory listings are refused too.
func staticFiles(root fs.FS) http.Handler {
	files := http.StripPrefix("/static/", http.FileServerFS(root))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		if r.URL.Query().Get("v") != "" {
			// The URL holds the file's hash: it never changes.
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		files.ServeHTTP(w, r)
	})
}
