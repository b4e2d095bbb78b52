package sheet

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/edit"
	"yusuan/forms/merge"
)

// In a consolidated document the toolbar says where the cursor's figure
// came from and 来源单位… lists the units with their amounts.
func TestSourcesOfAFigure(t *testing.T) {
	var in []merge.Input
	for i, name := range []string{"甲单位", "乙单位", "丙单位"} {
		d := sample(t)
		d.Meta.Level, d.Meta.Code, d.Meta.Name, d.Meta.Sample = forms.LevelUnit, fmt.Sprintf("32400%d", i+1), name, false
		in = append(in, merge.Input{File: name + ".yusuan", Doc: d})
	}
	res, err := merge.Consolidate(in, merge.Options{})
	if err != nil {
		t.Fatal(err)
	}
	v, s, w := open(t, res.Doc, "general")
	p := res.Doc.Table("general").Main()
	at := edit.At{Table: "general", Row: p.RowIndex("2013101"), Col: p.Col(forms.ColPersonnel)}
	v.Select(at)
	if !strings.Contains(v.bar.where.Text, "来自 3 个单位") || v.bar.sources == nil || v.bar.sources.Disabled() {
		t.Errorf("toolbar %q", v.bar.where.Text)
	}
	want := []string{"324001 甲单位（本级）　567.09", "324002 乙单位　567.09", "324003 丙单位　567.09"}
	if got := v.SourceLines(); !slices.Equal(got, want) {
		t.Errorf("sources %q", got)
	}
	v.showSources()
	if w.Canvas().Overlays().Top() == nil {
		t.Error("no 来源单位 dialog")
	}
	// a figure changed after consolidating no longer adds up to its units
	if err := s.Enter(at, "600.00"); err != nil {
		t.Fatal(err)
	}
	if got := v.SourceLines(); len(got) != 4 || got[3] != "各单位合计 1701.27，与表中数 600.00 不同：汇总后在本文档中改过此数或其下级" {
		t.Errorf("after an edit %q", got)
	}
	// the name column is not a figure; a document that is not a consolidation has no button
	v.Select(edit.At{Table: "general", Row: at.Row, Col: -1})
	if v.SourceLines() != nil || !v.bar.sources.Disabled() {
		t.Error("sources on a name")
	}
	plain, _, _ := open(t, sample(t), "general")
	if plain.bar.sources != nil || strings.Contains(plain.bar.where.Text, "来自") {
		t.Error("a plain document shows sources")
	}
}
