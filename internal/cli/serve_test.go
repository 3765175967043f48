package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe to read while a command writes it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var servingOn = regexp.MustCompile(`on (http://\S+)/ `)

// startServe runs "crosscheck serve" until the test ends, and returns the
// server's URL and its stderr.
func startServe(t *testing.T, db string, args ...string) (string, *lockedBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		env := Env{Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }}
		done <- Main(ctx, append([]string{"serve", "--db", db}, args...), env)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited %d after Ctrl-C; stderr:\n%s", code, stderr.String())
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := servingOn.FindStringSubmatch(stdout.String()); m != nil {
			return m[1], &stderr
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d:\n%s%s", code, stdout.String(), stderr.String())
		default:
		}
	}
	t.Fatalf("serve did not start:\n%s%s", stdout.String(), stderr.String())
	return "", nil
}

func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ledger.db")
	crosscheck(t, nil, "ingest", "--db", db, "--quiet", demoFolder(t)).ok(t)
	secret := strings.TrimSpace(crosscheck(t, nil, "token", "create", "--db", db, "tests").ok(t).stdout)

	base, stderr := startServe(t, db, "--addr", "127.0.0.1:0")
	if strings.Contains(stderr.String(), "WARNING") {
		t.Errorf("a warning on loopback:\n%s", stderr)
	}
	resp, err := http.Get(base + "/api/v1/stats")
	if err != nil {
		t.Fatal(err)
	}
	var stats struct{ Documents int }
	json.NewDecoder(resp.Body).Decode(&stats)
	resp.Body.Close()
	if stats.Documents != 8 {
		t.Errorf("stats: %d documents, want 8", stats.Documents)
	}
	for _, path := range []string{"/", "/claims", "/map"} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("GET %s: %d", path, resp.StatusCode)
		}
	}
	// A write with the token made by "token create".
	req, _ := http.NewRequest("PUT", base+"/api/v1/sources/1/reliability", strings.NewReader(`{"reliability":"B"}`))
	req.Header.Set("Authorization", "Bearer "+secret)
	req.Header.Set("Content-Type", "application/json")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("PUT reliability with the token: %d", resp.StatusCode)
	}

	// A document POSTed joins the measures at once: the server reconciles
	// what it stores.
	estimates := func() int {
		resp, err := http.Get(base + "/api/v1/measures?limit=1000")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var page struct {
			Items []struct {
				Estimates []struct{} `json:"estimates"`
			} `json:"items"`
		}
		json.NewDecoder(resp.Body).Decode(&page)
		n := 0
		for _, m := range page.Items {
			n += len(m.Estimates)
		}
		return n
	}
	before := estimates()
	article := "Morvenian troop numbers put at 13,000\n\nBy Ada Example\n\n15 April 2025\n\nNorthwind Wire\n\n" +
		"About 13,000 Morvenian soldiers remain near the Varrun, the Kestrian Defence Intelligence Directorate said on Tuesday.\n"
	req, _ = http.NewRequest("POST", base+"/api/v1/documents", strings.NewReader(article))
	req.Header.Set("Authorization", "Bearer "+secret)
	req.Header.Set("Content-Type", "text/plain")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 201 || strings.Contains(string(body), "warning") {
		t.Fatalf("POST a document: %d %s", resp.StatusCode, body)
	}
	if after := estimates(); after <= before {
		t.Errorf("estimates %d before the POST, %d after: the new figure was not reconciled", before, after)
	}
}

func TestServeWarnsOffLoopback(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ledger.db")
	_, stderr := startServe(t, db, "--addr", "0.0.0.0:0")
	if !strings.Contains(stderr.String(), "WARNING") || !strings.Contains(stderr.String(), "other machines") {
		t.Errorf("no warning when listening on every interface:\n%s", stderr)
	}
}

func TestServeUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ledger.db")
	if r := crosscheck(t, nil, "serve", "--db", db, "--addr", "8080"); r.code != 2 || !strings.Contains(r.stderr, "host:port") {
		t.Errorf("--addr 8080: exit %d, %s", r.code, r.stderr)
	}
	if r := crosscheck(t, nil, "serve", "--db", db, "extra"); r.code != 2 {
		t.Errorf("an argument: exit %d", r.code)
	}
}

func TestToken(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ledger.db")
	r := crosscheck(t, nil, "token", "create", "--db", db, "laptop").ok(t)
	secret := strings.TrimSpace(r.stdout)
	if !strings.HasPrefix(secret, "cct_") || len(secret) < 40 || !strings.Contains(r.stderr, "only this once") {
		t.Errorf("create: %q / %s", secret, r.stderr)
	}
	crosscheck(t, nil, "token", "create", "--db", db, "ci").ok(t)
	list := crosscheck(t, nil, "token", "list", "--db", db).ok(t).stdout
	if !strings.Contains(list, "laptop") || !strings.Contains(list, "ci") || strings.Contains(list, secret) {
		t.Errorf("list:\n%s", list)
	}
	crosscheck(t, nil, "token", "revoke", "--db", db, "1").ok(t)
	var toks []struct {
		ID      int64  `json:"id"`
		Name    string `json:"name"`
		Revoked string `json:"revoked"`
	}
	if err := json.Unmarshal([]byte(crosscheck(t, nil, "token", "list", "--db", db, "--format", "json").ok(t).stdout), &toks); err != nil {
		t.Fatal(err)
	}
	if len(toks) != 2 || toks[0].Revoked == "" || toks[1].Revoked != "" {
		t.Errorf("after revoking token 1: %+v", toks)
	}
	for _, args := range [][]string{{"token"}, {"token", "create"}, {"token", "revoke", "x"}, {"token", "burn"}, {"token", "list", "extra"}} {
		if r := crosscheck(t, nil, append(args, "--db", db)...); r.code != 2 {
			t.Errorf("%v: exit %d", args, r.code)
		}
	}
	if r := crosscheck(t, nil, "token", "revoke", "--db", db, "99"); r.code != 1 || !strings.Contains(r.stderr, "not found") {
		t.Errorf("revoke 99: exit %d %s", r.code, r.stderr)
	}
}
