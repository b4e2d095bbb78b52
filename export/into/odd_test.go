package into

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/forms"
)

// Odd 表样 a bureau may send, each once found writing where it should not.

// A note under a table without a 合计 line stays the 表样's.
func TestFillKeepsANoteUnderTheTable(t *testing.T) {
	base := shenzhenTemplate(t)
	f, err := excelize.OpenFile(base)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("表7", "A10", "注：本表金额由财务科核对。")
	f.Save()
	f.Close()
	g, _ := fill(t, shenzhenDoc(t), base)
	rows, _ := g.GetRows("表7")
	found := false
	for _, r := range rows {
		if len(r) > 0 && r[0] == "注：本表金额由财务科核对。" {
			found = true
		}
	}
	if !found {
		t.Error("the note under 表7 was written over")
	}
}

// Rows inserted into a 收支总表's 支出 side carry no 收入 figures: the
// sample lists all 24 类 where the 表样 leaves 11 rows.
func TestFillInsertsBlankRowsBesideTheIncomeSide(t *testing.T) {
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	f, rep := fill(t, d, putuo("unit_budget_template.xlsx"))
	if rep.Inserted == 0 {
		t.Fatal("no rows inserted: the test needs more 类 than the 表样's rows")
	}
	rows, _ := f.GetRows("单位收支总表")
	for i, r := range rows {
		if i < 9 || len(r) < 2 {
			continue
		}
		if strings.TrimSpace(r[0]) == "" && strings.TrimSpace(r[1]) != "" {
			t.Errorf("row %d: a 收入 figure %q without its line", i+1, r[1])
		}
	}
}

// The 编制单位 cell that holds the unit line too keeps it.
func TestOrgLineKeepsTheUnit(t *testing.T) {
	for in, want := range map[string]string{
		"编制单位：":           "编制单位：某局",
		"编制单位：      单位：元": "编制单位：某局      单位：元",
		"部门名称":            "部门名称：某局",
	} {
		if got := orgLine(in, "某局"); got != want {
			t.Errorf("orgLine(%q) = %q, want %q", in, got, want)
		}
	}
	d := &forms.Document{Meta: forms.Meta{Name: "某局"}}
	for _, text := range []string{"联系人：XX", "编制日期：XXXX年XX月XX日"} {
		if got, ok := coverName(d, text); ok {
			t.Errorf("coverName(%q) = %q: not a unit's name", text, got)
		}
	}
	if got, _ := coverName(d, "预算单位：上海市普陀区XX单位"); got != "预算单位：某局" {
		t.Errorf("coverName = %q", got)
	}
}

// A sheet with only a table's title (a bureau's cover of the tables) does
// not take the table: the sheet that has it is filled.
func TestFillATitleOnlySheetTakesNoTable(t *testing.T) {
	tmpl := variant(t, "unit_budget_template.xlsx", func(f *excelize.File) {
		f.NewSheet("支出表说明")
		f.SetCellStr("支出表说明", "A1", "2026年预算单位支出预算总表")
		f.MoveSheet("支出表说明", "单位支出总表")
	})
	f, _ := fill(t, shanghaiDoc(t), tmpl)
	// p. 10: 行政运行 114,479,860 in the 支出总表
	if got := figuresOf(t, f, "单位支出总表", "行政运行"); strings.Join(got, " ") != "114479860 114479860" {
		t.Errorf("单位支出总表 行政运行: %v", got)
	}
	if v, _ := f.GetCellValue("支出表说明", "A3"); v != "" {
		t.Errorf("the title-only sheet got %q", v)
	}
}
