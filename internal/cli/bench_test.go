package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/store/sqlite"
)

// BenchmarkIngest measures "crosscheck ingest" end to end over a folder,
// into a new store each time: reading, extracting on every core, storing.
// It reports documents per second. CROSSCHECK_BENCH_CORPUS names the
// folder (a thousand real articles give a figure worth quoting); without
// it, the eight demo articles.
//
//	CROSSCHECK_BENCH_CORPUS=/tmp/corpus go test -run '^$' -bench Ingest -benchtime 3x ./internal/cli
func BenchmarkIngest(b *testing.B) {
	dir := os.Getenv("CROSSCHECK_BENCH_CORPUS")
	if dir == "" {
		dir = demoFolder(b)
	}
	env := Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	ctx := context.Background()
	stored := 0
	for i := 0; b.Loop(); i++ {
		// A fresh store each time, created outside the timing: the
		// figure is about documents, not about making a database.
		b.StopTimer()
		path := filepath.Join(b.TempDir(), fmt.Sprintf("bench-%d.db", i))
		st, err := sqlite.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
		b.StartTimer()

		// Some files of a real corpus may fail (exit 1); the rest counts.
		if code := Main(ctx, []string{"ingest", "--quiet", "--db", path, dir}, env); code > 1 {
			b.Fatalf("ingest exited %d", code)
		}

		b.StopTimer()
		st, err = sqlite.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		stats, err := st.Stats(ctx)
		st.Close()
		if err != nil {
			b.Fatal(err)
		}
		stored += stats.Documents
		b.StartTimer()
	}
	b.ReportMetric(float64(stored)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(stored)/float64(b.N), "docs/op")
}
