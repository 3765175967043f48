package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/reconcile"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

func init() {
	register(command{name: "source", summary: "show one source across documents, or merge, split or grade sources", run: runSource})
}

// reliabilityNames are the Admiralty scale's words for each grade.
var reliabilityNames = map[string]string{
	"A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
	"D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}

func runSource(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "source", "NAME|ID | merge INTO FROM... | split ID NAME | reliability ID GRADE",
		"Shows one source as known across the documents (by its id, or a name it goes by): who it is, its\n"+
			"role and affiliation, the names it is known by, the reliability you gave it, and its claims over\n"+
			"time with their credibility (1 confirmed ... 6 cannot be judged).\n\n"+
			"  crosscheck source merge INTO FROM...   count the sources FROM under INTO, now and for documents\n"+
			"                                         ingested later\n"+
			"  crosscheck source split ID NAME        give NAME its own source again (undoes a merge, or a\n"+
			"                                         grouping the reconciliation made)\n"+
			"  crosscheck source reliability ID GRADE grade a source on the Admiralty scale: A completely\n"+
			"                                         reliable, B usually, C fairly, D not usually, E unreliable,\n"+
			"                                         F cannot be judged (the default)\n\n"+
			"Sources are named by id (see crosscheck sources) or by a name they go by.")
	db := dbFlag(fs)
	format := fs.String("format", formatTable, "output `format`: table, json or csv")
	limit := fs.Int("limit", 100, "show at most `N` claims, 0 for all")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := oneOf(env, "format", *format, listFormats...); err != nil {
		return err
	}
	if len(rest) == 0 {
		return usageErr(env, "source: name a source (its id or a name), or merge, split or reliability; see crosscheck source -h")
	}
	return withStore(ctx, env, *db, func(st store.Store, _ string) error {
		switch rest[0] {
		case "merge":
			return mergeSources(ctx, env, st, rest[1:])
		case "split":
			return splitSource(ctx, env, st, rest[1:])
		case "reliability":
			return gradeSource(ctx, env, st, rest[1:])
		}
		if len(rest) > 1 {
			return usageErr(env, "source takes one source (%d given); quote a name with spaces", len(rest))
		}
		src, err := findSource(ctx, env, st, rest[0])
		if err != nil {
			return err
		}
		return showSource(ctx, env, st, src, *format, *limit)
	})
}

// findSource finds a source by id or by a name it goes by: the one whose
// name is that name, else the only one whose names hold it.
func findSource(ctx context.Context, env Env, st store.Store, arg string) (*store.Source, error) {
	if n, err := strconv.ParseInt(arg, 10, 64); err == nil {
		src, err := st.Source(ctx, n)
		if errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("no source %d: see crosscheck sources for the ids", n)
		}
		return src, err
	}
	page, err := st.Sources(ctx, store.SourceFilter{Name: arg})
	if err != nil {
		return nil, listErr(env, err)
	}
	key := store.Fold(arg)
	var exact []store.Source
	for _, s := range page.Items {
		for _, n := range append([]string{s.Name}, s.Names...) {
			if store.Fold(n) == key {
				exact = append(exact, s)
				break
			}
		}
	}
	switch {
	case len(exact) == 1:
		return &exact[0], nil
	case len(exact) == 0 && len(page.Items) == 1:
		return &page.Items[0], nil
	case len(page.Items) == 0:
		return nil, fmt.Errorf("no source goes by %q: see crosscheck sources --search WORD", arg)
	}
	list := exact
	if len(list) == 0 {
		list = page.Items
	}
	var names []string
	for i, s := range list {
		if i == 8 {
			names = append(names, "...")
			break
		}
		names = append(names, fmt.Sprintf("%d %s", s.ID, s.Name))
	}
	return nil, usageErr(env, "%d sources go by %q (%s): give an id", len(list), arg, strings.Join(names, "; "))
}

func sourceIDs(ctx context.Context, env Env, st store.Store, args []string) ([]int64, []string, error) {
	var ids []int64
	var names []string
	for _, a := range args {
		s, err := findSource(ctx, env, st, a)
		if err != nil {
			return nil, nil, err
		}
		ids = append(ids, s.ID)
		names = append(names, fmt.Sprintf("%s (%d)", s.Name, s.ID))
	}
	return ids, names, nil
}

