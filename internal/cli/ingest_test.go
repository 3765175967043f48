package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/demo"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/ingest"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/store/sqlite"
)

func TestIngestFolderTwice(t *testing.T) {
	dir := demoFolder(t)
	db := filepath.Join(t.TempDir(), "ledger.db")

	first := crosscheck(t, nil, "ingest", "--db", db, dir).ok(t)
	lines := nonEmptyLines(first.stdout)
	if len(lines) != 9 {
		t.Fatalf("want a line per document and a summary, got:\n%s", first.stdout)
	}
	claims := 0
	for _, name := range demo.Names() {
		found := false
		for _, l := range lines[:8] {
			if strings.HasPrefix(l, "new ") && strings.Contains(l, name) {
				found = true
				var n int
				fmt.Sscanf(l[strings.LastIndex(l, "· ")+len("· "):], "%d claims", &n)
				claims += n
			}
		}
		if !found {
			t.Errorf("no \"new\" line for %s:\n%s", name, first.stdout)
		}
	}
	if want := fmt.Sprintf("8 new, 0 unchanged, 0 failed; %d claims added to ", claims); !strings.HasPrefix(lines[8], want) {
		t.Errorf("summary %q, want it to start %q", lines[8], want)
	}
	if claims == 0 {
		t.Error("no claims extracted from the demo articles")
	}

	second := crosscheck(t, nil, "ingest", "--db", db, dir).ok(t)
	lines = nonEmptyLines(second.stdout)
	for _, l := range lines[:len(lines)-1] {
		if !strings.HasPrefix(l, "unchanged ") {
			t.Errorf("second ingest: %q, want unchanged", l)
		}
	}
	if !strings.HasPrefix(lines[len(lines)-1], "0 new, 8 unchanged, 0 failed; 0 claims added") {
		t.Errorf("second ingest summary: %q", lines[len(lines)-1])
	}
	st := openTestStore(t, db)
	stats, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != 8 || stats.Claims != claims {
		t.Errorf("after two ingests the store holds %d documents and %d claims, want 8 and %d", stats.Documents, stats.Claims, claims)
	}
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good, _ := demo.Read(demo.Names()[0])
	goodPath := write("good.txt", []byte(good))
	bad := []string{
		write("binary.txt", append([]byte("\x7fELF\x02\x01\x01\x00"), bytes.Repeat([]byte{0, 1, 2, 0xfe, 0xff}, 200)...)),
		write("empty.txt", nil),
		filepath.Join(dir, "missing.txt"),
		write("broken.rss", []byte("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Harbour Times</title>\n<item><title>Storm closes the ferry</title><description>The ferry stays in port\n</channel>\n")),
	}
	db := filepath.Join(t.TempDir(), "ledger.db")
	r := crosscheck(t, nil, append([]string{"ingest", "--db", db, goodPath}, bad...)...)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "1 new, 0 unchanged, 4 failed") {
		t.Errorf("summary does not count the good file and the four failures:\n%s", r.stdout)
	}
	errLines := nonEmptyLines(r.stderr)
	for _, in := range bad {
		n := 0
		for _, l := range errLines {
			if strings.HasPrefix(l, "crosscheck: "+in+": ") {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d error lines naming it on stderr, want 1:\n%s", filepath.Base(in), n, r.stderr)
		}
	}
	if len(errLines) != len(bad)+1 { // and the closing line
		t.Errorf("want one line per failure and a closing line on stderr, got:\n%s", r.stderr)
	}
	if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
		t.Errorf("stderr holds a stack trace:\n%s", r.stderr)
	}
	st := openTestStore(t, db)
	if docs, _ := st.Documents(t.Context(), store.DocumentFilter{}); docs.Total != 1 {
		t.Errorf("the store holds %d documents, want the good one", docs.Total)
	}

	// extract fails on each of them, in one line naming the input.
	for _, in := range bad {
		r := crosscheck(t, nil, "extract", in)
		if r.code == 0 {
			t.Errorf("extract %s: exit 0", filepath.Base(in))
		}
		lines := nonEmptyLines(r.stderr)
		if len(lines) == 0 || !strings.HasPrefix(lines[0], "crosscheck: "+in+": ") {
			t.Errorf("extract %s: stderr %q does not name the input first", filepath.Base(in), r.stderr)
		}
	}
}

func TestIngestUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ledger.db")
	for _, args := range [][]string{
		{"ingest", "--db", db},
		{"ingest", "--db", db, "--published", "18/10/2024", "x.txt"},
		{"ingest", "--db", db, "--nonsense", "x.txt"},
	} {
		if r := crosscheck(t, nil, args...); r.code != 2 || len(nonEmptyLines(r.stderr)) == 0 {
			t.Errorf("%q: exit %d, stderr %q; want a usage mistake", args, r.code, r.stderr)
		}
	}
}

// TestIngestPublished dates an undated text by --published: the stored
// document and its claims carry that day.
func TestIngestPublished(t *testing.T) {
	p := filepath.Join(t.TempDir(), "undated.txt")
	text := "Ships held at the river mouth\n\n\"We have never seen it this bad,\" Anna Reed said on Tuesday.\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "ledger.db")
	crosscheck(t, nil, "ingest", "--db", db, "--published", "2025-06-13", p).ok(t)
	var docs []store.Document
	r := crosscheck(t, nil, "documents", "--db", db, "--format", "json").ok(t)
	if err := json.Unmarshal([]byte(r.stdout), &docs); err != nil || len(docs) != 1 {
		t.Fatalf("documents: %v, %d documents", err, len(docs))
	}
	if got := store.Day(docs[0].Published); got != "2025-06-13" {
		t.Errorf("published %q, want 2025-06-13", got)
	}
	var claims []store.Claim
	r = crosscheck(t, nil, "claims", "--db", db, "--format", "json").ok(t)
	if err := json.Unmarshal([]byte(r.stdout), &claims); err != nil || len(claims) != 1 {
		t.Fatalf("claims: %v, %d claims:\n%s", err, len(claims), r.stdout)
	}
	if got := store.Day(claims[0].Said); got != "2025-06-10" {
		t.Errorf("the claim was said on %q, want the Tuesday before, 2025-06-10", got)
	}
}

func TestStoreSelection(t *testing.T) {
	dir := demoFolder(t)
	base := t.TempDir()
	fromEnv := filepath.Join(base, "env", "nested", "ledger.db")
	fromFlag := filepath.Join(base, "flag.db")
	vars := map[string]string{dbEnv: fromEnv}

	// CROSSCHECK_DB picks the store, its folder is created...
	r := crosscheck(t, vars, "ingest", dir).ok(t)
	if !strings.Contains(r.stdout, "added to "+fromEnv) {
		t.Errorf("ingest did not use $%s:\n%s", dbEnv, r.stdout)
	}
	// ... and --db wins over it, before or after the command.
	crosscheck(t, vars, "--db", fromFlag, "ingest", filepath.Join(dir, demo.Names()[0])).ok(t)
	for db, want := range map[string]int{fromEnv: 8, fromFlag: 1} {
		var docs []store.Document
		r := crosscheck(t, vars, "documents", "--db", db, "--format", "json").ok(t)
		if err := json.Unmarshal([]byte(r.stdout), &docs); err != nil || len(docs) != want {
			t.Errorf("%s: %d documents (%v), want %d", db, len(docs), err, want)
		}
	}

	// A file that is not a store is refused, saying what to do.
	notDB := filepath.Join(base, "notes.txt")
	os.WriteFile(notDB, []byte("my notes\n"), 0o644)
	for _, r := range []result{
		crosscheck(t, nil, "claims", "--db", notDB),
		crosscheck(t, map[string]string{dbEnv: notDB}, "claims"),
	} {
		if r.code != 1 || !strings.Contains(r.stderr, notDB) || !strings.Contains(r.stderr, "not a crosscheck database") ||
			!strings.Contains(r.stderr, "--db") {
			t.Errorf("exit %d, stderr %q; want one line naming the file and saying what to do", r.code, r.stderr)
		}
	}
	if b, _ := os.ReadFile(notDB); string(b) != "my notes\n" {
		t.Error("the file that is not a store was changed")
	}
}

