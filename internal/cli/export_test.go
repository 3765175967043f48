package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestExport(t *testing.T) {
	db := ingestedDemo(t)
	claims := len(listJSON[map[string]any](t, db, "claims"))

	// jsonl is the default.
	r := crosscheck(t, nil, "export", "--db", db).ok(t)
	lines := nonEmptyLines(r.stdout)
	if len(lines) != claims {
		t.Fatalf("jsonl: %d lines, want one per claim: %d", len(lines), claims)
	}
	for i, l := range lines {
		var c struct {
			ClaimID  int64 `json:"claim_id"`
			Document struct {
				ID int64 `json:"id"`
			} `json:"document"`
			Content string `json:"content"`
		}
		if err := json.Unmarshal([]byte(l), &c); err != nil || c.ClaimID == 0 || c.Document.ID == 0 || c.Content == "" {
			t.Fatalf("jsonl line %d: %v\n%s", i+1, err, l)
		}
	}
	if r.stderr != "" {
		t.Errorf("jsonl to stdout: stderr %q, want nothing", r.stderr)
	}

	r = crosscheck(t, nil, "export", "--db", db, "--format", "csv").ok(t)
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) != claims+1 || rows[0][0] != "claim_id" {
		t.Fatalf("csv: %d rows (%v), want a header and %d rows", len(rows), err, claims)
	}

	r = crosscheck(t, nil, "--db", db, "export", "--format", "stix").ok(t)
	var bundle struct {
		Type    string           `json:"type"`
		ID      string           `json:"id"`
		Objects []map[string]any `json:"objects"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &bundle); err != nil || bundle.Type != "bundle" || !strings.HasPrefix(bundle.ID, "bundle--") {
		t.Fatalf("stix: %v\n%.300s", err, r.stdout)
	}
	notes := 0
	for _, o := range bundle.Objects {
		if o["type"] == "note" {
			notes++
		}
	}
	if notes != claims {
		t.Errorf("stix: %d notes, want one per claim: %d", notes, claims)
	}
	if again := crosscheck(t, nil, "export", "--db", db, "--format", "stix").ok(t); again.stdout != r.stdout {
		t.Errorf("stix: two exports of one store differ")
	}
}

func TestExportOutput(t *testing.T) {
	db := ingestedDemo(t)
	want := crosscheck(t, nil, "export", "--db", db, "--format", "csv").ok(t).stdout

	dir := t.TempDir()
	path := filepath.Join(dir, "claims.csv")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := crosscheck(t, nil, "export", "--db", db, "--format", "csv", "--output", path).ok(t)
	if r.stdout != "" || !strings.HasPrefix(r.stderr, "Exported ") || !strings.Contains(r.stderr, path) {
		t.Errorf("--output: stdout %q, stderr %q; want a summary on stderr alone", r.stdout, r.stderr)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("--output: the file holds another export than stdout (%v)", err)
	}
	if fi, err := os.Stat(path); err == nil && runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("--output: replacing a file made it %v; want its permissions kept", fi.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("--output left files behind: %v", entries)
	}
}

func TestExportMistakes(t *testing.T) {
	db := ingestedDemo(t)
	// oneLine checks a failure: the exit status, one line on stderr saying
	// what, nothing on stdout, and no Go internals.
	oneLine := func(name string, r result, code int, want string) {
		t.Helper()
		lines := nonEmptyLines(r.stderr)
		if r.code != code || r.stdout != "" || len(lines) != 1 || !strings.Contains(lines[0], want) ||
			strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit %d and one line saying %q", name, r.code, r.stdout, r.stderr, code, want)
		}
	}
	oneLine("unknown format", crosscheck(t, nil, "export", "--db", db, "--format", "xml"), 2,
		`crosscheck: unknown format "xml": use jsonl, csv or stix`)
	oneLine("an argument", crosscheck(t, nil, "export", "--db", db, "claims.jsonl"), 2, "use --output FILE")

	missing := filepath.Join(t.TempDir(), "no", "such", "folder", "claims.jsonl")
	oneLine("missing folder", crosscheck(t, nil, "export", "--db", db, "--output", missing), 1,
		"cannot write --output "+missing+": no such file or directory")
	oneLine("a folder", crosscheck(t, nil, "export", "--db", db, "--output", t.TempDir()), 1, "is a folder; give a file name")
	if os.Geteuid() != 0 && runtime.GOOS != "windows" { // root writes anywhere
		ro := t.TempDir()
		if err := os.Chmod(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		oneLine("read-only folder", crosscheck(t, nil, "export", "--db", db, "--output", filepath.Join(ro, "x.csv")), 1, "permission denied")
	}
}

func TestExportEmpty(t *testing.T) {
	db := filepath.Join(t.TempDir(), "empty.db")
	r := crosscheck(t, nil, "export", "--db", db).ok(t)
	if r.stdout != "" || !strings.Contains(r.stderr, "No claims") {
		t.Errorf("jsonl of an empty store: stdout %q, stderr %q", r.stdout, r.stderr)
	}
	r = crosscheck(t, nil, "export", "--db", db, "--format", "stix").ok(t)
	var bundle map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &bundle); err != nil || bundle["type"] != "bundle" || bundle["objects"] != nil {
		t.Errorf("stix of an empty store: %v\n%s", err, r.stdout)
	}
}

func TestExportListed(t *testing.T) {
	r := crosscheck(t, nil, "help").ok(t)
	if !strings.Contains(r.stdout, "  export ") {
		t.Errorf("help does not list export:\n%s", r.stdout)
	}
	r = crosscheck(t, nil, "export", "-h")
	if r.code != 0 || !strings.Contains(r.stderr, "Usage: crosscheck export [flags]") || !strings.Contains(r.stderr, "-output file") {
		t.Errorf("export -h: exit %d\n%s", r.code, r.stderr)
	}
}
