package cli

import (
	"context"
	"flag"
	"fmt"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/store/sqlite"
)

// dbEnv names the environment variable that picks the store when --db is
// not given: one export, and every command works on the same ledger.
const dbEnv = "CROSSCHECK_DB"

// dbFlag adds --db to a command that works on the store.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "the store, a SQLite `file` (default: $"+dbEnv+", else ~/.local/share/crosscheck/crosscheck.db)")
}

// storePath picks the store: --db, else CROSSCHECK_DB, else the default
// path. from says which, for messages.
func storePath(env Env, flagValue string) (path, from string, err error) {
	if flagValue != "" {
		return flagValue, "--db", nil
	}
	if p := env.getenv(dbEnv); p != "" {
		return p, dbEnv, nil
	}
	p, err := sqlite.DefaultPath()
	return p, "the default path", err
}

// openStore opens (creating it and its folder when missing) the store the
// user picked.
func openStore(ctx context.Context, env Env, flagValue string) (store.Store, string, error) {
	path, from, err := storePath(env, flagValue)
	if err != nil {
		return nil, "", err
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		if from == dbEnv {
			// Say where the path came from: an export in a shell profile
			// is easily forgotten.
			return nil, "", fmt.Errorf("%w (%s names it)", err, dbEnv)
		}
		return nil, "", err
	}
	return db, db.Path(), nil
}

// withStore runs fn on the store the user picked and closes it.
func withStore(ctx context.Context, env Env, flagValue string, fn func(st store.Store, path string) error) error {
	st, path, err := openStore(ctx, env, flagValue)
	if err != nil {
		return err
	}
	err = fn(st, path)
	if cerr := st.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("closing the store %s: %w", path, cerr)
	}
	return err
}
