package boost

import (
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// xor is a question no weighted sum answers: yes when exactly one of two
// values is high. A third value is noise.
func xor(n int, seed uint64) ([][]float64, []bool) {
	r := rand.New(rand.NewPCG(seed, 1))
	x := make([][]float64, n)
	y := make([]bool, n)
	for i := range x {
		a, b := r.Float64(), r.Float64()
		x[i] = []float64{a, b, r.Float64()}
		y[i] = (a > 0.5) != (b > 0.5)
	}
	return x, y
}

var names = []string{"a", "b", "noise"}

// heldOutAccuracy is the share of 1,000 fresh xor rows (drawn with seed)
// that e answers right at probability 0.5.
func heldOutAccuracy(e *Ensemble, seed uint64) float64 {
	x, y := xor(1000, seed)
	right := 0
	for i := range x {
		if (e.Probability(x[i]) >= 0.5) == y[i] {
			right++
		}
	}
	return float64(right) / float64(len(x))
}

func TestFitLearnsAnInteraction(t *testing.T) {
	x, y := xor(2000, 1)
	e, err := Fit(context.Background(), names, x, y, DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
	if acc := heldOutAccuracy(e, 2); acc < 0.9 {
		t.Errorf("held-out accuracy %.3f on xor, want ≥ 0.9 (a weighted sum reads 0.5)", acc)
	}
	var uses [3]int
	for _, tr := range e.Trees {
		for _, n := range tr {
			if n.Feature >= 0 {
				uses[n.Feature]++
			}
		}
	}
	if uses[2] >= uses[0] || uses[2] >= uses[1] {
		t.Errorf("splits per feature %v: the noise is split on as often as a or b", uses)
	}
}

func TestFitIsDeterministicAndRoundTrips(t *testing.T) {
	x, y := xor(500, 3)
	p := DefaultParams()
	p.Rounds = 20
	a, err := Fit(context.Background(), names, x, y, p)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Fit(context.Background(), names, x, y, p)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two fits of the same rows differ")
	}
	js, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var c Ensemble
	if err := json.Unmarshal(js, &c); err != nil {
		t.Fatal(err)
	}
	for i := range x {
		if a.LogOdds(x[i]) != c.LogOdds(x[i]) {
			t.Fatalf("row %d reads %v before JSON and %v after", i, a.LogOdds(x[i]), c.LogOdds(x[i]))
		}
	}
}

// Trees fitted on half the rows each still learn the interaction; the
// rows each sees are drawn by the seed, so one seed gives one model and
// another seed another.
func TestSubsampleIsSeeded(t *testing.T) {
	ctx := context.Background()
	x, y := xor(2000, 5)
	p := DefaultParams()
	p.Subsample, p.Seed = 0.5, 1
	a, err := Fit(ctx, names, x, y, p)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Fit(ctx, names, x, y, p)
	if !reflect.DeepEqual(a, b) {
		t.Error("two fits with one seed differ")
	}
	p.Seed = 2
	c, _ := Fit(ctx, names, x, y, p)
	if reflect.DeepEqual(a, c) {
		t.Error("fits with two seeds are the same: the rows are not drawn")
	}
	if acc := heldOutAccuracy(a, 6); acc < 0.9 {
		t.Errorf("held-out accuracy %.3f on xor with half the rows a tree, want ≥ 0.9", acc)
	}
	for _, bad := range []float64{-0.1, 1.5, math.NaN()} {
		p.Subsample = bad
		if _, err := Fit(ctx, names, x, y, p); err == nil {
			t.Errorf("subsample %v: no error", bad)
		}
	}
}

func TestFitRejectsBadRows(t *testing.T) {
	ctx := context.Background()
	cases := map[string]struct {
		x [][]float64
		y []bool
	}{
		"no rows":    {nil, nil},
		"short row":  {[][]float64{{1, 2, 3}, {1}}, []bool{true, false}},
		"NaN":        {[][]float64{{1, 2, 3}, {math.NaN(), 2, 3}}, []bool{true, false}},
		"one answer": {[][]float64{{1, 2, 3}, {2, 2, 3}}, []bool{true, true}},
	}
	for name, c := range cases {
		if _, err := Fit(ctx, names, c.x, c.y, DefaultParams()); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	x, y := xor(100, 4)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Fit(cancelled, names, x, y, DefaultParams()); err == nil {
		t.Error("a cancelled fit returned no error")
	}
}

func TestValidateRejectsTreesThatCannotBeRead(t *testing.T) {
	for name, js := range map[string]string{
		"loop":            `{"features":["a"],"trees":[[{"f":0,"s":1,"l":0,"r":1},{"f":-1}]]}`,
		"child past end":  `{"features":["a"],"trees":[[{"f":0,"s":1,"l":1,"r":5},{"f":-1}]]}`,
		"unknown feature": `{"features":["a"],"trees":[[{"f":3,"s":1,"l":1,"r":2},{"f":-1},{"f":-1}]]}`,
		"empty tree":      `{"features":["a"],"trees":[[]]}`,
	} {
		var e Ensemble
		if err := json.Unmarshal([]byte(js), &e); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := e.Validate(); err == nil {
			t.Errorf("%s: valid", name)
		}
	}
}

// FuzzEnsemble reads arbitrary JSON as an ensemble: a valid one is read
// without a panic or a loop, whatever its numbers.
func FuzzEnsemble(f *testing.F) {
	f.Add(`{"features":["a","b"],"base":0.5,"trees":[[{"f":1,"s":0.5,"l":1,"r":2},{"f":-1,"v":1},{"f":-1,"v":-1}]]}`, 0.3, 0.7)
	f.Add(`{"features":[],"trees":[]}`, 0.0, 0.0)
	f.Fuzz(func(t *testing.T, js string, a, b float64) {
		var e Ensemble
		if json.NewDecoder(strings.NewReader(js)).Decode(&e) != nil || e.Validate() != nil {
			return
		}
		p := e.Probability([]float64{a, b})
		if math.IsNaN(p) && !math.IsNaN(a) && !math.IsNaN(b) {
			t.Errorf("probability NaN for finite inputs")
		}
	})
}
