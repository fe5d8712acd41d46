package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/store"
	"github.com/storytrace/storytrace/store/pebble"
)

var binary string

// TestMain builds the real command once; the tests run it as a user would.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "storytrace-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "storytrace")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	code           int
}

func run(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{out.String(), errb.String(), code}
}

const examples = "../../examples"

func TestReadmeFirstCommandTracesExampleRewrite(t *testing.T) {
	data := t.TempDir()
	r := run(t, "", "--data", data, "trace", "--archive", examples+"/archive", examples+"/rewrite.txt")
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	for _, want := range []string{"1. source-original", "verdict  rewrite", "passages", "kept     quantity 541,210"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(r.stderr, "ingested 301 articles") {
		t.Errorf("stderr lacks the seeding message: %s", r.stderr)
	}
	// A second run finds the archive filled and does not ingest again.
	r = run(t, "", "--data", data, "trace", "--archive", examples+"/archive", "--format", "json", examples+"/rewrite.txt")
	if strings.Contains(r.stderr, "ingested") {
		t.Errorf("second run ingested again: %s", r.stderr)
	}
	var rep struct {
		Schema  string
		Sources []struct {
			Article  struct{ ID string }
			Decision struct{ Verdict string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("json output: %v\n%s", err, r.stdout)
	}
	if rep.Schema != "storytrace.report/v1" || rep.Sources[0].Article.ID != "source-original" || rep.Sources[0].Decision.Verdict != "rewrite" {
		t.Fatalf("json report = %+v", rep)
	}
}

// A batch with bad inputs: each is reported by name (and line), the good ones
// are stored, the exit status is 2, and what was stored before is intact.
func TestIngestBadInputsReportedRestGoesOn(t *testing.T) {
	data := t.TempDir()
	in := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	first := run(t, "", "--data", data, "ingest", examples+"/archive/source-original.txt")
	if first.code != 0 {
		t.Fatalf("first ingest exit %d: %s", first.code, first.stderr)
	}
	good := write("good.txt", []byte("Ministers met on Monday to agree the budget.\n\nThe plan raises spending by 3%."))
	empty := write("empty.txt", nil)
	bin := write("blob.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0})
	badUTF := write("latin1.txt", []byte("Caf\xe9 owners said the flood cost \xa3600."))
	jsonl := write("batch.jsonl", []byte(`{"id":"j1","text":"A first good line about floods."}`+"\n"+
		`{"id":"j2","text": broken`+"\n"+
		`{"id":"j3","text":"A third good line about the budget."}`+"\n"))
	missing := filepath.Join(in, "nope.txt")

	r := run(t, "", "--data", data, "ingest", good, empty, bin, badUTF, jsonl, missing)
	if r.code != 2 {
		t.Fatalf("exit %d, want 2; stderr %s", r.code, r.stderr)
	}
	for _, want := range []string{"empty.txt", "blob.txt", "latin1.txt", "batch.jsonl:2", "nope.txt", "3 added, 0 replaced, 5 failed"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	// Everything good is searchable, including what was there before.
	for _, id := range []string{"good", "j1", "j3", "source-original"} {
		r := run(t, "", "--data", data, "delete", "--quiet", id)
		if r.code != 0 {
			t.Errorf("article %s not in the archive: %s", id, r.stderr)
		}
	}
}

func TestIngestFromStdinAndReplace(t *testing.T) {
	data := t.TempDir()
	line := `{"id":"x","title":"T","text":"The council approved 1,200 new homes on Tuesday."}` + "\n"
	r := run(t, line, "--data", data, "ingest", "-")
	if r.code != 0 || !strings.Contains(r.stderr, "1 added, 0 replaced, 0 failed") {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	r = run(t, line, "--data", data, "ingest", "-")
	if r.code != 0 || !strings.Contains(r.stderr, "0 added, 1 replaced, 0 failed") {
		t.Fatalf("re-ingest: exit %d: %s", r.code, r.stderr)
	}
}

func TestDeleteUnknownIDExitsOne(t *testing.T) {
	r := run(t, "", "--data", t.TempDir(), "delete", "no-such-id")
	if r.code != 1 || !strings.Contains(r.stderr, "no-such-id") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestTraceWithNoSourceExitsOne(t *testing.T) {
	data := t.TempDir()
	run(t, "", "--data", data, "ingest", examples+"/archive/bbc-news-sample.jsonl")
	r := run(t, "Quantum chromodynamics describes how gluons bind quarks inside protons.", "--data", data, "trace", "-")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1; stdout %s stderr %s", r.code, r.stdout, r.stderr)
	}
}

func TestCompareAndExtract(t *testing.T) {
	r := run(t, "", "compare", examples+"/rewrite.txt", examples+"/archive/source-original.txt")
	if r.code != 0 || !strings.Contains(r.stdout, "verdict  rewrite") {
		t.Fatalf("compare: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, "", "extract", examples+"/rewrite.txt")
	if r.code != 0 || !strings.Contains(r.stdout, "published  2024-01-03") || !strings.Contains(r.stdout, "title      Over 500,000") {
		t.Fatalf("extract: exit %d\n%s", r.code, r.stdout)
	}
}

func TestBadUsageExitsTwo(t *testing.T) {
	for _, args := range [][]string{
		{"trace"},
		{"trace", "--format", "yaml", examples + "/rewrite.txt"},
		{"compare", examples + "/rewrite.txt"},
		{"ingest", "--no-such-flag", "x"},
		{"trace", filepath.Join(t.TempDir(), "missing.txt")},
	} {
		r := run(t, "", append([]string{"--data", t.TempDir()}, args...)...)
		if r.code != 2 || r.stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, r.code, r.stderr)
		}
	}
}

func TestHelpExplains(t *testing.T) {
	r := run(t, "", "ingest", "--help")
	if r.code != 0 || !strings.Contains(r.stdout, "atomic") || !strings.Contains(r.stdout, "--data") {
		t.Fatalf("ingest --help: exit %d\n%s", r.code, r.stdout)
	}
}

// An archive analysed by another version of the text analysis is refused
// by trace with a hint to reindex, and reindex brings it up to date from
// the articles it stores: trace then finds the example rewrite's source.
func TestReindexBringsAStaleArchiveUpToDate(t *testing.T) {
	data := t.TempDir()
	if r := run(t, "", "--data", data, "ingest", examples+"/archive"); r.code != 0 {
		t.Fatalf("ingest: exit %d, stderr %s", r.code, r.stderr)
	}
	markStale(t, data)
	r := run(t, "", "--data", data, "trace", examples+"/rewrite.txt")
	if r.code == 0 || !strings.Contains(r.stderr, "storytrace reindex") {
		t.Fatalf("trace on a stale archive: exit %d, stderr %s", r.code, r.stderr)
	}
	r = run(t, "", "--data", data, "reindex")
	if r.code != 0 || !strings.Contains(r.stderr, "301 articles analysed again") {
		t.Fatalf("reindex: exit %d, stderr %s", r.code, r.stderr)
	}
	r = run(t, "", "--data", data, "trace", examples+"/rewrite.txt")
	if r.code != 0 || !strings.Contains(r.stdout, "1. source-original") || !strings.Contains(r.stdout, "verdict  rewrite") {
		t.Fatalf("trace after reindex: exit %d, stderr %s\n%s", r.code, r.stderr, r.stdout)
	}
	for _, left := range []string{data + ".reindex", data + ".old"} {
		if _, err := os.Stat(left); err == nil {
			t.Errorf("reindex left %s behind", left)
		}
	}
	if r := run(t, "", "--data", filepath.Join(data, "missing"), "reindex"); r.code == 0 || !strings.Contains(r.stderr, "no archive at") {
		t.Errorf("reindex of a missing archive: exit %d, stderr %s", r.code, r.stderr)
	}
}

// markStale records in the archive at dir that another version of the
// text analysis made it, as an archive from an older storytrace would.
func markStale(t *testing.T, dir string) {
	t.Helper()
	ctx := context.Background()
	db, err := pebble.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ix, err := index.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ix.Meta(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m.Analysis = analyze.Version - 1
	v, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var b store.Batch
	b.Set([]byte("m"), v)
	if err := db.Write(ctx, &b); err != nil {
		t.Fatal(err)
	}
}

// Several documents are traced one after the other, one JSON report per
// line with --format jsonl; an input that cannot be read is named on
// stderr, the rest goes on, and the exit status says some input failed.
func TestTraceBatchGoesOnPastABadInput(t *testing.T) {
	data := t.TempDir()
	if r := run(t, "", "--data", data, "ingest", examples+"/archive"); r.code != 0 {
		t.Fatalf("ingest: exit %d, stderr %s", r.code, r.stderr)
	}
	bad := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(bad, []byte("binary\x00\x01\x02"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, "", "--data", data, "trace", "--format", "jsonl", examples+"/rewrite.txt", bad, examples+"/rewrite.txt")
	if r.code != 2 || !strings.Contains(r.stderr, "bad.txt") || !strings.Contains(r.stderr, "2 documents, 2 with a derived source, 1 inputs failed") {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d report lines, want 2:\n%s", len(lines), r.stdout)
	}
	for _, l := range lines {
		var rep struct {
			Sources []struct{ Article struct{ ID string } }
		}
		if err := json.Unmarshal([]byte(l), &rep); err != nil || len(rep.Sources) == 0 || rep.Sources[0].Article.ID != "source-original" {
			t.Errorf("report line %.80q: %v", l, err)
		}
	}
	if r := run(t, "", "--data", data, "trace", "--format", "html", examples+"/rewrite.txt", examples+"/rewrite.txt"); r.code != 2 || !strings.Contains(r.stderr, "one document") {
		t.Errorf("html batch: exit %d, stderr %s", r.code, r.stderr)
	}
}

// A batch is traced on several workers, but its reports come out in the
// order the documents were read.
func TestTraceBatchKeepsReadingOrder(t *testing.T) {
	data := t.TempDir()
	sample := examples + "/archive/bbc-news-sample.jsonl"
	r := run(t, "", "--data", data, "trace", "--archive", examples+"/archive", "--format", "jsonl", sample)
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	raw, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, l := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var a struct{ ID string }
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		want = append(want, a.ID)
	}
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var rep struct{ Query struct{ ID string } }
		if err := json.Unmarshal([]byte(l), &rep); err != nil {
			t.Fatal(err)
		}
		got = append(got, rep.Query.ID)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("reports in another order than the input's %d documents: %v…", len(want), got[:min(len(got), 5)])
	}
}
