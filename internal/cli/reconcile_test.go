package cli

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// TestMeasuresJSON checks the JSON contract of "measures --format json":
// an array of measures, each with its estimates, range and
// contradictions.
func TestMeasuresJSON(t *testing.T) {
	db := ingestedDemo(t)
	r := crosscheck(t, nil, "measures", "--db", db, "--format", "json", "--limit", "0").ok(t)
	var ms []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &ms); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, r.stdout)
	}
	if len(ms) == 0 {
		t.Fatal("no measures after ingesting the demo")
	}
	m := ms[0]
	for _, k := range []string{"id", "name", "estimates", "range", "contradictions"} {
		if _, ok := m[k]; !ok {
			t.Errorf("measure without %q: %v", k, m)
		}
	}
	rng, _ := m["range"].(map[string]any)
	if _, ok := rng["low"].(float64); !ok {
		t.Errorf("range without low: %v", m["range"])
	}
	ests, _ := m["estimates"].([]any)
	if len(ests) < 3 {
		t.Fatalf("the first measure has %d estimates", len(ests))
	}
	excluded := 0
	for _, x := range ests {
		e := x.(map[string]any)
		for _, k := range []string{"value", "approx", "kind", "said_on", "as_of", "source", "document", "claim", "excluded"} {
			if _, ok := e[k]; !ok {
				t.Errorf("estimate without %q: %v", k, e)
			}
		}
		if e["source"].(map[string]any)["name"] == "" || e["document"].(map[string]any)["title"] == nil ||
			e["claim"].(map[string]any)["content"] == "" {
			t.Errorf("estimate without source, document or claim: %v", e)
		}
		if e["excluded"] == true {
			excluded++
			if e["why"] == "" || e["why"] == nil {
				t.Errorf("an estimate set aside without why: %v", e)
			}
		}
	}
	if excluded == 0 {
		t.Error("the demo's main measure sets nothing aside (its rhetoric, its outlier, its denials)")
	}
}

func TestMeasureViews(t *testing.T) {
	db := ingestedDemo(t)
	ms := listJSON[store.Measure](t, db, "measures")
	m := ms[0]
	id := strconv.FormatInt(m.ID, 10)

	r := crosscheck(t, map[string]string{"COLUMNS": "100"}, "measure", id, "--db", db, "--chart").ok(t)
	for _, want := range []string{m.Name, "latest range", "Contradictions", "set aside", "│", "latest range"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("measure %s lacks %q:\n%s", id, want, r.stdout)
		}
	}
	plain := crosscheck(t, nil, "measure", id, "--db", db).ok(t)
	if strings.Contains(plain.stdout, "└") {
		t.Error("a chart drawn into a pipe without --chart")
	}
	r = crosscheck(t, nil, "measure", id, "--db", db, "--format", "csv").ok(t)
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows)-1 != len(m.Estimates) || rows[0][0] != "said_on" {
		t.Errorf("measure csv: %d rows for %d estimates, %v", len(rows)-1, len(m.Estimates), err)
	}
	r = crosscheck(t, nil, "measure", id, "--db", db, "--format", "json").ok(t)
	var one store.Measure
	if err := json.Unmarshal([]byte(r.stdout), &one); err != nil || one.ID != m.ID || len(one.Estimates) != len(m.Estimates) {
		t.Errorf("measure json: %v", err)
	}
	if r := crosscheck(t, nil, "measure", "999999", "--db", db); r.code != 1 || !strings.Contains(r.stderr, "crosscheck measures") {
		t.Errorf("missing measure: exit %d, %q", r.code, r.stderr)
	}
	if r := crosscheck(t, nil, "measure", "troops", "--db", db); r.code != 2 {
		t.Errorf("measure with a word: exit %d", r.code)
	}

	// The timeline of the measure holds its figures, oldest first.
	tl := listJSON[store.TimelineEntry](t, db, "timeline", "--measure", id)
	if len(tl) != len(m.Estimates) {
		t.Errorf("timeline --measure: %d entries, want %d", len(tl), len(m.Estimates))
	}
	for i := 1; i < len(tl); i++ {
		if tl[i].Day.Before(tl[i-1].Day) {
			t.Errorf("timeline out of order at %d", i)
		}
	}
	// Search.
	word := strings.Fields(m.Name)[0]
	found := listJSON[store.Measure](t, db, "measures", "--search", strings.ToUpper(word))
	if len(found) == 0 {
		t.Errorf("measures --search %s found nothing", word)
	}
}

