// Package cli is crosscheck's command line: one function per command, each
// taking its arguments and returning an error, so that the whole CLI runs
// inside tests.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
)

// Env is what a command may touch of the process: its streams and its
// environment.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Logger receives diagnostics; nil logs warnings to Stderr.
	Logger *slog.Logger
}

func (e Env) getenv(k string) string {
	if e.Getenv == nil {
		return ""
	}
	return e.Getenv(k)
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env Env, args []string) error
}

var commands []command

func register(c command) { commands = append(commands, c) }

// errUsage marks a mistake in the command line; its message has been
// printed with the usage.
var errUsage = errors.New("usage")

// exitError carries a chosen exit status, e.g. when some inputs failed
// after the others were read.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// Main runs the command line args and returns the process exit status: 0
// on success, 1 when the command failed, 2 for a usage mistake. Errors are
// printed on env.Stderr as one line each.
func Main(ctx context.Context, args []string, env Env) int {
	err := Run(ctx, args, env)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, flag.ErrHelp):
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(env.Stderr, "crosscheck:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(env.Stderr, "crosscheck:", err)
	return 1
}

// Run runs the command line args.
func Run(ctx context.Context, args []string, env Env) error {
	if env.Logger == nil {
		env.Logger = slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	if len(args) == 0 {
		usage(env.Stderr)
		return errUsage
	}
	args = globalDB(args)
	name := args[0]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			return Run(ctx, []string{args[1], "-h"}, env)
		}
		usage(env.Stdout)
		return nil
	case "version", "--version":
		fmt.Fprintln(env.Stdout, "crosscheck", version())
		return nil
	}
	for _, c := range commands {
		if c.name == name {
			return c.run(ctx, env, args[1:])
		}
	}
	fmt.Fprintf(env.Stderr, "crosscheck: unknown command %q; run \"crosscheck help\" for the list\n", name)
	return errUsage
}

// globalDB moves a --db given before the command ("crosscheck --db
// ledger.db claims") to after it, where the command's flags take it: the
// store is chosen the same way for every command.
func globalDB(args []string) []string {
	if len(args) < 2 {
		return args
	}
	a := args[0]
	switch {
	case a == "--db" || a == "-db":
		if len(args) < 3 {
			return args
		}
		return append([]string{args[2], a, args[1]}, args[3:]...)
	case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
		return append([]string{args[1], a}, args[2:]...)
	}
	return args
}

func usage(w io.Writer) {
	fmt.Fprint(w, `crosscheck keeps a ledger of attributed claims from news articles and reports:
who said what, when, with which figures, on what evidence.

Usage: crosscheck COMMAND [flags] [arguments]

Commands:
`)
	cs := append([]command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "crosscheck COMMAND -h" for a command's flags. Start with "crosscheck demo".
The store is one SQLite file, created when first used: --db PATH on any command,
else $CROSSCHECK_DB, else ~/.local/share/crosscheck/crosscheck.db.
`)
}

// newFlags returns a FlagSet for a command that prints its usage on
// env.Stderr.
func newFlags(env Env, name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: crosscheck %s\n\n%s\n\nFlags:\n", strings.TrimSpace(name+" [flags] "+args), summary)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags that may come before, between or after the positional
// arguments ("extract FILE --format json" as well as "extract --format json
// FILE"), and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// usageErr prints a usage mistake and returns errUsage.
func usageErr(env Env, format string, a ...any) error {
	fmt.Fprintf(env.Stderr, "crosscheck: "+format+"\n", a...)
	return errUsage
}

// oneOf checks that a flag value is one of the allowed ones.
func oneOf(env Env, flagName, value string, allowed ...string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return usageErr(env, "--%s %q: use one of %s", flagName, value, strings.Join(allowed, ", "))
}

// isTerminal reports whether w is a terminal, for progress bars and charts.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
