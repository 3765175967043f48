package cli

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rivo/uniseg"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// ingestedDemo returns a new store holding the demo articles.
func ingestedDemo(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "ledger.db")
	crosscheck(t, nil, "ingest", "--quiet", "--db", db, demoFolder(t)).ok(t)
	return db
}

// listJSON runs a listing with --format json and decodes its array.
func listJSON[T any](t *testing.T, db string, args ...string) []T {
	t.Helper()
	r := crosscheck(t, nil, append(append([]string{}, args...), "--db", db, "--format", "json", "--limit", "0")...).ok(t)
	var out []T
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%q: not a JSON array: %v\n%s", args, err, r.stdout)
	}
	return out
}

func TestListFormats(t *testing.T) {
	db := ingestedDemo(t)
	for _, tc := range []struct {
		cmd    string
		header []string // the first columns of the CSV
	}{
		{"documents", []string{"id", "published", "publisher", "title", "claims", "sources"}},
		{"claims", []string{"id", "day", "speaker", "cue", "content", "figures", "doc"}},
		{"sources", []string{"id", "name", "kind", "role", "claims", "docs"}},
	} {
		t.Run(tc.cmd, func(t *testing.T) {
			items := listJSON[map[string]any](t, db, tc.cmd)
			if len(items) == 0 {
				t.Fatal("json: no items")
			}
			for _, it := range items {
				if _, ok := it["id"].(float64); !ok {
					t.Fatalf("json item without an id: %v", it)
				}
			}

			r := crosscheck(t, nil, tc.cmd, "--db", db, "--format", "csv", "--limit", "0").ok(t)
			rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
			if err != nil {
				t.Fatalf("csv: %v", err)
			}
			if strings.Join(rows[0][:len(tc.header)], ",") != strings.Join(tc.header, ",") {
				t.Errorf("csv header %q, want it to start %q", rows[0], tc.header)
			}
			if len(rows)-1 != len(items) {
				t.Errorf("csv has %d rows, json %d items", len(rows)-1, len(items))
			}

			const width = 80
			r = crosscheck(t, map[string]string{"COLUMNS": "80"}, tc.cmd, "--db", db, "--limit", "0").ok(t)
			lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
			if len(lines) != len(items)+1 || !strings.HasPrefix(strings.TrimLeft(lines[0], " "), "ID  ") {
				t.Errorf("table: want a header and %d rows, got:\n%s", len(items), r.stdout)
			}
			cut := false
			for _, l := range lines {
				if w := uniseg.StringWidth(l); w > width {
					t.Errorf("table line %d columns wide, over %d: %q", w, width, l)
				}
				if strings.HasSuffix(l, " ") {
					t.Errorf("table line ends in a space: %q", l)
				}
				cut = cut || strings.Contains(l, "…")
			}
			if !cut && tc.cmd != "documents" {
				t.Errorf("no long text cut with an ellipsis at %d columns:\n%s", width, r.stdout)
			}

			r = crosscheck(t, nil, tc.cmd, "--db", db, "--format", "json", "--limit", "2").ok(t)
			var two []map[string]any
			if json.Unmarshal([]byte(r.stdout), &two); len(two) != 2 || !strings.Contains(r.stderr, "--limit 0") {
				t.Errorf("--limit 2: %d items, stderr %q", len(two), r.stderr)
			}

			if r := crosscheck(t, nil, tc.cmd, "--db", db, "--format", "nonsense"); r.code != 2 ||
				!strings.Contains(r.stderr, "table, json, csv") {
				t.Errorf("--format nonsense: exit %d, stderr %q; want a usage mistake naming the formats", r.code, r.stderr)
			}
			if r := crosscheck(t, nil, tc.cmd, "--db", db, "extra"); r.code != 2 {
				t.Errorf("an argument: exit %d, want 2", r.code)
			}
		})
	}
}

