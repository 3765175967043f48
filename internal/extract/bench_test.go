package extract

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/demo"
	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/text"
)

// benchDocs returns the documents a benchmark runs over: the .txt files of
// the folder named by CROSSCHECK_BENCH_CORPUS (e.g. 1,000 articles copied
// from ../shared/data), else the embedded demo articles.
func benchDocs(b *testing.B) []*document.Document {
	var docs []*document.Document
	if dir := os.Getenv("CROSSCHECK_BENCH_CORPUS"); dir != "" {
		names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(names) == 0 {
			b.Fatalf("CROSSCHECK_BENCH_CORPUS=%s: no .txt files", dir)
		}
		sort.Strings(names)
		for _, n := range names {
			src, err := os.ReadFile(n)
			if err != nil {
				b.Fatal(err)
			}
			d, err := text.Read(src, n)
			if err != nil {
				continue
			}
			docs = append(docs, d)
		}
		return docs
	}
	for _, name := range demo.Names() {
		src, err := demo.Read(name)
		if err != nil {
			b.Fatal(err)
		}
		d, err := text.Read([]byte(src), name)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkExtract runs the whole pipeline over a folder of articles, as
// "crosscheck extract FOLDER" does after reading them, and reports
// documents per second.
func BenchmarkExtract(b *testing.B) {
	docs := benchDocs(b)
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	Run(docs[0], Options{}) // load the gazetteer outside the timing
	b.SetBytes(bytes)
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			Run(d, Options{})
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
