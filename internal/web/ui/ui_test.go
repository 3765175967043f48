package ui

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/ingest/text"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/webtest"
)

var shared struct {
	once sync.Once
	dir  string
	st   store.Store
	err  error
}

func demoStore(t testing.TB) store.Store {
	t.Helper()
	shared.once.Do(func() {
		if shared.dir, shared.err = os.MkdirTemp("", "crosscheck-ui-"); shared.err != nil {
			return
		}
		shared.st, shared.err = webtest.DemoStore(context.Background(), filepath.Join(shared.dir, "demo.db"))
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.st
}

func ownStore(t testing.TB) store.Store {
	t.Helper()
	st, err := webtest.DemoStore(context.Background(), filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.st != nil {
		shared.st.Close()
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

func newUI(t testing.TB, st store.Store) *UI {
	t.Helper()
	u, err := New(Config{Store: st, Guard: access.Guard{Store: st}})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// visit serves a request from this machine, or from elsewhere with
// remote, and returns the response.
func visit(h http.Handler, method, target string, form url.Values, remote bool, cookie string) *httptest.ResponseRecorder {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, target, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if remote {
		r.RemoteAddr, r.Host = "198.51.100.4:5555", "ledger.example.org"
	} else {
		r.RemoteAddr, r.Host = "127.0.0.1:5555", "localhost:8080"
	}
	if cookie != "" {
		r.AddCookie(&http.Cookie{Name: access.CookieName, Value: cookie})
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func get(t *testing.T, h http.Handler, target string) string {
	t.Helper()
	w := visit(h, "GET", target, nil, false, "")
	if w.Code != 200 {
		t.Fatalf("GET %s: %d\n%.500s", target, w.Code, w.Body.String())
	}
	return w.Body.String()
}

var scriptTag = regexp.MustCompile(`<script[^>]*>`)

func TestPages(t *testing.T) {
	st := demoStore(t)
	u := newUI(t, st)
	docs, _ := st.Documents(context.Background(), store.DocumentFilter{})
	srcs, _ := st.Sources(context.Background(), store.SourceFilter{Limit: 1})
	ms, _ := st.Measures(context.Background(), store.MeasureFilter{Limit: 1})
	if len(ms.Items) == 0 {
		t.Fatal("the demo store has no measure: was it reconciled?")
	}
	doc := strconv.FormatInt(docs.Items[0].ID, 10)
	src := strconv.FormatInt(srcs.Items[0].ID, 10)
	msr := strconv.FormatInt(ms.Items[0].ID, 10)
	for path, want := range map[string]string{
		"/":                                    "Latest articles",
		"/documents":                           docs.Items[0].Title,
		"/documents?publisher=Herald":          "Valdorian Herald",
		"/documents/" + doc:                    "Sources in this article",
		"/claims":                              "Download what is shown",
		"/claims?has_quantity=1&stance=hedged": "hedged",
		"/claims?document=" + doc:              "In article " + doc,
		"/sources":                             srcs.Items[0].Name,
		"/sources?kind=person&order=name":      "person",
		"/sources/" + src:                      "Claims over time",
		"/timeline":                            "tl-day",
		"/measures":                            ms.Items[0].Name,
		"/measures?search=soldiers":            "soldiers",
		"/measures/" + msr:                     `id="measure-chart"`,
		"/timeline?measure=" + msr:             ms.Items[0].Name,
		"/timeline?source=" + src:              srcs.Items[0].Name,
		"/map":                                 `class="place"`,
		"/search?q=troops":                     "matches, best first",
		"/search?q=zzzzqqq":                    "Nothing matches",
		"/search":                              "Search",
		"/login":                               "API token",
	} {
		t.Run(path, func(t *testing.T) {
			body := get(t, u, path)
			if !strings.Contains(html.UnescapeString(body), html.UnescapeString(want)) {
				t.Errorf("%s lacks %q", path, want)
			}
			// Every page: the stylesheet and the script from /static,
			// and no inline script or style for the CSP to refuse.
			for _, tag := range scriptTag.FindAllString(body, -1) {
				if !strings.Contains(tag, " src=") {
					t.Errorf("%s has an inline script: %s", path, tag)
				}
			}
			if strings.Contains(body, " style=") || strings.Contains(body, "<style") {
				t.Errorf("%s has an inline style", path)
			}
		})
	}
	for path, status := range map[string]int{
		"/documents/999999": 404, "/documents/x": 404, "/sources/999999": 404, "/nowhere": 404,
		"/claims?since=someday": 400, "/measures/999999": 404, "/measures?order=x": 400, "/timeline?measure=0": 400, "/claims?limit=0": 400, "/sources?kind=robot": 400,
	} {
		if w := visit(u, "GET", path, nil, false, ""); w.Code != status {
			t.Errorf("GET %s: %d, want %d", path, w.Code, status)
		}
	}
}

func TestArticleHighlights(t *testing.T) {
	st := demoStore(t)
	u := newUI(t, st)
	ctx := context.Background()
	docs, _ := st.Documents(ctx, store.DocumentFilter{})
	for _, d := range docs.Items {
		body := get(t, u, "/documents/"+strconv.FormatInt(d.ID, 10))
		claims, _ := st.Claims(ctx, store.ClaimFilter{DocumentID: d.ID})
		for _, c := range claims.Items {
			id := strconv.FormatInt(c.ID, 10)
			if !strings.Contains(body, `id="claim-`+id+`"`) {
				t.Errorf("document %d: no card for claim %s", d.ID, id)
			}
			if !strings.Contains(body, `data-claim="`+id+`"`) {
				t.Errorf("document %d: claim %s (%q) is not highlighted", d.ID, id, c.Content)
			}
		}
	}
}

func TestBuildArticleKeepsText(t *testing.T) {
	st := demoStore(t)
	ctx := context.Background()
	docs, _ := st.Documents(ctx, store.DocumentFilter{})
	for _, d := range docs.Items {
		doc, _ := st.Document(ctx, d.ID)
		res, _ := st.Extraction(ctx, d.ID)
		rows, _ := st.Claims(ctx, store.ClaimFilter{DocumentID: d.ID})
		a := buildArticle(doc, res, rows.Items, nil)
		var paras []string
		for _, p := range a.Paragraphs {
			var b strings.Builder
			for _, pc := range p.Pieces {
				b.WriteString(pc.Text)
			}
			paras = append(paras, b.String())
		}
		if got := strings.Join(paras, "\n\n"); got != doc.Text {
			t.Errorf("document %d: the pieces do not give back the text", d.ID)
		}
		if len(a.Claims) != len(rows.Items) {
			t.Errorf("document %d: %d claim cards, %d claims", d.ID, len(a.Claims), len(rows.Items))
		}
	}
}

// hostile is an article whose text carries markup meant to run.
const hostile = `Markup in a story <script>window.pwned = 1</script>

By Mal Icious

14 April 2025

The Injector

Officials said <img src=x onerror="window.pwned = 2"> that "<script>document.title='pwned'</script>" was harmless, adding that <a href="javascript:alert(1)">this link</a> was too.
`

// addHostile stores the hostile article and returns its id.
func addHostile(t *testing.T, st store.Store) int64 {
	t.Helper()
	doc, err := text.Read([]byte(hostile), "hostile.txt")
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := st.AddDocument(context.Background(), doc, extract.Run(doc, extract.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestHostileArticleEscaped(t *testing.T) {
	st := ownStore(t)
	id := addHostile(t, st)
	u := newUI(t, st)
	for _, path := range []string{"/documents/" + strconv.FormatInt(id, 10), "/claims", "/", "/search?q=harmless", "/timeline"} {
		body := get(t, u, path)
		for _, bad := range []string{"<script>window", "<script>document", "<img src=x", `href="javascript:`, "onerror=\"window"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: the article's markup %q reached the page unescaped", path, bad)
			}
		}
	}
	body := get(t, u, "/documents/"+strconv.FormatInt(id, 10))
	if !strings.Contains(body, "&lt;script&gt;window.pwned = 1&lt;/script&gt;") {
		t.Error("the article's text should show its markup as text")
	}
}

func TestRemoteVisitor(t *testing.T) {
	st := ownStore(t)
	u := newUI(t, st)
	secret, _, _ := st.CreateToken(context.Background(), "browser")
	srcs, _ := st.Sources(context.Background(), store.SourceFilter{Limit: 1})
	src := srcs.Items[0].ID
	form := "/sources/" + strconv.FormatInt(src, 10) + "/reliability"

	w := visit(u, "GET", "/claims?speaker=Ellison", nil, true, "")
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/login?next="+url.QueryEscape("/claims?speaker=Ellison") {
		t.Fatalf("remote visitor without a token: %d to %q", w.Code, w.Header().Get("Location"))
	}
	w = visit(u, "POST", "/login", url.Values{"token": {"cct_wrong"}, "next": {"/claims"}}, true, "")
	if w.Code != http.StatusUnauthorized || !strings.Contains(w.Body.String(), "unknown or revoked") {
		t.Errorf("a wrong token: %d", w.Code)
	}
	w = visit(u, "POST", "/login", url.Values{"token": {secret}, "next": {"/claims?speaker=Ellison"}}, true, "")
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/claims?speaker=Ellison" {
		t.Fatalf("sign in: %d to %q", w.Code, w.Header().Get("Location"))
	}
	var cookie *http.Cookie
	for _, c := range w.Result().Cookies() {
		if c.Name == access.CookieName {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || cookie.Value != secret {
		t.Fatalf("cookie %+v", cookie)
	}
	if w := visit(u, "GET", "/claims", nil, true, secret); w.Code != 200 {
		t.Errorf("signed in: %d", w.Code)
	}
	// The reliability form from elsewhere: refused without a token, taken
	// with one typed in the form or held in the cookie.
	if w := visit(u, "POST", form, url.Values{"reliability": {"C"}}, true, ""); w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/login") {
		t.Errorf("remote grade without a token: %d %s", w.Code, w.Header().Get("Location"))
	}
	if w := visit(u, "POST", form, url.Values{"reliability": {"C"}, "token": {"cct_wrong"}}, true, secret); w.Code != http.StatusForbidden {
		t.Errorf("remote grade with a wrong typed token: %d", w.Code)
	}
	if w := visit(u, "POST", form, url.Values{"reliability": {"C"}, "token": {secret}}, true, ""); w.Code != http.StatusSeeOther && w.Code != 200 {
		t.Errorf("remote grade with a typed token: %d", w.Code)
	}
	if w := visit(u, "POST", form, url.Values{"reliability": {"D"}}, true, secret); w.Code != http.StatusSeeOther {
		t.Errorf("remote grade signed in: %d", w.Code)
	}
	if s, _ := st.Source(context.Background(), src); s.Reliability != "D" {
		t.Errorf("reliability %s, want D", s.Reliability)
	}
	if w := visit(u, "POST", form, url.Values{"reliability": {"Z"}}, false, ""); w.Code != http.StatusBadRequest {
		t.Errorf("grade Z: %d", w.Code)
	}
	// Signing out clears the cookie; a revoked token's cookie is cleared.
	w = visit(u, "POST", "/logout", url.Values{}, true, secret)
	if c := w.Result().Cookies(); len(c) != 1 || c[0].MaxAge >= 0 {
		t.Errorf("sign out cookies %v", c)
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/claims?x=1": "/claims?x=1", "": "/", "//evil.example/": "/", "https://evil.example": "/",
		`/\evil.example`: "/", "claims": "/",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClaimsDownloads(t *testing.T) {
	st := demoStore(t)
	u := newUI(t, st)
	page := get(t, u, "/claims?speaker=Ellison&limit=5")
	rows := strings.Count(page, `href="/documents/`) // each row links its claim and its article
	w := visit(u, "GET", "/claims.csv?speaker=Ellison&limit=5", nil, false, "")
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	records, err := csv.NewReader(w.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 6 || records[0][0] != "id" || rows != 10 {
		t.Errorf("CSV has %d records (want a header and 5 rows); the page links %d times", len(records), rows)
	}
	for _, r := range records[1:] {
		if !strings.Contains(r[2]+r[3], "Ellison") {
			t.Errorf("CSV row by %q", r[2])
		}
	}
	w = visit(u, "GET", "/claims.json?speaker=Ellison&limit=5", nil, false, "")
	var claims []store.Claim
	if err := json.Unmarshal(w.Body.Bytes(), &claims); err != nil || len(claims) != 5 {
		t.Errorf("JSON: %v, %d claims", err, len(claims))
	}
	if got := safeCell("=HYPERLINK(1)"); got != "'=HYPERLINK(1)" {
		t.Errorf("safeCell = %q", got)
	}
}

func TestAddDocumentForm(t *testing.T) {
	st := ownStore(t)
	u := newUI(t, st)
	w := visit(u, "POST", "/documents", url.Values{"text": {hostile}}, false, "")
	if w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/documents/") {
		t.Fatalf("add from this machine: %d %s", w.Code, w.Body.String())
	}
	if w := visit(u, "POST", "/documents", url.Values{"text": {"  "}}, false, ""); w.Code != http.StatusUnprocessableEntity {
		t.Errorf("add nothing: %d", w.Code)
	}
	if w := visit(u, "POST", "/documents", url.Values{"text": {hostile}}, true, ""); w.Code != http.StatusSeeOther || !strings.HasPrefix(w.Header().Get("Location"), "/login") {
		t.Errorf("add from elsewhere without a token: %d", w.Code)
	}
}

func TestSnippetPieces(t *testing.T) {
	s := "about 9,500 troops near the “Varrun”"
	got := snippetPieces(s, []document.Span{{Start: 12, End: 18}, {Start: 0, End: 5}, {Start: 3, End: 8}, {Start: 30, End: 99}, {Start: 29, End: 31}})
	var b strings.Builder
	for _, p := range got {
		if p.Mark {
			b.WriteString("[" + p.Text + "]")
		} else {
			b.WriteString(p.Text)
		}
	}
	if b.String() != "[about] 9,500 [troops] near the “Varrun”" {
		t.Errorf("pieces = %s", b.String())
	}
}
