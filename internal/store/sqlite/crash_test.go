package sqlite

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/store/storetest"
)

// crashEnv makes the test binary a child that ingests until it is killed.
const crashEnv = "CROSSCHECK_STORE_CRASH_CHILD"

// TestCrashSafety kills a process in the middle of an ingest, several
// times, and checks that the store opens, passes SQLite's integrity check,
// holds every document the child reported stored, and holds each document
// whole: exactly the extraction that was given for it.
func TestCrashSafety(t *testing.T) {
	if spec := os.Getenv(crashEnv); spec != "" {
		crashChild(spec)
		return
	}
	if testing.Short() {
		t.Skip("kills child processes; skipped with -short")
	}
	path := t.TempDir() + "/crash.db"
	reported := map[int]bool{}
	start := 0
	for round := range 4 {
		// Each round starts a little before where the last one stopped,
		// so that it also re-adds documents already stored.
		from := max(0, start-3)
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashSafety$", "-test.v=false")
		cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s:%d", crashEnv, path, from))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		// Let it store some documents, then kill it at a random moment
		// while it keeps writing.
		target := 20 + rand.IntN(30)
		n := 0
		timer := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
		for lines.Scan() {
			i, err := strconv.Atoi(strings.TrimPrefix(lines.Text(), "stored "))
			if err != nil {
				continue
			}
			reported[i] = true
			start = max(start, i+1)
			if n++; n == target {
				time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond)
				if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
					t.Fatal(err)
				}
			}
		}
		timer.Stop()
		err = cmd.Wait()
		if n < target {
			t.Fatalf("round %d: the child stopped after %d documents: %v", round, n, err)
		}
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
			t.Fatalf("round %d: the child was not killed: %v", round, err)
		}
	}

	ctx := t.Context()
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open after kills: %v", err)
	}
	defer db.Close()
	var check string
	if err := db.r.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	for _, table := range []string{"documents_fts", "claims_fts"} {
		if _, err := db.w.Exec(`INSERT INTO ` + table + ` (` + table + `) VALUES ('integrity-check')`); err != nil {
			t.Errorf("%s integrity-check: %v", table, err)
		}
	}
	var fkProblems int
	if err := db.r.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fkProblems); err != nil || fkProblems != 0 {
		t.Errorf("foreign_key_check: %d problems, %v", fkProblems, err)
	}

	page, err := db.Documents(ctx, store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	stored := map[int]bool{}
	for _, d := range page.Items {
		var i int
		if _, err := fmt.Sscanf(d.Origin, "fixture/article-%d.txt", &i); err != nil {
			t.Fatalf("unexpected document %q", d.Origin)
		}
		if stored[i] {
			t.Errorf("article %d stored twice", i)
		}
		stored[i] = true
		_, want := storetest.Article(i)
		got, err := db.Extraction(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Claims != len(want.Claims) || !sameJSON(got, want) {
			t.Errorf("article %d is not whole: %d claims of %d", i, d.Claims, len(want.Claims))
		}
	}
	for i := range reported {
		if !stored[i] {
			t.Errorf("article %d was reported stored, and is lost", i)
		}
	}
	t.Logf("%d documents stored over 4 kills; %d reported before the kills", len(stored), len(reported))
}

func sameJSON(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

// crashChild ingests articles from a starting index until it is killed,
// printing "stored I" after each commit. It stops by itself after a minute
// in case the parent died.
func crashChild(spec string) {
	path, fromText, _ := strings.Cut(spec, ":")
	from, _ := strconv.Atoi(fromText)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for i := from; ctx.Err() == nil; i++ {
		doc, res := storetest.Article(i)
		if _, _, err := db.AddDocument(ctx, doc, res); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Printf("stored %d\n", i)
	}
	os.Exit(0)
}