func TestSourceCommands(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "corpus", "reconcile")
	db := filepath.Join(t.TempDir(), "ledger.db")
	r := crosscheck(t, nil, "ingest", "--db", db, dir).ok(t)
	if !strings.Contains(r.stdout, "measures across") {
		t.Errorf("ingest's summary does not say it reconciled: %s", r.stdout)
	}
	// One agency under its full name, its acronym and "the agency".
	r = crosscheck(t, nil, "source", "CMSA", "--db", db).ok(t)
	for _, want := range []string{"Corvanan Maritime Surveillance Agency", "known as:", "CMSA", "reliability: F"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("source CMSA lacks %q:\n%s", want, r.stdout)
		}
	}
	var page struct {
		Source store.Source `json:"source"`
		Claims []struct {
			Verification store.Verification `json:"verification"`
		} `json:"claims"`
	}
	r = crosscheck(t, nil, "source", "cmsa", "--db", db, "--format", "json").ok(t)
	if err := json.Unmarshal([]byte(r.stdout), &page); err != nil || len(page.Claims) == 0 {
		t.Fatalf("source json: %v\n%s", err, r.stdout)
	}
	agency := page.Source
	for _, c := range page.Claims {
		if c.Verification.Credibility < 1 || c.Verification.Credibility > 6 {
			t.Errorf("credibility %d", c.Verification.Credibility)
		}
	}
	id := strconv.FormatInt(agency.ID, 10)

	r = crosscheck(t, nil, "source", "reliability", id, "b", "--db", db).ok(t)
	if !strings.Contains(r.stdout, "reliability B, usually reliable") {
		t.Errorf("reliability: %s", r.stdout)
	}
	if r := crosscheck(t, nil, "source", "reliability", id, "G", "--db", db); r.code != 2 {
		t.Errorf("reliability G: exit %d", r.code)
	}

	// Split the acronym out, then ingest again: it stays out; reconcile
	// again: it stays out.
	crosscheck(t, nil, "source", "split", id, "CMSA", "--db", db).ok(t)
	crosscheck(t, nil, "ingest", "--db", db, dir).ok(t)
	crosscheck(t, nil, "reconcile", "--db", db).ok(t)
	srcs := listJSON[store.Source](t, db, "sources", "--search", "cmsa")
	if len(srcs) != 1 || srcs[0].ID == agency.ID || srcs[0].Name != "CMSA" {
		t.Fatalf("after the split: %+v", srcs)
	}
	after := listJSON[store.Source](t, db, "sources", "--search", "Corvanan Maritime")
	if len(after) != 1 || after[0].ID != agency.ID || after[0].Reliability != "B" {
		t.Errorf("the agency after the split: %+v", after)
	}
	// Merge it back.
	crosscheck(t, nil, "source", "merge", id, "CMSA", "--db", db).ok(t)
	if srcs := listJSON[store.Source](t, db, "sources", "--search", "cmsa"); len(srcs) != 1 || srcs[0].ID != agency.ID {
		t.Errorf("after the merge: %+v", srcs)
	}
	// The timeline of a source.
	tl := listJSON[store.TimelineEntry](t, db, "timeline", "--source", id)
	if len(tl) == 0 {
		t.Error("timeline --source: nothing")
	}
	if r := crosscheck(t, nil, "source", "Nobody At All", "--db", db); r.code != 1 {
		t.Errorf("unknown source: exit %d", r.code)
	}
	// Reconciling an unchanged store says so.
	r = crosscheck(t, nil, "reconcile", "--db", db).ok(t)
	if !strings.Contains(r.stdout, "reconciled unchanged") {
		t.Errorf("reconcile again: %s", r.stdout)
	}
}
