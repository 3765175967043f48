package cli

import (
	"context"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

func init() {
	register(command{name: "sources", summary: "list the sources in the store: who is quoted, how often", run: runSources})
}

// sourceKinds are the kinds a source can have, for --kind.
var sourceKinds = []string{extract.KindPerson, extract.KindOrganisation, extract.KindAnonymous, extract.KindPublisher, extract.KindDocument}

func runSources(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "sources", "",
		"Lists the sources quoted across the documents in the store, the most quoted first: how many claims\n"+
			"and documents each has, when it was first and last quoted, the reliability you gave it\n"+
			"(Admiralty scale, A-F; F, cannot be judged, until you set it), and the organisation it heads,\n"+
			"speaks for or works at. One source gathers the names the documents give it (a full name, an\n"+
			"acronym, \"the agency\"): see crosscheck source NAME, and its merge and split.")
	lf := addListFlags(fs)
	search := fs.String("search", "", "keep sources whose name holds this `text` (any case)")
	kind := fs.String("kind", "", "keep sources of one `kind`: "+strings.Join(sourceKinds, ", "))
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := lf.check(env, "sources", rest); err != nil {
		return err
	}
	if *kind != "" {
		if err := oneOf(env, "kind", *kind, sourceKinds...); err != nil {
			return err
		}
	}
	f := store.SourceFilter{Name: *search, Kind: *kind, Limit: *lf.limit}
	return withStore(ctx, env, *lf.db, func(st store.Store, _ string) error {
		page, err := st.Sources(ctx, f)
		if err != nil {
			return listErr(env, err)
		}
		if err := writeListing(env.Stdout, *lf.format, outputWidth(env), page.Items, sourceColumns); err != nil {
			return err
		}
		listed(env, "sources", len(page.Items), page.Total, f != store.SourceFilter{Limit: f.Limit})
		return nil
	})
}

// affiliation names the organisation a source heads, speaks for or works
// at.
func affiliation(s store.Source) string {
	if s.Affiliation == nil {
		return ""
	}
	if s.AffiliationRole == store.AffiliationMember || s.AffiliationRole == "" {
		return s.Affiliation.Name
	}
	return s.AffiliationRole + ": " + s.Affiliation.Name
}

var sourceColumns = []column[store.Source]{
	{name: "id", value: func(s store.Source) string { return id(s.ID) }, right: true},
	{name: "name", value: func(s store.Source) string { return s.Name }, flex: true},
	{name: "kind", value: func(s store.Source) string { return s.Kind }},
	{name: "role", value: func(s store.Source) string { return s.Role }, flex: true, max: 30},
	{name: "claims", value: func(s store.Source) string { return itoa(s.Claims) }, right: true},
	{name: "docs", value: func(s store.Source) string { return itoa(s.Documents) }, right: true},
	{name: "first_seen", title: "first", value: func(s store.Source) string { return day(s.FirstSeen) }},
	{name: "last_seen", title: "last", value: func(s store.Source) string { return day(s.LastSeen) }},
	{name: "reliability", title: "rel", value: func(s store.Source) string { return s.Reliability }},
	{name: "affiliation", value: affiliation, csvOnly: true},
	{name: "affiliation_role", value: func(s store.Source) string { return s.AffiliationRole }, csvOnly: true},
	{name: "country", value: func(s store.Source) string { return s.Country }, csvOnly: true},
	{name: "names", value: func(s store.Source) string { return strings.Join(s.Names, "; ") }, csvOnly: true},
}
