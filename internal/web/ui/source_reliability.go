package ui

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
)

// maxFormBody caps a small form.
const maxFormBody = 16 << 10

// setReliability serves POST /sources/{id}/reliability, the source page's
// form: from this machine as it is, from elsewhere with a token (signed
// in, or typed in the form). Cross-site posts are refused before this by
// the server's cross-origin protection.
func (u *UI) setReliability(w http.ResponseWriter, r *http.Request, _ access.Who) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		u.notFound(w, r, "There is no source "+r.PathValue("id")+".")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		u.showProblem(w, r, http.StatusBadRequest, "The form could not be read.")
		return
	}
	who, err := u.Guard.Check(r.Context(), r, r.PostForm.Get("token"))
	if errors.Is(err, store.ErrBadToken) {
		u.showProblem(w, r, http.StatusForbidden, "That API token is unknown or revoked. Create one with “crosscheck token create NAME”.")
		return
	}
	if err != nil {
		u.serverError(w, r, err)
		return
	}
	if !who.Local && who.Token == nil {
		u.showProblem(w, r, http.StatusForbidden, "Changing a source’s reliability from another machine needs an API token.")
		return
	}
	grade := strings.ToUpper(strings.TrimSpace(r.PostForm.Get("reliability")))
	if err := u.Store.SetReliability(r.Context(), id, grade); err != nil {
		u.fail(w, r, err)
		return
	}
	// Post/redirect/get: reloading the page does not post again.
	http.Redirect(w, r, "/sources/"+strconv.FormatInt(id, 10)+"?saved=1", http.StatusSeeOther)
}
