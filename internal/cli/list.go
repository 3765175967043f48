package cli

import (
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// listFlags are the flags every listing command has.
type listFlags struct {
	db     *string
	format *string
	limit  *int
}

func addListFlags(fs *flag.FlagSet) listFlags {
	return listFlags{
		db:     dbFlag(fs),
		format: fs.String("format", formatTable, "output `format`: table, json or csv"),
		limit:  fs.Int("limit", 100, "show at most `N` rows, 0 for all"),
	}
}

// check validates the flags after parsing; positional arguments are a
// mistake for a listing.
func (lf listFlags) check(env Env, cmd string, args []string) error {
	if len(args) > 0 {
		return usageErr(env, "%s takes no arguments, only flags (%q given); see crosscheck %s -h", cmd, args[0], cmd)
	}
	if err := oneOf(env, "format", *lf.format, listFormats...); err != nil {
		return err
	}
	if *lf.limit < 0 {
		return usageErr(env, "--limit %d: give a number of rows, or 0 for all", *lf.limit)
	}
	return nil
}

// dayFlag reads --since or --until: a day (2025-03-14), a month (2025-03)
// or a year (2025). A month or a year starts on its first day for --since
// and ends on its last for --until, so "--since 2025-03 --until 2025-03"
// is March.
func dayFlag(env Env, name, value string, end bool) (time.Time, error) {
	if value == "" {
		return time.Time{}, nil
	}
	for _, f := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{time.DateOnly, func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		t, err := time.Parse(f.layout, value)
		if err != nil {
			continue
		}
		if end {
			t = f.next(t).AddDate(0, 0, -1)
		}
		return t, nil
	}
	return time.Time{}, usageErr(env, "--%s %q: give a day as YYYY-MM-DD (or a month, YYYY-MM, or a year)", name, value)
}

// listErr makes a store's refusal of a filter (a search with no word to
// look for, a since after the until) a usage mistake: the user typed it.
func listErr(env Env, err error) error {
	if errors.Is(err, store.ErrInvalid) {
		return usageErr(env, "%v", err)
	}
	return err
}

// listed tells a person at the table what they are not seeing: rows cut
// by --limit, or an empty result and what to do about it. It writes on
// stderr so that piped output stays clean.
func listed(env Env, what string, shown, total int, filtered bool) {
	switch {
	case total == 0 && filtered:
		fmt.Fprintf(env.Stderr, "No %s match.\n", what)
	case total == 0:
		fmt.Fprintf(env.Stderr, "No %s yet: add articles with \"crosscheck ingest FILE|FOLDER|URL...\", or try \"crosscheck demo\".\n", what)
	case shown < total:
		fmt.Fprintf(env.Stderr, "Showing %d of %d %s; --limit 0 shows all.\n", shown, total, what)
	}
}

// day prints a day, or nothing when unknown.
func day(t time.Time) string { return store.Day(t) }

func itoa(n int) string { return fmt.Sprint(n) }

func id(n int64) string { return fmt.Sprint(n) }