func TestListEmptyStore(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.db")
	for _, cmd := range []string{"documents", "claims", "sources"} {
		if r := crosscheck(t, nil, cmd, "--db", db, "--format", "json").ok(t); r.stdout != "[]\n" {
			t.Errorf("%s --format json on an empty store: %q, want []", cmd, r.stdout)
		}
		if r := crosscheck(t, nil, cmd, "--db", db, "--format", "csv").ok(t); strings.Count(r.stdout, "\n") != 1 {
			t.Errorf("%s --format csv on an empty store: %q, want the header alone", cmd, r.stdout)
		}
		if r := crosscheck(t, nil, cmd, "--db", db).ok(t); !strings.Contains(r.stderr, "crosscheck ingest") {
			t.Errorf("%s on an empty store does not say how to fill it: %q", cmd, r.stderr)
		}
	}
}

func TestClaimFilters(t *testing.T) {
	db := ingestedDemo(t)
	all := listJSON[store.Claim](t, db, "claims")

	for _, c := range listJSON[store.Claim](t, db, "claims", "--speaker", "ellison") {
		if !strings.Contains(strings.ToLower(c.Speaker.Name+" "+c.Speaker.Mention), "ellison") {
			t.Errorf("--speaker ellison gave a claim by %q (%q)", c.Speaker.Name, c.Speaker.Mention)
		}
	}
	march := listJSON[store.Claim](t, db, "claims", "--since", "2025-03-10", "--until", "2025-03")
	if len(march) == 0 || len(march) == len(all) {
		t.Errorf("--since 2025-03-10 --until 2025-03: %d of %d claims", len(march), len(all))
	}
	for _, c := range march {
		if d := store.Day(c.Day); d < "2025-03-10" || d > "2025-03-31" {
			t.Errorf("--since 2025-03-10 --until 2025-03 gave a claim of %s", d)
		}
	}
	docID := all[0].Document.ID
	for _, c := range listJSON[store.Claim](t, db, "claims", "--document", id(docID)) {
		if c.Document.ID != docID {
			t.Errorf("--document %d gave a claim of document %d", docID, c.Document.ID)
		}
	}
	found := listJSON[store.Claim](t, db, "claims", "--search", "troops")
	if len(found) == 0 || len(found) == len(all) {
		t.Errorf("--search troops: %d of %d claims", len(found), len(all))
	}
	for _, args := range [][]string{
		{"claims", "--db", db, "--since", "last week"},
		{"claims", "--db", db, "--limit", "-1"},
		{"claims", "--db", db, "--since", "2025-04-01", "--until", "2025-03-01"},
		{"claims", "--db", db, "--search", "-"},
		{"sources", "--db", db, "--kind", "martian"},
	} {
		if r := crosscheck(t, nil, args...); r.code != 2 {
			t.Errorf("%q: exit %d, stderr %q; want a usage mistake", args, r.code, r.stderr)
		}
	}
}

func TestDocumentAndSourceFilters(t *testing.T) {
	db := ingestedDemo(t)
	docs := listJSON[store.Document](t, db, "documents", "--since", "2025-03-20")
	if len(docs) == 0 || len(docs) == 8 {
		t.Errorf("documents --since 2025-03-20: %d of 8", len(docs))
	}
	for _, d := range docs {
		if store.Day(d.Published) < "2025-03-20" {
			t.Errorf("documents --since 2025-03-20 gave one of %s", store.Day(d.Published))
		}
	}
	if docs := listJSON[store.Document](t, db, "documents", "--search", "Geneva"); len(docs) == 0 || len(docs) == 8 {
		t.Errorf("documents --search Geneva: %d of 8", len(docs))
	}
	people := listJSON[store.Source](t, db, "sources", "--kind", "person")
	if len(people) == 0 {
		t.Error("sources --kind person: none")
	}
	for _, s := range people {
		if s.Kind != "person" {
			t.Errorf("sources --kind person gave %q, a %s", s.Name, s.Kind)
		}
	}
	named := listJSON[store.Source](t, db, "sources", "--search", "ellison")
	if len(named) != 1 || named[0].Name != "Mara Ellison" {
		t.Errorf("sources --search ellison: %v", named)
	}
}
