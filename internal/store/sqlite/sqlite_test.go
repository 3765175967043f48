package sqlite

import (
	"path/filepath"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/store/storetest"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(t.Context(), filepath.Join(t.TempDir(), "crosscheck.db"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func TestFTSMatch(t *testing.T) {
	for in, want := range map[string]string{
		"troops":                     `"troops"`,
		`north "korean troops"`:      `"north" AND "korean troops"`,
		"budanov OR zelensky troop*": `("budanov" OR "zelensky") AND "troop" *`,
		"nis -seoul -busan":          `("nis") NOT ("seoul" OR "busan")`,
		`NEAR(x) col:y "`:            `"near x" AND "col y"`,
	} {
		got, err := ftsQuery(in)
		if err != nil || got != want {
			t.Errorf("ftsQuery(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestMarks(t *testing.T) {
	got, spans := marks("…the \x01troops\x02 and \x01Troop\x02s…")
	if got != "…the troops and Troops…" || len(spans) != 2 || got[spans[0].Start:spans[0].End] != "troops" || got[spans[1].Start:spans[1].End] != "Troop" {
		t.Errorf("marks = %q %v", got, spans)
	}
	// A marker left open runs to the end; a stray close is dropped.
	got, spans = marks("a \x02b \x01c")
	if got != "a b c" || len(spans) != 1 || got[spans[0].Start:spans[0].End] != "c" {
		t.Errorf("marks(odd) = %q %v", got, spans)
	}
}
