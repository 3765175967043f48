package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/demo"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/text"
	"github.com/crosscheck-dev/crosscheck/internal/reconcile"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/store/sqlite"
)

// newStore opens a new SQLite store in a temporary folder.
func newStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "ledger.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// demoStore returns a store holding the demo articles, extracted and
// reconciled as "crosscheck demo" does.
func demoStore(t *testing.T) store.Store {
	t.Helper()
	st := newStore(t)
	var in []store.Input
	for _, name := range demo.Names() {
		data, err := demo.Read(name)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := text.Read([]byte(data), "demo/"+name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		in = append(in, store.Input{Document: doc, Result: extract.Run(doc, extract.Options{})})
	}
	added, err := st.AddDocuments(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range added {
		if a.Err != nil {
			t.Fatal(a.Err)
		}
	}
	if _, err := reconcile.Run(t.Context(), st); err != nil {
		t.Fatal(err)
	}
	return st
}

// export runs an export and returns its bytes.
func export(t *testing.T, st store.Store, f Format) ([]byte, Summary) {
	t.Helper()
	var buf bytes.Buffer
	sum, err := Write(t.Context(), &buf, st, f)
	if err != nil {
		t.Fatalf("%s: %v", f, err)
	}
	return buf.Bytes(), sum
}

// allClaims lists every claim in the store, by id.
func allClaims(t *testing.T, st store.Store) map[int64]store.Claim {
	t.Helper()
	page, err := st.Claims(t.Context(), store.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]store.Claim{}
	for _, c := range page.Items {
		out[c.ID] = c
	}
	return out
}

// extractedKind returns the kind the extraction of a document gives one of
// its claims.
func extractedKind(t *testing.T, st store.Store, docID int64, localID string) string {
	t.Helper()
	res, err := st.Extraction(t.Context(), docID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range res.Claims {
		if c.ID == localID {
			return c.Kind
		}
	}
	t.Fatalf("document %d has no claim %s", docID, localID)
	return ""
}

func TestJSONL(t *testing.T) {
	st := demoStore(t)
	claims := allClaims(t, st)
	data, sum := export(t, st, JSONL)
	if sum.Claims != len(claims) || sum.Documents != 8 {
		t.Errorf("summary %+v, want %d claims from 8 documents", sum, len(claims))
	}

	var lines []claimLine
	seen := map[int64]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l claimLine
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			t.Fatalf("line %d: %v\n%s", len(lines)+1, err, sc.Bytes())
		}
		lines = append(lines, l)
		if seen[l.ClaimID] {
			t.Errorf("claim %d exported twice", l.ClaimID)
		}
		seen[l.ClaimID] = true
	}
	if len(lines) != len(claims) {
		t.Fatalf("%d lines, want one per claim: %d", len(lines), len(claims))
	}

	var withPlace, withCoords, judged, confirmedBy, withSource int
	kinds := map[string]bool{}
	for _, l := range lines {
		c, ok := claims[l.ClaimID]
		if !ok {
			t.Fatalf("line for claim %d, which the store does not have", l.ClaimID)
		}
		if l.Content != c.Content || l.Cue != c.Cue || l.Mode != c.Mode || l.Stance != c.Stance || l.LocalID != c.LocalID {
			t.Errorf("claim %d: line %+v does not match the store's %+v", l.ClaimID, l, c)
		}
		if l.Document.ID != c.Document.ID || l.Document.Title != c.Document.Title || l.Document.Hash == "" ||
			!l.Document.Published.Equal(c.Document.Published) || l.Document.Origin == "" {
			t.Errorf("claim %d: document %+v, want %+v with a hash and an origin", l.ClaimID, l.Document, c.Document)
		}
		if l.Speaker.Name != c.Speaker.Name || l.Speaker.Mention != c.Speaker.Mention || l.Speaker.Kind != c.Speaker.Kind ||
			l.Speaker.Role != c.Speaker.Role || l.Speaker.SourceID != c.Speaker.SourceID {
			t.Errorf("claim %d: speaker %+v, want %+v", l.ClaimID, l.Speaker, c.Speaker)
		}
		if l.Speaker.SourceID != 0 {
			withSource++
			if l.Speaker.SourceName == "" || l.Speaker.Reliability == "" {
				t.Errorf("claim %d: speaker's source without a name or reliability: %+v", l.ClaimID, l.Speaker)
			}
		}
		if len(l.Quantities) != len(c.Quantities) || len(l.Times) != len(c.Times) || len(l.Places) != len(c.Places) {
			t.Errorf("claim %d: %d figures, %d times, %d places; the store has %d, %d, %d", l.ClaimID,
				len(l.Quantities), len(l.Times), len(l.Places), len(c.Quantities), len(c.Times), len(c.Places))
		}
		kinds[l.Kind] = true
		if want := extractedKind(t, st, l.Document.ID, l.LocalID); l.Kind != want {
			t.Errorf("claim %d: kind %q, the extraction says %q", l.ClaimID, l.Kind, want)
		}
		for _, p := range l.Places {
			withPlace++
			if p.Country == "" || p.Name == "" {
				t.Errorf("claim %d: place %+v without a name or a country", l.ClaimID, p)
			}
			if (p.Lat == nil) != (p.Lon == nil) {
				t.Errorf("claim %d: place %+v has one coordinate", l.ClaimID, p)
			}
			if p.Lat != nil {
				withCoords++
			}
		}
		v := l.Verification
		if v.Credibility < 1 || v.Credibility > 6 || v.Status == "" {
			t.Errorf("claim %d: verification %+v", l.ClaimID, v)
		}
		if v.Credibility < 6 {
			judged++
		}
		if len(v.ConfirmedBy) > 0 {
			confirmedBy++
		}
	}
	// The demo corpus names Geneva and New York, finds claims confirmed
	// by other sources, and has claims of every kind.
	if withPlace == 0 || withCoords == 0 {
		t.Errorf("%d places, %d with coordinates: want some of each", withPlace, withCoords)
	}
	if judged == 0 || confirmedBy == 0 {
		t.Errorf("%d claims judged, %d confirmed by a source: the reconciliation is missing", judged, confirmedBy)
	}
	if withSource != len(lines) {
		t.Errorf("%d of %d claims have a source", withSource, len(lines))
	}
	if len(kinds) < 2 || kinds[""] {
		t.Errorf("kinds %v: want those of the extraction (speech, belief...)", kinds)
	}

	// Each line stands alone: keys as the store's JSON spells them.
	first, _, _ := bytes.Cut(data, []byte("\n"))
	for _, key := range []string{`"claim_id":`, `"document":{"id":`, `"speaker":{`, `"source_id":`, `"cue":`, `"content":`, `"quantities":`, `"verification":{"status":`, `"credibility":`} {
		if !bytes.Contains(first, []byte(key)) {
			t.Errorf("first line lacks %s:\n%s", key, first)
		}
	}
}

func TestCSV(t *testing.T) {
	st := demoStore(t)
	claims := allClaims(t, st)
	data, sum := export(t, st, CSV)
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	want := []string{"claim_id", "document_id", "document_title", "publisher", "published", "url", "day", "source_id",
		"source", "speaker", "source_kind", "role", "cue", "mode", "kind", "stance", "content", "figures", "times",
		"places", "status", "credibility"}
	if !slices.Equal(rows[0], want) {
		t.Errorf("header %q\nwant   %q", rows[0], want)
	}
	if len(rows)-1 != len(claims) || sum.Claims != len(claims) {
		t.Fatalf("%d rows (summary: %d claims), want one per claim: %d", len(rows)-1, sum.Claims, len(claims))
	}
	col := func(name string) int { return slices.Index(want, name) }
	seen := map[int64]bool{}
	var places, figures int
	for _, row := range rows[1:] {
		id, err := strconv.ParseInt(row[col("claim_id")], 10, 64)
		if err != nil || seen[id] {
			t.Fatalf("claim_id %q: not a number, or twice", row[col("claim_id")])
		}
		seen[id] = true
		c, ok := claims[id]
		if !ok {
			t.Fatalf("row for claim %d, which the store does not have", id)
		}
		if row[col("content")] != c.Content || row[col("cue")] != c.Cue || row[col("document_title")] != c.Document.Title ||
			row[col("published")] != store.Day(c.Document.Published) || row[col("speaker")] != c.Speaker.Name {
			t.Errorf("claim %d: row %q does not match the store's %+v", id, row, c)
		}
		if n, err := strconv.Atoi(row[col("credibility")]); err != nil || n < 1 || n > 6 {
			t.Errorf("claim %d: credibility %q", id, row[col("credibility")])
		}
		if strings.Contains(row[col("places")], "(") {
			places++
		}
		if row[col("figures")] != "" {
			figures++
		}
	}
	if places == 0 || figures == 0 {
		t.Errorf("%d rows with places, %d with figures: want some of each", places, figures)
	}
}

// TestPages reads the store a few rows at a time: the export is the same.
func TestPages(t *testing.T) {
	st := demoStore(t)
	want := map[Format][]byte{}
	for _, f := range Formats {
		want[f], _ = export(t, st, f)
	}
	defer func(n int) { pageSize = n }(pageSize)
	pageSize = 3
	for _, f := range Formats {
		if got, _ := export(t, st, f); !bytes.Equal(got, want[f]) {
			t.Errorf("%s: reading 3 rows at a time gives another export", f)
		}
	}
}

func TestDeterministic(t *testing.T) {
	st := demoStore(t)
	for _, f := range Formats {
		a, _ := export(t, st, f)
		b, _ := export(t, st, f)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two exports of one store differ", f)
		}
	}
}

