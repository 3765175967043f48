package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// extensions are the file name endings a folder is searched for. A file
// named on the command line is read whatever its name: its bytes decide.
var extensions = []string{".txt", ".text", ".md", ".html", ".htm", ".xml", ".rss", ".atom", ".warc", ".warc.gz"}

// Inputs expands command-line arguments into the inputs Read takes: a file
// stays itself, a folder becomes every file in it and below with one of
// the extensions .txt .text .md .html .htm .xml .rss .atom .warc
// .warc.gz (hidden files and folders skipped), a glob becomes its
// matches, and URLs and "-" (standard input) pass through. The order is
// the arguments', each folder's files in lexical order, without repeats.
//
// Arguments that name nothing do not stop the others: Inputs returns every
// input it found, and an error joining one *Error per bad argument, so a
// caller can read what it can and report the rest. The count of inputs is
// known before any is read, for a progress bar.
func Inputs(args []string) ([]string, error) {
	var out []string
	var errs []error
	seen := map[string]bool{}
	add := func(in string) {
		if !seen[in] {
			seen[in] = true
			out = append(out, in)
		}
	}
	for _, arg := range args {
		switch {
		case arg == "-" || isURL(arg):
			add(arg)
			continue
		case arg == "":
			errs = append(errs, &Error{Input: `""`, Err: ErrNotFound})
			continue
		}
		paths := []string{arg}
		if _, err := os.Lstat(arg); errors.Is(err, fs.ErrNotExist) && strings.ContainsAny(arg, "*?[") {
			matches, err := filepath.Glob(arg)
			if err != nil {
				errs = append(errs, &Error{Input: arg, Err: fmt.Errorf("%w (a malformed pattern)", ErrNotFound)})
				continue
			}
			if len(matches) == 0 {
				errs = append(errs, &Error{Input: arg, Err: fmt.Errorf("%w (nothing matches the pattern)", ErrNotFound)})
				continue
			}
			paths = matches
		}
		for _, p := range paths {
			fi, err := os.Stat(p)
			if err != nil {
				errs = append(errs, &Error{Input: p, Err: statError(err)})
				continue
			}
			if !fi.IsDir() {
				add(p)
				continue
			}
			files, err := walk(p)
			if err != nil {
				errs = append(errs, err)
			}
			for _, f := range files {
				add(f)
			}
		}
	}
	return out, errors.Join(errs...)
}

// walk lists the readable files under dir. Unreadable subfolders are
// reported, and the rest is still listed.
func walk(dir string) ([]string, error) {
	var files []string
	var errs []error
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &Error{Input: p, Err: statError(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && readable(d.Name()) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		errs = append(errs, &Error{Input: dir, Err: statError(err)})
	}
	return files, errors.Join(errs...)
}

// readable says whether a file name has one of the extensions.
func readable(name string) bool {
	lower := strings.ToLower(name)
	for _, ext := range extensions {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}
