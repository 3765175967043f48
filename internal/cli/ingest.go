package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/crosscheck-dev/crosscheck/internal/document"
	"github.com/crosscheck-dev/crosscheck/internal/extract"
	"github.com/crosscheck-dev/crosscheck/internal/ingest"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

func init() {
	register(command{name: "ingest", summary: "read documents, extract their claims and keep them in the store", run: runIngest})
}

func runIngest(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "ingest", "FILE|FOLDER|GLOB|URL|FEED|WARC|-...",
		"Reads each input, extracts its claims, sources, figures, dates and places, and stores each document\n"+
			"with its extraction, whole or not at all. A text already stored is reported as unchanged and adds\n"+
			"nothing, so running the same command again is safe, and resumes an ingest that was stopped.\n"+
			"Folders are read recursively (.txt .md .html .xml .rss .atom .warc .warc.gz). Inputs that fail\n"+
			"are listed at the end; the others are stored.")
	db := dbFlag(fs)
	published := fs.String("published", "", "read relative dates against this `day` (YYYY-MM-DD) and store it as every document's publication day")
	noFetch := fs.Bool("no-fetch", false, "do not fetch the pages of feed items that carry only a summary")
	quiet := fs.Bool("quiet", false, "print only failures: no progress, no line per document, no summary")
	inputs, err := parse(fs, args)
	if err != nil {
		return err
	}
	var opt extract.Options
	if *published != "" {
		if opt.Published, err = time.Parse(time.DateOnly, *published); err != nil {
			return usageErr(env, "--published %q: give a day as YYYY-MM-DD", *published)
		}
	}
	if len(inputs) == 0 {
		return usageErr(env, "ingest: name files, folders, URLs or feeds to read, or - for standard input")
	}
	list, listErr := ingest.Inputs(inputs)
	cfg := ingest.Config{Stdin: env.Stdin, FetchFeedPages: !*noFetch, Logger: env.Logger}

	return withStore(ctx, env, *db, func(st store.Store, path string) error {
		g := newIngestion(env, st, opt, *quiet, len(list))
		for _, e := range unjoin(listErr) {
			if e != nil {
				g.record(outcome{status: statusFailed, err: e})
			}
		}
		err := g.run(ctx, readInputs(ctx, list, cfg, g.inputDone))
		var recErr error
		if err == nil && ctx.Err() == nil && g.new > 0 {
			g.reconciled, recErr = reconcileAfterIngest(ctx, st)
		}
		if err := g.finish(ctx, err, path); err != nil {
			return err
		}
		return recErr
	})
}

// readInputs yields the documents of every input, in order, calling done
// after each input.
func readInputs(ctx context.Context, list []string, cfg ingest.Config, done func()) iter.Seq[item] {
	return func(yield func(item) bool) {
		for _, in := range list {
			for doc, err := range ingest.Read(ctx, in, cfg) {
				if err != nil && ctx.Err() != nil {
					return // stopped: not the input's fault
				}
				if !yield(item{input: in, doc: doc, err: err}) {
					return
				}
			}
			done()
			if ctx.Err() != nil {
				return
			}
		}
	}
}

// item is one document on its way to the store, or the failure to read
// one.
type item struct {
	seq   int
	input string
	doc   *document.Document
	res   *extract.Result
	err   error
}

// name is how a log line and a failure name the item: where the document
// came from, else the input.
func (it *item) name() string {
	if it.doc != nil && it.doc.Origin != "" {
		return it.doc.Origin
	}
	return it.input
}

// What became of a document.
const (
	statusNew       = "new"
	statusUnchanged = "unchanged"
	statusFailed    = "failed"
)

type outcome struct {
	status string
	name   string // the document's origin
	title  string
	claims int
	err    error // for a failure: a one-line error naming the input
}

// ingestion stores documents into a store, extracting them on every core
// and storing them in their input order, a batch per transaction.
type ingestion struct {
	env   Env
	st    store.Store
	opt   extract.Options
	quiet bool

	bar *progressbar.ProgressBar // nil unless stderr is a terminal
	log io.Writer                // one line per document; nil on a terminal

	// reconciled ends the summary line when a reconciliation ran.
	reconciled string

	mu       sync.Mutex // guards the counts, which the bar reads
	new      int
	same     int
	claims   int
	failures []error
}

// batchSize is how many documents go in one transaction: the store's
// AddDocuments stores a few dozen at about twice the rate of one each,
// and a kill loses at most that many documents' extraction work, never a
// stored one.
const batchSize = 32

// flushEvery bounds how long a document waits for its batch to fill when
// the inputs come slowly (a feed's pages, one by one).
const flushEvery = 300 * time.Millisecond

