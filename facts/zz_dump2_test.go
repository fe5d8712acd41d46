package facts

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"testing"
)

func TestDumpBBCTmp(t *testing.T) {
	if os.Getenv("DUMPBBC") == "" {
		t.Skip()
	}
	re := regexp.MustCompile(`[0-9]+`)
	count := map[string]int{}
	ex := map[string]string{}
	for _, a := range readBBC(t) {
		text := a.Title + "\n\n" + a.Body
		for _, f := range Extract(text) {
			k := string(f.Kind) + " " + re.ReplaceAllString(f.Text, "9")
			count[k]++
			lo, hi := f.Start-30, f.End+30
			if lo < 0 { lo = 0 }
			if hi > len(text) { hi = len(text) }
			ex[k] = fmt.Sprintf("%q → %s", text[lo:hi], f.Key())
		}
	}
	var keys []string
	for k := range count { keys = append(keys, k) }
	sort.Slice(keys, func(i, j int) bool { return count[keys[i]] > count[keys[j]] })
	for _, k := range keys {
		fmt.Printf("%5d %-30s %s\n", count[k], k, ex[k])
	}
}
