package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// CreateToken makes a new API token and returns its secret, shown once.
func (db *DB) CreateToken(ctx context.Context, name string) (string, store.Token, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", store.Token{}, fmt.Errorf("store: create token: %w: give it a name saying who or what uses it", store.ErrInvalid)
	}
	secret, hash := store.NewTokenSecret()
	tok := store.Token{Name: name, Created: db.now().UTC()}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		r, err := tx.ExecContext(ctx, `INSERT INTO api_tokens (name, hash, created_at) VALUES (?, ?, ?)`,
			name, hash, formatTime(tok.Created))
		if err != nil {
			return err
		}
		tok.ID, err = r.LastInsertId()
		return err
	})
	if err != nil {
		return "", store.Token{}, fmt.Errorf("store: create token: %w", err)
	}
	return secret, tok, nil
}

// CheckToken returns the live token whose secret this is and records its
// use.
func (db *DB) CheckToken(ctx context.Context, secret string) (store.Token, error) {
	var tok store.Token
	now := formatTime(db.now())
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var created, used, revoked sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE hash = ?`,
			store.HashToken(secret)).Scan(&tok.ID, &tok.Name, &created, &used, &revoked)
		if err == sql.ErrNoRows || (err == nil && revoked.Valid) {
			return store.ErrBadToken
		}
		if err != nil {
			return err
		}
		tok.Created = parseTime(created)
		tok.LastUsed = parseTime(sql.NullString{String: now, Valid: true})
		_, err = tx.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, now, tok.ID)
		return err
	})
	if err != nil {
		return store.Token{}, fmt.Errorf("store: check token: %w", err)
	}
	return tok, nil
}

// Tokens lists the API tokens, oldest first.
func (db *DB) Tokens(ctx context.Context) ([]store.Token, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store: tokens: %w", err)
	}
	defer rows.Close()
	toks := []store.Token{}
	for rows.Next() {
		var t store.Token
		var created, used, revoked sql.NullString
		if err := rows.Scan(&t.ID, &t.Name, &created, &used, &revoked); err != nil {
			return nil, fmt.Errorf("store: tokens: %w", err)
		}
		t.Created, t.LastUsed, t.Revoked = parseTime(created), parseTime(used), parseTime(revoked)
		toks = append(toks, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: tokens: %w", err)
	}
	return toks, nil
}

// RevokeToken revokes a token; revoking it again does nothing.
func (db *DB) RevokeToken(ctx context.Context, id int64) error {
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM api_tokens WHERE id = ?`, id).Scan(&one); err == sql.ErrNoRows {
			return store.ErrNotFound
		} else if err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`,
			formatTime(db.now()), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: revoke token %d: %w", id, err)
	}
	return nil
}