func newIngestion(env Env, st store.Store, opt extract.Options, quiet bool, inputs int) *ingestion {
	g := &ingestion{env: env, st: st, opt: opt, quiet: quiet}
	if quiet {
		return g
	}
	if isTerminal(env.Stderr) && inputs > 0 {
		g.bar = progressbar.NewOptions(inputs,
			progressbar.OptionSetWriter(env.Stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
		)
	}
	if !isTerminal(env.Stdout) {
		g.log = env.Stdout
	}
	return g
}

// inputDone moves the progress bar on by one input.
func (g *ingestion) inputDone() {
	if g.bar != nil {
		g.bar.Add(1)
	}
}

// run reads, extracts and stores everything src yields. When ctx is
// cancelled it stops reading, and stores what was already extracted: a
// document is stored whole or not at all. It returns an error only when
// the store fails.
func (g *ingestion) run(ctx context.Context, src iter.Seq[item]) error {
	workers := runtime.GOMAXPROCS(0)
	read := make(chan item, 2*workers)
	// Room for two batches, so that the workers go on extracting while
	// a batch is being written: the store has one writer, and keeping it
	// busy is what sets the pace.
	extracted := make(chan item, 2*batchSize)
	stop := make(chan struct{}) // closed when the store failed
	defer close(stop)

	go func() {
		defer close(read)
		seq := 0
		for it := range src {
			it.seq = seq
			seq++
			select {
			case read <- it:
			case <-stop:
				return
			}
			if ctx.Err() != nil {
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for it := range read {
				if it.doc != nil {
					g.extract(&it)
				}
				select {
				case extracted <- it:
				case <-stop:
				}
			}
		})
	}
	go func() { wg.Wait(); close(extracted) }()

	// Documents are extracted out of order; they are stored in order, so
	// that log lines follow the inputs and a rerun after a stop resumes
	// where this one ended.
	waiting := map[int]item{}
	next := 0
	var batch []item
	tick := time.NewTicker(flushEvery)
	defer tick.Stop()
	for {
		select {
		case it, ok := <-extracted:
			if !ok {
				return g.store(ctx, batch)
			}
			waiting[it.seq] = it
			for {
				it, ok := waiting[next]
				if !ok {
					break
				}
				delete(waiting, next)
				next++
				batch = append(batch, it)
			}
			if len(batch) < batchSize {
				continue
			}
		case <-tick.C:
			if len(batch) == 0 {
				continue
			}
		}
		if err := g.store(ctx, batch); err != nil {
			return err
		}
		batch = batch[:0]
	}
}

// extract runs the extractor on one document. A panic in it is a bug, but
// it must not lose the rest of the ingest: it fails that document only.
func (g *ingestion) extract(it *item) {
	defer func() {
		if r := recover(); r != nil {
			it.res = nil
			it.err = &ingest.Error{Input: it.name(), Err: fmt.Errorf("the extractor failed (%v); this is a bug in crosscheck: please report it with the file", r)}
		}
	}()
	if !g.opt.Published.IsZero() {
		// The extraction reads relative dates against this day; the
		// stored document and its claims are dated by it too.
		it.doc.Published = g.opt.Published
	}
	it.res = extract.Run(it.doc, g.opt)
}

// store writes a batch in one transaction and records each outcome. It
// runs even after ctx is cancelled: the batch is already extracted, and
// storing it takes milliseconds.
func (g *ingestion) store(ctx context.Context, batch []item) error {
	var in []store.Input
	for _, it := range batch {
		if it.err == nil && it.doc != nil {
			in = append(in, store.Input{Document: it.doc, Result: it.res})
		}
	}
	var added []store.Added
	if len(in) > 0 {
		var err error
		added, err = g.st.AddDocuments(context.WithoutCancel(ctx), in)
		if err != nil {
			return err
		}
	}
	k := 0
	for _, it := range batch {
		o := outcome{name: it.name(), err: it.err, status: statusFailed}
		if it.doc != nil {
			o.title = it.doc.Title
		}
		if it.err == nil && it.doc != nil {
			a := added[k]
			k++
			switch {
			case a.Err != nil:
				o.err = &ingest.Error{Input: o.name, Err: fmt.Errorf("could not be stored: %w", a.Err)}
			case a.Added:
				o.status, o.claims = statusNew, len(it.res.Claims)
			default:
				o.status = statusUnchanged
			}
		}
		g.record(o)
	}
	return nil
}

// record counts an outcome and logs it.
func (g *ingestion) record(o outcome) {
	g.mu.Lock()
	switch o.status {
	case statusNew:
		g.new++
		g.claims += o.claims
	case statusUnchanged:
		g.same++
	case statusFailed:
		g.failures = append(g.failures, o.err)
	}
	counts := fmt.Sprintf("%d new, %d unchanged, %d failed", g.new, g.same, len(g.failures))
	g.mu.Unlock()

	if g.bar != nil {
		g.bar.Describe(counts)
	}
	if g.log != nil {
		switch o.status {
		case statusFailed:
			fmt.Fprintf(g.log, "%-9s  %v\n", o.status, o.err)
		case statusNew:
			fmt.Fprintf(g.log, "%-9s  %s · %s · %d claims\n", o.status, orUntitled(o.title), o.name, o.claims)
		default:
			fmt.Fprintf(g.log, "%-9s  %s · %s\n", o.status, orUntitled(o.title), o.name)
		}
	}
}

// finish prints the summary and the failures, and says how the run ends.
func (g *ingestion) finish(ctx context.Context, runErr error, path string) error {
	if g.bar != nil {
		g.bar.Finish()
	}
	if !g.quiet {
		fmt.Fprintf(g.env.Stdout, "%d new, %d unchanged, %d failed; %d claims added to %s%s\n",
			g.new, g.same, len(g.failures), g.claims, path, g.reconciled)
	}
	for _, f := range g.failures {
		fmt.Fprintln(g.env.Stderr, "crosscheck:", f)
	}
	switch {
	case runErr != nil:
		return fmt.Errorf("ingest stopped: %w; what was stored before is kept: run the same command again to go on", runErr)
	case ctx.Err() != nil:
		return &exitError{code: 130, err: errors.New("ingest interrupted; every document listed is stored: run the same command again to go on")}
	case len(g.failures) > 0:
		return &exitError{code: 1, err: fmt.Errorf("%d failed (listed above); the others are stored", len(g.failures))}
	}
	return nil
}

func orUntitled(title string) string {
	if title == "" {
		return "(untitled)"
	}
	return title
}
