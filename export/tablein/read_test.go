package tablein

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/money"
)

// Every test here builds its sheets from grids of texts, with no workbook:
// the way a PDF reader hands its tables over.

// spanned lays a grid table of the document out as a published page does
// once its ruled cells are read: the title, the unit's name and the unit
// line, the two-level header and the lines. A cell that spans several
// columns or rows (the title, a group header over its columns, a label
// standing through both header rows) holds its text in each of them, as a
// PDF's spanning cell fills every column it covers.
func spanned(d *forms.Document, t *forms.Table) [][]string {
	g := d.GridWithHidden(t)
	n := max(len(g.Columns), 2)
	line := func(fill func(c int) string) []string {
		r := make([]string, n)
		for c := range r {
			r[c] = fill(c)
		}
		return r
	}
	rows := [][]string{
		line(func(int) string { return t.Title }),
		line(func(c int) string {
			if c < n/2 {
				return "编制单位：" + d.Meta.Name
			}
			return "单位：" + string(t.Unit)
		}),
	}
	if note := d.NoteOf(t); note != "" {
		rows = append(rows, line(func(int) string { return note }))
	}
	if g.HasGroups() {
		rows = append(rows,
			line(func(c int) string {
				if c >= len(g.Columns) {
					return ""
				}
				if grp := g.Columns[c].Group; grp != "" {
					return grp
				}
				return g.Columns[c].Label // through both header rows
			}),
			line(func(c int) string {
				if c >= len(g.Columns) {
					return ""
				}
				return g.Columns[c].Label
			}))
	} else {
		rows = append(rows, line(func(c int) string {
			if c >= len(g.Columns) {
				return ""
			}
			return g.Columns[c].Label
		}))
	}
	for _, gr := range g.Rows {
		rows = append(rows, line(func(c int) string {
			if c >= len(gr.Cells) {
				return ""
			}
			return gr.Cells[c].Text
		}))
	}
	return rows
}

