package extract

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Stdin is the argument that names standard input, as in most Unix tools.
const Stdin = "-"

// Input is one document source found by Expand: a file, or standard input.
type Input struct {
	// Path is the file to read, or Stdin ("-").
	Path string
	// ID is the article ID used for a text or HTML document, and the prefix
	// of generated IDs for JSON lines that have none.
	ID string
}

// Name is how errors refer to the input: its path, "stdin", or for an
// in-memory document without a path (see Parse) its ID.
func (in Input) Name() string {
	switch in.Path {
	case Stdin:
		return "stdin"
	case "":
		return in.defaultID()
	}
	return in.Path
}

// source is what Article.Input says: the path, "-" for standard input, or
// Name for an in-memory document without a path.
func (in Input) source() string {
	if in.Path == "" {
		return in.Name()
	}
	return in.Path
}

// Open opens the input for reading. For Stdin it returns standard input,
// which Close leaves open.
func (in Input) Open() (io.ReadCloser, error) {
	if in.Path == Stdin {
		return io.NopCloser(os.Stdin), nil
	}
	f, err := os.Open(in.Path)
	if err != nil {
		return nil, &InputError{Input: in.Path, Err: pathErr(err)}
	}
	return f, nil
}

// Expand turns command-line arguments into inputs, in argument order:
//
//   - "-" is standard input, with ID "stdin";
//   - a file is itself, with ID its base name without extensions
//     ("news/a.html" → "a", "dump.jsonl.gz" → "dump");
//   - a folder is every non-hidden file below it, in sorted order, with ID
//     the path relative to the folder without extensions, slash-separated
//     ("site/2024/a.txt" under "site" → "2024/a"); hidden files and folders
//     (".git", ".DS_Store") are skipped;
//   - an argument containing *, ? or [ is a glob pattern; each match is
//     treated as if it had been named (a file or a folder).
//
// A missing or unreadable path, or a pattern matching nothing, gives an
// *InputError naming it, and the other arguments are still expanded.
func Expand(args []string) (inputs []Input, errs []error) {
	for _, arg := range args {
		switch {
		case arg == Stdin:
			inputs = append(inputs, Input{Path: Stdin, ID: "stdin"})
		case isGlob(arg):
			matches, err := filepath.Glob(arg)
			if err != nil {
				errs = append(errs, &InputError{Input: arg, Err: fmt.Errorf("bad pattern: %w", err)})
				continue
			}
			// Unlike a shell, filepath.Glob lets "*" match a leading dot;
			// skip hidden matches unless the pattern asks for them.
			matches = slices.DeleteFunc(matches, func(m string) bool {
				return isHidden(filepath.Base(m)) && !isHidden(filepath.Base(arg))
			})
			if len(matches) == 0 {
				errs = append(errs, &InputError{Input: arg, Err: errors.New("pattern matches no files")})
				continue
			}
			for _, m := range matches {
				inputs, errs = expandPath(m, inputs, errs)
			}
		default:
			inputs, errs = expandPath(arg, inputs, errs)
		}
	}
	return inputs, errs
}

// isGlob reports whether arg uses filepath.Match syntax. A file whose name
// really contains such characters can still be named through a folder.
func isGlob(arg string) bool { return strings.ContainsAny(arg, "*?[") }

// expandPath appends the inputs for one file or folder.
func expandPath(path string, inputs []Input, errs []error) ([]Input, []error) {
	info, err := os.Stat(path)
	if err != nil {
		return inputs, append(errs, &InputError{Input: path, Err: pathErr(err)})
	}
	if !info.IsDir() {
		return append(inputs, Input{Path: path, ID: stripExt(filepath.Base(path))}), errs
	}
	return walkFolder(path, inputs, errs)
}

// walkFolder appends every non-hidden file below root. fs.WalkDir visits
// entries in lexical order, which makes runs reproducible.
func walkFolder(root string, inputs []Input, errs []error) ([]Input, []error) {
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable entry is reported and skipped; the walk goes on.
			errs = append(errs, &InputError{Input: path, Err: pathErr(err)})
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && isHidden(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isFileLike(path, d) {
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			rel = d.Name()
		}
		inputs = append(inputs, Input{Path: path, ID: stripExt(filepath.ToSlash(rel))})
		return nil
	})
	if err != nil {
		errs = append(errs, &InputError{Input: root, Err: pathErr(err)})
	}
	return inputs, errs
}

// isFileLike reports whether a walked entry is a regular file, or a symbolic
// link to one. Devices, sockets and links to folders are left out: links to
// folders could make the walk loop.
func isFileLike(path string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

// isHidden reports whether a file or folder name is hidden by Unix custom.
func isHidden(name string) bool { return strings.HasPrefix(name, ".") && name != "." && name != ".." }

// stripExt removes the extension from the last element of a slash- or
// OS-separated path, and a compression extension before it, so that
// "2024/a.html" → "2024/a" and "dump.jsonl.gz" → "dump". A name that is
// only an extension (".profile") keeps it.
func stripExt(p string) string {
	for range 2 {
		base := p[strings.LastIndexAny(p, `/\`)+1:]
		dot := strings.LastIndexByte(base, '.')
		if dot <= 0 {
			break
		}
		ext := strings.ToLower(base[dot:])
		p = p[:len(p)-len(base)+dot]
		if ext != ".gz" {
			break
		}
	}
	return p
}

// pathErr drops the operation and path from an *fs.PathError, since
// InputError names the path already: "x.txt: no such file or directory"
// rather than "x.txt: open x.txt: no such file or directory".
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
