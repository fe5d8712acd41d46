package peers

import (
	"bufio"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

//go:embed lucene/LuceneMLT.java
var luceneSource []byte

// luceneJars are Debian's liblucene8-java jars the peer compiles against.
var luceneJars = []string{"lucene-core", "lucene-queries", "lucene-analyzers-common"}

// ErrNoLucene means Java or Debian's Lucene jars are not installed; the
// benchmark then leaves the Lucene peer out, so Java is never a requirement.
var ErrNoLucene = errors.New("lucene peer: javac/java or /usr/share/java/lucene-*.jar not found (apt-get install liblucene8-java default-jdk-headless)")

// Lucene is Lucene's MoreLikeThis with its default settings, as users run it
// (EnglishAnalyzer, BM25, 25 query terms), in a Java process the peer starts
// and talks to over a pipe. Latency includes the pipe, a few microseconds.
type Lucene struct {
	cmd *exec.Cmd
	in  *bufio.Writer
	out *bufio.Reader
	w   io.WriteCloser
}

// NewLucene compiles the Java driver into dir and starts it.
func NewLucene(dir string) (*Lucene, error) {
	javac, err1 := exec.LookPath("javac")
	java, err2 := exec.LookPath("java")
	if err1 != nil || err2 != nil {
		return nil, ErrNoLucene
	}
	var cp []string
	for _, j := range luceneJars {
		// Debian installs versioned jars (lucene-core-8.7.0.jar) and, for
		// some, an unversioned link; take whichever is there.
		matches, _ := filepath.Glob(filepath.Join("/usr/share/java", j+"*.jar"))
		p := ""
		for _, m := range matches {
			base := strings.TrimSuffix(filepath.Base(m), ".jar")
			rest := strings.TrimPrefix(base, j)
			if rest == "" || (rest[0] == '-' && rest[1] >= '0' && rest[1] <= '9') {
				p = m
				break
			}
		}
		if p == "" {
			return nil, ErrNoLucene
		}
		cp = append(cp, p)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	src := filepath.Join(dir, "LuceneMLT.java")
	if err := os.WriteFile(src, luceneSource, 0o644); err != nil {
		return nil, err
	}
	classpath := strings.Join(cp, ":")
	if out, err := exec.Command(javac, "-nowarn", "-cp", classpath, "-d", dir, src).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("lucene peer: javac: %v: %s", err, out)
	}
	cmd := exec.Command(java, "-Xmx4g", "-cp", classpath+":"+dir, "LuceneMLT")
	w, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	r, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("lucene peer: start java: %w", err)
	}
	return &Lucene{cmd: cmd, in: bufio.NewWriterSize(w, 1<<20), out: bufio.NewReaderSize(r, 1<<16), w: w}, nil
}

// Name implements Retriever.
func (*Lucene) Name() string { return "Lucene MoreLikeThis (defaults)" }

var luceneEscaper = strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\t", `\t`, "\r", " ")

// Add implements Retriever.
func (l *Lucene) Add(id, text string) error {
	_, err := fmt.Fprintf(l.in, "ADD\t%s\t%s\n", luceneEscaper.Replace(id), luceneEscaper.Replace(text))
	return err
}

// Search implements Retriever.
func (l *Lucene) Search(ctx context.Context, text string, k int) ([]Hit, error) {
	if _, err := fmt.Fprintf(l.in, "SEARCH\t%d\t%s\n", k, luceneEscaper.Replace(text)); err != nil {
		return nil, err
	}
	if err := l.in.Flush(); err != nil {
		return nil, fmt.Errorf("lucene peer: %w", err)
	}
	line, err := l.out.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("lucene peer: %w", err)
	}
	f := strings.Split(strings.TrimRight(line, "\n"), "\t")
	if f[0] != "HITS" {
		return nil, fmt.Errorf("lucene peer: %s", line)
	}
	var hits []Hit
	for i := 1; i+1 < len(f); i += 2 {
		s, _ := strconv.ParseFloat(f[i+1], 64)
		hits = append(hits, Hit{ID: f[i], Score: s})
	}
	return hits, ctx.Err()
}

// Close implements Retriever.
func (l *Lucene) Close() error {
	_ = l.in.Flush()
	_ = l.w.Close()
	return l.cmd.Wait()
}
