package xlsx

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/forms"
	"yusuan/forms/money"
)

// importRows writes sheets of rows into a workbook and imports it as the
// jilin template; build may add merges or styles before it is saved.
func importRows(t *testing.T, sheets map[string][][]any, build func(f *excelize.File)) (*forms.Document, string) {
	t.Helper()
	f := excelize.NewFile()
	for name, rows := range sheets {
		putRows(f, name, rows)
	}
	f.DeleteSheet("Sheet1")
	if build != nil {
		build(f)
	}
	path := filepath.Join(t.TempDir(), "边界.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	d, rep, err := Import(path, ImportOptions{Template: "jilin-2022"})
	if err != nil {
		t.Fatal(err)
	}
	var problems []string
	for _, p := range rep.Problems {
		problems = append(problems, p.String())
	}
	return d, strings.Join(problems, "\n")
}

func wantProblem(t *testing.T, problems, want string) {
	t.Helper()
	if !strings.Contains(problems, want) {
		t.Errorf("problems lack %q:\n%s", want, problems)
	}
}

// "编制单位：元氏县…" names the unit that drew the table up; it is not the
// amount unit, which stays 万元.
func TestUnitLineIsNotTheDraftingUnit(t *testing.T) {
	d, problems := importRows(t, map[string][][]any{"表3": {
		{"2022年支出预算总表"},
		{"编制单位：元氏县统计局", "", "", "单位：万元"},
		{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
		{"2010501", "行政运行", "12.30", "12.30", ""},
	}}, nil)
	if u := d.Table("expense").Unit; u != money.WanYuan {
		t.Errorf("unit %s, problems:\n%s", u, problems)
	}
	if v, _ := d.Table("expense").Main().Value("2010501", "total"); v != money.MustParse("12.30") {
		t.Errorf("2010501 = %v", v)
	}
}

// A 三公 table printing last year's line above this year's: this year's is
// read, last year's reported as skipped.
func TestSangongReadsThisYearsLine(t *testing.T) {
	d, problems := importRows(t, map[string][][]any{"三公": {
		{"2022年一般公共预算“三公”经费支出表"},
		{"", "", "", "", "", "单位：万元"},
		{"项目", "合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"},
		{"", "", "", "小计", "公务用车购置费", "公务用车运行费", ""},
		{"2021年预算数", "50.00", "0", "40.00", "0", "40.00", "10.00"},
		{"2022年预算数", "45.00", "0", "35.00", "0", "35.00", "10.00"},
	}}, func(f *excelize.File) {
		for _, m := range [][2]string{{"A3", "A4"}, {"B3", "B4"}, {"C3", "C4"}, {"D3", "F3"}, {"G3", "G4"}} {
			f.MergeCell("三公", m[0], m[1])
		}
	})
	if v, _ := d.Table("sangong").Main().Value(forms.LineSangongCurrent, "car_run"); v != money.MustParse("35.00") {
		t.Errorf("公务用车运行费 = %v\n%s", v, problems)
	}
	wantProblem(t, problems, "“2021年预算数 50.00 0 40.00 0 40.00 10.00”一行不是本年预算数，未导入")
}

// A project form printed in 元 is read into the forms' 万元; a blank 年度资金
// 总额 stays computed from its parts.
func TestFormSheetInYuan(t *testing.T) {
	d, problems := importRows(t, map[string][][]any{"绩效": {
		{"2022年项目支出绩效目标申报表（二级项目）"},
		{"单位：元"},
		{"项目名称", "办公楼维修"},
		{"项目资金", "年度资金总额", ""},
		{"", "其中：财政拨款", "1,422,000.00"},
		{"", "其他资金", "5,001.00"},
		{"年度绩效目标", "完成维修。"},
		{"绩效指标", "一级指标", "二级指标", "三级指标", "指标值"},
		{"", "产出指标", "数量指标", "维修面积", "≥300平方米"},
	}}, nil)
	projects := d.Perf.Projects
	if len(projects) != 1 {
		t.Fatalf("projects %+v\n%s", projects, problems)
	}
	m := projects[0].Money
	if m.Fiscal != money.MustParse("142.20") || m.Other != money.MustParse("0.50") || m.Total != nil {
		t.Errorf("money %+v (total given: %v)", m, m.Total)
	}
	if m.TotalValue() != money.MustParse("142.70") {
		t.Errorf("total %v", m.TotalValue())
	}
	wantProblem(t, problems, "5001.00元 换算为 0.50万元")
}

// Lines a class table cannot place are reported, not silently dropped; a
// second table further down the sheet is named.
func TestImportReportsWhatItSkips(t *testing.T) {
	_, problems := importRows(t, map[string][][]any{"表3": {
		{"2022年支出预算总表"},
		{"", "", "", "单位：万元"},
		{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
		{"2010501", "行政运行", "12.30", "12.30", ""},
		{"", "注：本表按功能分类科目列示"},
		{},
		{},
		{"2022年一般公共预算支出表"},
		{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
	}}, nil)
	wantProblem(t, problems, "“注：本表按功能分类科目列示”不是表格中的一行")
	wantProblem(t, problems, "这张工作表里还有一张表“2022年一般公共预算支出表”")
}

// A figure the workbook computed (=B5/10000) holds more decimals than it
// shows: the shown figure is read, and the clerk told.
func TestComputedFigureReadAsShown(t *testing.T) {
	d, problems := importRows(t, map[string][][]any{"表3": {
		{"2022年支出预算总表"},
		{"", "", "", "单位：万元"},
		{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
		{"2010501", "行政运行", nil, "12.30", ""},
	}}, func(f *excelize.File) {
		f.SetCellFloat("表3", "C4", 12.345678, -1, 64)
		style, _ := f.NewStyle(&excelize.Style{NumFmt: 2})
		f.SetCellStyle("表3", "C4", "C4", style)
	})
	if v, _ := d.Table("expense").Main().Value("2010501", "total"); v != money.MustParse("12.35") {
		t.Errorf("2010501 合计 = %v", v)
	}
	wantProblem(t, problems, "C4：单元格存的是 12.345678，按显示的 12.35 读取")
}