func TestEmptyStore(t *testing.T) {
	st := newStore(t)
	for _, f := range Formats {
		data, sum := export(t, st, f)
		if sum != (Summary{}) {
			t.Errorf("%s: summary %+v of an empty store", f, sum)
		}
		switch f {
		case JSONL:
			if len(data) != 0 {
				t.Errorf("jsonl: %q from an empty store", data)
			}
		case CSV:
			rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
			if err != nil || len(rows) != 1 || rows[0][0] != "claim_id" {
				t.Errorf("csv: %q (%v), want the header alone", data, err)
			}
		case STIX:
			if errs := validateBundle(data); len(errs) > 0 {
				t.Errorf("stix: %s\n%s", strings.Join(errs, "\n"), data)
			}
			var b map[string]any
			if err := json.Unmarshal(data, &b); err != nil || b["type"] != "bundle" || b["objects"] != nil {
				t.Errorf("stix: %s, want a bundle with no objects", data)
			}
		}
	}
}

func TestFormat(t *testing.T) {
	for _, f := range Formats {
		if got, err := ParseFormat(string(f)); got != f || err != nil {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	_, err := ParseFormat("xml")
	if !errors.Is(err, ErrFormat) || err.Error() != `unknown format "xml": use jsonl, csv or stix` {
		t.Errorf("ParseFormat(xml): %v", err)
	}
	if _, err := Write(t.Context(), &bytes.Buffer{}, newStore(t), "xml"); !errors.Is(err, ErrFormat) {
		t.Errorf("Write(xml): %v, want ErrFormat", err)
	}
}
