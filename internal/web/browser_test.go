package web

// Tests in a real browser: Debian's Chromium, headless, driven by
// chromedp. They skip when no Chromium is installed; .ci/run installs it.

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/text"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/webtest"
)

// browser is one headless Chromium shared by the tests; each test opens
// tabs in it.
var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	dir    string
	err    error
}

// startBrowser returns the shared browser's context, skipping the test
// when there is no Chromium.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	bin, ok := webtest.Chromium()
	if !ok {
		t.Skipf("no Chromium: install it (apt-get install chromium) or set %s to run the browser tests", webtest.ChromiumEnv)
	}
	browser.once.Do(func() {
		if browser.dir, browser.err = os.MkdirTemp("", "crosscheck-chromium-"); browser.err != nil {
			return
		}
		browser.ctx, browser.cancel = webtest.Browser(context.Background(), bin, browser.dir)
		// The first action starts the browser; it must have no deadline,
		// or the deadline would stop the browser with it.
		browser.err = chromedp.Do(browser.ctx)
	})
	if browser.err != nil {
		t.Fatalf("starting Chromium: %v", browser.err)
	}
	return browser.ctx
}

// page is a browser tab on a server, with the tab's console messages.
type page struct {
	t    *testing.T
	ctx  context.Context
	base string

	mu       sync.Mutex
	messages []chromedp.ConsoleMessage
}

// openPage serves h and opens a tab on it. The tab closes at the end of
// the test.
func openPage(t *testing.T, h *httptest.Server) *page {
	t.Helper()
	bctx := startBrowser(t)
	tab, cancel := chromedp.NewContext(bctx)
	t.Cleanup(cancel)
	p := &page{t: t, ctx: tab, base: h.URL}
	if err := chromedp.Do(tab); err != nil { // opens the tab
		t.Fatal(err)
	}
	msgs := chromedp.Console(tab)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			p.mu.Lock()
			p.messages = append(p.messages, m)
			p.mu.Unlock()
		}
	}()
	return p
}

// do runs actions with a deadline (on a child context: the tab lives on).
func (p *page) do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		p.t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](p *page, expr string) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		p.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// visit loads a path and waits for the page to be complete.
func (p *page) visit(path string) {
	p.t.Helper()
	p.do(chromedp.Navigate(p.base+path), chromedp.WaitReady(chromedp.CSS("footer")))
	// Let late console messages (a refused resource) arrive.
	p.do(chromedp.Sleep(150 * time.Millisecond))
}

// problems returns the console's errors and warnings since the last call.
func (p *page) problems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, m := range p.messages {
		switch m.Type {
		case chromedp.ConsoleError, chromedp.ConsoleException, chromedp.ConsoleWarning:
			out = append(out, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
		}
	}
	p.messages = nil
	return out
}

