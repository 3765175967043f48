// Command screenshots saves a PNG of each page of crosscheck's web UI over
// the demo corpus, into docs/screenshots/ (or the folder given with -out):
// it reads the demo articles into a temporary store, serves it on a
// loopback port, and drives a headless Chromium to each page at a laptop's
// width and, for the pages most used on the move, at a phone's.
//
// Run it from the repository's root with scripts/screenshots.sh, or:
//
//	go run ./scripts/screenshots [-out docs/screenshots]
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web"
	"github.com/crosscheck-dev/crosscheck/internal/web/webtest"
)

func main() {
	out := flag.String("out", "docs/screenshots", "write the PNG files into this `folder`")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

// shot is one screenshot: a page at a viewport size, with an optional
// step (a click) before the picture.
type shot struct {
	name   string
	path   string
	width  int64
	height int64
	// scale is the device pixel ratio: 2 for a phone, as phones have.
	scale float64
	// click, when set, is a CSS selector clicked before the picture.
	click string
}

func run(out string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	chromium, ok := webtest.Chromium()
	if !ok {
		return fmt.Errorf("no Chromium found: install it (apt-get install chromium) or set %s", webtest.ChromiumEnv)
	}
	tmp, err := os.MkdirTemp("", "crosscheck-screenshots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	st, err := webtest.DemoStore(ctx, filepath.Join(tmp, "demo.db"))
	if err != nil {
		return err
	}
	defer st.Close()
	h, err := web.New(web.Config{Store: st, LoopbackOnly: true})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srvCtx, stop := context.WithCancel(ctx)
	defer stop()
	go web.Serve(srvCtx, ln, h, nil)
	base := "http://" + ln.Addr().String()

	// The article with the most claims, and the most quoted person, make
	// the fullest pages.
	docs, err := st.Documents(ctx, store.DocumentFilter{})
	if err != nil {
		return err
	}
	article := docs.Items[0]
	for _, d := range docs.Items {
		if d.Claims > article.Claims {
			article = d
		}
	}
	people, err := st.Sources(ctx, store.SourceFilter{Kind: "person", Limit: 1})
	if err != nil || len(people.Items) == 0 {
		return fmt.Errorf("no person in the demo store: %v", err)
	}
	// The measure with the most independent sources makes the fullest
	// chart; a store that is not reconciled has none.
	measures, err := st.Measures(ctx, store.MeasureFilter{Limit: 1})
	if err != nil {
		return err
	}
	// On the article, select a claim that carries a figure: its card has
	// the most to show.
	claims, err := st.Claims(ctx, store.ClaimFilter{DocumentID: article.ID, HasQuantity: true, Limit: 1})
	if err != nil {
		return err
	}
	pick := "#doc-text a.hl"
	if len(claims.Items) > 0 {
		pick = `#doc-text a.hl[data-claim="` + strconv.FormatInt(claims.Items[0].ID, 10) + `"]`
	}
	doc := "/documents/" + strconv.FormatInt(article.ID, 10)
	src := "/sources/" + strconv.FormatInt(people.Items[0].ID, 10)
	shots := []shot{
		{name: "home", path: "/", width: 1280, height: 900, scale: 1},
		{name: "article", path: doc, width: 1280, height: 1000, scale: 1, click: pick},
		{name: "claims", path: "/claims?has_quantity=true", width: 1280, height: 900, scale: 1},
		{name: "source", path: src, width: 1280, height: 1000, scale: 1},
		{name: "timeline", path: "/timeline?since=2025-03-20&until=2025-04-02", width: 1280, height: 1000, scale: 1},
		{name: "map", path: "/map", width: 1280, height: 900, scale: 1},
		{name: "search", path: "/search?q=troops+OR+soldiers", width: 1280, height: 900, scale: 1},
		{name: "measures", path: "/measures", width: 1280, height: 900, scale: 1},
		{name: "phone-article", path: doc, width: 390, height: 844, scale: 2, click: pick},
		{name: "phone-claims", path: "/claims?has_quantity=true", width: 390, height: 844, scale: 2},
		{name: "phone-home", path: "/", width: 390, height: 844, scale: 2},
	}

	if len(measures.Items) > 0 {
		m := "/measures/" + strconv.FormatInt(measures.Items[0].ID, 10)
		shots = append(shots,
			shot{name: "measure", path: m, width: 1280, height: 1100, scale: 1},
			shot{name: "phone-measure", path: m, width: 390, height: 844, scale: 2})
	}

	bctx, closeBrowser := webtest.Browser(ctx, chromium, filepath.Join(tmp, "chromium"))
	defer closeBrowser()
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, s := range shots {
		steps := []chromedp.Action[chromedp.Void]{
			chromedp.EmulateViewport(s.width, s.height, chromedp.EmulateScale(s.scale), mobile(s.width)),
			chromedp.Navigate(base + s.path),
			chromedp.WaitVisible(chromedp.CSS("footer")),
		}
		if s.click != "" {
			steps = append(steps, chromedp.Click(chromedp.CSS(s.click)),
				chromedp.WaitVisible(chromedp.CSS(".claim-card.shown")),
				chromedp.Sleep(300*time.Millisecond)) // the phone's sheet slides in
		}
		if err := chromedp.Do(bctx, steps...); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		png, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		file := filepath.Join(out, s.name+".png")
		if err := os.WriteFile(file, png, 0o644); err != nil {
			return err
		}
		fmt.Println(file)
	}
	return nil
}

// mobile makes a narrow viewport behave as a phone's (the meta viewport
// tag applies).
func mobile(width int64) chromedp.EmulateViewportOption {
	if width < 600 {
		return chromedp.EmulateMobile
	}
	return func(*emulation.SetDeviceMetricsOverrideParams, *emulation.SetTouchEmulationEnabledParams) {}
}
