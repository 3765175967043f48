// Package webtest holds what the web server's tests and the screenshot
// script share: a store filled with the demo corpus, and a headless
// Chromium driven by chromedp, started with the flags it needs on a
// machine without network or display.
package webtest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"

	"github.com/crosscheck-dev/crosscheck/internal/demo"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/text"
	"github.com/crosscheck-dev/crosscheck/internal/reconcile"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/store/sqlite"
)

// DemoStore creates a store at path and reads the demo articles into it,
// and reconciles them, as "crosscheck demo" does.
func DemoStore(ctx context.Context, path string) (store.Store, error) {
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	var in []store.Input
	for _, name := range demo.Names() {
		data, err := demo.Read(name)
		if err != nil {
			st.Close()
			return nil, err
		}
		doc, err := text.Read([]byte(data), "demo/"+name)
		if err != nil {
			st.Close()
			return nil, fmt.Errorf("webtest: %s: %w", name, err)
		}
		in = append(in, store.Input{Document: doc, Result: extract.Run(doc, extract.Options{})})
	}
	added, err := st.AddDocuments(ctx, in)
	if err == nil {
		for _, a := range added {
			err = errors.Join(err, a.Err)
		}
	}
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("webtest: storing the demo: %w", err)
	}
	if _, err := reconcile.Run(ctx, st); err != nil {
		st.Close()
		return nil, fmt.Errorf("webtest: reconciling the demo: %w", err)
	}
	return st, nil
}

// ChromiumEnv names the environment variable that points at a Chromium or
// Chrome binary other than the usual ones.
const ChromiumEnv = "CROSSCHECK_CHROMIUM"

// Chromium returns the path of a Chromium binary: $CROSSCHECK_CHROMIUM,
// else Debian's /usr/bin/chromium, else one on PATH. ok is false when
// there is none.
func Chromium() (path string, ok bool) {
	if p := os.Getenv(ChromiumEnv); p != "" {
		return p, true
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	return "", false
}

// Browser starts a headless Chromium with a fresh profile in userDataDir
// and returns a chromedp context for its first tab. The flags keep it from
// reaching for the network (updates, sync, QUIC probes), without which it
// stalls on a closed network, and from needing a sandbox or a GPU, which a
// container lacks. cancel stops the browser.
func Browser(ctx context.Context, binary, userDataDir string) (context.Context, context.CancelFunc) {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(binary),
		chromedp.UserDataDir(userDataDir),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	return bctx, func() { cancelBrowser(); cancelAlloc() }
}
