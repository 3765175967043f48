package cli

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// These make the test binary a child that runs "crosscheck ingest" until
// it is killed.
const (
	killDBEnv  = "CROSSCHECK_CLI_KILL_DB"
	killDirEnv = "CROSSCHECK_CLI_KILL_DIR"
)

// TestIngestKilled kills "crosscheck ingest" with SIGKILL in the middle of
// a folder, three times, and checks after each kill that the store passes
// SQLite's integrity checks, holds every document the child reported as
// stored, and holds each document whole: the claims and sources a fresh
// extraction of its file gives. A last ingest then completes the folder.
func TestIngestKilled(t *testing.T) {
	if db := os.Getenv(killDBEnv); db != "" {
		code := Main(context.Background(), []string{"ingest", "--db", db, os.Getenv(killDirEnv)},
			Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv})
		os.Exit(code)
	}
	if testing.Short() {
		t.Skip("kills child processes; skipped with -short")
	}
	const n = 400
	dir := manyArticles(t, n)
	db := filepath.Join(t.TempDir(), "ledger.db")
	reported := map[string]bool{}
	total := 0
	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestIngestKilled$")
		cmd.Env = append(os.Environ(), killDBEnv+"="+db, killDirEnv+"="+dir)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Let it store a batch or two, then kill it at a random moment
		// while it goes on extracting and writing.
		target := 20 + rand.IntN(60)
		timer := time.AfterFunc(2*time.Minute, func() { cmd.Process.Kill() })
		stored := 0
		lines := bufio.NewScanner(out)
		for lines.Scan() {
			name, ok := strings.CutPrefix(lines.Text(), "new ")
			if !ok {
				continue
			}
			origin := strings.TrimSpace(name)
			origin = origin[strings.Index(origin, " · ")+len(" · "):]
			origin = origin[:strings.Index(origin, " · ")]
			reported[origin] = true
			if stored++; stored == target {
				time.Sleep(time.Duration(rand.IntN(20000)) * time.Microsecond)
				if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
			}
		}
		timer.Stop()
		err = cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("round %d: the child was not killed (it stored %d documents, the target was %d): %v", round, stored, target, err)
		}

		checkIntegrity(t, db)
		st := openTestStore(t, db)
		docs, err := st.Documents(t.Context(), store.DocumentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		have := map[string]bool{}
		for _, d := range docs.Items {
			have[d.Origin] = true
		}
		for origin := range reported {
			if !have[origin] {
				t.Errorf("round %d: %s was reported stored, and is lost", round, filepath.Base(origin))
			}
		}
		checkWhole(t, st)
		st.Close()
		total = docs.Total
		t.Logf("round %d: killed after %d documents reported; %d stored in all", round, stored, docs.Total)
	}

	r := crosscheck(t, nil, "ingest", "--db", db, dir).ok(t)
	if want := fmt.Sprintf("%d new, %d unchanged, 0 failed", n-total, total); !strings.Contains(lastLine(r.stdout), want) {
		t.Errorf("the last ingest: %q, want %q", lastLine(r.stdout), want)
	}
	st := openTestStore(t, db)
	if stats, err := st.Stats(t.Context()); err != nil || stats.Documents != n {
		t.Errorf("after the last ingest the store holds %d documents (%v), want %d", stats.Documents, err, n)
	}
}
