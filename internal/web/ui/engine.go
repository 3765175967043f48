package ui

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/chart"
)

//go:embed templates
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// engine holds every page's template, parsed once at start-up: a page is
// the common layout and partials plus its own view file, so that two views
// can define blocks of the same name.
type engine struct {
	views map[string]*template.Template
	// assets maps a static file's name to its URL with a content hash,
	// so that browsers may cache it for good and still see a new version.
	assets map[string]string
}

func newEngine() (*engine, error) {
	e := &engine{views: map[string]*template.Template{}, assets: map[string]string{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		name := strings.TrimPrefix(p, "static/")
		e.assets[name] = "/static/" + name + "?v=" + hex.EncodeToString(sum[:6])
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ui: reading the static files: %w", err)
	}
	views, err := fs.Glob(templateFS, "templates/views/*.html")
	if err != nil {
		return nil, err
	}
	for _, v := range views {
		name := strings.TrimSuffix(path.Base(v), ".html")
		t, err := template.New(name).Funcs(e.funcs()).ParseFS(templateFS, "templates/common/*.html", v)
		if err != nil {
			return nil, fmt.Errorf("ui: parsing the %s page: %w", name, err)
		}
		e.views[name] = t
	}
	return e, nil
}

// render executes a view into a buffer first, so that a template error
// gives a clean 500 rather than half a page.
func (e *engine) render(w http.ResponseWriter, status int, view string, p *page) error {
	t, ok := e.views[view]
	if !ok {
		return fmt.Errorf("ui: no view %q", view)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return fmt.Errorf("ui: rendering %s: %w", view, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

func (e *engine) funcs() template.FuncMap {
	return template.FuncMap{
		"asset": func(name string) string {
			if u, ok := e.assets[name]; ok {
				return u
			}
			return "/static/" + name
		},
		"day":            store.Day,
		"longDay":        longDay,
		"number":         func(n int) string { return chart.Number(float64(n)) },
		"figure":         chart.Number,
		"plural":         plural,
		"pct":            func(a, b int) int { return percent(a, b) },
		"add":            func(a, b int) int { return a + b },
		"add2":           func(a, b float64) float64 { return a + b },
		"query":          withQuery,
		"colour":         func(i int) string { return "s" + strconv.Itoa(i%paletteSize) },
		"f1":             func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
		"join":           strings.Join,
		"kindName":       kindName,
		"rangeText":      rangeText,
		"measureLine":    measureLine,
		"srcName":        func(s store.SourceRef) string { return s.Name },
		"credibility":    credibility,
		"estimateFigure": estimateFigure,
		"chartOf": func(l chart.Layout, id, class string) chartView {
			return chartView{Layout: l, ID: id, Class: class}
		},
	}
}

// credibility names a grade of information credibility on the Admiralty
// scale (STANAG 2511).
func credibility(n int) string {
	switch n {
	case 1:
		return "confirmed by other sources"
	case 2:
		return "probably true"
	case 3:
		return "possibly true"
	case 4:
		return "doubtful"
	case 5:
		return "improbable"
	}
	return "truth cannot be judged"
}

// chartView is a chart's layout with the id and class of its figure, for
// the "chart" template.
type chartView struct {
	Layout    chart.Layout
	ID, Class string
}

// paletteSize is the number of source colours in app.css (.s0 to .s9).
const paletteSize = 10

func longDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return chart.Number(float64(n)) + " " + many
}

func percent(a, b int) int {
	if b <= 0 {
		return 0
	}
	return max(1, a*100/b)
}

// withQuery returns u's path with one query parameter set (or removed when
// value is ""), keeping the others: for sort links, paging and downloads.
func withQuery(u *url.URL, key, value string) string {
	q := u.Query()
	if value == "" {
		q.Del(key)
	} else {
		q.Set(key, value)
	}
	if key != "offset" {
		q.Del("offset")
	}
	s := u.Path
	if enc := q.Encode(); enc != "" {
		s += "?" + enc
	}
	return s
}

// kindName is how a page names a source's kind.
func kindName(k string) string {
	switch k {
	case "organisation":
		return "organisation"
	case "anonymous":
		return "anonymous source"
	case "publisher":
		return "the publication"
	case "document":
		return "document or evidence"
	case "":
		return "unknown"
	}
	return k
}
