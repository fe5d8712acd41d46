package analyze

import (
	"math"

	"github.com/zeebo/xxh3"
)

// SketchSize is the number of MinHash values in a sketch. 128 values estimate
// Jaccard similarity within about ±0.09 (one standard deviation at J = 0.5:
// sqrt(J(1-J)/128) ≈ 0.044).
const SketchSize = 128

// ShingleWords is the number of consecutive tokens in a shingle.
const ShingleWords = 3

// Sketch returns the MinHash signature of the word shingles of tokens.
//
// Each shingle is hashed once with xxh3; the 128 "permutations" are then
// derived by mixing that hash with a per-slot seed (splitmix64), which costs a
// multiply and a few shifts instead of 128 full hashes of the shingle. This is
// the standard one-hash-many-mixes construction; the mixer is a bijection, so
// each slot is a different random order of the hashes.
func Sketch(tokens []Token) []uint64 {
	sig := make([]uint64, SketchSize)
	for i := range sig {
		sig[i] = math.MaxUint64
	}
	if len(tokens) == 0 {
		return sig
	}
	n := len(tokens) - ShingleWords + 1
	if n < 1 {
		n = 1
	}
	var buf []byte
	for i := 0; i < n; i++ {
		buf = buf[:0]
		for j := i; j < i+ShingleWords && j < len(tokens); j++ {
			buf = append(buf, tokens[j].Norm...)
			buf = append(buf, 0)
		}
		h := xxh3.Hash(buf)
		for k := range sig {
			if v := mix(h ^ seeds[k]); v < sig[k] {
				sig[k] = v
			}
		}
	}
	return sig
}

// seeds are fixed so that sketches stored in an archive stay comparable with
// sketches computed later. Changing them invalidates every stored sketch.
var seeds = func() [SketchSize]uint64 {
	var s [SketchSize]uint64
	x := uint64(0x5eed_5707_17ace)
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix(x)
	}
	return s
}()

// mix is the splitmix64 finaliser.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Jaccard estimates the Jaccard similarity of the shingle sets behind two
// sketches: the share of slots where their minima agree.
func Jaccard(a, b []uint64) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] && a[i] != math.MaxUint64 {
			same++
		}
	}
	return float64(same) / float64(len(a))
}
