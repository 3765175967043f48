package store_test

import (
	"encoding/json"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/store/storetest"
)

// TestRecordRoundTrip checks the layout every backend shares, without a
// database: a Result laid out as rows and assembled again is the same.
func TestRecordRoundTrip(t *testing.T) {
	for i := range 3 {
		doc, res := storetest.Article(i)
		if i == 0 {
			doc, res = storetest.Seed()
		}
		rec, err := store.NewRecord(doc, res)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := json.Marshal(store.Assemble(rec))
		want, _ := json.Marshal(res)
		if string(got) != string(want) {
			t.Errorf("%s: Assemble(NewRecord(res)) differs:\n got %s\nwant %s", doc.Origin, got, want)
		}
	}
}

func TestRecordLayout(t *testing.T) {
	doc, res := storetest.Seed()
	rec, err := store.NewRecord(doc, res)
	if err != nil {
		t.Fatal(err)
	}
	// The seed's c2 holds the 1,500 of c1 (shared, not copied) and "any
	// troops", which the document's list lacks: it is kept after the
	// listed ones.
	if rec.QuantitiesListed != 3 || len(rec.Quantities) != 4 || rec.Quantities[3].Text != "any troops" {
		t.Errorf("quantities: %d listed of %d", rec.QuantitiesListed, len(rec.Quantities))
	}
	c1, c2 := rec.Claims[0], rec.Claims[1]
	if c1.QuantityRefs[0] != 0 || c2.QuantityRefs[0] != 0 || c2.QuantityRefs[1] != 3 {
		t.Errorf("refs: c1 %v, c2 %v", c1.QuantityRefs, c2.QuantityRefs)
	}
	if c2.Source != 1 || rec.Claims[3].Source != -1 {
		t.Errorf("sources: c2 %d (by name), c4 %d (none)", c2.Source, rec.Claims[3].Source)
	}
	if c1.Day != "2024-10-17" || c2.Day != "2024-10-18" {
		t.Errorf("days: c1 %q (said), c2 %q (published)", c1.Day, c2.Day)
	}
	if c2.SpeakerKey != "ostmark foreign ministry\nostmark’s foreign ministry" {
		t.Errorf("speaker key %q", c2.SpeakerKey)
	}
	if rec.Chars >= len(doc.Text) {
		t.Errorf("Chars = %d, want fewer than the %d bytes", rec.Chars, len(doc.Text))
	}
	// The record is a copy: changing the input afterwards changes nothing.
	*res.Quantities[0].Value = 9
	res.Sources[0].Aliases[0] = "changed"
	doc.Authors[0] = "changed"
	if *rec.Quantities[0].Value != 1500 || rec.Sources[0].Aliases[0] != "KIS" || rec.Document.Authors[0] != "Ana Kovač" {
		t.Errorf("the record shares memory with its input")
	}
}
