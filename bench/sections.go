package bench

import (
	"github.com/storytrace/storytrace/bench/alignment"
	"github.com/storytrace/storytrace/bench/auditeval"
	"github.com/storytrace/storytrace/bench/chains"
	"github.com/storytrace/storytrace/bench/extraction"
	"github.com/storytrace/storytrace/bench/retrieval"
	"github.com/storytrace/storytrace/bench/scale"
	"github.com/storytrace/storytrace/bench/suite"
	"github.com/storytrace/storytrace/bench/verdicts"
)

// Sections lists the benchmark's parts in the order they run and print.
// The scale section is included only when archive sizes are given: it is
// long (a million articles take a quarter of an hour to ingest) and
// measures cost only.
func Sections(scaleSizes []int) []suite.Section {
	s := []suite.Section{
		retrieval.Section(),
		verdicts.Section(),
		chains.Section(),
		alignment.Section(),
		auditeval.Section(),
		extraction.Section(),
	}
	if len(scaleSizes) > 0 {
		s = append(s, scale.Section(scaleSizes))
	}
	return s
}
