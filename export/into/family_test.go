package into

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/forms"
)

// A 表样 of another family, laid out as 深圳's published tables are (pages
// 24 and 29 of 深圳市统计局 2026, rendered and copied: a 预算单位 column
// whose line above the codes is the unit's total, codes and names in
// columns of their own; the “三公” table by year and by fund), filled from
// that document read from its PDF. Expected figures are the printed ones.

func shenzhenDoc(t *testing.T) *forms.Document { return corpusDoc(t, "sz-2026-tongjiju") }

// shenzhenTemplate writes the bureau's 表样: titles, 部门名称 and unit
// lines, merged headers, borders, number formats, an example unit line and
// lines to be replaced.
func shenzhenTemplate(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"}, {Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	head, _ := f.NewStyle(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	text, _ := f.NewStyle(&excelize.Style{Border: border})
	num, _ := f.NewStyle(&excelize.Style{Border: border, CustomNumFmt: ptr("#,##0.00")})
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}})

	g := "表7"
	f.SetSheetName("Sheet1", g)
	f.SetCellStr(g, "A1", "表7")
	f.SetCellStr(g, "A2", "一般公共预算支出表（按功能分类）")
	f.MergeCell(g, "A2", "F2")
	f.SetCellStyle(g, "A2", "F2", title)
	f.SetCellStr(g, "A3", "部门名称：")
	f.SetCellStr(g, "F3", "单位：万元")
	for i, h := range []string{"预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出"} {
		f.SetCellStr(g, cellAt(i, 3), h)
	}
	f.SetCellStyle(g, "A4", "F4", head)
	f.SetCellStr(g, "A5", "XX（本级）")
	f.SetCellStr(g, "B6", "201")
	f.SetCellStr(g, "C6", "一般公共服务支出")
	f.SetCellStyle(g, "A5", "C8", text)
	f.SetCellStyle(g, "D5", "F8", num)
	f.SetColWidth(g, "A", "A", 24)
	f.SetColWidth(g, "C", "C", 22)

	s := "表9"
	f.NewSheet(s)
	f.SetCellStr(s, "A1", "表9")
	f.SetCellStr(s, "A2", "财政拨款“三公”经费支出表")
	f.MergeCell(s, "A2", "T2")
	f.SetCellStyle(s, "A2", "T2", title)
	f.SetCellStr(s, "A3", "部门名称：")
	f.SetCellStr(s, "T3", "单位：万元")
	f.SetCellStr(s, "A4", "预算单位")
	f.MergeCell(s, "A4", "A6")
	f.SetCellStr(s, "B4", "年度")
	f.MergeCell(s, "B4", "B6")
	items := []struct {
		from, to, label string
		row             int
	}{
		{"C", "E", "总计", 4}, {"F", "H", "因公出国(境)费", 4}, {"I", "K", "公务接待费", 4},
		{"L", "N", "小计", 5}, {"O", "Q", "公务用车购置费", 5}, {"R", "T", "公务用车运行维护费", 5},
	}
	for _, it := range items {
		a, b := it.from+itoa(it.row), it.to+"5"
		f.SetCellStr(s, a, it.label)
		f.MergeCell(s, a, b)
		c1, _ := excelize.ColumnNameToNumber(it.from)
		for k, fund := range []string{"一般公共预算", "政府性基金预算", "国有资本经营预算"} {
			f.SetCellStr(s, cellAt(c1-1+k, 5), fund)
		}
	}
	f.SetCellStr(s, "L4", "公务用车购置及运行维护费")
	f.MergeCell(s, "L4", "T4")
	f.SetCellStyle(s, "A4", "T6", head)
	f.SetCellStr(s, "A7", "XX（本级）")
	f.SetCellStr(s, "B7", "2025年")
	f.SetCellStr(s, "B8", "2026年")
	f.SetCellStr(s, "B9", "增减变化金额")
	f.SetCellStyle(s, "A7", "B9", text)
	f.SetCellStyle(s, "C7", "T9", num)
	f.SetCellStr(s, "A10", "注：本套报表金额单位转换时可能存在尾数误差。")

	path := filepath.Join(t.TempDir(), "深圳表样.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func ptr[T any](v T) *T { return &v }

func cellAt(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col+1, row+1)
	return n
}

func TestFillAnotherFamilysTemplate(t *testing.T) {
	d := shenzhenDoc(t)
	tmpl := shenzhenTemplate(t)
	f, rep := fill(t, d, tmpl)
	for _, p := range rep.Placed {
		t.Log(p)
	}
	for _, u := range rep.Unplaced {
		t.Log("未填：", u)
	}
	// p. 24: the unit's line 5,417.80 / 4,104.00 / 1,313.80, then the 类,
	// 款 and 项 (行政运行 2010501: 2,357.92 / 2,357.92 / 0.00)
	wantCells(t, f, "表7", map[string]string{
		"A3": "部门名称：深圳市统计局（本级）",
		"A5": "深圳市统计局（本级）", "D5": "5417.80", "E5": "4104.00", "F5": "1313.80",
		"B6": "201", "C6": "一般公共服务支出", "D6": "3478.72",
		"B8": "2010501", "C8": "行政运行", "D8": "2357.92", "E8": "2357.92",
	})
	// p. 29: the 2026 line, each item's 一般公共预算 column
	wantCells(t, f, "表9", map[string]string{
		"A3": "部门名称：深圳市统计局（本级）", "A7": "深圳市统计局（本级）",
		"C8": "32.56", "F8": "16.80", "I8": "11.56", "L8": "4.20", "R8": "4.20",
	})
	// the inserted lines look like the 表样's
	st5, _ := f.GetCellStyle("表7", "D7")
	st12, _ := f.GetCellStyle("表7", "D12")
	if st5 != st12 {
		t.Errorf("an inserted line's figure style %d, the 表样's %d", st12, st5)
	}
	back, _, err := importBook(saveTemp(t, f))
	if err != nil {
		t.Fatal(err)
	}
	if a, b := classLines(d.First(forms.KindGeneral)), classLines(back.First(forms.KindGeneral)); a != b {
		t.Errorf("the filled 表7 reads back as\n%s\nwant\n%s", b, a)
	}
}

func saveTemp(t *testing.T, f *excelize.File) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "填好的.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}
