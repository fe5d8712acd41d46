package audit

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
)

// ModelFile is a derivation model with its operating point, as the
// benchmark writes it (bench/retrieval, "storytrace bench --only
// retrieval --out DIR") and audit embeds it (derived_model.json).
type ModelFile struct {
	// Note says how the model was fitted.
	Note string `json:"note"`
	// Threshold is the probability at and above which the model says
	// derived.
	Threshold float64 `json:"threshold"`
	Model     Model   `json:"model"`
}

// ReadModelFile decodes and checks a model file: a threshold within (0,
// 1), and trees that read exactly the features names (FeatureNames for the
// derivation model, ReverseFeatureNames for the reverse question's) and
// can be read to the end.
func ReadModelFile(data []byte, names []string) (ModelFile, error) {
	var f ModelFile
	if err := json.Unmarshal(data, &f); err != nil {
		return f, fmt.Errorf("model file: %w", err)
	}
	if !(f.Threshold > 0 && f.Threshold < 1) {
		return f, fmt.Errorf("model file: threshold %v outside (0, 1)", f.Threshold)
	}
	t := f.Model.Trees
	if t == nil {
		if len(f.Model.Weights) == 0 || len(f.Model.Weights) > len(FeatureNames) {
			return f, fmt.Errorf("model file: %d weights for %d features", len(f.Model.Weights), len(FeatureNames))
		}
		return f, nil
	}
	if !slices.Equal(t.Features, names) {
		return f, fmt.Errorf("model file: trees read %v, want %v", t.Features, names)
	}
	if err := t.Validate(); err != nil {
		return f, fmt.Errorf("model file: %w", err)
	}
	return f, nil
}

// The embedded model files: the derivation model and the reverse
// question's.
var (
	//go:embed derived_model.json
	derivedModel []byte
	//go:embed reverse_model.json
	reverseModel []byte
)

// shipped reads an embedded model file, named name, whose trees read
// names, when the package loads: a file that does not read is a build
// error the tests catch (TestShippedModelReads), so loading panics rather
// than decide without a model.
func shipped(name string, data []byte, names []string) ModelFile {
	f, err := ReadModelFile(data, names)
	if err != nil {
		panic("audit: " + name + ": " + err.Error())
	}
	return f
}