func sample(t *testing.T) *forms.Document {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// rawTable is a table as the document file holds it, for comparing.
func rawTable(t *testing.T, d *forms.Document, id string) string {
	t.Helper()
	for _, rt := range d.Raw().Tables {
		if rt.ID == id {
			b, err := json.Marshal(rt)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	return ""
}

func problems(rep *Report) string {
	var out []string
	for _, p := range rep.Problems {
		out = append(out, p.String())
	}
	return strings.Join(out, "\n")
}

// The sample's 一般公共预算支出表 laid out as a page's grid (基本支出 spanning
// 小计 / 人员经费 / 公用经费, the other labels through both header rows)
// reads back with the sample's figures.
func TestTheGeneralTableReadsFromAGrid(t *testing.T) {
	d := sample(t)
	tb := d.Table("general")
	s := &Sheet{Name: "一般公共预算支出表", Rows: spanned(d, tb)}
	rep := &Report{}
	back, err := Read([]*Sheet{s}, Options{Template: d.Template.ID}, rep)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if got, want := rawTable(t, back, "general"), rawTable(t, d, "general"); got != want {
		t.Errorf("the table came back as\n%s\nwant\n%s\nproblems:\n%s", got, want, problems(rep))
	}
	if len(rep.Problems) > 0 {
		t.Errorf("problems:\n%s", problems(rep))
	}
	if len(rep.Tables) != 1 || rep.Tables[0].TableID != "general" || rep.Tables[0].Unit != money.WanYuan ||
		rep.Tables[0].Columns != 5 || rep.Tables[0].Where != "工作表“一般公共预算支出表”" {
		t.Errorf("table report %+v", rep.Tables)
	}
	// a figure checked by hand, so the comparison above is not vacuous
	p := tb.Main()
	for _, row := range p.Rows {
		if row.Code == "" {
			continue
		}
		want, _ := p.Value(row.Code, "total")
		got, ok := back.Table("general").Main().Value(row.Code, "total")
		if !ok || got != want {
			t.Errorf("%s 合计 = %v, %v; want %v", row.Code, got, ok, want)
		}
	}
	for _, other := range back.Tables {
		if other.ID != "general" && !other.Absent {
			t.Errorf("table %s is not absent", other.ID)
		}
	}
}

// Every grid table of the sample, laid out as a page's grid with its
// spanning header cells repeated over the columns they span (收入 / 支出
// over 项目 and 预算数, 公务用车购置及运行费 over 小计 / 购置费 / 运行费,
// 本年收入 over its ten columns …), reads back as the sample has it.
func TestEveryGridTableReadsWithSpanningHeaders(t *testing.T) {
	d := sample(t)
	var sheets []*Sheet
	var ids []string
	for i, tb := range d.Tables {
		if tb.Absent || !tb.IsGrid() {
			continue
		}
		ids = append(ids, tb.ID)
		sheets = append(sheets, &Sheet{Name: fmt.Sprintf("表%d", i+1), Where: fmt.Sprintf("第 %d 页", i+1), Rows: spanned(d, tb)})
	}
	rep := &Report{}
	back, err := Read(sheets, Options{Template: d.Template.ID}, rep)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	if back.Meta.Year != d.Meta.Year {
		t.Errorf("year %d", back.Meta.Year)
	}
	for _, id := range ids {
		if got, want := rawTable(t, back, id), rawTable(t, d, id); got != want {
			t.Errorf("table %s came back as\n%s\nwant\n%s", id, got, want)
		}
	}
	if len(rep.Tables) != len(ids) {
		t.Errorf("%d tables read, want %d: %+v", len(rep.Tables), len(ids), rep.Tables)
	}
	if len(rep.Problems) > 0 {
		t.Errorf("problems:\n%s", problems(rep))
	}
}

// A sheet with its own way of naming places (a PDF page and its lines) has
// its problems said so: the cell, the line, the sheet as a whole.
func TestProblemsNameTheSourcesPlaces(t *testing.T) {
	s := &Sheet{
		Name:  "p5",
		Where: "第 5 页",
		Locate: func(row, col int) string {
			if col < 0 {
				return fmt.Sprintf("表内第 %d 行", row+1)
			}
			return fmt.Sprintf("表内第 %d 行第 %d 栏", row+1, col+1)
		},
		Rows: [][]string{
			{"2022年支出预算总表"},
			{"", "", "", "单位：万元"},
			{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
			{"2010501", "行政运行", "12a", "12.30", ""},
			{"", "以下空白"},
		},
	}
	rep := &Report{}
	d, err := Read([]*Sheet{s}, Options{Template: "jilin-2022"}, rep)
	if err != nil {
		t.Fatal(err)
	}
	got := problems(rep)
	for _, want := range []string{"第 5 页表内第 4 行第 3 栏：“12a”不是有效金额", "第 5 页表内第 5 行：“以下空白”不是表格中的一行"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	for _, p := range rep.Problems {
		if p.Sheet != "p5" || p.Where != "第 5 页" {
			t.Errorf("problem %+v", p)
		}
	}
	if v, _ := d.Table("expense").Main().Value("2010501", "basic"); v != money.MustParse("12.30") {
		t.Errorf("2010501 基本支出 = %v", v)
	}
	if len(rep.Tables) != 1 || rep.Tables[0].Where != "第 5 页" || rep.Tables[0].Sheet != "p5" {
		t.Errorf("table report %+v", rep.Tables)
	}

	// the sheet as a whole
	rep = &Report{}
	rep.AddSheetProblem(s, "没有文字层（扫描件），未读取")
	if got := rep.Problems[0].String(); got != "第 5 页：没有文字层（扫描件），未读取" {
		t.Errorf("sheet problem %q", got)
	}
	// without Locate and Where, a worksheet's places
	s.Locate, s.Where = nil, ""
	rep = &Report{}
	if _, err := Read([]*Sheet{s}, Options{Template: "jilin-2022"}, rep); err != nil {
		t.Fatal(err)
	}
	got = problems(rep)
	for _, want := range []string{"工作表“p5”C4：“12a”不是有效金额", "工作表“p5”第 5 行：“以下空白”"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

// A figure stored with more decimals than it shows is read as shown when
// the source can say what it shows, and skipped as too precise when not.
func TestShownValue(t *testing.T) {
	rows := [][]string{
		{"2022年支出预算总表"},
		{"", "", "", "单位：万元"},
		{"科目编码", "科目名称", "合计", "基本支出", "项目支出"},
		{"2010501", "行政运行", "12.345678", "12.30", ""},
	}
	s := &Sheet{Name: "表3", Rows: rows, Shown: func(row, col int) (string, bool) {
		if row == 3 && col == 2 {
			return "12.35", true
		}
		return "", false
	}}
	rep := &Report{}
	d, err := Read([]*Sheet{s}, Options{Template: "jilin-2022"}, rep)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := d.Table("expense").Main().Value("2010501", "total"); v != money.MustParse("12.35") {
		t.Errorf("合计 = %v", v)
	}
	if want := "工作表“表3”C4：单元格存的是 12.345678，按显示的 12.35 读取"; !strings.Contains(problems(rep), want) {
		t.Errorf("problems lack %q:\n%s", want, problems(rep))
	}
	s.Shown = nil
	rep = &Report{}
	d, err = Read([]*Sheet{s}, Options{Template: "jilin-2022"}, rep)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := d.Table("expense").Main().Value("2010501", "total"); v != money.MustParse("12.30") {
		t.Errorf("合计 = %v, want the sum of its parts", v) // the stored figure was skipped
	}
	if want := "C4：“12.345678”不是有效金额：小数超过两位"; !strings.Contains(problems(rep), want) {
		t.Errorf("problems lack %q:\n%s", want, problems(rep))
	}
}

// Sheets without any known table: ErrNothingRecognised, and each sheet
// reported; a nil report is allowed.
func TestNothingRecognised(t *testing.T) {
	sheets := []*Sheet{{Name: "说明", Rows: [][]string{{"本文件为说明"}}}, nil}
	rep := &Report{}
	if _, err := Read(sheets, Options{}, rep); !errors.Is(err, ErrNothingRecognised) {
		t.Errorf("err %v", err)
	}
	if got := problems(rep); got != "工作表“说明”：没有找到可以识别的表格标题，整张工作表未导入" {
		t.Errorf("problems %q", got)
	}
	if _, err := Read(sheets, Options{}, nil); !errors.Is(err, ErrNothingRecognised) {
		t.Errorf("err %v", err)
	}
}

// A panic while reading one table costs that table only, reported by its
// sheet's place and logged; the other tables read.
func TestAPanicCostsOneTable(t *testing.T) {
	logs := t.TempDir()
	t.Setenv("YUSUAN_LOG_DIR", logs)
	t.Cleanup(AfterLinesForTest(func(id string) {
		if id == "expense" {
			var rows [][]string
			_ = rows[len(rows)+1]
		}
	}))
	d := sample(t)
	var sheets []*Sheet
	for i, id := range []string{"expense", "general"} {
		sheets = append(sheets, &Sheet{Name: id, Where: fmt.Sprintf("第 %d 页", i+3), Rows: spanned(d, d.Table(id))})
	}
	rep := &Report{}
	back, err := Read(sheets, Options{Template: d.Template.ID}, rep)
	if err != nil {
		t.Fatal(err)
	}
	if got := problems(rep); !strings.HasPrefix(got, "第 3 页：读取这张表时程序出错，这张表未导入") || strings.Count(got, "\n") != 0 {
		t.Errorf("problems %q", got)
	}
	if !back.Table("expense").Absent {
		t.Error("the failed table is not absent")
	}
	if got, want := rawTable(t, back, "general"), rawTable(t, d, "general"); got != want {
		t.Errorf("general came back as\n%s\nwant\n%s", got, want)
	}
	log, err := os.ReadFile(filepath.Join(logs, "yusuan-errors.log"))
	if err != nil {
		t.Fatalf("nothing logged: %v", err)
	}
	for _, want := range []string{"导入第 3 页", "index out of range", "read_test.go"} {
		if !strings.Contains(string(log), want) {
			t.Errorf("the log lacks %q:\n%.600s", want, log)
		}
	}
}

func TestCellName(t *testing.T) {
	for _, c := range []struct {
		col, row int
		want     string
	}{{1, 1, "A1"}, {2, 5, "B5"}, {26, 3, "Z3"}, {27, 1, "AA1"}, {52, 2, "AZ2"}, {53, 2, "BA2"}, {200, 9, "GR9"}, {702, 1, "ZZ1"}, {703, 1, "AAA1"}, {0, 1, ""}} {
		if got := cellName(c.col, c.row); got != c.want {
			t.Errorf("cellName(%d, %d) = %q, want %q", c.col, c.row, got, c.want)
		}
	}
}
