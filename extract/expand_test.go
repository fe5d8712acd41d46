package extract

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// makeTree creates files (with parent folders) under a fresh folder.
func makeTree(t *testing.T, files ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		path := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("Text."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestExpand(t *testing.T) {
	root := makeTree(t,
		"site/2024/b.html", "site/2024/a.txt", "site/top.jsonl.gz", "site/README",
		"site/.git/config", "site/.hidden.txt", "site/2024/.DS_Store",
		"loose/one.txt", "loose/two.text", "loose/.three.txt",
	)
	at := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	tests := []struct {
		name string
		args []string
		want []Input
	}{
		{"a file named directly is its base name without extension",
			[]string{at("loose/one.txt")},
			[]Input{{at("loose/one.txt"), "one"}}},
		{"compressed file loses both extensions",
			[]string{at("site/top.jsonl.gz")},
			[]Input{{at("site/top.jsonl.gz"), "top"}}},
		{"a folder is walked in sorted order, skipping hidden entries, IDs relative to it",
			[]string{at("site")},
			[]Input{
				{at("site/2024/a.txt"), "2024/a"},
				{at("site/2024/b.html"), "2024/b"},
				{at("site/README"), "README"},
				{at("site/top.jsonl.gz"), "top"},
			}},
		{"a glob expands to its matches, hidden ones left out",
			[]string{at("loose/*")},
			[]Input{{at("loose/one.txt"), "one"}, {at("loose/two.text"), "two"}}},
		{"a glob asking for hidden files gets them",
			[]string{at("loose/.*.txt")},
			[]Input{{at("loose/.three.txt"), ".three"}}},
		{"dash is standard input",
			[]string{"-"},
			[]Input{{Stdin, "stdin"}}},
		{"a hidden file named directly is read",
			[]string{at("site/.hidden.txt")},
			[]Input{{at("site/.hidden.txt"), ".hidden"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := Expand(tt.args)
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Expand(%q) =\n%v\nwant\n%v", tt.args, got, tt.want)
			}
		})
	}
}

func TestExpandReportsBadArgumentsAndGoesOn(t *testing.T) {
	root := makeTree(t, "ok.txt")
	missing := filepath.Join(root, "missing.txt")
	noMatch := filepath.Join(root, "*.nothing")
	badPattern := filepath.Join(root, "[")
	ok := filepath.Join(root, "ok.txt")

	inputs, errs := Expand([]string{missing, noMatch, ok, badPattern})
	if len(inputs) != 1 || inputs[0].Path != ok {
		t.Errorf("inputs = %v, want only %s", inputs, ok)
	}
	want := []string{
		missing + ": no such file or directory",
		noMatch + ": pattern matches no files",
		badPattern + ": bad pattern: syntax error in pattern",
	}
	if len(errs) != len(want) {
		t.Fatalf("errors = %v, want %d", errs, len(want))
	}
	for i, w := range want {
		var ie *InputError
		if !errors.As(errs[i], &ie) || errs[i].Error() != w {
			t.Errorf("error %d = %v, want *InputError %q", i, errs[i], w)
		}
	}
}

func TestExpandedInputsRead(t *testing.T) {
	dir := sharedPath(t, "seeds")
	inputs, errs := Expand([]string{filepath.Join(dir, "*.txt")})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var ids []string
	for _, in := range inputs {
		articles, _, err := readFile(t, in.Path, Options{})
		if err != nil {
			t.Fatalf("%s: %v", in.Path, err)
		}
		ids = append(ids, articles[0].ID)
	}
	if got := strings.Join(ids, " "); got != "rewrite source-original" {
		t.Errorf("ids = %s", got)
	}
}

func TestStripExt(t *testing.T) {
	for in, want := range map[string]string{
		"a.txt": "a", "2024/a.html": "2024/a", "dump.jsonl.gz": "dump", "a.gz": "a",
		"README": "README", ".profile": ".profile", "v1.2/notes": "v1.2/notes", "a.b.c": "a.b",
	} {
		if got := stripExt(in); got != want {
			t.Errorf("stripExt(%q) = %q, want %q", in, got, want)
		}
	}
}
