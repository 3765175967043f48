package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/crosscheck-dev/crosscheck/internal/export"
	"github.com/crosscheck-dev/crosscheck/internal/store"
)

func init() {
	register(command{name: "export", summary: "write every claim in the store as JSON Lines, CSV or a STIX 2.1 bundle", run: runExport})
}

func runExport(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "export", "",
		"Writes every claim in the store, oldest document first, for other tools:\n"+
			"  jsonl  one JSON object per claim and line, each whole: the document, the speaker and the\n"+
			"         source it counts as, cue, mode, kind, stance, content, figures, dates, places, and\n"+
			"         its verification (status, credibility 1-6, who confirms or denies it, evidence)\n"+
			"  csv    a header row, then one row per claim, figures, dates and places each in one cell\n"+
			"  stix   a STIX 2.1 bundle for threat-intelligence platforms: a report per document, an\n"+
			"         identity per source, a location per place, a note per claim (confidence from its\n"+
			"         credibility); ids are stable, so importing it again updates rather than duplicates\n"+
			"Exporting the same store twice gives the same bytes.")
	db := dbFlag(fs)
	format := fs.String("format", string(export.JSONL), "output `format`: jsonl, csv or stix")
	output := fs.String("output", "", "write to this `file` (replaced whole, once the export is done) instead of stdout")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErr(env, "export takes no arguments, only flags (%q given); to write to a file, use --output FILE", rest[0])
	}
	f, err := export.ParseFormat(*format)
	if err != nil {
		return usageErr(env, "%v", err)
	}
	// Check where the export goes before reading the store: a typo in
	// the path should not cost a whole export.
	out, err := openOutput(*output, env.Stdout)
	if err != nil {
		return err
	}
	defer out.discard()
	return withStore(ctx, env, *db, func(st store.Store, path string) error {
		sum, err := export.Write(ctx, out, st, f)
		if err != nil {
			return err
		}
		if err := out.commit(); err != nil {
			return err
		}
		if sum.Claims == 0 {
			fmt.Fprintf(env.Stderr, "No claims in %s yet: add articles with \"crosscheck ingest FILE|FOLDER|URL...\", or try \"crosscheck demo\".\n", path)
		} else if out.path != "" {
			objects := ""
			if sum.Objects > 0 {
				objects = fmt.Sprintf(" (%d STIX objects)", sum.Objects)
			}
			fmt.Fprintf(env.Stderr, "Exported %d claims from %d documents to %s%s.\n", sum.Claims, sum.Documents, out.path, objects)
		}
		return nil
	})
}

// output is where an export goes: stdout, or a file written beside its
// final path and moved there once complete, so that a failed export never
// leaves half a file, nor truncates the one there before.
type output struct {
	io.Writer
	path string
	tmp  *os.File
}

func openOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" || path == "-" {
		return &output{Writer: stdout}, nil
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return nil, fmt.Errorf("export: --output %s is a folder; give a file name", path)
	case err == nil && !fi.Mode().IsRegular():
		// A device or a pipe (/dev/stdout): written in place, as it cannot
		// be replaced.
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("export: cannot write --output %s: %w", path, pathErr(err))
		}
		return &output{Writer: f, path: path, tmp: f}, nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("export: cannot write --output %s: %w", path, pathErr(err))
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("export: cannot write --output %s: %w; check that its folder exists and is writable", path, pathErr(err))
	}
	mode := fs.FileMode(0o644)
	if fi != nil {
		mode = fi.Mode().Perm() // replacing a file keeps its permissions
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, fmt.Errorf("export: cannot write --output %s: %w", path, pathErr(err))
	}
	return &output{Writer: tmp, path: path, tmp: tmp}, nil
}

// commit puts the file in place.
func (o *output) commit() error {
	if o.tmp == nil {
		return nil
	}
	f := o.tmp
	o.tmp = nil
	if f.Name() == o.path { // written in place
		if err := f.Close(); err != nil {
			return fmt.Errorf("export: writing %s: %w", o.path, pathErr(err))
		}
		return nil
	}
	err := f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), o.path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("export: writing %s: %w", o.path, pathErr(err))
	}
	return nil
}

// discard removes what an export that failed had written.
func (o *output) discard() {
	if o.tmp == nil {
		return
	}
	o.tmp.Close()
	if o.tmp.Name() != o.path {
		os.Remove(o.tmp.Name())
	}
	o.tmp = nil
}

// pathErr drops the path an os error repeats, since the message names the
// file already ("permission denied", not "open /x/.y.123.tmp: permission
// denied").
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
