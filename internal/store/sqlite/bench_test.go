package sqlite

import (
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/store/storetest"
)

// benchArticles are made once: building them is not what is measured.
var benchArticles = sync.OnceValue(func() []store.Input {
	in := make([]store.Input, 2000)
	for i := range in {
		doc, res := storetest.Article(i)
		in[i] = store.Input{Document: doc, Result: res}
	}
	return in
})

// benchInput returns the i-th article; past the prepared ones, a prepared
// one with a line added, so that every i is a new document.
func benchInput(i int) store.Input {
	all := benchArticles()
	in := all[i%len(all)]
	if i < len(all) {
		return in
	}
	d := *in.Document
	d.Text += "\n\nUpdate " + strconv.Itoa(i)
	d.Hash = ""
	r := *in.Result
	r.Text, r.Document.Hash = "", ""
	return store.Input{Document: &d, Result: &r}
}

// BenchmarkAddDocument stores realistic articles (about 2 KB of text, 5
// sources, 5 claims on average, each with a figure, a day and a place) one
// transaction each, into a store that grows as it goes; docs/s is the rate.
func BenchmarkAddDocument(b *testing.B) {
	benchArticles()
	db, err := Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	i := 0
	for b.Loop() {
		in := benchInput(i)
		if _, added, err := db.AddDocument(b.Context(), in.Document, in.Result); err != nil || !added {
			b.Fatal(added, err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkAddDocuments stores the same articles 50 to a transaction.
func BenchmarkAddDocuments(b *testing.B) {
	const batch = 50
	benchArticles()
	db, err := Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	next := 0
	for b.Loop() {
		in := make([]store.Input, batch)
		for j := range in {
			in[j] = benchInput(next)
			next++
		}
		out, err := db.AddDocuments(b.Context(), in)
		if err != nil || !out[0].Added {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkAddUnchanged re-ingests documents already stored: the common
// case of running ingest over the same folder again.
func BenchmarkAddUnchanged(b *testing.B) {
	db, err := Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	const n = 200
	docs := make([]*document.Document, n)
	results := make([]*extract.Result, n)
	for i := range n {
		docs[i], results[i] = storetest.Article(i)
		if _, _, err := db.AddDocument(b.Context(), docs[i], results[i]); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	for b.Loop() {
		if _, added, err := db.AddDocument(b.Context(), docs[i%n], results[i%n]); err != nil || added {
			b.Fatal(added, err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkClaimsPage reads one page of 50 claims, with a speaker filter
// and a full-text search, from a store of 5,000 articles (about 25,000
// claims): what a table view in the web UI asks for.
func BenchmarkClaimsPage(b *testing.B) {
	db, err := Open(b.Context(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for i := range 5000 {
		doc, res := storetest.Article(i)
		if _, _, err := db.AddDocument(b.Context(), doc, res); err != nil {
			b.Fatal(err)
		}
	}
	filters := map[string]store.ClaimFilter{
		"all":     {Limit: 50, Offset: 1000},
		"speaker": {Speaker: "ilvesk", Limit: 50},
		"search":  {Search: "convoys OR border", Limit: 50},
	}
	for name, f := range filters {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := db.Claims(b.Context(), f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
