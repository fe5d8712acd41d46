package facts

import (
	"fmt"
	"os"
	"testing"
)

func TestDumpTmp(t *testing.T) {
	p := os.Getenv("DUMP")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	for _, f := range Extract(string(b)) {
		fmt.Printf("%-8s %-32q %-22s %-8s step=%g\n", f.Kind, f.Text, f.Key(), f.Approx, f.Step)
	}
}
