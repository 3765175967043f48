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
