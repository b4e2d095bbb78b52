package into

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/forms/money"
)

// Every table of both 普陀 表样, filled from 上海市审计局 2026: a line and the
// 合计 of each, with the figures the published pages print (pp. 7–19),
// blanks where the page prints none.
func TestFillEveryTableOfBothTemplates(t *testing.T) {
	type line struct {
		label string   // the line's name or label, in any column
		want  []string // its figures left to right, as printed
	}
	tables := []struct {
		sheet string // after 单位 / 部门
		lines []line
	}{
		{"收支总表", []line{ // p. 7 (the 部门 表样 prints the 支出 side's 合计 only)
			{"一、财政拨款收入", []string{"195774300", "134339860"}}, // the 收入 line and 一般公共服务支出 beside it
			{"四、住房保障支出", []string{"31300000"}},
			{"收入总计", []string{"195774300", "195774300"}},
		}},
		{"单位收支总表", []line{ // p. 7: the 单位 表样 has 人员经费, 公用经费 and 项目支出 too, as the page
			{"一、财政拨款收入", []string{"195774300", "134339860", "93654340", "20825520", "19860000"}},
			{"四、住房保障支出", []string{"31300000", "31300000"}},
			{"收入总计", []string{"195774300", "195774300", "153268740", "21802560", "20703000"}},
		}},
		{"收入总表", []line{ // pp. 8–9
			{"行政运行", []string{"114479860", "114479860"}},
			{"购房补贴", []string{"17800000", "17800000"}},
			{"合计", []string{"195774300", "195774300"}},
		}},
		{"支出总表", []line{ // pp. 10–11
			{"一般公共服务支出", []string{"134339860", "114479860", "19860000"}},
			{"一般行政管理事务", []string{"1583000", "1583000"}},
			{"合计", []string{"195774300", "175071300", "20703000"}},
		}},
		{"财政拨款收支总表", []line{ // p. 12
			{"一、一般公共预算", []string{"195774300", "134339860", "134339860"}},
			{"四、住房保障支出", []string{"31300000", "31300000"}},
			{"收入总计", []string{"195774300", "195774300", "195774300"}},
		}},
		{"一般公共预算拨款表", []line{ // pp. 13–14
			{"一般公共服务支出", []string{"134339860", "114479860", "19860000"}},
			{"购房补贴", []string{"17800000", "17800000"}},
			{"合计", []string{"195774300", "175071300", "20703000"}},
		}},
		{"政府性基金拨款表", []line{{"合计", nil}}},     // p. 15: empty
		{"国有资本经营预算拨款表 ", []line{{"合计", nil}}}, // p. 16: empty
		{"一般公共预算拨款基本支出明细表", []line{ // pp. 17–18
			{"工资福利支出", []string{"148274340", "148274340"}},
			{"办公费", []string{"1100000", "1100000"}},
			{"合计", []string{"175071300", "153268740", "21802560"}},
		}},
	}
	for _, name := range []string{"unit_budget_template.xlsx", "department_budget_template.xlsx"} {
		prefix := "单位"
		if strings.HasPrefix(name, "department") {
			prefix = "部门"
		}
		f, _ := fill(t, shanghaiDoc(t), putuo(name))
		for _, tb := range tables {
			sheet := prefix + tb.sheet
			switch {
			case tb.sheet == "单位收支总表" && prefix == "部门":
				continue
			case tb.sheet == "单位收支总表":
				sheet = tb.sheet
			case tb.sheet == "收支总表" && prefix == "单位":
				continue
			}
			for _, l := range tb.lines {
				got := figuresOf(t, f, sheet, l.label)
				if strings.Join(got, " ") != strings.Join(l.want, " ") {
					t.Errorf("%s: %s: “%s” figures %v, want %v", name, sheet, l.label, got, l.want)
				}
			}
		}
	}
}

// figuresOf lists the figures of the (last) row holding label, left to
// right: the 合计 line, not the header's 合计.
func figuresOf(t *testing.T, f *excelize.File, sheet, label string) []string {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	found := false
	for _, r := range rows {
		has := false
		for _, v := range r {
			if strings.TrimSpace(v) == label {
				has = true
			}
		}
		if !has {
			continue
		}
		found, out = true, nil
		for _, v := range r {
			if a, err := money.Parse(v); err == nil && v != "" && !isCode(v) {
				out = append(out, strings.TrimSuffix(a.String(), ".00"))
			}
		}
	}
	if !found {
		t.Fatalf("%s: no line “%s”", sheet, label)
	}
	return out
}

// isCode: a 类/款/项 cell (“201”, “08”), not a figure.
func isCode(v string) bool {
	return len(v) <= 3 && !strings.Contains(v, ".")
}
