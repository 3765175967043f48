package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/demo"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/text"
	"github.com/crosscheck-dev/crosscheck/internal/reconcile"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/store/sqlite"
)

func init() {
	register(command{name: "demo", summary: "read the built-in demo articles into a fresh store and print the ledger", run: runDemo})
}

func runDemo(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "demo", "",
		"Reads eight short demo articles built into crosscheck (a fictional border crisis: every country,\n"+
			"organisation and person in them is invented) into a fresh store, and prints the ledger: each\n"+
			"article's claims, then the sources across the articles. It needs no network, and never touches\n"+
			"your own store: it writes to a new temporary file, or to --db.")
	db := fs.String("db", "", "store the demo in this new `file` (it must not exist yet, unless --reset)")
	reset := fs.Bool("reset", false, "replace the --db file if it is a crosscheck store already")
	format := fs.String("format", "text", "output `format`: text or json")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr(env, "demo takes no arguments, only flags (%q given); to read your own files, use crosscheck ingest", rest[0])
	}
	if err := oneOf(env, "format", *format, "text", "json"); err != nil {
		return err
	}
	if *reset && *db == "" {
		return usageErr(env, "--reset replaces the --db file; give --db PATH too")
	}
	path, err := freshStorePath(ctx, *db, *reset)
	if err != nil {
		return err
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()

	g := newIngestion(env, st, extract.Options{}, true, 0)
	if err := g.run(ctx, demoItems()); err != nil {
		return err
	}
	if len(g.failures) > 0 {
		// The articles are built in and tested: a failure is a bug.
		return fmt.Errorf("demo: %v (a bug in crosscheck: please report it)", errors.Join(g.failures...))
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if _, err := reconcile.Run(ctx, st); err != nil {
		return err
	}
	l, err := readLedger(ctx, st, path)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(l)
	}
	l.write(env.Stdout, min(outputWidth(env), 100))
	return nil
}

// freshStorePath returns where the demo store goes: a new temporary
// folder, or the --db path when nothing is there yet, or when --reset
// allows replacing a crosscheck store (never another file).
func freshStorePath(ctx context.Context, path string, reset bool) (string, error) {
	if path == "" {
		dir, err := os.MkdirTemp("", "crosscheck-demo-")
		if err != nil {
			return "", fmt.Errorf("demo: making a temporary folder: %w (give a path with --db)", err)
		}
		return filepath.Join(dir, "demo.db"), nil
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return path, nil
	} else if err != nil {
		return "", fmt.Errorf("demo: %w", err)
	}
	if !reset {
		return "", fmt.Errorf("demo: %s exists; the demo needs a fresh store: give another --db path, or add --reset to replace it", path)
	}
	// Opening proves it is a crosscheck store before anything is removed.
	old, err := sqlite.Open(ctx, path)
	if err != nil {
		return "", fmt.Errorf("demo: --reset: %w; crosscheck removes only its own stores", err)
	}
	old.Close()
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("demo: --reset: %w", err)
		}
	}
	return path, nil
}

// demoItems yields the built-in articles, read as plain text as ingest
// reads a .txt file.
func demoItems() iter.Seq[item] {
	return func(yield func(item) bool) {
		for _, name := range demo.Names() {
			input := "demo/" + name
			it := item{input: input}
			data, err := demo.Read(name)
			if err == nil {
				it.doc, err = text.Read([]byte(data), input)
			}
			it.err = err
			if !yield(it) {
				return
			}
		}
	}
}

// ledger is what the demo prints: the documents with their claims, then
// the sources across them, all read back from the store.
type ledger struct {
	Store     string         `json:"store"`
	Documents []ledgerEntry  `json:"documents"`
	Sources   []store.Source `json:"sources"`
	Stats     store.Stats    `json:"stats"`
}

type ledgerEntry struct {
	Document store.Document `json:"document"`
	Claims   []store.Claim  `json:"claims"`
}

func readLedger(ctx context.Context, st store.Store, path string) (*ledger, error) {
	l := &ledger{Store: path}
	docs, err := st.Documents(ctx, store.DocumentFilter{Order: store.OrderOldest})
	if err != nil {
		return nil, err
	}
	for _, d := range docs.Items {
		claims, err := st.Claims(ctx, store.ClaimFilter{DocumentID: d.ID})
		if err != nil {
			return nil, err
		}
		// In the order of the text, as the article tells them.
		sort.SliceStable(claims.Items, func(i, j int) bool {
			return claims.Items[i].ContentSpan.Start < claims.Items[j].ContentSpan.Start
		})
		l.Documents = append(l.Documents, ledgerEntry{Document: d, Claims: claims.Items})
	}
	sources, err := st.Sources(ctx, store.SourceFilter{})
	if err != nil {
		return nil, err
	}
	l.Sources = sources.Items
	if l.Stats, err = st.Stats(ctx); err != nil {
		return nil, err
	}
	return l, nil
}

