package tablein

import (
	"testing"

	"yusuan/forms"
	"yusuan/forms/money"
)

// Layouts published documents print, each read from a grid of texts as the
// PDF reader (or a workbook) hands it over. The figures are the corpus
// documents' where one prints the layout.

func readOne(t *testing.T, rows [][]string) (*forms.Document, *forms.Table, *Report) {
	t.Helper()
	rep := &Report{}
	d, err := ReadPublished([]*Published{{Sheet: &Sheet{Name: "p1", Rows: rows}, Pages: []int{1}}}, 2026, rep)
	if err != nil {
		t.Fatal(err)
	}
	return d, d.Tables[0], rep
}

func value(t *testing.T, p *forms.Pane, row, col string) string {
	t.Helper()
	v, ok := p.Value(row, col)
	if !ok {
		return "absent"
	}
	return money.Format(v, false)
}

// A note under a one-row header is the empty table's note, not a second
// header row (长春 预算表 8, p13).
func TestNoteUnderAOneRowHeader(t *testing.T) {
	note := "本部门2026年没有使用政府性基金预算拨款安排的支出，本表为空表。"
	_, tb, rep := readOne(t, [][]string{
		{"本年政府性基金预算支出表", "", "", "", ""},
		{"单位：万元", "", "", "", ""},
		{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
		{note, note, note, note, note},
	})
	if tb.Kind != forms.KindFund || tb.Note != note {
		t.Fatalf("read as %s with note %q; problems %v", tb.Kind, tb.Note, rep.Problems)
	}
	if p := tb.Main(); p.Col(forms.ColTotal) < 0 || p.Col("basic") < 0 || p.Col("project") < 0 {
		t.Errorf("columns of the one header row not read: %v", p.Columns)
	}
}

// Numbered labels (“1. 一般公共预算”, “（一）一般公共预算拨款”) and a 支出
// side with 合计 / 基本支出 / 项目支出 columns.
func TestNumberedLinesAndASpendingSideByUse(t *testing.T) {
	_, tb, rep := readOne(t, [][]string{
		{"2026年收支总表", "", "", "", "", ""},
		{"单位：万元", "", "", "", "", ""},
		{"收入", "收入", "支出", "支出", "支出", "支出"},
		{"项目", "预算数", "项目", "合计", "基本支出", "项目支出"},
		{"1. 一般公共预算拨款收入", "1,682.76", "（一）一般公共服务支出", "1,378.41", "903.85", "474.56"},
		{"2. 政府性基金预算拨款收入", "", "（二）住房保障支出", "304.35", "304.35", ""},
		{"本年收入合计", "1,682.76", "本年支出合计", "1,682.76", "1,208.20", "474.56"},
		{"收入总计", "1,682.76", "支出总计", "1,682.76", "1,208.20", "474.56"},
	})
	if tb.Kind != forms.KindSummary {
		t.Fatalf("read as %s: %v", tb.Kind, rep.Problems)
	}
	in, out := tb.Pane(forms.SideIn), tb.Pane(forms.SideOut)
	for _, c := range []struct{ got, want string }{
		{value(t, in, forms.LineInGeneral, forms.ColAmount), "1682.76"},
		{value(t, out, "201", forms.ColAmount), "1378.41"},
		{value(t, out, "201", forms.ColBasic), "903.85"},
		{value(t, out, "201", forms.ColProject), "474.56"},
		{value(t, out, "221", forms.ColBasic), "304.35"},
	} {
		if c.got != c.want {
			t.Errorf("read %s, want %s", c.got, c.want)
		}
	}
}

// “三公”经费合计 names the total; 公务用车购置及运行费 stands over 小计 /
// 购置费 / 运行费 (长春 预算表 7, p12).
func TestSangongTotalAndTheCarGroup(t *testing.T) {
	_, tb, rep := readOne(t, [][]string{
		{"2026年一般公共预算“三公”经费支出表", "", "", "", "", ""},
		{"单位：万元", "", "", "", "", ""},
		{"“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置及运行费", "公务用车购置及运行费", "公务接待费"},
		{"“三公”经费合计", "因公出国（境）费", "小计", "购置费", "运行费", "公务接待费"},
		{"7.61", "0.00", "6.00", "0.00", "6.00", "1.61"},
	})
	if tb.Kind != forms.KindSangong {
		t.Fatalf("read as %s: %v", tb.Kind, rep.Problems)
	}
	p := tb.Main()
	for col, want := range map[string]string{forms.ColTotal: "7.61", "car": "6.00", "car_buy": "0.00", "car_run": "6.00", "reception": "1.61"} {
		if got := value(t, p, forms.LineSangongCurrent, col); got != want {
			t.Errorf("%s read %s, want %s", col, got, want)
		}
	}
}

// The unit's name printed on the 编制单位 / 编制部门 line.
func TestUnitNameOnTheDraftingLine(t *testing.T) {
	for _, line := range []string{"编制单位：长春市信访局", "编制部门：长春市信访局"} {
		d, _, _ := readOne(t, [][]string{
			{"2026年一般公共预算支出表", "", "", ""},
			{line, "", "", "单位：万元"},
			{"科目编码", "科目名称", "合计", "基本支出"},
			{"", "合计", "1,208.20", "1,208.20"},
			{"201", "一般公共服务支出", "1,208.20", "1,208.20"},
		})
		if d.Meta.Name != "长春市信访局" {
			t.Errorf("%s: name %q", line, d.Meta.Name)
		}
	}
}
