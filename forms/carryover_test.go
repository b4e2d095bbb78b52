package forms

import (
	"testing"

	"yusuan/forms/money"
)

// Next year starts from this year: texts, units, lines and 上年 figures
// carried, figures empty.
func TestCarryOver(t *testing.T) {
	last, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	d, err := CarryOver(last)
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Year != 2023 || d.Meta.Name != last.Meta.Name || d.Meta.Template != last.Meta.Template || d.Meta.Sample {
		t.Errorf("meta %+v", d.Meta)
	}
	if d.Text.Functions != last.Text.Functions || len(d.Units) != len(last.Units) || d.Inputs.ClassUses["201"] != last.Inputs.ClassUses["201"] {
		t.Error("texts, units or uses not carried")
	}
	m := money.MustParse
	if d.Inputs.PrevTotal == nil || *d.Inputs.PrevTotal != m("6677.45") {
		t.Errorf("上年收支总预算 %v", d.Inputs.PrevTotal)
	}
	if s := d.Inputs.PrevSangong; s == nil || s.Reception != m("51.28") || s.Total() != m("51.28") {
		t.Errorf("上年三公 %+v", s)
	}
	if op := d.Inputs.PrevOperating; op == nil || *op != m("174.40") {
		t.Errorf("上年机关运行经费 %v", op)
	}
	if d.Inputs.TotalReason != "" || d.Inputs.Procurement != nil {
		t.Error("this year's reasons and 政府采购 are not next year's")
	}
	g := d.Table("general").Main()
	if g.RowIndex("2013101") < 0 || g.RowIndex("2210201") < 0 {
		t.Error("the classification lines are not carried")
	}
	if v, _ := g.Value(RowKeyTotal, ColTotal); v != 0 {
		t.Errorf("figures carried: %v", v)
	}
	if !hasTitle(d, "2023年一般公共预算支出表") {
		t.Error("titles are not next year's")
	}
	if d.Perf.Dept == nil || d.Perf.Dept.NameCode != last.Perf.Dept.NameCode || len(d.Perf.Projects) != 0 {
		t.Error("the 绩效 forms")
	}
}

func hasTitle(d *Document, title string) bool {
	for _, t := range d.Tables {
		if t.Title == title {
			return true
		}
	}
	return false
}
