package cli

import (
	"context"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

func init() {
	register(command{name: "documents", summary: "list the documents in the store", run: runDocuments})
}

func runDocuments(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "documents", "",
		"Lists the documents in the store, the latest published first, with how many claims and sources\n"+
			"were found in each.")
	lf := addListFlags(fs)
	search := fs.String("search", "", "keep documents whose title or text match `words` (\"a phrase\", OR, -word, prefix*)")
	since := fs.String("since", "", "keep documents published on or after this `day` (YYYY-MM-DD, YYYY-MM or YYYY)")
	until := fs.String("until", "", "keep documents published on or before this `day`")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := lf.check(env, "documents", rest); err != nil {
		return err
	}
	f := store.DocumentFilter{Search: *search, Limit: *lf.limit}
	if f.Since, err = dayFlag(env, "since", *since, false); err != nil {
		return err
	}
	if f.Until, err = dayFlag(env, "until", *until, true); err != nil {
		return err
	}
	return withStore(ctx, env, *lf.db, func(st store.Store, _ string) error {
		page, err := st.Documents(ctx, f)
		if err != nil {
			return listErr(env, err)
		}
		if err := writeListing(env.Stdout, *lf.format, outputWidth(env), page.Items, documentColumns); err != nil {
			return err
		}
		listed(env, "documents", len(page.Items), page.Total, f != store.DocumentFilter{Limit: f.Limit})
		return nil
	})
}

var documentColumns = []column[store.Document]{
	{name: "id", value: func(d store.Document) string { return id(d.ID) }, right: true},
	{name: "published", value: func(d store.Document) string { return day(d.Published) }},
	{name: "publisher", value: func(d store.Document) string { return d.Publisher }, flex: true, max: 24},
	{name: "title", value: func(d store.Document) string { return orOrigin(d.Title, d.Origin) }, flex: true},
	{name: "claims", value: func(d store.Document) string { return itoa(d.Claims) }, right: true},
	{name: "sources", value: func(d store.Document) string { return itoa(d.Sources) }, right: true},
	{name: "authors", value: func(d store.Document) string { return strings.Join(d.Authors, "; ") }, csvOnly: true},
	{name: "url", value: func(d store.Document) string { return d.URL }, csvOnly: true},
	{name: "origin", value: func(d store.Document) string { return d.Origin }, csvOnly: true},
	{name: "format", value: func(d store.Document) string { return d.Format }, csvOnly: true},
	{name: "hash", value: func(d store.Document) string { return d.Hash }, csvOnly: true},
	{name: "added", value: func(d store.Document) string { return d.Added.UTC().Format("2006-01-02T15:04:05Z") }, csvOnly: true},
}

// orOrigin names an untitled document by where it came from.
func orOrigin(title, origin string) string {
	if title != "" {
		return title
	}
	return "(untitled) " + origin
}
