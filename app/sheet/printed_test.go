package sheet

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"yusuan/forms"
	"yusuan/forms/money"
)

// withPrintedTable adds to the sample a table kept only as printed (no
// kind the program knows), as a document read from a PDF has them, and
// gives the 一般公共预算支出表 a printed copy.
func withPrintedTable(t *testing.T) *forms.Document {
	t.Helper()
	d := sample(t)
	td := &forms.TableDef{ID: "t99", Kind: forms.KindPrinted, Title: "政府采购预算明细表", Unit: money.WanYuan, Zero: "0.00"}
	d.Tables = append(d.Tables, &forms.Table{ID: td.ID, Kind: td.Kind, Def: td, Unit: td.Unit, Title: td.Title,
		Printed: &forms.Printed{
			Header: [][]string{{"采购类别", "金额", "金额"}, {"采购类别", "货物", "服务"}},
			Rows:   [][]string{{"合计", "3.00", "4.00"}, {"办公设备", "1.00", "2.00"}, {"印刷", "2.00", "2.00"}},
			Pages:  []int{14, 15},
		}})
	d.Table("general").Printed = &forms.Printed{Header: [][]string{{"科目编码", "科目名称", "合计"}}, Rows: [][]string{{"201", "一般公共服务支出", "1.00"}}, Pages: []int{7}}
	return d
}

// A table kept only as printed is shown from its printed copy, says so,
// and takes no edit of any kind.
func TestPrintedTableIsShownReadOnly(t *testing.T) {
	d := withPrintedTable(t)
	v, s, _ := open(t, d, "t99")
	if !v.readOnly || len(v.grid.Rows) != 3 || len(v.grid.Columns) != 3 {
		t.Fatalf("read-only %v, %d lines × %d columns", v.readOnly, len(v.grid.Rows), len(v.grid.Columns))
	}
	if got := v.grid.Rows[1].Cells[0].Text + "|" + v.grid.Columns[1].Group + "/" + v.grid.Columns[1].Label; got != "办公设备|金额/货物" {
		t.Errorf("printed grid %q", got)
	}
	if note := v.source.Raw(); note != "读自公开文本第14–15页，照原样保留（本程序没有这种表格的格式），不参与审核、不能修改。" || !v.source.Visible() {
		t.Errorf("note %q", note)
	}
	v.moveTo(pos{1, 1}, false)
	if where := v.bar.where.Text; !strings.Contains(where, "第2行 办公设备 · 货物") {
		t.Errorf("cursor %q", where)
	}
	for what, do := range map[string]func(){
		"typing":   func() { v.typedRune('5') },
		"F2":       func() { v.typedKey(&fyne.KeyEvent{Name: fyne.KeyF2}) },
		"Delete":   func() { v.typedKey(&fyne.KeyEvent{Name: fyne.KeyDelete}) },
		"pasting":  func() { v.pasteText("9.00") },
		"removing": func() { v.removeRow() },
	} {
		v.say("", false)
		do()
		if v.editing != nil || !strings.Contains(v.message(), "不能修改") || s.CanUndo() {
			t.Errorf("%s: editing %v, message %q, undo %v", what, v.editing != nil, v.message(), s.CanUndo())
		}
	}
	if v.grid.Rows[1].Cells[1].Text != "1.00" {
		t.Error("the printed figure changed")
	}
	// copying works as in any table
	v.typedShortcut(&fyne.ShortcutCopy{})
	if got := fyne.CurrentApp().Clipboard().Content(); got != "1.00\n" {
		t.Errorf("copied %q", got)
	}
}

// A table of a kind that was read from a published document is edited in
// the kind's layout and says that an edit makes the exports print the
// program's layout; the first edit drops the note with the printed copy,
// undo brings both back.
func TestKindTableWithPrintedCopy(t *testing.T) {
	d := withPrintedTable(t)
	v, s, w := open(t, d, "general")
	g := d.Table("general")
	if v.readOnly || v.grid.Columns[0].Label == "科目编码" && len(v.grid.Rows) == 1 {
		t.Fatal("the kind table is shown from its printed copy")
	}
	note := v.source.Raw()
	if !v.source.Visible() || !strings.Contains(note, "读自公开文本第7页") || !strings.Contains(note, "按“一般公共预算支出表”审核") || !strings.Contains(note, "一经修改") {
		t.Errorf("note %q", note)
	}
	v.moveTo(cell(t, v, "2013101", "public"), false)
	typeText(w, "200")
	press(w, fyne.KeyReturn)
	if got, _ := g.Main().Value("2013101", "public"); got != money.MustParse("200.00") {
		t.Fatalf("typed figure %v (%q)", got, v.message())
	}
	if g.Printed != nil || v.source.Visible() {
		t.Errorf("after the first edit: printed %v, note shown %v", g.Printed != nil, v.source.Visible())
	}
	s.Undo()
	if g.Printed == nil || !v.source.Visible() || v.source.Raw() != note {
		t.Errorf("after undo: printed %v, note %q", g.Printed != nil, v.source.Raw())
	}
}
