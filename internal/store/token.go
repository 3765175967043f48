package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// tokenPrefix marks crosscheck's API tokens, so a leaked one is recognised
// by secret scanners and by people.
const tokenPrefix = "cct_"

// NewTokenSecret returns a new random API token secret (256 bits) and its
// hash, the only form of it a backend stores.
func NewTokenSecret() (secret, hash string) {
	var b [32]byte
	rand.Read(b[:]) // never fails (crypto/rand panics rather than return weak bytes)
	secret = tokenPrefix + base64.RawURLEncoding.EncodeToString(b[:])
	return secret, HashToken(secret)
}

// HashToken returns the hex SHA-256 of a token secret. A fast hash is enough
// here, unlike for passwords: the secret is 256 random bits, so there is no
// dictionary to try; hashing only keeps a stolen database from holding
// usable tokens.
func HashToken(secret string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(secret)))
	return hex.EncodeToString(sum[:])
}
