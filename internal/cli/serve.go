package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/ingest"
	"github.com/crosscheck-dev/crosscheck/internal/reconcile"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/intake"
)

func init() {
	register(command{name: "serve", summary: "serve the web UI and the JSON API over the store", run: runServe})
}

// defaultAddr is loopback only: the ledger is nobody else's business
// unless the user says so.
const defaultAddr = "127.0.0.1:8080"

func runServe(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "serve", "",
		"Serves the web UI (articles with their claims highlighted, the claims table, sources, a timeline and\n"+
			"a map) and the JSON API under /api/v1 (described at /api/v1/openapi.json), over the store.\n"+
			"Requests from this machine may read without a token; writes through the API, and any request from\n"+
			"elsewhere, need an API token (crosscheck token create NAME). Ctrl-C stops the server.")
	db := dbFlag(fs)
	addr := fs.String("addr", defaultAddr, "listen on this `host:port`; a non-loopback address exposes the server to the network")
	verbose := fs.Bool("verbose", false, "log every request")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr(env, "serve takes no arguments, only flags (%q given)", rest[0])
	}
	if _, _, err := net.SplitHostPort(*addr); err != nil {
		return usageErr(env, "--addr %q: give host:port, e.g. 127.0.0.1:8080", *addr)
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: level}))

	return withStore(ctx, env, *db, func(st store.Store, path string) error {
		loopback := access.LoopbackAddr(*addr)
		h, err := web.New(web.Config{
			Store:        st,
			Logger:       log,
			LoopbackOnly: loopback,
			Intake: intake.Config{
				Ingest: ingest.Config{Logger: log},
				// A document added through the server joins the measures
				// at once, as one added by "crosscheck ingest" does.
				AfterStore: func(ctx context.Context, _ []int64) error {
					_, err := reconcile.Run(context.WithoutCancel(ctx), st)
					return err
				},
			},
		})
		if err != nil {
			return err
		}
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			return fmt.Errorf("serve: %w; is another server on that port? Try --addr 127.0.0.1:8081", err)
		}
		if !loopback {
			fmt.Fprintln(env.Stderr, strings.Repeat("!", 78))
			fmt.Fprintf(env.Stderr, "crosscheck: WARNING: listening on %s, reachable from other machines.\n", ln.Addr())
			fmt.Fprintln(env.Stderr, "crosscheck: every request from elsewhere needs an API token, but traffic is plain HTTP:")
			fmt.Fprintln(env.Stderr, "crosscheck: put it behind a TLS proxy, or serve on 127.0.0.1 (the default).")
			fmt.Fprintln(env.Stderr, strings.Repeat("!", 78))
		}
		fmt.Fprintf(env.Stdout, "crosscheck: serving %s on http://%s/ (Ctrl-C stops)\n", path, displayAddr(ln.Addr()))
		err = web.Serve(ctx, ln, h, log)
		if err != nil && !errors.Is(err, context.Canceled) {
			return fmt.Errorf("serve: %w", err)
		}
		return nil
	})
}

// displayAddr is the address to open in a browser: a wildcard address
// ("0.0.0.0", "::") is shown as this machine's loopback.
func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	if tcp.IP.IsUnspecified() {
		return net.JoinHostPort("127.0.0.1", fmt.Sprint(tcp.Port))
	}
	return tcp.String()
}
