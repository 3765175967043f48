package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/demo"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	r := crosscheck(t, nil, "demo", "--db", db).ok(t)

	st := openTestStore(t, db)
	docs, err := st.Documents(t.Context(), store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if docs.Total != len(demo.Names()) || docs.Total != 8 {
		t.Fatalf("the demo stored %d documents, want the 8 articles", docs.Total)
	}
	for _, d := range docs.Items {
		if !strings.Contains(r.stdout, ". "+orOrigin(d.Title, d.Origin)+"\n") {
			t.Errorf("the ledger has no heading for %q", d.Title)
		}
	}
	stats, _ := st.Stats(t.Context())
	for _, want := range []string{
		"8 articles",
		"Mara Ellison",
		"figures: 8,000", // the first article's count
		"Sources across the 8 articles",
		"The ledger is kept in " + db,
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the ledger lacks %q", want)
		}
	}
	// Every claim has a head line: "   Speaker — cue".
	if got := len(regexp.MustCompile(`(?m)^   \S[^\n]* — `).FindAllString(r.stdout, -1)); got != stats.Claims {
		t.Errorf("the ledger shows %d claims, the store holds %d", got, stats.Claims)
	}
	if r.stderr != "" {
		t.Errorf("stderr: %q", r.stderr)
	}

	// A second demo into the same file is refused, then allowed with
	// --reset, and starts afresh.
	if r := crosscheck(t, nil, "demo", "--db", db); r.code != 1 || !strings.Contains(r.stderr, "--reset") {
		t.Errorf("demo into an existing file: exit %d, stderr %q", r.code, r.stderr)
	}
	st.Close()
	crosscheck(t, nil, "demo", "--db", db, "--reset").ok(t)
	st = openTestStore(t, db)
	if docs, _ := st.Documents(t.Context(), store.DocumentFilter{}); docs.Total != 8 {
		t.Errorf("after --reset the store holds %d documents, want 8", docs.Total)
	}

	// --reset never removes what is not a crosscheck store.
	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("my notes\n"), 0o644)
	if r := crosscheck(t, nil, "demo", "--db", notes, "--reset"); r.code != 1 || !strings.Contains(r.stderr, "not a crosscheck database") {
		t.Errorf("demo --reset on a text file: exit %d, stderr %q", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(notes); string(b) != "my notes\n" {
		t.Error("demo --reset changed a file that is not a store")
	}
}

func TestDemoJSON(t *testing.T) {
	r := crosscheck(t, nil, "demo", "--db", filepath.Join(t.TempDir(), "demo.db"), "--format", "json").ok(t)
	var l ledger
	if err := json.Unmarshal([]byte(r.stdout), &l); err != nil {
		t.Fatal(err)
	}
	if len(l.Documents) != 8 || len(l.Sources) == 0 || l.Stats.Claims == 0 {
		t.Errorf("demo --format json: %d documents, %d sources, %d claims", len(l.Documents), len(l.Sources), l.Stats.Claims)
	}
	n := 0
	for _, e := range l.Documents {
		n += len(e.Claims)
	}
	if n != l.Stats.Claims {
		t.Errorf("the documents hold %d claims, the store %d", n, l.Stats.Claims)
	}
}

// TestDemoDefault runs the demo as a newcomer does, with no flags: it
// makes a store of its own and says where.
func TestDemoDefault(t *testing.T) {
	r := crosscheck(t, nil, "demo").ok(t)
	m := regexp.MustCompile(`The ledger is kept in (.+)\. Query it:`).FindStringSubmatch(r.stdout)
	if m == nil {
		t.Fatalf("the demo does not say where the store is:\n%s", r.stdout)
	}
	defer os.RemoveAll(filepath.Dir(m[1]))
	if !strings.HasPrefix(m[1], os.TempDir()) {
		t.Errorf("the demo store %s is not a temporary file", m[1])
	}
	var docs []store.Document
	r = crosscheck(t, nil, "documents", "--db", m[1], "--format", "json").ok(t)
	if json.Unmarshal([]byte(r.stdout), &docs); len(docs) != 8 {
		t.Errorf("the demo store holds %d documents, want 8", len(docs))
	}
}

func TestDemoUsage(t *testing.T) {
	for _, args := range [][]string{
		{"demo", "--format", "nonsense"},
		{"demo", "--reset"},
		{"demo", "somefile.txt"},
	} {
		if r := crosscheck(t, nil, args...); r.code != 2 {
			t.Errorf("%q: exit %d, want 2", args, r.code)
		}
	}
}
