package cli

import (
	"context"
	"strconv"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

func init() {
	register(command{name: "claims", summary: "list the claims in the store: who said what, when", run: runClaims})
}

func runClaims(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "claims", "",
		"Lists the attributed claims in the store, the latest first: the day, the speaker, the reporting\n"+
			"word, what was said and the figures in it. A claim's day is the day it was made when the\n"+
			"article says so, else the day the article was published.")
	lf := addListFlags(fs)
	speaker := fs.String("speaker", "", "keep claims whose speaker's name or mention holds this `text` (any case)")
	search := fs.String("search", "", "keep claims whose content or speaker match `words` (\"a phrase\", OR, -word, prefix*)")
	since := fs.String("since", "", "keep claims made on or after this `day` (YYYY-MM-DD, YYYY-MM or YYYY)")
	until := fs.String("until", "", "keep claims made on or before this `day`")
	docID := fs.Int64("document", 0, "keep the claims of one document, by its `id` (see crosscheck documents)")
	sourceID := fs.Int64("source", 0, "keep the claims of one source, by its `id` (see crosscheck sources)")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := lf.check(env, "claims", rest); err != nil {
		return err
	}
	f := store.ClaimFilter{Speaker: *speaker, Search: *search, DocumentID: *docID, SourceID: *sourceID, Limit: *lf.limit}
	if f.Since, err = dayFlag(env, "since", *since, false); err != nil {
		return err
	}
	if f.Until, err = dayFlag(env, "until", *until, true); err != nil {
		return err
	}
	return withStore(ctx, env, *lf.db, func(st store.Store, _ string) error {
		page, err := st.Claims(ctx, f)
		if err != nil {
			return listErr(env, err)
		}
		if err := writeListing(env.Stdout, *lf.format, outputWidth(env), page.Items, claimColumns); err != nil {
			return err
		}
		listed(env, "claims", len(page.Items), page.Total, f != store.ClaimFilter{Limit: f.Limit})
		return nil
	})
}

var claimColumns = []column[store.Claim]{
	{name: "id", value: func(c store.Claim) string { return id(c.ID) }, right: true},
	{name: "day", value: func(c store.Claim) string { return day(c.Day) }},
	{name: "speaker", value: func(c store.Claim) string { return c.Speaker.Name }, flex: true, max: 20},
	{name: "cue", value: func(c store.Claim) string { return c.Cue }, max: 12},
	{name: "content", value: func(c store.Claim) string { return c.Content }, flex: true},
	{name: "figures", value: figures, flex: true, max: 16},
	{name: "doc", value: func(c store.Claim) string { return id(c.Document.ID) }, right: true},
	{name: "mention", value: func(c store.Claim) string { return c.Speaker.Mention }, csvOnly: true},
	{name: "speaker_kind", value: func(c store.Claim) string { return c.Speaker.Kind }, csvOnly: true},
	{name: "speaker_role", value: func(c store.Claim) string { return c.Speaker.Role }, csvOnly: true},
	{name: "source_id", value: func(c store.Claim) string { return idOrEmpty(c.Speaker.SourceID) }, csvOnly: true},
	{name: "mode", value: func(c store.Claim) string { return c.Mode }, csvOnly: true},
	{name: "stance", value: func(c store.Claim) string { return c.Stance }, csvOnly: true},
	{name: "hedges", value: func(c store.Claim) string { return strings.Join(c.Hedges, "; ") }, csvOnly: true},
	{name: "unverified", value: func(c store.Claim) string { return strconv.FormatBool(c.Unverified) }, csvOnly: true},
	{name: "said", value: func(c store.Claim) string { return day(c.Said) }, csvOnly: true},
	{name: "times", value: times, csvOnly: true},
	{name: "places", value: places, csvOnly: true},
	{name: "document_title", value: func(c store.Claim) string { return c.Document.Title }, csvOnly: true},
	{name: "publisher", value: func(c store.Claim) string { return c.Document.Publisher }, csvOnly: true},
	{name: "published", value: func(c store.Claim) string { return day(c.Document.Published) }, csvOnly: true},
	{name: "url", value: func(c store.Claim) string { return c.Document.URL }, csvOnly: true},
}

// figures lists a claim's quantities as written.
func figures(c store.Claim) string {
	var out []string
	for _, q := range c.Quantities {
		out = append(out, q.Text)
	}
	return strings.Join(out, "; ")
}

// times lists a claim's dates as written, each with the days it stands
// for.
func times(c store.Claim) string {
	var out []string
	for _, t := range c.Times {
		s := t.Text
		if t.Start != "" {
			s += " = " + span(t.Start, t.End)
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

// places lists a claim's places by their gazetteer names and countries.
func places(c store.Claim) string {
	var out []string
	for _, p := range c.Places {
		s := p.Name
		if p.Country != "" {
			s += " (" + p.Country + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func idOrEmpty(n int64) string {
	if n == 0 {
		return ""
	}
	return id(n)
}
