// Package storetest is the conformance suite every store.Store backend
// passes: the same documents in, the same rows, pages, searches and errors
// out. A backend's tests call Run with a function that opens a fresh, empty
// store.
package storetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// Run runs the conformance suite. open returns a new, empty store; Run
// closes it.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"AddIdempotent", testAddIdempotent},
		{"AddConcurrent", testAddConcurrent},
		{"AddBatch", testAddBatch},
		{"RoundTrip", testRoundTrip},
		{"Invalid", testInvalid},
		{"Documents", testDocuments},
		{"Claims", testClaims},
		{"ClaimRows", testClaimRows},
		{"Pagination", testPagination},
		{"Sources", testSources},
		{"MergeSplit", testMergeSplit},
		{"Search", testSearch},
		{"Delete", testDelete},
		{"Stats", testStats},
		{"Tokens", testTokens},
		{"Reconciliation", testReconciliation},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

func add(t *testing.T, s store.Store, doc *document.Document, res *extract.Result) int64 {
	t.Helper()
	id, added, err := s.AddDocument(t.Context(), doc, res)
	if err != nil {
		t.Fatalf("AddDocument(%s): %v", doc.Origin, err)
	}
	if !added {
		t.Fatalf("AddDocument(%s): added = false for a new document", doc.Origin)
	}
	return id
}

// addArticles stores Article(0..n-1) and returns their ids.
func addArticles(t *testing.T, s store.Store, n int) []int64 {
	t.Helper()
	ids := make([]int64, n)
	for i := range n {
		ids[i] = addArticle(t, s, i)
	}
	return ids
}

