package forms

import (
	"strings"
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

// A document read from a published document has a table list of its own
// (no shipped template holds its family): next year's keeps that list, a
// year on, with the tables kept only as printed carrying their header and
// no lines; 上年 figures of a table in 元 are converted to 万元.
func TestCarryOverOwnTemplate(t *testing.T) {
	last, err := Sample()
	if err != nil {
		t.Fatal(err)
	}
	own := *last.Template
	own.ID, own.Own = "published", true
	td := &TableDef{ID: "t99", Kind: KindPrinted, Title: "2022年政府采购预算明细表", Unit: money.Yuan, Zero: "0.00"}
	own.Tables = append(append([]*TableDef(nil), own.Tables...), td)
	last.Template, last.Meta.Template = &own, own.ID
	last.Tables = append(last.Tables, &Table{ID: td.ID, Kind: td.Kind, Def: td, Unit: td.Unit, Title: td.Title,
		Printed: &Printed{Header: [][]string{{"采购类别", "2021年预算数", "2022 年预算数", "2019年决算"}}, Rows: [][]string{{"货物", "1.00", "2.00", "3.00"}}, Pages: []int{12}}})
	// the 三公 table printed in 元: 123456.78 元 is 12.345678 万元
	sg := last.First(KindSangong)
	sg.Unit = money.Yuan
	p := sg.Main()
	if err := p.Set(p.RowIndex(LineSangongCurrent), p.Col("reception"), money.MustParse("123456.78")); err != nil {
		t.Fatal(err)
	}
	d, notes, err := CarryOverNotes(last)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Template.Own || d.Template == last.Template || d.Meta.Template != "published" || d.Meta.Year != 2023 {
		t.Fatalf("template %q own %v, year %d", d.Meta.Template, d.Template.Own, d.Meta.Year)
	}
	if len(d.Tables) != len(last.Tables) {
		t.Fatalf("%d tables, last year %d", len(d.Tables), len(last.Tables))
	}
	pt := d.Table("t99")
	if pt.Title != "2023年政府采购预算明细表" || !pt.IsPrinted() || pt.Printed == nil {
		t.Fatalf("the printed table: %q %+v", pt.Title, pt.Printed)
	}
	if got := strings.Join(pt.Printed.Header[0], "|"); got != "采购类别|2022年预算数|2023 年预算数|2019年决算" || len(pt.Printed.Rows) != 0 || len(pt.Printed.Pages) != 0 {
		t.Errorf("printed header %q, %d lines, pages %v", got, len(pt.Printed.Rows), pt.Printed.Pages)
	}
	if last.Table("t99").Title != "2022年政府采购预算明细表" {
		t.Error("last year's template was changed")
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "2023年政府采购预算明细表") || !strings.Contains(notes[0], "还不能填写") {
		t.Errorf("notes %q", notes)
	}
	if s := d.Inputs.PrevSangong; s == nil || s.Reception != money.MustParse("12.35") {
		t.Errorf("上年三公 from a table in 元: %+v", s)
	}
	if v := d.Inputs.PrevTotal; v == nil || *v != money.MustParse("6677.45") {
		t.Errorf("上年收支总预算 %v", v)
	}
	// the new document is saved with its table list and reads back
	data, err := Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Table("t99") == nil || back.Table("t99").Printed == nil || back.Table("t99").Title != pt.Title {
		t.Error("the carried-over table list does not survive saving")
	}
}
