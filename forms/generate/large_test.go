package generate

import (
	"bytes"
	"testing"

	"yusuan/forms"
)

func TestLargeIsDeterministicAndConsistent(t *testing.T) {
	small := Size{Units: 5, Lines: 120, Projects: 300, L1: 20}
	a, err := Document(small, 7)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Document(small, 7)
	c, _ := Document(small, 8)
	ea, _ := forms.Encode(a)
	eb, _ := forms.Encode(b)
	ec, _ := forms.Encode(c)
	if !bytes.Equal(ea, eb) {
		t.Error("same seed, different documents")
	}
	if bytes.Equal(ea, ec) {
		t.Error("different seeds, same document")
	}
	exp := a.First(forms.KindExpense).Main()
	lines := 0
	for _, r := range exp.Rows {
		if r.Type == forms.RowClass {
			lines++
		}
	}
	if lines != small.Lines {
		t.Errorf("%d classification lines, want %d", lines, small.Lines)
	}
	total, _ := exp.Value(forms.RowKeyTotal, forms.ColTotal)
	for _, probe := range []struct {
		kind     forms.Kind
		side     forms.Side
		row, col string
	}{
		{forms.KindGeneral, forms.SideNone, forms.RowKeyTotal, forms.ColTotal},
		{forms.KindSummary, forms.SideIn, forms.LineInTotal, forms.ColAmount},
		{forms.KindSummary, forms.SideOut, forms.LineOutTotal, forms.ColAmount},
		{forms.KindFiscal, forms.SideOut, forms.LineOutTotal, forms.ColAmount},
		{forms.KindIncome, forms.SideNone, forms.RowKeyTotal, forms.ColTotal},
	} {
		v, _ := a.First(probe.kind).Pane(probe.side).Value(probe.row, probe.col)
		if v != total {
			t.Errorf("%s %s/%s = %v, expense total %v", probe.kind, probe.row, probe.col, v, total)
		}
	}
	proj, _ := a.First(forms.KindProjects).Main().Value(forms.RowKeyTotal, forms.ColTotal)
	expProj, _ := exp.Value(forms.RowKeyTotal, forms.ColProject)
	if proj != expProj {
		t.Errorf("projects %v vs expense 项目支出 %v", proj, expProj)
	}
	basic, _ := a.First(forms.KindBasic).Main().Value(forms.RowKeyTotal, forms.ColTotal)
	genBasic, _ := a.First(forms.KindGeneral).Main().Value(forms.RowKeyTotal, forms.ColBasic)
	if basic != genBasic {
		t.Errorf("basic table %v vs general 基本支出 %v", basic, genBasic)
	}
	if n := len(a.Perf.ProjectsAt(forms.ProjectLevel2)); n != small.Projects {
		t.Errorf("%d 二级 forms", n)
	}
}
