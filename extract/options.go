package extract

import "fmt"

// DefaultMaxBytes is the largest document accepted when Options.MaxBytes is
// zero: 32 MiB, far above any real article page, small enough that a stray
// disk image or log file is refused before it is read into memory.
const DefaultMaxBytes int64 = 32 << 20

// Options control how documents are read. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest document accepted, in bytes: a whole file
	// (after gunzip), or one JSON line. JSON Lines files may be larger in
	// total, since they are read one line at a time. Zero means
	// DefaultMaxBytes.
	MaxBytes int64
}

// maxBytes is MaxBytes with the default applied.
func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// byteSize formats a byte count the way size errors show it: "32.0 MB"
// (MB meaning MiB, as in DefaultMaxBytes = 32 << 20), "2.0 KB", "12 bytes".
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