// manyArticles writes n distinct articles (the demo's, each with a line of
// its own so that no two texts are the same) into a new folder.
func manyArticles(t testing.TB, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "many")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	names := demo.Names()
	for i := range n {
		text, err := demo.Read(names[i%len(names)])
		if err != nil {
			t.Fatal(err)
		}
		text += fmt.Sprintf("\nThis is copy %d of the dispatch.\n", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// cancelOnWrite cancels a context at the first write that holds want:
// Ctrl-C in the middle of an ingest.
type cancelOnWrite struct {
	bytes.Buffer
	mu     sync.Mutex
	want   string
	cancel context.CancelFunc
}

func (w *cancelOnWrite) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if bytes.Contains(p, []byte(w.want)) {
		w.cancel()
	}
	return w.Buffer.Write(p)
}

func TestIngestInterrupted(t *testing.T) {
	const n = 150
	dir := manyArticles(t, n)
	db := filepath.Join(t.TempDir(), "ledger.db")
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	out := &cancelOnWrite{want: "new ", cancel: cancel}
	var stderr bytes.Buffer
	code := Main(ctx, []string{"ingest", "--db", db, dir}, Env{Stdout: out, Stderr: &stderr, Getenv: func(string) string { return "" }})
	if code != 130 {
		t.Fatalf("exit %d, want 130 (interrupted)\nstderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted") || !strings.Contains(stderr.String(), "run the same command again") {
		t.Errorf("stderr does not say it was interrupted and how to go on:\n%s", stderr.String())
	}
	reported := 0
	for _, l := range nonEmptyLines(out.String()) {
		if strings.HasPrefix(l, "new ") {
			reported++
		}
	}
	st := openTestStore(t, db)
	docs, err := st.Documents(t.Context(), store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if docs.Total != reported || docs.Total >= n {
		t.Errorf("interrupted ingest stored %d documents and reported %d; want the same, fewer than %d", docs.Total, reported, n)
	}
	checkWhole(t, st)
	st.Close()

	r := crosscheck(t, nil, "ingest", "--db", db, dir).ok(t)
	if want := fmt.Sprintf("%d new, %d unchanged, 0 failed", n-reported, reported); !strings.Contains(r.stdout, want) {
		t.Errorf("the ingest run again does not go on where the first stopped (want %q):\n%s", want, lastLine(r.stdout))
	}
}

func lastLine(s string) string {
	l := nonEmptyLines(s)
	if len(l) == 0 {
		return ""
	}
	return l[len(l)-1]
}

// openTestStore opens a store for checks, and closes it after the test.
func openTestStore(t *testing.T, path string) store.Store {
	t.Helper()
	st, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// checkWhole checks that every document in the store holds its whole
// extraction: the same claims and sources as a fresh extraction of its
// file.
func checkWhole(t *testing.T, st store.Store) {
	t.Helper()
	ctx := t.Context()
	docs, err := st.Documents(ctx, store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs.Items {
		var want *extract.Result
		for doc, err := range ingest.Read(ctx, d.Origin, ingest.Config{}) {
			if err != nil {
				t.Fatalf("%s: %v", d.Origin, err)
			}
			want = extract.Run(doc, extract.Options{})
		}
		got, err := st.Extraction(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Claims != len(want.Claims) || outline(got) != outline(want) {
			t.Errorf("%s is not whole: %d claims stored, %d extracted\nstored:\n%s\nextracted:\n%s",
				d.Origin, d.Claims, len(want.Claims), outline(got), outline(want))
		}
	}
}

// outline is what must come back whole from the store: every source and
// every claim, with its figures, dates and places. It leaves out fields
// the store does not keep yet (a claim's kind, a time's modifier, a
// place's canonical name), which are not what a kill would tear.
func outline(r *extract.Result) string {
	var b strings.Builder
	for _, s := range r.Sources {
		fmt.Fprintf(&b, "%s %s (%s) %d mentions\n", s.ID, s.Name, s.Kind, len(s.Mentions))
	}
	for _, c := range r.Claims {
		fmt.Fprintf(&b, "%s %s/%q %s %v %q: %d figures, %d dates, %d places\n", c.ID, c.Speaker.Source, c.Speaker.Mention,
			c.Cue, c.ContentSpan, c.Content, len(c.Quantities), len(c.Times), len(c.Places))
	}
	fmt.Fprintf(&b, "%d figures, %d dates, %d places, %d notes\n", len(r.Quantities), len(r.Times), len(r.Places), len(r.Notes))
	return b.String()
}

// checkIntegrity runs SQLite's own checks on a store file.
func checkIntegrity(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	var fk int
	if err := db.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fk); err != nil || fk != 0 {
		t.Errorf("foreign_key_check: %d problems, %v", fk, err)
	}
}