func demoServer(t *testing.T, st store.Store) *httptest.Server {
	t.Helper()
	h, err := New(Config{Store: st, LoopbackOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// pagePaths lists a path of every page of the UI over the demo store.
func pagePaths(t *testing.T, st store.Store) map[string]string {
	ctx := context.Background()
	docs, _ := st.Documents(ctx, store.DocumentFilter{})
	srcs, _ := st.Sources(ctx, store.SourceFilter{Kind: "person", Limit: 1})
	if len(docs.Items) == 0 || len(srcs.Items) == 0 {
		t.Fatal("the demo store is empty")
	}
	ms, _ := st.Measures(ctx, store.MeasureFilter{Limit: 1})
	if len(ms.Items) == 0 {
		t.Fatal("the demo store has no measure")
	}
	return map[string]string{
		"measures": "/measures",
		"measure":  "/measures/" + strconv.FormatInt(ms.Items[0].ID, 10),
		"home":     "/",
		"articles": "/documents",
		"article":  "/documents/" + strconv.FormatInt(docs.Items[0].ID, 10),
		"claims":   "/claims?has_quantity=true",
		"sources":  "/sources",
		"source":   "/sources/" + strconv.FormatInt(srcs.Items[0].ID, 10),
		"timeline": "/timeline",
		"map":      "/map",
		"search":   "/search?q=troops",
		"sign in":  "/login",
	}
}

func TestBrowserPagesLoadCleanly(t *testing.T) {
	st := demoStore(t)
	p := openPage(t, demoServer(t, st))
	for name, path := range pagePaths(t, st) {
		p.visit(path)
		if probs := p.problems(); len(probs) > 0 {
			t.Errorf("%s (%s): console:\n  %s", name, path, strings.Join(probs, "\n  "))
		}
		// The stylesheet applied (it is refused if the CSP or the static
		// handler goes wrong) and the script ran.
		if js := eval[bool](p, `document.documentElement.classList.contains("js")`); !js {
			t.Errorf("%s: app.js did not run", name)
		}
		if bg := eval[string](p, `getComputedStyle(document.querySelector("header.top")).backgroundColor`); bg != "rgb(23, 32, 51)" {
			t.Errorf("%s: the header's background is %q: app.css did not apply", name, bg)
		}
	}
}

func TestBrowserClaimDetails(t *testing.T) {
	st := demoStore(t)
	p := openPage(t, demoServer(t, st))
	docs, _ := st.Documents(context.Background(), store.DocumentFilter{})
	p.visit("/documents/" + strconv.FormatInt(docs.Items[0].ID, 10))

	if n := eval[int](p, `document.querySelectorAll(".claim-card.shown").length`); n != 0 {
		t.Fatalf("%d claim cards shown before any click", n)
	}
	// Click each of the first few highlighted claims: its card shows, with
	// the speaker and the content, and its passages are marked.
	ids := eval[[]string](p, `[...new Set([...document.querySelectorAll("#doc-text a.hl")].map(a => a.dataset.claim))].slice(0, 4)`)
	if len(ids) == 0 {
		t.Fatal("no highlighted claim in the article")
	}
	for _, id := range ids {
		p.do(chromedp.Click(chromedp.CSS(`#doc-text a.hl[data-claim="`+id+`"]`)),
			chromedp.WaitVisible(chromedp.CSS("#claim-"+id)))
		shown := eval[[]string](p, `[...document.querySelectorAll(".claim-card")].filter(c => getComputedStyle(c).display !== "none").map(c => c.id)`)
		if len(shown) != 1 || shown[0] != "claim-"+id {
			t.Errorf("after clicking claim %s, cards shown: %v", id, shown)
		}
		claimID, _ := strconv.ParseInt(id, 10, 64)
		c, err := st.Claim(context.Background(), claimID)
		if err != nil {
			t.Fatal(err)
		}
		card := eval[string](p, `document.getElementById("claim-`+id+`").innerText`)
		for _, want := range []string{c.Speaker.Name, "Stance", "Verification", c.Stance} {
			if !strings.Contains(card, want) {
				t.Errorf("claim %s's card lacks %q:\n%s", id, want, card)
			}
		}
		if n := eval[int](p, `document.querySelectorAll('#doc-text a.selected:not([data-claim="`+id+`"])').length`); n != 0 {
			t.Errorf("claim %s: %d passages of other claims marked", id, n)
		}
		if hash := eval[string](p, `location.hash`); hash != "#claim-"+id {
			t.Errorf("location.hash %q", hash)
		}
	}
	// On a phone the details come up in a sheet over the text, and Escape
	// closes it.
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	p.visit("/documents/" + strconv.FormatInt(docs.Items[0].ID, 10))
	p.do(chromedp.Click(chromedp.CSS(`#doc-text a.hl`)), chromedp.Sleep(400*time.Millisecond))
	top := eval[float64](p, `document.getElementById("claim-panel").getBoundingClientRect().top`)
	if top <= 0 || top >= 844 {
		t.Errorf("phone: the claim sheet's top is at %v, want it on screen", top)
	}
	p.do(chromedp.KeyEvent("\x1b"), chromedp.Sleep(400*time.Millisecond))
	if top := eval[float64](p, `document.getElementById("claim-panel").getBoundingClientRect().top`); top < 844 {
		t.Errorf("phone: after Escape the sheet is still at %v", top)
	}
	if probs := p.problems(); len(probs) > 0 {
		t.Errorf("console:\n  %s", strings.Join(probs, "\n  "))
	}
}

func TestBrowserMapAndCharts(t *testing.T) {
	st := demoStore(t)
	p := openPage(t, demoServer(t, st))
	p.visit("/map")
	countries := eval[int](p, `document.querySelectorAll("#worldmap path.country").length`)
	places := eval[int](p, `document.querySelectorAll("#worldmap circle.place").length`)
	if countries < 150 || places == 0 {
		t.Errorf("map: %d countries, %d places", countries, places)
	}
	// Drawn, not just present: the map has a size and the places lie in it.
	w := eval[float64](p, `document.getElementById("worldmap").getBoundingClientRect().width`)
	h := eval[float64](p, `document.getElementById("worldmap").getBoundingClientRect().height`)
	inside := eval[bool](p, `[...document.querySelectorAll("#worldmap circle.place")].every(c => { const b = c.getBBox(); return b.width > 0 && b.x >= 0 && b.x <= 1000 })`)
	if w < 300 || h < 100 || !inside {
		t.Errorf("map drawn %vx%v, places inside: %v", w, h, inside)
	}

	// The measure's chart: a mark per dated figure, drawn inside the plot,
	// the band of the latest figures, and set-aside figures greyed.
	ms, _ := st.Measures(context.Background(), store.MeasureFilter{Limit: 1})
	m, err := st.Measure(context.Background(), ms.Items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	p.visit("/measures/" + strconv.FormatInt(m.ID, 10))
	marks := eval[int](p, `[...document.querySelectorAll("#measure-chart .mark .dot")].filter(d => { const b = d.getBBox(); return b.width > 0 && b.height > 0 }).length`)
	dated := 0
	excluded := 0
	for _, e := range m.Estimates {
		if !e.SaidOn.IsZero() || !e.AsOf.IsZero() {
			dated++
		}
		if e.Excluded {
			excluded++
		}
	}
	if marks == 0 || marks > len(m.Estimates) || marks < dated-1 {
		t.Errorf("the chart drew %d marks for %d estimates (%d dated)", marks, len(m.Estimates), dated)
	}
	if m.Range != nil && eval[float64](p, `document.querySelector("#measure-chart rect.band").getBBox().width`) <= 0 {
		t.Error("the band of the latest figures is not drawn")
	}
	grey := eval[int](p, `document.querySelectorAll("#measure-chart .mark.ex").length`)
	if excluded > 0 && grey == 0 {
		t.Errorf("%d estimates set aside, none greyed", excluded)
	}
	// Hovering a mark names the figure: each has a title.
	if n := eval[int](p, `[...document.querySelectorAll("#measure-chart .mark")].filter(a => !a.querySelector("title") || !a.querySelector("title").textContent).length`); n != 0 {
		t.Errorf("%d marks without a title", n)
	}
	// On a phone the narrow chart shows instead, and draws too.
	p.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	p.visit("/measures/" + strconv.FormatInt(m.ID, 10))
	if w := eval[float64](p, `document.getElementById("measure-chart-small").getBoundingClientRect().width`); w < 300 {
		t.Errorf("phone: the narrow chart is %v wide", w)
	}
	if w := eval[float64](p, `document.getElementById("measure-chart").getBoundingClientRect().width`); w != 0 {
		t.Errorf("phone: the wide chart shows too (%v wide)", w)
	}
	p.do(chromedp.EmulateViewport(1280, 900))

	srcs, _ := st.Sources(context.Background(), store.SourceFilter{Kind: "person", Limit: 1})
	p.visit("/sources/" + strconv.FormatInt(srcs.Items[0].ID, 10))
	bars := eval[int](p, `[...document.querySelectorAll(".activity rect.act-bar")].filter(r => r.getBBox().height > 0).length`)
	if bars == 0 {
		t.Error("the source's claims over time drew no bar")
	}
}

func TestBrowserSortTable(t *testing.T) {
	st := demoStore(t)
	p := openPage(t, demoServer(t, st))
	p.visit("/claims")
	speakers := func() []string {
		return eval[[]string](p, `[...document.querySelectorAll("#claims-table tbody tr")].map(r => r.cells[1].textContent.trim().toLowerCase())`)
	}
	p.do(chromedp.Click(chromedp.CSS(`#claims-table th:nth-child(2) button`)))
	got := speakers()
	for i := 1; i < len(got); i++ {
		if got[i-1] > got[i] {
			t.Fatalf("after sorting by speaker, %q comes before %q", got[i-1], got[i])
		}
	}
	p.do(chromedp.Click(chromedp.CSS(`#claims-table th:nth-child(2) button`)))
	got = speakers()
	if len(got) > 1 && got[0] < got[len(got)-1] {
		t.Errorf("a second click should sort descending: %q ... %q", got[0], got[len(got)-1])
	}
}

func TestBrowserHostileArticle(t *testing.T) {
	st := ownStore(t)
	srv := demoServer(t, st)
	const hostile = `Markup in a story <script>window.pwned = 1</script>

By Mal Icious

14 April 2025

The Injector

Officials said <img src=x onerror="window.pwned = 2"> that "<script>document.title='pwned'</script>" was harmless, adding that <svg onload="window.pwned=3"></svg> and <iframe srcdoc="<script>parent.pwned=4</script>"></iframe> were too.
`
	doc, err := text.Read([]byte(hostile), "hostile.txt")
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := st.AddDocument(context.Background(), doc, extract.Run(doc, extract.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	p := openPage(t, srv)
	for _, path := range []string{"/documents/" + strconv.FormatInt(id, 10), "/", "/claims", "/search?q=harmless", "/timeline"} {
		p.visit(path)
		if pwned := eval[bool](p, `typeof window.pwned !== "undefined" || document.title === "pwned"`); pwned {
			t.Errorf("%s: the article's script ran", path)
		}
		if n := eval[int](p, `document.querySelectorAll("main img, main iframe, main script, #doc-text svg").length`); n != 0 {
			t.Errorf("%s: %d elements made from the article's markup", path, n)
		}
	}
	p.visit("/documents/" + strconv.FormatInt(id, 10))
	if text := eval[string](p, `document.getElementById("doc-text").innerText`); !strings.Contains(text, "<script>window.pwned = 1</script>") {
		t.Errorf("the markup should read as text:\n%s", text)
	}
	if probs := p.problems(); len(probs) > 0 {
		t.Errorf("console:\n  %s", strings.Join(probs, "\n  "))
	}
}

// stopBrowser ends the shared browser, if one was started.
func stopBrowser() {
	if browser.cancel != nil {
		browser.cancel()
		os.RemoveAll(browser.dir)
	}
}
