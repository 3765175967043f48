package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/store/storetest"
)

// The tests need a PostgreSQL server. CROSSCHECK_TEST_POSTGRES names one
// (a URL whose user may create databases); otherwise the tests start a
// throwaway server of their own when initdb is installed, listening on a
// Unix socket only, and skip when it is not.

var (
	serverURL string // where to create the test databases; "" to skip
	skipWhy   string
	databases atomic.Int64
	// The server starts with the first test that needs it, so that tests
	// that do not (TestTSQuery) run without it.
	serverOnce sync.Once
	stopServer = func() {}
)

func TestMain(m *testing.M) {
	code := m.Run()
	stopServer()
	os.Exit(code)
}

func startServer() (stop func()) {
	if u := os.Getenv("CROSSCHECK_TEST_POSTGRES"); u != "" {
		serverURL = u
		return func() {}
	}
	initdb, err := exec.LookPath("initdb")
	if err != nil {
		matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
		if len(matches) == 0 {
			skipWhy = "no PostgreSQL: set CROSSCHECK_TEST_POSTGRES or install postgresql"
			return func() {}
		}
		initdb = matches[len(matches)-1]
	}
	bin := filepath.Dir(initdb)
	dir, err := os.MkdirTemp("", "crosscheck-pg-")
	if err != nil {
		skipWhy = err.Error()
		return func() {}
	}
	cleanup := func() { os.RemoveAll(dir) }
	// PostgreSQL refuses to run as root: run it as the postgres user then.
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			skipWhy = "running as root and there is no postgres user to run PostgreSQL as"
			cleanup()
			return func() {}
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			skipWhy = err.Error()
			cleanup()
			return func() {}
		}
	}
	run := func(name string, args ...string) *exec.Cmd {
		cmd := exec.Command(filepath.Join(bin, name), args...)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		return cmd
	}
	data := filepath.Join(dir, "data")
	if out, err := run("initdb", "-D", data, "-U", "crosscheck", "-A", "trust", "-E", "UTF8", "--no-sync").CombinedOutput(); err != nil {
		skipWhy = fmt.Sprintf("initdb: %v: %s", err, out)
		cleanup()
		return func() {}
	}
	// No TCP at all: a socket in the folder. Durability is not under test
	// here, speed is welcome.
	server := run("postgres", "-D", data, "-k", dir, "-c", "listen_addresses=", "-c", "fsync=off",
		"-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	logFile, _ := os.Create(filepath.Join(dir, "server.log"))
	server.Stdout, server.Stderr = logFile, logFile
	if err := server.Start(); err != nil {
		skipWhy = "start postgres: " + err.Error()
		cleanup()
		return func() {}
	}
	stop = func() {
		server.Process.Signal(syscall.SIGINT) // fast shutdown
		done := make(chan struct{})
		go func() { server.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			server.Process.Kill()
			<-done
		}
		cleanup()
	}
	serverURL = "postgres://crosscheck@/postgres?host=" + url.QueryEscape(dir)
	deadline := time.Now().Add(30 * time.Second)
	for {
		db, err := sql.Open("pgx", serverURL)
		if err == nil {
			err = db.Ping()
			db.Close()
		}
		if err == nil {
			return stop
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
			skipWhy = fmt.Sprintf("postgres did not start: %v\n%s", err, log)
			serverURL = ""
			return stop
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// freshDatabase creates an empty database on the test server and returns
// its URL.
func freshDatabase(t testing.TB) string {
	t.Helper()
	serverOnce.Do(func() { stopServer = startServer() })
	if serverURL == "" {
		t.Skip(skipWhy)
	}
	admin, err := sql.Open("pgx", serverURL)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("crosscheck_test_%d_%d", os.Getpid(), databases.Add(1))
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", serverURL)
		if err == nil {
			admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
			admin.Close()
		}
	})
	u, err := url.Parse(serverURL)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

func open(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), freshDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t) })
}

func TestReopenAndNewerSchema(t *testing.T) {
	dsn := freshDatabase(t)
	ctx := t.Context()
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	doc, res := storetest.Seed()
	if _, _, err := db.AddDocument(ctx, doc, res); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(ctx, dsn)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	if st, err := db.Stats(ctx); err != nil || st.Documents != 1 {
		t.Errorf("after reopen: %+v, %v", st, err)
	}
	if _, err := db.db.Exec(`UPDATE schema_version SET version = 99`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(ctx, dsn); err == nil || !errors.Is(err, store.ErrNewerSchema) {
		t.Errorf("Open(newer) error = %v, want ErrNewerSchema", err)
	}
}

func TestTSQuery(t *testing.T) {
	for in, want := range map[string]string{
		"troops":                     `('troops')`,
		`north "korean troops"`:      `('north') & (('korean' <-> 'troops'))`,
		"budanov OR zelensky troop*": `('budanov' | 'zelensky') & ('troop':*)`,
		"nis -seoul -busan":          `('nis') & !('seoul' | 'busan')`,
	} {
		got, err := tsQuery(in)
		if err != nil || got != want {
			t.Errorf("tsQuery(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// BenchmarkAddDocument stores the storetest articles one transaction each
// over a Unix socket.
func BenchmarkAddDocument(b *testing.B) {
	db := open(b)
	defer db.Close()
	i := 0
	for b.Loop() {
		doc, res := storetest.Article(i)
		if _, _, err := db.AddDocument(context.Background(), doc, res); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