// reconcileQuietly runs the reconciliation after a rule changed, so that
// measures count by the new grouping.
func reconcileQuietly(ctx context.Context, env Env, st store.Store) error {
	if _, err := reconcile.Run(ctx, st); err != nil {
		return fmt.Errorf("your change is saved, but %w", err)
	}
	return nil
}

func mergeSources(ctx context.Context, env Env, st store.Store, args []string) error {
	if len(args) < 2 {
		return usageErr(env, "source merge INTO FROM...: name the source to keep, then those to count under it")
	}
	ids, names, err := sourceIDs(ctx, env, st, args)
	if err != nil {
		return err
	}
	if err := st.MergeSources(ctx, ids[0], ids[1:]...); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s now counted under %s, in documents ingested later too\n", strings.Join(names[1:], ", "), names[0])
	return reconcileQuietly(ctx, env, st)
}

func splitSource(ctx context.Context, env Env, st store.Store, args []string) error {
	if len(args) != 2 {
		return usageErr(env, "source split ID NAME: name the source and the name to give its own source again (quote it)")
	}
	src, err := findSource(ctx, env, st, args[0])
	if err != nil {
		return err
	}
	n, err := st.SplitSource(ctx, src.ID, args[1])
	if errors.Is(err, store.ErrInvalid) {
		return usageErr(env, "%v (its names: %s)", err, strings.Join(src.Names, "; "))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%q is its own source again: %d (split from %s, %d)\n", args[1], n, src.Name, src.ID)
	return reconcileQuietly(ctx, env, st)
}

func gradeSource(ctx context.Context, env Env, st store.Store, args []string) error {
	if len(args) != 2 {
		return usageErr(env, "source reliability ID GRADE: give a source and a letter from A (completely reliable) to F (cannot be judged)")
	}
	src, err := findSource(ctx, env, st, args[0])
	if err != nil {
		return err
	}
	grade := strings.ToUpper(args[1])
	if err := st.SetReliability(ctx, src.ID, grade); err != nil {
		if errors.Is(err, store.ErrInvalid) {
			return usageErr(env, "%v", err)
		}
		return err
	}
	fmt.Fprintf(env.Stdout, "%s (%d): reliability %s, %s\n", src.Name, src.ID, grade, reliabilityNames[grade])
	return nil
}

// sourceClaim is a claim of a source's page with its verification.
type sourceClaim struct {
	store.Claim
	Verification store.Verification `json:"verification"`
}

// sourcePage is what "crosscheck source" shows.
type sourcePage struct {
	Source  store.Source          `json:"source"`
	Claims  []sourceClaim         `json:"claims"`
	Total   int                   `json:"total_claims"`
	Figures []store.TimelineEntry `json:"figures"`
}

func showSource(ctx context.Context, env Env, st store.Store, src *store.Source, format string, limit int) error {
	claims, err := st.Claims(ctx, store.ClaimFilter{SourceID: src.ID, Order: store.OrderOldest, Limit: limit})
	if err != nil {
		return err
	}
	ids := make([]int64, len(claims.Items))
	for i, c := range claims.Items {
		ids[i] = c.ID
	}
	vs, err := st.Verifications(ctx, ids...)
	if err != nil {
		return err
	}
	byID := map[int64]store.Verification{}
	for _, v := range vs {
		byID[v.ClaimID] = v
	}
	p := sourcePage{Source: *src, Total: claims.Total, Claims: []sourceClaim{}}
	for _, c := range claims.Items {
		v, ok := byID[c.ID]
		if !ok {
			v = store.Unjudged(c.ID)
		}
		p.Claims = append(p.Claims, sourceClaim{Claim: c, Verification: v})
	}
	figs, err := st.Timeline(ctx, store.TimelineFilter{SourceID: src.ID, Limit: limit})
	if err != nil {
		return err
	}
	for _, t := range figs.Items {
		if t.Estimate != nil {
			p.Figures = append(p.Figures, t)
		}
	}
	switch format {
	case formatJSON:
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(p)
	case formatCSV:
		return writeListing(env.Stdout, formatCSV, 0, p.Claims, sourceClaimColumns)
	}
	width := outputWidth(env)
	writeSourceHead(env.Stdout, src)
	fmt.Fprintln(env.Stdout)
	writeListing(env.Stdout, formatTable, width, p.Claims, sourceClaimColumns)
	if len(p.Figures) > 0 {
		fmt.Fprintf(env.Stdout, "\nFigures\n\n")
		writeListing(env.Stdout, formatTable, width, p.Figures, []column[store.TimelineEntry]{
			{name: "said", value: func(t store.TimelineEntry) string { return day(t.Estimate.SaidOn) }},
			{name: "figure", value: func(t store.TimelineEntry) string { return figure(*t.Estimate) }, right: true},
			{name: "measure", value: func(t store.TimelineEntry) string { return fmt.Sprintf("%s (%d)", t.Measure.Name, t.Measure.ID) }, flex: true},
			{name: "status", title: "", value: func(t store.TimelineEntry) string { return estimateStatus(*t.Estimate) }, flex: true},
		})
	}
	if claims.Total > len(claims.Items) {
		fmt.Fprintf(env.Stderr, "Showing %d of %d claims; --limit 0 shows all.\n", len(claims.Items), claims.Total)
	}
	return nil
}

func writeSourceHead(w io.Writer, s *store.Source) {
	fmt.Fprintf(w, "%s  (source %d, %s)\n", s.Name, s.ID, s.Kind)
	var facts []string
	if s.Role != "" {
		facts = append(facts, "role: "+s.Role)
	}
	if s.Affiliation != nil {
		a := s.Affiliation.Name
		if s.Affiliation.ID != 0 {
			a += fmt.Sprintf(" (%d)", s.Affiliation.ID)
		}
		if s.AffiliationRole != "" {
			a = s.AffiliationRole + " of " + a
		}
		facts = append(facts, a)
	}
	if s.Country != "" {
		facts = append(facts, "country: "+s.Country)
	}
	if len(facts) > 0 {
		fmt.Fprintln(w, strings.Join(facts, " · "))
	}
	if len(s.Names) > 1 {
		fmt.Fprintf(w, "known as: %s\n", strings.Join(s.Names, "; "))
	}
	fmt.Fprintf(w, "reliability: %s, %s (crosscheck source reliability %d GRADE sets it)\n", s.Reliability,
		reliabilityNames[s.Reliability], s.ID)
	fmt.Fprintf(w, "%d claims in %d documents, first seen %s, last seen %s\n", s.Claims, s.Documents, day(s.FirstSeen), day(s.LastSeen))
}

var sourceClaimColumns = []column[sourceClaim]{
	{name: "id", value: func(c sourceClaim) string { return id(c.ID) }, right: true},
	{name: "day", value: func(c sourceClaim) string { return day(c.Day) }},
	{name: "cue", value: func(c sourceClaim) string { return c.Cue }, max: 12},
	{name: "content", value: func(c sourceClaim) string { return c.Content }, flex: true},
	{name: "figures", value: func(c sourceClaim) string { return figures(c.Claim) }, flex: true, max: 16},
	{name: "credibility", title: "cred", value: func(c sourceClaim) string { return itoa(c.Verification.Credibility) }, right: true},
	{name: "status", value: func(c sourceClaim) string { return c.Verification.Status }, max: 14},
	{name: "doc", value: func(c sourceClaim) string { return id(c.Document.ID) }, right: true},
	{name: "mention", value: func(c sourceClaim) string { return c.Speaker.Mention }, csvOnly: true},
	{name: "stance", value: func(c sourceClaim) string { return c.Stance }, csvOnly: true},
	{name: "confirmed_by", value: func(c sourceClaim) string { return refNames(c.Verification.ConfirmedBy) }, csvOnly: true},
	{name: "denied_by", value: func(c sourceClaim) string { return refNames(c.Verification.DeniedBy) }, csvOnly: true},
	{name: "corroborations", value: func(c sourceClaim) string { return itoa(c.Verification.Corroborations) }, csvOnly: true},
	{name: "evidence", value: func(c sourceClaim) string { return strings.Join(c.Verification.Evidence, "; ") }, csvOnly: true},
	{name: "caveats", value: func(c sourceClaim) string { return strings.Join(c.Verification.Caveats, "; ") }, csvOnly: true},
	{name: "document_title", value: func(c sourceClaim) string { return c.Document.Title }, csvOnly: true},
}

func refNames(refs []store.SourceRef) string {
	var out []string
	for _, r := range refs {
		out = append(out, r.Name)
	}
	return strings.Join(out, "; ")
}
