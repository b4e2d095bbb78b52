package merge

import (
	"fmt"
	"testing"

	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/generate"
)

// Consolidating a 部门 of 200 generated units (10,000 projects and their
// 绩效 forms), and replacing one unit's share in that consolidation:
//
//	go test ./forms/merge -run XXX -bench . -benchmem

func benchUnits(b *testing.B) []Input {
	b.Helper()
	docs, err := generate.Units(200, 1)
	if err != nil {
		b.Fatal(err)
	}
	in := make([]Input, len(docs))
	for i, d := range docs {
		in[i] = Input{File: fmt.Sprintf("unit%03d.yusuan", i+1), Doc: d}
	}
	return in
}

func BenchmarkConsolidate200(b *testing.B) {
	in := benchUnits(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Consolidate(in, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReplaceOneOf200(b *testing.B) {
	in := benchUnits(b)
	res, err := Consolidate(in, Options{})
	if err != nil {
		b.Fatal(err)
	}
	one := []Input{in[57]}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Consolidate(one, Options{Previous: res.Doc}); err != nil {
			b.Fatal(err)
		}
	}
}

// The 200 generated units consolidate into a consistent 部门 with every
// project, no unit differences and no 错误.
func TestConsolidateGenerated(t *testing.T) {
	n := 200
	if testing.Short() {
		n = 20
	}
	docs, err := generate.Units(n, 1)
	if err != nil {
		t.Fatal(err)
	}
	var in []Input
	for i, d := range docs {
		in = append(in, Input{File: fmt.Sprintf("unit%03d.yusuan", i+1), Doc: d})
	}
	res, err := Consolidate(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := res.Doc
	if len(res.Issues) != 0 {
		t.Errorf("issues: %v", res.Issues[0].Message)
	}
	lines, projects := 0, 0
	for _, r := range d.First(forms.KindGeneral).Main().Rows {
		if r.Type == forms.RowClass {
			lines++
		}
	}
	for _, r := range d.First(forms.KindProjects).Main().Rows {
		if r.Type == forms.RowProject {
			projects++
		}
	}
	if projects != 50*n || len(d.Perf.Projects) != 55*n || d.Meta.Code != "900" {
		t.Errorf("%d projects, %d forms, 部门 %s", projects, len(d.Perf.Projects), d.Meta.Code)
	}
	r := check.Document(d)
	if r.Count(check.Error) > 0 {
		t.Errorf("%s: %s %v", r.Summary(), r.Findings[0].Message, r.Findings[0].Units)
	}
	t.Logf("%d units → %d classification lines, %d projects; %s", n, lines, projects, r.Summary())
}
