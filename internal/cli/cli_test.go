package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/demo"
)

// result is what one run of the command line left.
type result struct {
	code           int
	stdout, stderr string
}

// crosscheck runs the command line as the binary does, with an empty
// environment but for vars.
func crosscheck(t *testing.T, vars map[string]string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := Env{
		Stdin:  strings.NewReader(""),
		Stdout: &stdout,
		Stderr: &stderr,
		Getenv: func(k string) string { return vars[k] },
	}
	code := Main(t.Context(), args, env)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// ok fails the test unless the run succeeded.
func (r result) ok(t *testing.T) result {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	return r
}

// demoFolder writes the demo articles into a new folder, as a user's
// files.
func demoFolder(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "articles")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range demo.Names() {
		text, err := demo.Read(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// nonEmptyLines splits output into its lines, without blank ones.
func nonEmptyLines(s string) []string {
	var out []string
	for l := range strings.Lines(s) {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func TestUsage(t *testing.T) {
	r := crosscheck(t, nil, "help").ok(t)
	for _, c := range []string{"demo", "ingest", "documents", "claims", "sources", "extract"} {
		if !strings.Contains(r.stdout, "  "+c+" ") {
			t.Errorf("help does not list %s:\n%s", c, r.stdout)
		}
	}
	if r := crosscheck(t, nil, "nonsense"); r.code != 2 || !strings.Contains(r.stderr, `unknown command "nonsense"`) {
		t.Errorf("unknown command: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := crosscheck(t, nil); r.code != 2 {
		t.Errorf("no command: exit %d", r.code)
	}
}

func TestGlobalDB(t *testing.T) {
	for _, tc := range []struct{ in, want []string }{
		{[]string{"--db", "x.db", "claims", "--limit", "3"}, []string{"claims", "--db", "x.db", "--limit", "3"}},
		{[]string{"--db=x.db", "sources"}, []string{"sources", "--db=x.db"}},
		{[]string{"claims", "--db", "x.db"}, []string{"claims", "--db", "x.db"}},
		{[]string{"--db", "x.db"}, []string{"--db", "x.db"}},
	} {
		if got := globalDB(tc.in); strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("globalDB(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
