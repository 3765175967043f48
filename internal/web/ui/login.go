package ui

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
)

type loginData struct {
	Next    string
	Problem string
}

// login serves GET /login: the form a browser on another machine uses to
// give an API token, which is then kept in a cookie for the pages.
func (u *UI) login(w http.ResponseWriter, r *http.Request) {
	d := loginData{Next: safeNext(r.URL.Query().Get("next"))}
	u.render(w, r, http.StatusOK, "login", &page{Title: "Sign in", Nav: "login", URL: r.URL, Who: access.Who{Local: access.IsLocal(r)}, Data: d})
}

// signIn serves POST /login.
func (u *UI) signIn(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		u.showProblem(w, r, http.StatusBadRequest, "The form could not be read.")
		return
	}
	d := loginData{Next: safeNext(r.PostForm.Get("next"))}
	secret := strings.TrimSpace(r.PostForm.Get("token"))
	if _, err := u.Store.CheckToken(r.Context(), secret); err != nil {
		if !errors.Is(err, store.ErrBadToken) {
			u.serverError(w, r, err)
			return
		}
		d.Problem = "That token is unknown or revoked. “crosscheck token list” shows the tokens; “crosscheck token create NAME” makes one."
		u.render(w, r, http.StatusUnauthorized, "login", &page{Title: "Sign in", Nav: "login", URL: r.URL, Data: d})
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: access.CookieName, Value: secret, Path: "/",
		// The token is a credential: no script reads it, no other site's
		// request carries it, and over HTTPS it never travels in clear.
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
		MaxAge: int((30 * 24 * time.Hour).Seconds()),
	})
	http.Redirect(w, r, d.Next, http.StatusSeeOther)
}

// signOut serves POST /logout.
func (u *UI) signOut(w http.ResponseWriter, r *http.Request) {
	clearTokenCookie(w, r)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func clearTokenCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: access.CookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
}

// safeNext keeps a redirect after sign-in on this site: a path, never
// "//host" or a URL elsewhere (an open redirect).
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}