func addArticle(t *testing.T, s store.Store, i int) int64 {
	t.Helper()
	doc, res := Article(i)
	return add(t, s, doc, res)
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func testAddIdempotent(t *testing.T, s store.Store) {
	ctx := t.Context()
	doc, res := Seed()
	id := add(t, s, doc, res)
	before, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The same text again, even with other metadata and no extraction,
	// is the same document.
	again := *doc
	again.Title, again.Origin = "Another title", "elsewhere.html"
	id2, added, err := s.AddDocument(ctx, &again, nil)
	if err != nil || added || id2 != id {
		t.Fatalf("AddDocument(same text) = %d, %v, %v; want %d, false, nil", id2, added, err, id)
	}
	after, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	before.LastAdded, after.LastAdded = time.Time{}, time.Time{}
	if before != after {
		t.Errorf("stats changed by a document already stored:\n%+v\n%+v", before, after)
	}
	d, err := s.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != doc.Title {
		t.Errorf("title = %q, want the first one %q", d.Title, doc.Title)
	}
	// A document with nothing extracted is stored too.
	var plain document.Document
	plain.Text = "A short note with no claims."
	plain.Finish()
	if _, added, err := s.AddDocument(ctx, &plain, nil); err != nil || !added {
		t.Errorf("AddDocument(no extraction) = %v, %v", added, err)
	}
}

func testAddConcurrent(t *testing.T, s store.Store) {
	const n = 8
	var wg sync.WaitGroup
	var mu sync.Mutex
	added := 0
	ids := map[int64]bool{}
	for range n {
		wg.Go(func() {
			for i := range 4 {
				doc, res := Article(i)
				id, ok, err := s.AddDocument(t.Context(), doc, res)
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				if ok {
					added++
				}
				ids[id] = true
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if added != 4 || len(ids) != 4 {
		t.Errorf("%d writers adding the same 4 documents: added %d, ids %v; want 4 and 4", n, added, ids)
	}
}

func testAddBatch(t *testing.T, s store.Store) {
	ctx := t.Context()
	stored := addArticle(t, s, 0)
	bad, badRes := Article(2)
	badRes.Claims[0].ContentSpan.End = 1 << 20
	in := []store.Input{
		input(Article(0)), // stored before
		input(Article(1)),
		{Document: bad, Result: badRes},
		input(Article(3)),
		input(Article(1)), // twice in the batch
	}
	out, err := s.AddDocuments(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("AddDocuments returned %d results for %d inputs", len(out), len(in))
	}
	if out[0].ID != stored || out[0].Added || out[0].Err != nil {
		t.Errorf("stored before: %+v, want id %d, not added", out[0], stored)
	}
	if out[1].ID == 0 || !out[1].Added || out[1].Err != nil || !out[3].Added || out[3].Err != nil {
		t.Errorf("new ones: %+v %+v", out[1], out[3])
	}
	if !errors.Is(out[2].Err, store.ErrInvalid) || out[2].ID != 0 || out[2].Added {
		t.Errorf("malformed one: %+v, want ErrInvalid", out[2])
	}
	if out[4].ID != out[1].ID || out[4].Added {
		t.Errorf("twice in the batch: %+v, want id %d, not added", out[4], out[1].ID)
	}
	_, res3 := Article(3)
	if got, err := s.Extraction(ctx, out[3].ID); err != nil || jsonOf(t, got) != jsonOf(t, res3) {
		t.Errorf("Extraction of a batched document differs: %v", err)
	}
	if st, _ := s.Stats(ctx); st.Documents != 3 {
		t.Errorf("%d documents stored, want 3", st.Documents)
	}
	if out, err := s.AddDocuments(ctx, nil); err != nil || len(out) != 0 {
		t.Errorf("AddDocuments(nil) = %v, %v", out, err)
	}
}

func input(d *document.Document, r *extract.Result) store.Input {
	return store.Input{Document: d, Result: r}
}

func testRoundTrip(t *testing.T, s store.Store) {
	ctx := t.Context()
	for _, fx := range []func() (*document.Document, *extract.Result){Seed, func() (*document.Document, *extract.Result) { return Article(7) }} {
		doc, res := fx()
		if doc.Text != res.Text {
			t.Fatalf("fixture %s: Finish changed the text its spans point into", doc.Origin)
		}
		want := jsonOf(t, res)
		id := add(t, s, doc, res)
		if jsonOf(t, res) != want {
			t.Errorf("AddDocument changed the Result it was given")
		}
		got, err := s.Extraction(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if g := jsonOf(t, got); g != want {
			t.Errorf("Extraction(%s) differs from what was stored:\n%s", doc.Origin, diff(want, g))
		}
		d, err := s.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		wantDoc := store.Document{ID: id, Hash: doc.Hash, Title: doc.Title, Standfirst: doc.Standfirst, Authors: doc.Authors,
			Publisher: doc.Publisher, Published: doc.Published, URL: doc.URL, Language: doc.Language, Origin: doc.Origin,
			Format: doc.Format, Header: doc.Header, Text: doc.Text, Added: d.Added, Claims: len(res.Claims), Sources: len(res.Sources)}
		if g, w := jsonOf(t, d), jsonOf(t, wantDoc); g != w {
			t.Errorf("Document(%d):\n%s", id, diff(w, g))
		}
		if d.Added.IsZero() || time.Since(d.Added) > time.Hour {
			t.Errorf("Added = %v, want about now", d.Added)
		}
		byHash, err := s.DocumentByHash(ctx, doc.Hash)
		if err != nil || byHash.ID != id {
			t.Errorf("DocumentByHash = %v, %v; want id %d", byHash, err, id)
		}
	}
	if _, err := s.Extraction(ctx, 999999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Extraction(missing) error = %v, want ErrNotFound", err)
	}
	if _, err := s.Document(ctx, 999999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Document(missing) error = %v, want ErrNotFound", err)
	}
	if _, err := s.DocumentByHash(ctx, "00"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("DocumentByHash(missing) error = %v, want ErrNotFound", err)
	}
}

// diff shows the first lines where two texts part.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			lo := max(0, i-3)
			return fmt.Sprintf("line %d:\nwant: %s\n got: %s\ncontext (want):\n%s", i+1, wl, gl, strings.Join(w[lo:min(len(w), i+3)], "\n"))
		}
	}
	return "(no difference)"
}

func testInvalid(t *testing.T, s store.Store) {
	ctx := t.Context()
	cases := []struct {
		name   string
		change func(d *document.Document, r *extract.Result)
	}{
		{"no text", func(d *document.Document, r *extract.Result) { d.Text, r.Text = "", "" }},
		{"invalid UTF-8", func(d *document.Document, r *extract.Result) { d.Text, r.Text = "bad \xff byte", ""; d.Hash = "" }},
		{"hash of another text", func(d *document.Document, r *extract.Result) { d.Hash = document.Hash("other") }},
		{"result of another text", func(d *document.Document, r *extract.Result) { r.Text = "other" }},
		{"result of another hash", func(d *document.Document, r *extract.Result) { r.Document.Hash = document.Hash("other") }},
		{"span past the end", func(d *document.Document, r *extract.Result) { r.Claims[0].ContentSpan.End = 1 << 20 }},
		{"negative span", func(d *document.Document, r *extract.Result) { r.Quantities[0].Start = -1 }},
		{"reversed span", func(d *document.Document, r *extract.Result) { r.Places[0].Start = r.Places[0].End + 1 }},
		{"span in bytes", func(d *document.Document, r *extract.Result) {
			// The text holds multi-byte characters, so a byte offset near
			// the end lies past the last character.
			r.Notes[0].Span.End = len(d.Text)
		}},
		{"claim item outside", func(d *document.Document, r *extract.Result) { r.Claims[0].Times[0].Span.End = 1 << 20 }},
		{"unknown source", func(d *document.Document, r *extract.Result) { r.Claims[0].Speaker.Source = "s99" }},
		{"source id twice", func(d *document.Document, r *extract.Result) { r.Sources[1].ID = r.Sources[0].ID }},
		{"claim id twice", func(d *document.Document, r *extract.Result) { r.Claims[1].ID = r.Claims[0].ID }},
		{"claim with no id", func(d *document.Document, r *extract.Result) { r.Claims[0].ID = "" }},
	}
	for _, c := range cases {
		doc, res := Seed()
		c.change(doc, res)
		_, added, err := s.AddDocument(ctx, doc, res)
		if !errors.Is(err, store.ErrInvalid) || added {
			t.Errorf("%s: AddDocument = %v, %v; want ErrInvalid", c.name, added, err)
		} else if !strings.HasPrefix(err.Error(), "store: ") {
			t.Errorf("%s: error %q does not start with \"store: \"", c.name, err)
		}
	}
	if _, _, err := s.AddDocument(ctx, nil, nil); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("AddDocument(nil) error = %v, want ErrInvalid", err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 0 || st.Claims != 0 || st.Sources != 0 {
		t.Errorf("rejected documents left rows behind: %+v", st)
	}
	// A Hash left empty is computed.
	doc, res := Seed()
	hash := doc.Hash
	doc.Hash, res.Document.Hash = "", ""
	id := add(t, s, doc, res)
	if d, err := s.Document(ctx, id); err != nil || d.Hash != hash {
		t.Errorf("Document hash = %v, %v; want %s", d, err, hash)
	}
}

func testDocuments(t *testing.T, s store.Store) {
	ctx := t.Context()
	ids := addArticles(t, s, 12) // published 2024-10-01 .. 2024-10-12
	seedDoc, seedRes := Seed()   // 2024-10-18, another title
	seedID := add(t, s, seedDoc, seedRes)
	var undated document.Document
	undated.Text, undated.Title, undated.Publisher = "Nothing dated here.", "Undated", "Le Monde Diplomatique Ölander"
	undated.Finish()
	undatedID := add(t, s, &undated, nil)

	list := func(f store.DocumentFilter) ([]int64, int) {
		t.Helper()
		page, err := s.Documents(ctx, f)
		if err != nil {
			t.Fatalf("Documents(%+v): %v", f, err)
		}
		var got []int64
		for _, d := range page.Items {
			if d.Text != "" {
				t.Errorf("Documents lists text")
			}
			got = append(got, d.ID)
		}
		return got, page.Total
	}
	got, total := list(store.DocumentFilter{})
	want := append([]int64{seedID}, reversed(ids)...)
	want = append(want, undatedID)
	if !slices.Equal(got, want) || total != 14 {
		t.Errorf("Documents() = %v (total %d), want newest first, undated last: %v (14)", got, total, want)
	}
	got, _ = list(store.DocumentFilter{Order: store.OrderOldest, Limit: 2})
	if !slices.Equal(got, ids[:2]) {
		t.Errorf("Documents(oldest, 2) = %v, want %v", got, ids[:2])
	}
	got, _ = list(store.DocumentFilter{Order: store.OrderAdded, Limit: 1})
	if !slices.Equal(got, []int64{undatedID}) {
		t.Errorf("Documents(added, 1) = %v, want %v", got, undatedID)
	}
	day := func(d int) time.Time { return time.Date(2024, 10, d, 0, 0, 0, 0, time.UTC) }
	got, total = list(store.DocumentFilter{Since: day(3), Until: day(5)})
	if !slices.Equal(got, []int64{ids[4], ids[3], ids[2]}) || total != 3 {
		t.Errorf("Documents(3-5 Oct) = %v (%d), want %v", got, total, []int64{ids[4], ids[3], ids[2]})
	}
	// Since and Until compare days, whatever the clock time given.
	got, _ = list(store.DocumentFilter{Since: day(12).Add(23 * time.Hour), Until: day(12).Add(time.Hour)})
	if !slices.Equal(got, []int64{ids[11]}) {
		t.Errorf("Documents(12 Oct with clock times) = %v, want %v", got, ids[11])
	}
	got, _ = list(store.DocumentFilter{Search: "vehicles"})
	if !slices.Equal(got, []int64{seedID}) {
		t.Errorf("Documents(search vehicles) = %v, want %v", got, seedID)
	}
	got, _ = list(store.DocumentFilter{Search: "report 7"})
	if !slices.Contains(got, ids[7]) {
		t.Errorf("Documents(search report 7) = %v, want it to hold %v", got, ids[7])
	}
	got, _ = list(store.DocumentFilter{Publisher: "diplomatique öl"})
	if !slices.Equal(got, []int64{undatedID}) {
		t.Errorf("Documents(publisher, non-ASCII case) = %v, want %v", got, undatedID)
	}
	for _, bad := range []store.DocumentFilter{{Limit: -1}, {Offset: -2}, {Since: day(5), Until: day(3)}, {Order: "sideways"}, {Search: "“—”"}} {
		if _, err := s.Documents(ctx, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("Documents(%+v) error = %v, want ErrInvalid", bad, err)
		}
	}
}

func reversed(ids []int64) []int64 {
	r := slices.Clone(ids)
	slices.Reverse(r)
	return r
}

func claimIDs(t *testing.T, s store.Store, f store.ClaimFilter) ([]string, int) {
	t.Helper()
	page, err := s.Claims(t.Context(), f)
	if err != nil {
		t.Fatalf("Claims(%+v): %v", f, err)
	}
	var got []string
	for _, c := range page.Items {
		got = append(got, fmt.Sprintf("%d/%s", c.Document.ID, c.LocalID))
	}
	return got, page.Total
}

func testClaims(t *testing.T, s store.Store) {
	ctx := t.Context()
	doc, res := Seed()
	seed := add(t, s, doc, res)
	a0 := addArticle(t, s, 0) // 3 claims, published 1 Oct, said 30 Sep
	a1 := addArticle(t, s, 1) // 4 claims, published 2 Oct, said 1 Oct
	c := func(doc int64, ids ...string) []string {
		var out []string
		for _, id := range ids {
			out = append(out, fmt.Sprintf("%d/%s", doc, id))
		}
		return out
	}
	cat := func(parts ...[]string) []string { return slices.Concat(parts...) }
	check := func(name string, f store.ClaimFilter, want []string) {
		t.Helper()
		got, total := claimIDs(t, s, f)
		if !slices.Equal(got, want) || (f.Limit == 0 && total != len(want)) {
			t.Errorf("%s: Claims = %v (total %d), want %v", name, got, total, want)
		}
	}
	// Newest first by the day said (seed c1: 17 Oct) else published
	// (seed: 18 Oct); within a day, the text's order.
	check("all", store.ClaimFilter{}, cat(c(seed, "c2", "c3", "c4", "c1"), c(a1, "c1", "c2", "c3", "c4"), c(a0, "c1", "c2", "c3")))
	check("oldest", store.ClaimFilter{Order: store.OrderOldest, Limit: 3}, c(a0, "c1", "c2", "c3"))
	check("document", store.ClaimFilter{DocumentID: a0}, c(a0, "c1", "c2", "c3"))
	// Speaker: canonical name or mention, any case, a substring, beyond
	// ASCII.
	check("speaker name", store.ClaimFilter{Speaker: "kestrel intel"}, cat(c(seed, "c1"), c(a0, "c1")))
	check("speaker mention", store.ClaimFilter{Speaker: "SPY AGENCY"}, c(a0, "c1"))
	check("speaker unicode", store.ClaimFilter{Speaker: "žaneta ØLVIK"}, c(a1, "c3"))
	check("speaker curly", store.ClaimFilter{Speaker: "ostmark’s"}, c(seed, "c2"))
	check("since", store.ClaimFilter{Since: time.Date(2024, 10, 17, 0, 0, 0, 0, time.UTC)}, c(seed, "c2", "c3", "c4", "c1"))
	check("until", store.ClaimFilter{Until: time.Date(2024, 10, 17, 0, 0, 0, 0, time.UTC)}, cat(c(seed, "c1"), c(a1, "c1", "c2", "c3", "c4"), c(a0, "c1", "c2", "c3")))
	check("said day", store.ClaimFilter{Since: time.Date(2024, 10, 17, 0, 0, 0, 0, time.UTC), Until: time.Date(2024, 10, 17, 0, 0, 0, 0, time.UTC)}, c(seed, "c1"))
	check("stance", store.ClaimFilter{Stance: extract.StanceDenies}, cat(c(seed, "c2"), c(a1, "c4")))
	check("mode", store.ClaimFilter{Mode: extract.ModeDirect, DocumentID: seed}, c(seed, "c1"))
	check("kind from source", store.ClaimFilter{Kind: extract.KindOrganisation, DocumentID: seed}, c(seed, "c2", "c1"))
	check("kind anonymous", store.ClaimFilter{Kind: extract.KindAnonymous}, cat(c(seed, "c3"), c(a1, "c2"), c(a0, "c3")))
	check("has quantity", store.ClaimFilter{HasQuantity: true, DocumentID: seed}, c(seed, "c2", "c3", "c1"))
	check("place name", store.ClaimFilter{Place: "kursavo", DocumentID: seed}, c(seed, "c2"))
	check("place country", store.ClaimFilter{Place: "om"}, cat(c(seed, "c2"), c(a1, "c2", "c4"), c(a0, "c2")))
	check("search content", store.ClaimFilter{Search: "vehicles"}, c(seed, "c3"))
	check("search stemmed", store.ClaimFilter{Search: "vehicle"}, c(seed, "c3"))
	check("search speaker", store.ClaimFilter{Search: "ministry", DocumentID: seed}, c(seed, "c2"))
	check("search and speaker", store.ClaimFilter{Search: "troops", Speaker: "officials"}, cat(c(a1, "c2"), c(a0, "c3")))
	check("nothing", store.ClaimFilter{Speaker: "nobody at all"}, nil)

	// SourceID is the source across documents.
	srcs, err := s.Sources(ctx, store.SourceFilter{Name: "Kestrel Intelligence Service"})
	if err != nil || len(srcs.Items) != 1 {
		t.Fatalf("Sources(Kestrel) = %+v, %v", srcs, err)
	}
	check("source", store.ClaimFilter{SourceID: srcs.Items[0].ID}, cat(c(seed, "c1"), c(a0, "c1")))

	for _, bad := range []store.ClaimFilter{{Limit: -1}, {Order: store.OrderName}, {Search: "-only"}} {
		if _, err := s.Claims(ctx, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("Claims(%+v) error = %v, want ErrInvalid", bad, err)
		}
	}
}

func testClaimRows(t *testing.T, s store.Store) {
	ctx := t.Context()
	doc, res := Seed()
	id := add(t, s, doc, res)
	page, err := s.Claims(ctx, store.ClaimFilter{DocumentID: id, Order: store.OrderOldest})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Items) != 4 {
		t.Fatalf("got %d claims, want 4", len(page.Items))
	}
	byLocal := map[string]store.Claim{}
	for _, c := range page.Items {
		byLocal[c.LocalID] = c
	}
	c1 := byLocal["c1"]
	src, err := s.Source(ctx, c1.Speaker.SourceID)
	if err != nil {
		t.Fatalf("Source(%d): %v", c1.Speaker.SourceID, err)
	}
	if src.Name != "Kestrel Intelligence Service" {
		t.Errorf("c1's source = %q", src.Name)
	}
	want := store.Claim{
		ID: c1.ID, LocalID: "c1",
		Document: store.DocumentRef{ID: id, Title: doc.Title, Publisher: "The Courier", Published: doc.Published, URL: doc.URL},
		Speaker: store.Speaker{Name: "Kestrel Intelligence Service", Mention: "the Kestrel Intelligence Service",
			Kind: extract.KindOrganisation, SourceID: src.ID, Span: res.Claims[0].Speaker.Span},
		Cue: "said", CueSpan: res.Claims[0].CueSpan, Mode: extract.ModeDirect, Stance: extract.StanceHedged,
		Content: res.Claims[0].Content, ContentSpan: res.Claims[0].ContentSpan, Hedges: []string{"expected"},
		Said: time.Date(2024, 10, 17, 0, 0, 0, 0, time.UTC), Day: time.Date(2024, 10, 17, 0, 0, 0, 0, time.UTC),
		Quantities: res.Claims[0].Quantities, Times: res.Claims[0].Times, Places: res.Claims[0].Places,
	}
	if g, w := jsonOf(t, c1), jsonOf(t, want); g != w {
		t.Errorf("claim c1 row:\n%s", diff(w, g))
	}
	one, err := s.Claim(ctx, c1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := jsonOf(t, one), jsonOf(t, want); g != w {
		t.Errorf("Claim(%d):\n%s", c1.ID, diff(w, g))
	}
	// c2 was linked to its source by name only, and takes its kind and
	// role from it; its items include one the document's list lacks.
	c2 := byLocal["c2"]
	if c2.Speaker.SourceID == 0 || c2.Speaker.Kind != extract.KindOrganisation || c2.Speaker.Role != "Ostmark’s government" {
		t.Errorf("c2 speaker = %+v, want linked to the ministry, with its kind and role", c2.Speaker)
	}
	if len(c2.Quantities) != 2 || c2.Quantities[1].Text != "any troops" || len(c2.Places) != 2 || c2.Places[0].Name != "Ostmark" {
		t.Errorf("c2 items = %+v %+v", c2.Quantities, c2.Places)
	}
	c4 := byLocal["c4"]
	if c4.Speaker.SourceID != 0 || c4.CueSpan != nil || !c4.Said.IsZero() || !c4.Day.Equal(doc.Published) {
		t.Errorf("c4 = %+v; want no source, no cue span, dated by publication", c4)
	}
	if !byLocal["c3"].Unverified {
		t.Errorf("c3 lost Unverified")
	}
	if _, err := s.Claim(ctx, 999999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Claim(missing) error = %v, want ErrNotFound", err)
	}
}

func testPagination(t *testing.T, s store.Store) {
	ctx := t.Context()
	addArticles(t, s, 9) // 3+4+5+6+7+3+4+5+6 = 43 claims
	all, total := claimIDs(t, s, store.ClaimFilter{})
	if total != 43 || len(all) != 43 {
		t.Fatalf("Claims() = %d (total %d), want 43", len(all), total)
	}
	var paged []string
	for off := 0; ; off += 10 {
		got, total := claimIDs(t, s, store.ClaimFilter{Limit: 10, Offset: off})
		if total != 43 {
			t.Errorf("page at %d: total %d, want 43", off, total)
		}
		if len(got) == 0 {
			break
		}
		if len(got) > 10 {
			t.Errorf("page at %d holds %d items", off, len(got))
		}
		paged = append(paged, got...)
	}
	if !slices.Equal(paged, all) {
		t.Errorf("pages of 10 =\n%v\nwant\n%v", paged, all)
	}
	docs, err := s.Documents(ctx, store.DocumentFilter{Limit: 4, Offset: 8})
	if err != nil || len(docs.Items) != 1 || docs.Total != 9 {
		t.Errorf("Documents(4 from 8) = %d items, total %d, %v; want 1 of 9", len(docs.Items), docs.Total, err)
	}
	past, err := s.Claims(ctx, store.ClaimFilter{Limit: 5, Offset: 100})
	if err != nil || len(past.Items) != 0 || past.Total != 43 || past.Items == nil {
		t.Errorf("Claims past the end = %+v, %v; want an empty (non-nil) page, total 43", past, err)
	}
}

func testSources(t *testing.T, s store.Store) {
	ctx := t.Context()
	a0 := addArticle(t, s, 0)  // 1 Oct
	addArticle(t, s, 1)        // 2 Oct
	addArticle(t, s, 5)        // 6 Oct
	seedDoc, seedRes := Seed() // 18 Oct
	seed := add(t, s, seedDoc, seedRes)
	page, err := s.Sources(ctx, store.SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// Article sources (5) plus none new from the seed except... the seed's
	// Kestrel, ministry and officials share name and kind with the
	// articles'.
	if page.Total != 5 || len(page.Items) != 5 {
		t.Fatalf("Sources() = %d (total %d), want 5: %+v", len(page.Items), page.Total, page.Items)
	}
	byName := map[string]store.Source{}
	claims := 0
	for _, src := range page.Items {
		byName[src.Name] = src
		claims += src.Claims
	}
	for i := 1; i < len(page.Items); i++ {
		if page.Items[i].Claims > page.Items[i-1].Claims {
			t.Errorf("Sources not by claims: %d after %d", page.Items[i].Claims, page.Items[i-1].Claims)
		}
	}
	// 3 + 4 + 3 article claims, and the seed's c1, c2, c3 (c4 has no source).
	if claims != 13 {
		t.Errorf("claims counted under sources = %d, want 13", claims)
	}
	k := byName["Kestrel Intelligence Service"]
	wantK := store.Source{ID: k.ID, Name: "Kestrel Intelligence Service", Kind: extract.KindOrganisation,
		Role: "Veloria's spy agency", Country: "VL", Names: []string{"Kestrel Intelligence Service"}, Reliability: "F",
		Claims: 3, Documents: 4, FirstSeen: time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC), LastSeen: time.Date(2024, 10, 18, 0, 0, 0, 0, time.UTC)}
	if g, w := jsonOf(t, k), jsonOf(t, wantK); g != w {
		t.Errorf("Kestrel:\n%s", diff(w, g))
	}
	ministry := byName["Ostmark Foreign Ministry"]
	if ministry.Role != "Ostmark’s government" {
		t.Errorf("ministry role = %q, want the latest given", ministry.Role)
	}
	got, err := s.Source(ctx, k.ID)
	if err != nil || jsonOf(t, got) != jsonOf(t, wantK) {
		t.Errorf("Source(%d) = %+v, %v", k.ID, got, err)
	}
	if _, err := s.Source(ctx, 999999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Source(missing) error = %v, want ErrNotFound", err)
	}
	names := func(f store.SourceFilter) []string {
		t.Helper()
		page, err := s.Sources(ctx, f)
		if err != nil {
			t.Fatalf("Sources(%+v): %v", f, err)
		}
		var out []string
		for _, src := range page.Items {
			out = append(out, src.Name)
		}
		return out
	}
	if got := names(store.SourceFilter{Name: "ølvik"}); !slices.Equal(got, []string{"Žaneta Ølvik"}) {
		t.Errorf("Sources(name ølvik) = %v", got)
	}
	if got := names(store.SourceFilter{Kind: extract.KindPerson, Order: store.OrderName}); !slices.Equal(got, []string{"Marta Ilvesk", "Žaneta Ølvik"}) {
		t.Errorf("Sources(person, by name) = %v", got)
	}
	if got := names(store.SourceFilter{DocumentID: seed, Order: store.OrderName}); !slices.Equal(got, []string{"Kestrel Intelligence Service", "officials", "Ostmark Foreign Ministry"}) {
		t.Errorf("Sources(seed) = %v", got)
	}
	if got := names(store.SourceFilter{Since: time.Date(2024, 10, 10, 0, 0, 0, 0, time.UTC)}); len(got) != 3 {
		t.Errorf("Sources(since 10 Oct) = %v, want the seed's 3", got)
	}
	if got := names(store.SourceFilter{Order: store.OrderRecent, Limit: 1, Offset: 4}); len(got) != 1 {
		t.Errorf("Sources(recent, 5th) = %v", got)
	}
	_ = a0

	// Reliability is the user's, A-F, F by default.
	if err := s.SetReliability(ctx, k.ID, "B"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Source(ctx, k.ID); got == nil || got.Reliability != "B" {
		t.Errorf("reliability after SetReliability(B) = %+v", got)
	}
	for _, bad := range []string{"", "G", "b", "AB"} {
		if err := s.SetReliability(ctx, k.ID, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("SetReliability(%q) error = %v, want ErrInvalid", bad, err)
		}
	}
	if err := s.SetReliability(ctx, 999999, "A"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SetReliability(missing) error = %v, want ErrNotFound", err)
	}
	// A new document naming the source counts under it, with its grade.
	addArticle(t, s, 2)
	if got, _ := s.Source(ctx, k.ID); got == nil || got.Documents != 5 || got.Reliability != "B" {
		t.Errorf("after another article: %+v", got)
	}
}

func testMergeSplit(t *testing.T, s store.Store) {
	ctx := t.Context()
	addArticle(t, s, 0)
	find := func(name string) store.Source {
		t.Helper()
		page, err := s.Sources(ctx, store.SourceFilter{Name: name})
		if err != nil || len(page.Items) != 1 {
			t.Fatalf("Sources(%q) = %+v, %v", name, page.Items, err)
		}
		return page.Items[0]
	}
	kestrel, ministry := find("Kestrel"), find("Ostmark Foreign")
	if err := s.SetReliability(ctx, kestrel.ID, "C"); err != nil {
		t.Fatal(err)
	}
	// The user says the two are one (wrongly, but that is theirs to say).
	if err := s.MergeSources(ctx, kestrel.ID, ministry.ID); err != nil {
		t.Fatal(err)
	}
	merged := find("Ostmark Foreign")
	if merged.ID != kestrel.ID || merged.Name != "Kestrel Intelligence Service" || merged.Reliability != "C" ||
		!slices.Equal(merged.Names, []string{"Kestrel Intelligence Service", "Ostmark Foreign Ministry"}) {
		t.Errorf("after merge: %+v", merged)
	}
	if _, err := s.Source(ctx, ministry.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("merged-away source still there: %v", err)
	}
	// The rule survives re-ingestion: a new document naming the ministry
	// counts under the merged source.
	before := merged.Documents
	addArticle(t, s, 1)
	if got := find("Ostmark Foreign"); got.ID != kestrel.ID || got.Documents != before+1 {
		t.Errorf("after a new document: %+v, want under %d with %d documents", got, kestrel.ID, before+1)
	}
	if err := s.MergeSources(ctx, kestrel.ID, 999999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("MergeSources(missing) error = %v, want ErrNotFound", err)
	}
	// Splitting the name out undoes it, and that too survives.
	split, err := s.SplitSource(ctx, kestrel.ID, "ostmark foreign ministry")
	if err != nil {
		t.Fatal(err)
	}
	got := find("Ostmark Foreign")
	if got.ID != split || got.Name != "Ostmark Foreign Ministry" || got.Reliability != "F" || got.Documents != 2 {
		t.Errorf("after split: %+v (id %d)", got, split)
	}
	addArticle(t, s, 2)
	if got := find("Ostmark Foreign"); got.ID != split || got.Documents != 3 {
		t.Errorf("after split and a new document: %+v", got)
	}
	if k := find("Kestrel"); k.Documents != 3 || len(k.Names) != 1 {
		t.Errorf("Kestrel after split: %+v", k)
	}
	if _, err := s.SplitSource(ctx, kestrel.ID, "Kestrel Intelligence Service"); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("SplitSource(only name) error = %v, want ErrInvalid", err)
	}
	if _, err := s.SplitSource(ctx, kestrel.ID, "Nobody"); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("SplitSource(unknown name) error = %v, want ErrInvalid", err)
	}
	if _, err := s.SplitSource(ctx, 999999, "x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("SplitSource(missing) error = %v, want ErrNotFound", err)
	}
}

func testSearch(t *testing.T, s store.Store) {
	ctx := t.Context()
	seedDoc, seedRes := Seed()
	seed := add(t, s, seedDoc, seedRes)
	addArticles(t, s, 3)
	search := func(f store.SearchFilter) store.Page[store.Hit] {
		t.Helper()
		page, err := s.Search(ctx, f)
		if err != nil {
			t.Fatalf("Search(%+v): %v", f, err)
		}
		return page
	}
	page := search(store.SearchFilter{Query: "vehicles"})
	if page.Total != 2 || len(page.Items) != 2 {
		t.Fatalf("Search(vehicles) = %+v, want the seed and its claim c3", page)
	}
	var sawDoc, sawClaim bool
	for _, h := range page.Items {
		if h.Document.ID != seed || h.Document.Title != seedDoc.Title {
			t.Errorf("hit %+v not in the seed", h)
		}
		if len(h.Marks) == 0 {
			t.Errorf("hit %+v has no marks", h)
		}
		for _, m := range h.Marks {
			if w := strings.ToLower(h.Snippet[m.Start:m.End]); w != "vehicles" {
				t.Errorf("mark %q in %q, want vehicles", w, h.Snippet)
			}
		}
		if strings.ContainsAny(h.Snippet, "\x01\x02") {
			t.Errorf("snippet %q keeps the markers", h.Snippet)
		}
		switch h.Kind {
		case store.HitDocument:
			sawDoc = true
		case store.HitClaim:
			sawClaim = true
			if h.Speaker != "officials" || h.ClaimID == 0 || h.Snippet != "Dozens of vehicles were seen" {
				t.Errorf("claim hit = %+v", h)
			}
		}
	}
	if !sawDoc || !sawClaim {
		t.Errorf("Search(vehicles) kinds: document %v, claim %v", sawDoc, sawClaim)
	}
	if p := search(store.SearchFilter{Query: "vehicles", Kind: store.HitClaim}); p.Total != 1 || p.Items[0].Kind != store.HitClaim {
		t.Errorf("Search(vehicles, claims) = %+v", p)
	}
	count := func(q string) int {
		t.Helper()
		return search(store.SearchFilter{Query: q, Kind: store.HitDocument}).Total
	}
	cases := []struct {
		q    string
		want int
	}{
		{"troops", 4},
		{"Troop", 4},                    // stemmed, any case
		{`"Ostmark troops"`, 4},         // the phrase
		{`"troops Ostmark"`, 0},         // words in the wrong order
		{"report vehicles", 0},          // both words: no document has both
		{`"report 1"`, 1},               // the phrase
		{"denies OR residents", 4},      // either
		{"troops -residents", 1},        // but not
		{"convo*", 3},                   // prefix
		{"kovac", 4},                    // diacritics removed: "Kovač" in the byline
		{`NEAR(troops "x") title:x`, 0}, // FTS5 syntax is taken as words
		{`"unclosed phrase`, 0},
		{"AND OR NOT", 4}, // AND and NOT are words here; OR still joins them
	}
	for _, c := range cases {
		if got := count(c.q); got != c.want {
			t.Errorf("Search(%s) = %d documents, want %d", c.q, got, c.want)
		}
	}
	p1 := search(store.SearchFilter{Query: "troops", Limit: 2})
	p2 := search(store.SearchFilter{Query: "troops", Limit: 2, Offset: 2})
	if len(p1.Items) != 2 || len(p2.Items) != 2 || p1.Total != p2.Total || hitKey(p1.Items[1]) == hitKey(p2.Items[0]) {
		t.Errorf("Search pages: %d + %d of %d", len(p1.Items), len(p2.Items), p1.Total)
	}
	for _, bad := range []store.SearchFilter{{Query: ""}, {Query: "  "}, {Query: "— –"}, {Query: "-alone"}, {Query: "x", Kind: "note"}, {Query: "x", Limit: -1}} {
		if _, err := s.Search(ctx, bad); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("Search(%+v) error = %v, want ErrInvalid", bad, err)
		}
	}
}

func hitKey(h store.Hit) string { return fmt.Sprintf("%s/%d/%d", h.Kind, h.Document.ID, h.ClaimID) }

func testDelete(t *testing.T, s store.Store) {
	ctx := t.Context()
	seedDoc, seedRes := Seed()
	seed := add(t, s, seedDoc, seedRes)
	a0 := addArticle(t, s, 0)
	src, err := s.Sources(ctx, store.SourceFilter{DocumentID: seed, Name: "officials"})
	if err != nil || len(src.Items) != 1 {
		t.Fatalf("Sources = %+v, %v", src, err)
	}
	if err := s.SetReliability(ctx, src.Items[0].ID, "D"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDocument(ctx, seed); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Document(ctx, seed); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted document: %v", err)
	}
	if p, _ := s.Claims(ctx, store.ClaimFilter{DocumentID: seed}); p.Total != 0 {
		t.Errorf("deleted document keeps %d claims", p.Total)
	}
	if p, _ := s.Search(ctx, store.SearchFilter{Query: "vehicles"}); p.Total != 0 {
		t.Errorf("deleted document still found: %+v", p.Items)
	}
	st, _ := s.Stats(ctx)
	_, ares := Article(0)
	if st.Documents != 1 || st.Claims != len(ares.Claims) || st.Quantities != len(ares.Quantities) {
		t.Errorf("stats after delete = %+v", st)
	}
	if err := s.DeleteDocument(ctx, seed); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second delete error = %v, want ErrNotFound", err)
	}
	// Ingesting it again brings it back whole; the user's grade on its
	// sources was kept.
	again := add(t, s, seedDoc, seedRes)
	if got, err := s.Extraction(ctx, again); err != nil || jsonOf(t, got) != jsonOf(t, seedRes) {
		t.Errorf("re-added document differs: %v", err)
	}
	if got, err := s.Source(ctx, src.Items[0].ID); err != nil || got.Reliability != "D" {
		t.Errorf("source after re-adding = %+v, %v; want reliability D kept", got, err)
	}
	_ = a0
}

func testStats(t *testing.T, s store.Store) {
	ctx := t.Context()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st != (store.Stats{}) {
		t.Errorf("empty store stats = %+v", st)
	}
	seedDoc, seedRes := Seed()
	add(t, s, seedDoc, seedRes)
	addArticle(t, s, 3)
	_, ares := Article(3)
	st, err = s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := store.Stats{Documents: 2, Claims: 4 + len(ares.Claims), Sources: 5, Notes: 1 + len(ares.Notes),
		Quantities: 3 + len(ares.Quantities), Times: 1 + len(ares.Times), Places: 2 + len(ares.Places),
		FirstPublished: time.Date(2024, 10, 4, 0, 0, 0, 0, time.UTC), LastPublished: time.Date(2024, 10, 18, 0, 0, 0, 0, time.UTC),
		LastAdded: st.LastAdded}
	if st != want || st.LastAdded.IsZero() {
		t.Errorf("Stats = %+v\nwant %+v", st, want)
	}
}

func testTokens(t *testing.T, s store.Store) {
	ctx := t.Context()
	secret, tok, err := s.CreateToken(ctx, "newsroom bot")
	if err != nil {
		t.Fatal(err)
	}
	if len(secret) < 40 || tok.ID == 0 || tok.Name != "newsroom bot" || tok.Created.IsZero() {
		t.Errorf("CreateToken = %q, %+v", secret, tok)
	}
	got, err := s.CheckToken(ctx, secret)
	if err != nil || got.ID != tok.ID || got.LastUsed.IsZero() {
		t.Errorf("CheckToken = %+v, %v", got, err)
	}
	for _, bad := range []string{"", "cct_nope", secret + "x"} {
		if _, err := s.CheckToken(ctx, bad); !errors.Is(err, store.ErrBadToken) {
			t.Errorf("CheckToken(%q) error = %v, want ErrBadToken", bad, err)
		}
	}
	if _, _, err := s.CreateToken(ctx, " "); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("CreateToken(no name) error = %v, want ErrInvalid", err)
	}
	secret2, _, err := s.CreateToken(ctx, "second")
	if err != nil || secret2 == secret {
		t.Fatalf("second token %q, %v", secret2, err)
	}
	if err := s.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeToken(ctx, tok.ID); err != nil {
		t.Errorf("revoking twice: %v", err)
	}
	if err := s.RevokeToken(ctx, 999999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RevokeToken(missing) error = %v, want ErrNotFound", err)
	}
	if _, err := s.CheckToken(ctx, secret); !errors.Is(err, store.ErrBadToken) {
		t.Errorf("revoked token still accepted: %v", err)
	}
	if _, err := s.CheckToken(ctx, secret2); err != nil {
		t.Errorf("the other token: %v", err)
	}
	list, err := s.Tokens(ctx)
	if err != nil || len(list) != 2 || list[0].Revoked.IsZero() || !list[1].Revoked.IsZero() {
		t.Errorf("Tokens = %+v, %v", list, err)
	}
	if strings.Contains(jsonOf(t, list), secret) {
		t.Errorf("Tokens shows a secret")
	}
}