// write prints the ledger for a person, width columns wide.
func (l *ledger) write(w io.Writer, width int) {
	fmt.Fprintf(w, "crosscheck demo: %d articles on an invented border crisis between Valdoria and Morvenia\n", len(l.Documents))
	fmt.Fprintf(w, "(every country, organisation and person in them is fictional), read into a fresh store:\n")
	fmt.Fprintf(w, "%d claims by %d sources, with %d figures, %d dates and %d places.\n",
		l.Stats.Claims, l.Stats.Sources, l.Stats.Quantities, l.Stats.Times, l.Stats.Places)
	const indent = "      "
	for i, e := range l.Documents {
		d := e.Document
		fmt.Fprintf(w, "\n%d. %s\n", i+1, orOrigin(d.Title, d.Origin))
		var by []string
		for _, s := range []string{d.Publisher, longDay(d), strings.Join(d.Authors, ", ")} {
			if s != "" {
				by = append(by, s)
			}
		}
		by = append(by, fmt.Sprintf("%d claims", len(e.Claims)))
		fmt.Fprintf(w, "   %s\n", strings.Join(by, " · "))
		for _, c := range e.Claims {
			fmt.Fprintf(w, "\n   %s\n", claimHead(c))
			content := c.Content
			if c.Mode == extract.ModeDirect {
				content = "“" + content + "”"
			}
			fmt.Fprintf(w, "%s%s\n", indent, wrapText(content, width-len(indent), indent))
			if facts := claimFacts(c); facts != "" {
				fmt.Fprintf(w, "%s%s\n", indent, wrapText(facts, width-len(indent), indent))
			}
		}
	}
	fmt.Fprintf(w, "\nSources across the %d articles (%d)\n\n", len(l.Documents), len(l.Sources))
	cols := []column[store.Source]{
		{name: "claims", value: func(s store.Source) string { return itoa(s.Claims) }, right: true},
		{name: "docs", value: func(s store.Source) string { return itoa(s.Documents) }, right: true},
		{name: "source", value: func(s store.Source) string { return s.Name }, flex: true},
		{name: "kind", value: func(s store.Source) string { return s.Kind }},
		{name: "first", value: func(s store.Source) string { return day(s.FirstSeen) }},
		{name: "last", value: func(s store.Source) string { return day(s.LastSeen) }},
	}
	var b strings.Builder
	writeListing(&b, formatTable, width-3, l.Sources, cols)
	for line := range strings.Lines(b.String()) {
		fmt.Fprint(w, "   "+line)
	}
	fmt.Fprintf(w, "\nThe ledger is kept in %s. Query it:\n", l.Store)
	db := quoteArg(l.Store)
	fmt.Fprintf(w, "   crosscheck claims --db %s --speaker Ellison\n", db)
	fmt.Fprintf(w, "   crosscheck claims --db %s --search troops --since 2025-03-20 --format csv\n", db)
	fmt.Fprintf(w, "   crosscheck sources --db %s --kind person\n", db)
	fmt.Fprintf(w, "   crosscheck measures --db %s\n", db)
}

// claimHead is a claim's first line: who, by which word, when.
func claimHead(c store.Claim) string {
	who := c.Speaker.Name
	if m := c.Speaker.Mention; m != "" && !strings.Contains(m, who) {
		who += " (as “" + m + "”)"
	}
	cue := c.Cue
	if cue == "" {
		cue = "continues"
	}
	head := who + " — " + cue
	if !c.Said.IsZero() {
		head += " (" + day(c.Said) + ")"
	}
	switch c.Stance {
	case extract.StanceDenies:
		if !strings.HasPrefix(c.Cue, "den") {
			head += " [denies]"
		}
	case extract.StanceDeclines:
		head += " [declines]"
	case extract.StanceHedged:
		var hedges []string
		for _, h := range c.Hedges {
			if h != c.Cue { // "estimated [hedged: estimated]" says it twice
				hedges = append(hedges, h)
			}
		}
		if len(hedges) > 0 {
			head += " [hedged: " + strings.Join(hedges, ", ") + "]"
		} else {
			head += " [hedged]"
		}
	}
	if c.Unverified {
		head += " [unverified]"
	}
	return head
}

// claimFacts lists a claim's figures, dates and places on one line.
func claimFacts(c store.Claim) string {
	var parts []string
	if f := figures(c); f != "" {
		parts = append(parts, "figures: "+f)
	}
	if t := times(c); t != "" {
		parts = append(parts, "dates: "+t)
	}
	if p := places(c); p != "" {
		parts = append(parts, "places: "+p)
	}
	return strings.Join(parts, " · ")
}

// longDay prints a publication day as a reader would write it.
func longDay(d store.Document) string {
	if d.Published.IsZero() {
		return ""
	}
	return d.Published.Format("2 January 2006")
}

// quoteArg quotes a path for a shell when it needs it.
func quoteArg(s string) string {
	if strings.ContainsAny(s, " \t'\"$`\\*?[]&;|<>()") {
		return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return s
}
