package xlsx

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/forms"
	"yusuan/forms/money"
)

// seedLikeWorkbook writes a workbook laid out as a budget system exports
// the seed's tables: the unit's name before the title, the unit line in its
// own cell, merged two-row headers, the 栏次 row, figures stored as text with
// thousands separators, codes printed "201 31 01", blank cells for zero —
// and a few things that cannot be read.
func seedLikeWorkbook(t testing.TB) string {
	f := excelize.NewFile()
	put := func(sheet string, rows [][]any) { putRows(f, sheet, rows) }
	// 收支总表 (side by side; figures as text)
	put("预算表1", [][]any{
		{"中共吉林市委办公室收支总表"},
		{"", "", "", "单位: 万元"},
		{"收 入", "", "支 出", ""},
		{"项 目", "2022年预算", "项 目", "2022年预算数"},
		{"一、财政拨款收入", "6,677.45", "一、一般公共服务支出", "6,475.69"},
		{"一般公共预算拨款收入", "6,677.45", "二、外交支出", "0.00"},
		{"政府性基金预算拨款收入", "0.00", "八、社会保障和就业支出", "90.42"},
		{"国有资本经营预算拨款收入", "0.00", "十、卫生健康支出", "43.52"},
		{"", "", "二十、住房保障支出", "67.82"},
		{"本年收入合计", "6,677.45", "本年支出合计", "6,677.45"},
		{"收 入 总 计", "6,677.45", "支 出 总 计", "6,677.45"},
	})
	f.MergeCell("预算表1", "A3", "B3")
	f.MergeCell("预算表1", "C3", "D3")
	// 支出总表: codes spaced, the published 943.25 against 831.91, a bad cell
	put("预算表3", [][]any{
		{"中共吉林市委办公室支出总表"},
		{"", "", "", "", "单位：万元"},
		{"科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出", "备注"},
		{"**", "栏次", 1, 2, 3, 4},
		{"", "合计", 6677.45, 943.25, 5734.20},
		{"201", "一般公共服务支出", 6475.69, 741.49, 5734.20},
		{"201 31", "党委办公厅(室)及相关机构事务", 5783.89, 741.49, 5042.40},
		{"201 31 01", "行政运行", 741.49, 741.49},
		{"201 31 02", "一般行政管理事务", 4926.10, "", 4926.10},
		{"2013199", "其他党委办公厅(室)及相关机构事务支出", "116.3", "", "116.30"},
		{"20199", "其他一般公共服务支出", "691.80", "", "691.80"},
		{"2019999", "其他一般公共服务支出", "691.80", "", "691.80"},
		{"208", "社会保障和就业支出", "90.42", "90.42"},
		{"2080505", "机关事业单位基本养老保险缴费支出", "90.42", "90.42"},
		{"210", "卫生健康支出", "43.52", "", "43.52"},
		{"2101101", "行政单位医疗", "43.52", "", "43.52"},
		{"221", "住房保障支出", "67.82", "", "(67.82)"},
		{"2210201", "住房公积金", "67.82", "", "67.82"},
		{"22102", "住房改革支出", "67.82", "", "12a"},
	})
	// 一般公共预算支出表: two header rows with a merged 基本支出 group, a
	// repeated 类 line without a code
	put("预算表5", [][]any{
		{"中共吉林市委办公室本年一般公共预算支出表"},
		{"", "", "", "", "", "单位：万元"},
		{"科目编码", "功能分类科目名称", "合计", "基本支出", "", "", "项目支出"},
		{"", "", "", "小计", "人员经费", "公用经费", ""},
		{"", "合计", "6677.45", "943.25", "768.85", "174.40", "5734.20"},
		{"201", "一般公共服务支出", "6475.69", "741.49", "567.09", "174.40", "5734.20"},
		{"", "一般公共服务支出", "6475.69", "741.49", "567.09", "174.40", "5734.20"},
		{"2013101", "行政运行", "741.49", "741.49", "567.09", "174.40"},
	})
	for _, m := range [][2]string{{"A3", "A4"}, {"B3", "B4"}, {"C3", "C4"}, {"D3", "F3"}, {"G3", "G4"}} {
		f.MergeCell("预算表5", m[0], m[1])
	}
	// a project form as the seed prints it: labels in the second column
	put("绩效", [][]any{
		{"项目支出绩效目标表"},
		{"项目名称", "", "服务保障"},
		{"项目级次", "", "一级项目"},
		{"项目 资金 (万 元)", "年度资金总额", "142.20"},
		{"", "其中：财政拨款", "142.20"},
		{"", "其他资金", ""},
		{"年度 绩效 目标", "做好市委相关接待等常规工作。"},
		{"绩效 指标", "一级指标", "二级指标", "三级指标", "阶段性指标值", "指标值"},
		{"", "产出指标", "数量指标", "陪餐人数", "<=30%", "<=30%"},
		{"", "产出指标", "成本指标", "公务接待费", "<=30万元", "<=50万元"},
	})
	put("说明", [][]any{{"本工作簿由预算系统导出"}})
	f.DeleteSheet("Sheet1")
	path := filepath.Join(t.TempDir(), "预算系统导出.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// putRows writes rows of cells into a new sheet, from A1.
func putRows(f *excelize.File, sheet string, rows [][]any) {
	f.NewSheet(sheet)
	for i, r := range rows {
		c, _ := excelize.CoordinatesToCellName(1, i+1)
		row := r
		f.SetSheetRow(sheet, c, &row)
	}
}

func TestImportBudgetSystemWorkbook(t *testing.T) {
	path := seedLikeWorkbook(t)
	// the seed's titles fit both the national and the jilin template; asked
	// for nothing, the import takes one of them
	auto, autoRep, err := Import(path, ImportOptions{})
	if err != nil || (autoRep.Template != "national" && autoRep.Template != "jilin-2022") {
		t.Fatalf("auto: %v %v", autoRep, err)
	}
	if v, _ := auto.Table("expense").Main().Value("total", "basic"); v != money.MustParse("943.25") {
		t.Errorf("auto-detected import reads 943.25 as %v", v)
	}
	d, rep, err := Import(path, ImportOptions{Template: "jilin-2022"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Template != "jilin-2022" || d.Meta.Year != 2022 || d.Meta.Name != "中共吉林市委办公室" {
		t.Errorf("template %s, year %d, name %q", rep.Template, d.Meta.Year, d.Meta.Name)
	}
	m := money.MustParse
	val := func(table string, side forms.Side, row, col string) (money.Amount, bool) {
		return d.Table(table).Pane(side).Value(row, col)
	}
	for _, c := range []struct {
		table    string
		side     forms.Side
		row, col string
		want     string
	}{
		{"summary", forms.SideIn, "in.general", "amount", "6677.45"},
		{"summary", forms.SideOut, "201", "amount", "6475.69"},
		{"summary", forms.SideOut, "221", "amount", "67.82"},
		{"summary", forms.SideOut, "out.total", "amount", "6677.45"},
		{"expense", "", "2013102", "project", "4926.10"},
		{"expense", "", "2013199", "total", "116.30"},
		{"expense", "", "total", "basic", "943.25"}, // as published, not the sum 831.91
		{"expense", "", "221", "project", "-67.82"},
		{"general", "", "2013101", "public", "174.40"},
		{"general", "", "x1", "total", "6475.69"}, // the repeated line, kept without a code
	} {
		if got, ok := val(c.table, c.side, c.row, c.col); !ok || got != m(c.want) {
			t.Errorf("%s %s/%s = %v (%v), want %s", c.table, c.row, c.col, got, ok, c.want)
		}
	}
	exp := d.Table("expense").Main()
	if c := exp.Row("total").Cells[exp.Col("basic")]; !c.Entered {
		t.Error("the published total that differs from its sum is not kept as given")
	}
	if c := exp.Row("total").Cells[exp.Col("total")]; c.Entered {
		t.Error("a total that agrees with its sum is kept as given (decision 2)")
	}
	if !d.Table("income").Absent || !d.Table("basic").Absent || d.Table("expense").Absent {
		t.Error("tables the workbook lacks are absent; the others are not")
	}
	if len(d.Perf.Projects) != 1 || d.Perf.Projects[0].Money.TotalValue() != m("142.20") || len(d.Perf.Projects[0].Indicators) != 2 ||
		d.Perf.Projects[0].Indicators[1].Value != "<=50万元" || d.Perf.Projects[0].Goal != "做好市委相关接待等常规工作。" {
		t.Errorf("project form: %+v", d.Perf.Projects)
	}
	problems := ""
	for _, p := range rep.Problems {
		problems += p.String() + "\n"
	}
	for _, want := range []string{"工作表“预算表3”E19：“12a”不是有效金额", "栏目“备注”无法识别", "工作表“说明”：没有找到可以识别的表格标题"} {
		if !strings.Contains(problems, want) {
			t.Errorf("problems lack %q:\n%s", want, problems)
		}
	}
	if len(rep.Tables) != 4 {
		t.Errorf("tables found: %+v", rep.Tables)
	}
}

func TestImportRefusesWhatItCannotRead(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "职工花名册")
	path := filepath.Join(t.TempDir(), "other.xlsx")
	f.SaveAs(path)
	if _, _, err := Import(path, ImportOptions{}); err == nil || !strings.Contains(err.Error(), "没有找到可以识别的预算公开表格") {
		t.Errorf("a workbook with no table: %v", err)
	}
	if _, _, err := Import(filepath.Join(t.TempDir(), "none.xlsx"), ImportOptions{}); err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("missing workbook: %v", err)
	}
}

// A Shanghai workbook: figures in 元 with separators, codes in three 类 / 款
// / 项 columns, the 三公 table in 万元 — each sheet read in its own unit.
func TestImportShanghaiWorkbookInYuan(t *testing.T) {
	f := excelize.NewFile()
	put := func(sheet string, rows [][]any) { putRows(f, sheet, rows) }
	put("表3", [][]any{
		{"2023年部门支出预算总表"},
		{"编制部门：某某局", "", "", "", "", "单位：元"},
		{"功能分类科目编码", "", "", "功能分类科目名称", "合计", "基本支出", "项目支出"},
		{"类", "款", "项", "", "", "", ""},
		{"", "", "", "合计", "1,234,567.89", "1,000,000.00", "234,567.89"},
		{"201", "", "", "一般公共服务支出", "1,234,567.89", "1,000,000.00", "234,567.89"},
		{"201", "05", "", "统计信息事务", "1,234,567.89", "1,000,000.00", "234,567.89"},
		{"201", "05", "01", "行政运行", "1,000,000.00", "1,000,000.00", ""},
		{"201", "05", "06", "统计抽样调查", "234,567.89", "", "234,567.89"},
	})
	for _, m := range [][2]string{{"A3", "C3"}, {"D3", "D4"}, {"E3", "E4"}, {"F3", "F4"}, {"G3", "G4"}} {
		f.MergeCell("表3", m[0], m[1])
	}
	put("表9", [][]any{
		{"2023年部门“三公”经费和机关运行经费预算表"},
		{"", "", "", "", "", "", "单位：万元"},
		{"合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费", "机关运行经费预算数"},
		{"", "", "小计", "公务用车购置费", "公务用车运行费", "", ""},
		{"12.34", "0", "10.00", "0", "10.00", "2.34", "88.80"},
	})
	for _, m := range [][2]string{{"A3", "A4"}, {"B3", "B4"}, {"C3", "E3"}, {"F3", "F4"}, {"G3", "G4"}} {
		f.MergeCell("表9", m[0], m[1])
	}
	f.DeleteSheet("Sheet1")
	path := filepath.Join(t.TempDir(), "上海.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	d, rep, err := Import(path, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Template != "shanghai" {
		t.Errorf("template %s", rep.Template)
	}
	for _, p := range rep.Problems {
		t.Errorf("problem: %s", p)
	}
	exp := d.Table("expense")
	if exp.Unit != money.Yuan {
		t.Errorf("expense unit %s", exp.Unit)
	}
	if v, _ := exp.Main().Value("2010506", "project"); v != money.MustParse("234567.89") {
		t.Errorf("2010506 项目支出 = %v", v)
	}
	if v, _ := exp.Main().Value("20105", "total"); v != money.MustParse("1234567.89") {
		t.Errorf("20105 合计 = %v", v)
	}
	sg := d.Table("sangong")
	if sg.Unit != money.WanYuan {
		t.Errorf("三公 unit %s", sg.Unit)
	}
	for col, want := range map[string]string{"car_run": "10.00", "reception": "2.34", "operating": "88.80", "total": "12.34"} {
		if v, _ := sg.Main().Value("cur", col); v != money.MustParse(want) {
			t.Errorf("三公 %s = %v", col, v)
		}
	}
}
