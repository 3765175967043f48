package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/ingest"
)

func init() {
	register(command{name: "extract", summary: "extract claims, figures, dates and places from documents (no store)", run: runExtract})
}

func runExtract(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "extract", "FILE|FOLDER|URL|FEED|-...",
		"Reads each input and prints what it says: claims with their sources, figures, dates and places.\n"+
			"One document prints one JSON object; several print JSON Lines, one object per document.")
	format := fs.String("format", "json", "output `format`: json or text")
	published := fs.String("published", "", "read relative dates against this `day` (YYYY-MM-DD) instead of the document's")
	noFetch := fs.Bool("no-fetch", false, "do not fetch the pages of feed items that carry only a summary")
	inputs, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := oneOf(env, "format", *format, "json", "text"); err != nil {
		return err
	}
	var opt extract.Options
	if *published != "" {
		t, err := time.Parse(time.DateOnly, *published)
		if err != nil {
			return usageErr(env, "--published %q: give a day as YYYY-MM-DD", *published)
		}
		opt.Published = t
	}
	if len(inputs) == 0 {
		return usageErr(env, "extract: name a file, folder, URL or feed to read, or - for standard input")
	}
	list, listErr := ingest.Inputs(inputs)
	lines := len(list) > 1 || anyFolder(inputs)
	cfg := ingest.Config{Stdin: env.Stdin, FetchFeedPages: !*noFetch, Logger: env.Logger}

	var first *extract.Result
	emit := func(r *extract.Result) error {
		if *format == "text" {
			writeLedger(env.Stdout, r)
			return nil
		}
		if !lines {
			if first == nil {
				first = r
				return nil
			}
			// A second document from one input (a feed, a WARC file):
			// switch to JSON Lines.
			lines = true
			if err := writeJSONLine(env.Stdout, first); err != nil {
				return err
			}
		}
		return writeJSONLine(env.Stdout, r)
	}
	failed := 0
	report := func(err error) {
		failed++
		fmt.Fprintln(env.Stderr, "crosscheck:", err)
	}
	if listErr != nil {
		for _, e := range unjoin(listErr) {
			report(e)
		}
	}
	for _, in := range list {
		for doc, err := range ingest.Read(ctx, in, cfg) {
			if err != nil {
				report(err)
				continue
			}
			if err := emit(extract.Run(doc, opt)); err != nil {
				return fmt.Errorf("extract: writing output: %w", err)
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	if first != nil && !lines {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(first); err != nil {
			return fmt.Errorf("extract: writing output: %w", err)
		}
	}
	if failed > 0 {
		return &exitError{code: 1, err: fmt.Errorf("%d of the inputs could not be read", failed)}
	}
	return nil
}

func anyFolder(args []string) bool {
	for _, a := range args {
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			return true
		}
	}
	return false
}

// unjoin splits an errors.Join error into its parts.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func writeJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeLedger prints a result for a person to read.
func writeLedger(w io.Writer, r *extract.Result) {
	d := r.Document
	title := d.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintln(w, title)
	var by []string
	if d.Publisher != "" {
		by = append(by, d.Publisher)
	}
	if d.Published != "" {
		by = append(by, d.Published)
	}
	if len(d.Authors) > 0 {
		by = append(by, strings.Join(d.Authors, ", "))
	}
	if d.Origin != "" {
		by = append(by, d.Origin)
	}
	fmt.Fprintln(w, strings.Join(by, " · "))
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Claims (%d)\n", len(r.Claims))
	for _, c := range r.Claims {
		who := c.Speaker.Name
		if c.Speaker.Mention != "" && c.Speaker.Mention != who {
			who += " (“" + c.Speaker.Mention + "”)"
		}
		cue := c.Cue
		if cue == "" {
			cue = "continues"
		}
		fmt.Fprintf(w, "  %-4s %s — %s, %s, %s\n", c.ID, who, cue, c.Mode, c.Stance)
		fmt.Fprintf(w, "       %s\n", wrapText(c.Content, 90, "       "))
		var extra []string
		if c.Said != "" {
			extra = append(extra, "said "+c.Said)
		}
		for _, q := range c.Quantities {
			extra = append(extra, "figure "+q.Text)
		}
		for _, t := range c.Times {
			extra = append(extra, "time "+t.Text+" = "+span(t.Start, t.End))
		}
		for _, p := range c.Places {
			extra = append(extra, "place "+p.Name+" ("+p.Country+")")
		}
		if len(extra) > 0 {
			fmt.Fprintf(w, "       [%s]\n", strings.Join(extra, "; "))
		}
	}
	fmt.Fprintf(w, "\nSources (%d)\n", len(r.Sources))
	for _, s := range r.Sources {
		line := "  " + s.Name + " — " + s.Kind
		if s.Role != "" {
			line += ", " + s.Role
		}
		if s.Country != "" {
			line += ", " + s.Country
		}
		if len(s.Aliases) > 0 {
			line += "; also “" + strings.Join(s.Aliases, "”, “") + "”"
		}
		fmt.Fprintln(w, line)
	}
	if len(r.Notes) > 0 {
		fmt.Fprintf(w, "\nNotes (%d)\n", len(r.Notes))
		for _, n := range r.Notes {
			by := n.By
			if by != "" {
				by = " (" + by + ")"
			}
			fmt.Fprintf(w, "  %s%s: %s — %s\n", n.Kind, by, n.Cue, n.Content)
		}
	}
	fmt.Fprintln(w)
}

func span(a, b string) string {
	if a == b || b == "" {
		return a
	}
	return a + ".." + b
}

// wrapText wraps s at width columns, indenting continuation lines.
func wrapText(s string, width int, indent string) string {
	var b strings.Builder
	col := 0
	for i, w := range strings.Fields(s) {
		if i > 0 {
			if col+1+len(w) > width {
				b.WriteString("\n" + indent)
				col = 0
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(w)
		col += len(w)
	}
	return b.String()
}
