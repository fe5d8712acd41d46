package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedPath is the shared folder beside the repository checkout.
var sharedPath = filepath.Join("..", "..", "..", "shared")

// sharedDir returns sharedPath, or skips the test when it has no data.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	if _, err := os.Stat(filepath.Join(sharedPath, "data")); err != nil {
		tb.Skipf("no shared data at %s: %v", sharedPath, err)
	}
	return sharedPath
}
