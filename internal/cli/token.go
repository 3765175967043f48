package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

func init() {
	register(command{name: "token", summary: "create, list and revoke API tokens for the web server", run: runToken})
}

func runToken(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "token", "create NAME | list | revoke ID",
		"Manages the API tokens of \"crosscheck serve\". A token lets a client write through the API (add\n"+
			"documents, grade sources) and read from another machine. \"create\" prints the new token once:\n"+
			"only its hash is stored, so copy it then. \"revoke\" stops a token at once; \"list\" shows them all.")
	db := dbFlag(fs)
	format := fs.String("format", formatTable, "output `format` of list: table, json or csv")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usageErr(env, "token: say what to do: create NAME, list, or revoke ID")
	}
	switch rest[0] {
	case "create":
		if len(rest) != 2 || strings.TrimSpace(rest[1]) == "" {
			return usageErr(env, "token create: give the token one name, e.g. crosscheck token create laptop-script")
		}
		name := strings.TrimSpace(rest[1])
		return withStore(ctx, env, *db, func(st store.Store, path string) error {
			secret, tok, err := st.CreateToken(ctx, name)
			if err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, secret)
			fmt.Fprintf(env.Stderr, "Token %d (%q) created for %s. It is shown only this once: copy it now.\n"+
				"Send it as \"Authorization: Bearer TOKEN\", or paste it in the web UI's sign-in page.\n", tok.ID, tok.Name, path)
			return nil
		})
	case "list":
		if len(rest) != 1 {
			return usageErr(env, "token list takes no arguments")
		}
		if err := oneOf(env, "format", *format, listFormats...); err != nil {
			return err
		}
		return withStore(ctx, env, *db, func(st store.Store, _ string) error {
			toks, err := st.Tokens(ctx)
			if err != nil {
				return err
			}
			if err := writeListing(env.Stdout, *format, outputWidth(env), toks, tokenColumns); err != nil {
				return err
			}
			if len(toks) == 0 && *format == formatTable {
				fmt.Fprintln(env.Stderr, "No tokens yet: crosscheck token create NAME makes one.")
			}
			return nil
		})
	case "revoke":
		if len(rest) != 2 {
			return usageErr(env, "token revoke: give the token's ID (crosscheck token list shows them)")
		}
		id, err := strconv.ParseInt(rest[1], 10, 64)
		if err != nil || id < 1 {
			return usageErr(env, "token revoke %q: give the token's ID, a number (crosscheck token list shows them)", rest[1])
		}
		return withStore(ctx, env, *db, func(st store.Store, _ string) error {
			if err := st.RevokeToken(ctx, id); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "Token %d revoked.\n", id)
			return nil
		})
	}
	return usageErr(env, "token %q: use create NAME, list, or revoke ID", rest[0])
}

var tokenColumns = []column[store.Token]{
	{name: "id", value: func(t store.Token) string { return id(t.ID) }, right: true},
	{name: "name", value: func(t store.Token) string { return t.Name }, flex: true},
	{name: "created", value: func(t store.Token) string { return tokenTime(t.Created) }},
	{name: "last_used", title: "last used", value: func(t store.Token) string { return tokenTime(t.LastUsed) }},
	{name: "revoked", value: func(t store.Token) string { return tokenTime(t.Revoked) }},
}

// tokenTime shows a token's times to the minute, in UTC, as stored.
func tokenTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04")
}
