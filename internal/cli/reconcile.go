package cli

import (
	"context"
	"fmt"

	"github.com/crosscheck-dev/crosscheck/internal/reconcile"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

func init() {
	register(command{name: "reconcile", summary: "group sources and figures across documents: measures, contradictions, verification", run: runReconcile})
}

func runReconcile(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "reconcile", "",
		"Sets the documents in the store side by side: recognises each source under its different names,\n"+
			"groups the figures that count the same thing into measures, follows them over time, finds\n"+
			"agreements and contradictions, and judges each claim's credibility. It replaces the previous\n"+
			"reconciliation and keeps your merges, splits and reliability grades. ingest and demo run it\n"+
			"for you; run it yourself after changing sources by hand, or on a store from an older crosscheck.")
	db := dbFlag(fs)
	quiet := fs.Bool("quiet", false, "print nothing unless it fails")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr(env, "reconcile takes no arguments, only flags (%q given)", rest[0])
	}
	return withStore(ctx, env, *db, func(st store.Store, path string) error {
		s, err := reconcile.Run(ctx, st)
		if err != nil {
			return err
		}
		if !*quiet {
			fmt.Fprintln(env.Stdout, summaryLine(s))
		}
		return nil
	})
}

// summaryLine says what a reconciliation found, in one line.
func summaryLine(s reconcile.Summary) string {
	changed := "updated"
	if !s.Changed {
		changed = "unchanged"
	}
	return fmt.Sprintf("reconciled %s: %d sources, %d measures with %d figures (%d set aside), %d claims judged in %s",
		changed, s.Sources, s.Measures, s.Estimates, s.Excluded, s.Verifications, s.Took.Round(1e6))
}

// reconcileAfterIngest runs the reconciliation once documents were added,
// and returns what to add to the ingest's summary line.
func reconcileAfterIngest(ctx context.Context, st store.Store) (string, error) {
	s, err := reconcile.Run(context.WithoutCancel(ctx), st)
	if err != nil {
		return "", fmt.Errorf("%w (the documents are stored)", err)
	}
	return fmt.Sprintf("; %d measures across %d sources", s.Measures, s.Sources), nil
}
