package xlsx

import (
	"bytes"
	"github.com/xuri/excelize/v2"
	"path/filepath"
	"strings"
	"testing"
	"yusuan/export/tablein"

	"yusuan/forms"
	"yusuan/forms/generate"
	"yusuan/forms/money"
	"yusuan/forms/narrative"
)

// inWorkbook is the document as a file holds it: our workbook carries all
// of it (the extra inputs, hand-written sections and 出错说明 in its hidden
// sheet), so the whole encoded document must come back.
func inWorkbook(t *testing.T, d *forms.Document) []byte {
	t.Helper()
	b, err := forms.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func roundTrip(t *testing.T, d *forms.Document) *forms.Document {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.xlsx")
	if err := Export(d, path); err != nil {
		t.Fatal(err)
	}
	back, rep, err := Import(path, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		t.Errorf("problem reading our own workbook: %s", p)
	}
	a, b := inWorkbook(t, d), inWorkbook(t, back)
	if !bytes.Equal(a, b) {
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		lo := max(0, i-150)
		t.Fatalf("document → xlsx → document differs at byte %d:\n%s\n----\n%s", i, a[lo:min(len(a), i+150)], b[lo:min(len(b), i+150)])
	}
	return back
}

func TestRoundTripSample(t *testing.T) {
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	back := roundTrip(t, d)
	if back.Text.Explanation != "" {
		t.Error("the generated 情况说明 came back as a hand-written one")
	}
}

// A hand-written section, an 出错说明, and a whole 情况说明 typed in Excel.
func TestRoundTripTextsOfTheClerk(t *testing.T) {
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	d.Text.Written = map[string]string{narrative.SecSangong: "本年“三公”经费按上年水平从严控制。\n其中公务接待费51.28万元。"}
	d.Explanations = []forms.Explanation{{Rule: "P-3", Cells: []forms.CellRef{{Table: "perf_project_l1", Row: "服务保障", Column: "年度资金总额"}},
		Values: map[string]string{"上限合计": "152.20万元"}, Text: "指标上限按全年最大可能列示"}}
	back := roundTrip(t, d)
	if !strings.Contains(narrative.Text(back), "按上年水平从严控制") {
		t.Error("the hand-written section is lost")
	}
	// a paragraph longer than a cell holds, and an empty line, come back whole
	d.Text.Functions = "（一）" + strings.Repeat("贯彻落实上级部署。", 8000) + "\n\n（二）完成其他任务。"
	back = roundTrip(t, d)
	if back.Text.Functions != d.Text.Functions {
		t.Errorf("主要职能 came back with %d characters, want %d", len([]rune(back.Text.Functions)), len([]rune(d.Text.Functions)))
	}
	d.Text.Glossary = []forms.Term{} // cleared by the clerk: not the default
	roundTrip(t, d)
	d.Text.Explanation = narrative.Text(d) + "\n另：本年预算已经市委常委会审议。"
	back = roundTrip(t, d)
	if !strings.HasSuffix(back.Text.Explanation, "已经市委常委会审议。") {
		t.Errorf("the 情况说明 edited in Excel came back as %q", back.Text.Explanation)
	}
}

// The seed as published: rows without codes, totals that differ from their
// sums kept as given, tables the seed lacks absent, the blank 事前 form.
func TestRoundTripSeedAsPublished(t *testing.T) {
	d, err := forms.Open("../../forms/testdata/seed_published.yusuan")
	if err != nil {
		t.Fatal(err)
	}
	back := roundTrip(t, d)
	p := back.Table("expense").Main()
	if c := p.Row("total").Cells[p.Col("basic")]; !c.Entered || c.Value != money.MustParse("943.25") {
		t.Errorf("the published 943.25 did not come back as given: %+v", c)
	}
	if !back.Table("basic").Absent || len(back.Perf.Pre) != 1 {
		t.Error("absent tables or the blank form lost")
	}
}

func TestRoundTripOtherTemplates(t *testing.T) {
	for _, tmpl := range []string{"national", "shanghai"} {
		d, err := forms.NewDocument(forms.Meta{Name: "某单位", Code: "501", Year: 2024, Level: forms.LevelUnit, Template: tmpl})
		if err != nil {
			t.Fatal(err)
		}
		// a few figures in each grid, one given total that differs
		for _, tb := range d.Tables {
			for _, p := range tb.Panes {
				if tb.Layout() == forms.LayoutClass && !tb.Def.RowsAreUnits() {
					p.AddClassRow("2013101", "行政运行", func(string) string { return "上级" })
				}
				if tb.Layout() == forms.LayoutTwoSided && p.Side == forms.SideOut && p.RowIndex("201") < 0 {
					p.AddClassRow("201", "一般公共服务支出", nil)
				}
				for ri := range p.Rows {
					for ci, c := range p.Columns {
						if !c.Text && !p.IsComputed(ri, ci) {
							p.Set(ri, ci, money.Amount(12345+ri*100+ci))
							break
						}
					}
				}
			}
		}
		e := d.Table("expense").Main()
		e.Give(e.RowIndex("total"), e.Col("total"), money.MustParse("1.00"))
		d.Perf.Projects = []forms.ProjectPerf{{Name: "项目甲", Level: forms.ProjectLevel2, Money: forms.Fund{Fiscal: 100, Other: 50},
			Goal: "目标", Indicators: []forms.Indicator{{L1: "产出指标", L2: "数量指标", L3: "次数", Stage: ">=1次", Value: ">=2次"}}}}
		d.Text.Glossary = []forms.Term{{Term: "甲", Definition: "乙"}}
		roundTrip(t, d)
	}
}

// A generated department with more forms than a sheet merges cells for.
func TestRoundTripGenerated(t *testing.T) {
	d, err := generate.Document(generate.Size{Units: 12, Lines: 150, Projects: maxMergedForms + 40, L1: 30}, 3)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, d)
}

// The large document (200 units, 2000 code lines, 10000 projects and their
// forms) comes back whole. Skipped with -short: it takes seconds.
func TestRoundTripLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	d, err := generate.Document(generate.Large, 1)
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, d)
}

// The workbook's properties name the document, the unit and this program,
// not the library's defaults (author “xuri”, 2006).
func TestWorkbookProperties(t *testing.T) {
	_, f := builtSample(t)
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "中共吉林市委办公室2022年部门预算" || p.Creator != "中共吉林市委办公室" || p.LastModifiedBy != "预算公开助手" || strings.HasPrefix(p.Created, "2006") {
		t.Errorf("properties: %+v", p)
	}
	a, err := f.GetAppProps()
	if err != nil {
		t.Fatal(err)
	}
	if a.Application != "预算公开助手" {
		t.Errorf("application: %+v", a)
	}
}

// A two-sided table's total line is bold on its own side only: on the
// 收支总表's 一、本年收入 line the 支出 item beside it is not (issue 16).
func TestTwoSidedTotalsBoldOnTheirSide(t *testing.T) {
	d, f := builtSample(t)
	sheet := SheetName(1, d.Tables[0])
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	bold := func(ref string) bool {
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return st.Font != nil && st.Font.Bold
	}
	checked := 0
	for ri, r := range rows {
		if len(r) < 3 || r[0] != "一、财政拨款收入" {
			continue
		}
		in, out := cell(1, ri+1), cell(3, ri+1)
		if !bold(in) || bold(out) {
			t.Errorf("row %d: %q bold %v, %q bold %v", ri+1, r[0], bold(in), r[2], bold(out))
		}
		checked++
	}
	if checked == 0 {
		t.Fatalf("no 一、财政拨款收入 line in %s: %q", sheet, rows)
	}
}

// 文字说明: the title merged across both columns, labels and the 情况说明's
// headings bold, paragraphs not (issue 16).
func TestTextSheetLook(t *testing.T) {
	_, f := builtSample(t)
	merges, err := f.GetMergeCells(textSheet)
	if err != nil {
		t.Fatal(err)
	}
	titled := false
	for _, m := range merges {
		titled = titled || m.GetStartAxis() == "A1" && m.GetEndAxis() == "B1"
	}
	if !titled {
		t.Error("the title is not merged across A1:B1")
	}
	bold := func(ref string) bool {
		id, _ := f.GetCellStyle(textSheet, ref)
		st, err := f.GetStyle(id)
		return err == nil && st.Font != nil && st.Font.Bold
	}
	rows, _ := f.GetRows(textSheet)
	headings, paras := 0, 0
	for ri, r := range rows {
		if ri == 0 || len(r) < 2 || r[1] == "" {
			continue
		}
		switch ref := cell(2, ri+1); {
		case textHeading(r[1]):
			headings++
			if !bold(ref) {
				t.Errorf("heading %q not bold", r[1])
			}
		case strings.Contains(r[1], "。"):
			paras++
			if bold(ref) {
				t.Errorf("paragraph %q bold", r[1])
			}
		}
	}
	if headings == 0 || paras == 0 {
		t.Errorf("headings %d, paragraphs %d", headings, paras)
	}
}

// The 编制日期 goes through the workbook and back.
func TestRoundTripDate(t *testing.T) {
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	d.Meta.Date = "2023年1月18日"
	if back := roundTrip(t, d); back.Meta.Date != "2023年1月18日" {
		t.Errorf("the date came back as %q", back.Meta.Date)
	}
}

// builtSample is the sample and its workbook, closed when the test ends.
func builtSample(t *testing.T) (*forms.Document, *excelize.File) {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	f := reopened(t, d)
	t.Cleanup(func() { f.Close() })
	return d, f
}

// reopened is the document's workbook as a reader gets it: written out and
// opened again (the streamed sheets are only readable so).
func reopened(t *testing.T, d *forms.Document) *excelize.File {
	t.Helper()
	built, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	defer built.Close()
	buf, err := built.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(buf)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// A wide sheet keeps its code and name columns in view (一般公共预算支出表:
// 科目编码, 科目名称 frozen with the header); a narrow one only the header.
func TestWideSheetsFreezeCodeAndName(t *testing.T) {
	d, f := builtSample(t)
	for i, tb := range d.Tables {
		if tb.ID != "general" && tb.ID != "summary" {
			continue
		}
		p, err := f.GetPanes(SheetName(i+1, tb))
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		if tb.ID == "general" {
			want = 2
		}
		if !p.Freeze || p.XSplit != want || p.YSplit == 0 {
			t.Errorf("%s: panes %+v, want %d columns frozen", tb.ID, p, want)
		}
	}
}

// The cover's 目录 goes to each table's sheet.
func TestCoverListLinksItsSheets(t *testing.T) {
	d, f := builtSample(t)
	rows, err := f.GetRows(coverSheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, tb := range d.Tables {
		sheet, found := SheetName(i+1, tb), false
		for ri, r := range rows {
			if len(r) < 2 || r[1] != sheet {
				continue
			}
			found = true
			ok, target, err := f.GetCellHyperLink(coverSheet, cell(2, ri+1))
			if err != nil || !ok || target != "'"+sheet+"'!A1" {
				t.Errorf("%s: link %v %q %v", sheet, ok, target, err)
			}
		}
		if !found {
			t.Errorf("%s is not in the 目录", sheet)
		}
	}
}

// A 绩效 sheet's 单位：万元 stands flush right, as on the grid sheets, and a
// zero the PDF leaves blank is blank.
func TestFormSheetUnitFlushRight(t *testing.T) {
	d, f := builtSample(t)
	for i, tb := range d.Tables {
		if tb.IsGrid() || tb.Absent {
			continue
		}
		sheet := SheetName(i+1, tb)
		rows, _ := f.GetRows(sheet)
		if len(rows) < 2 {
			t.Fatalf("%s: %d rows", sheet, len(rows))
		}
		last := len(rows[1])
		if last == 0 || rows[1][last-1] != "单位：万元" {
			t.Fatalf("%s: line 2 is %q", sheet, rows[1])
		}
		id, _ := f.GetCellStyle(sheet, cell(last, 2))
		st, err := f.GetStyle(id)
		if err != nil || st.Alignment == nil || st.Alignment.Horizontal != "right" {
			t.Errorf("%s: 单位 not flush right: %+v", sheet, st)
		}
		// a zero the PDF prints blank (其他资金) is blank here too
		for _, r := range rows {
			if len(r) > 1 && r[0] == "其他资金" && tb.Show(0) == "" && r[1] == "0.00" {
				t.Errorf("%s: 其他资金 0.00 where the PDF prints none", sheet)
			}
		}
	}
}

// The 部门 itself stands on the cover as 本级, not as one of its 所属单位,
// and the units come back in their order.
func TestCoverNamesTheDepartmentItself(t *testing.T) {
	d, f := builtSample(t)
	if len(d.Units) == 0 || d.Units[0].Code != d.Meta.Code {
		t.Fatalf("the sample's units: %+v", d.Units)
	}
	rows, _ := f.GetRows(coverSheet)
	self, others := 0, 0
	for _, r := range rows {
		if len(r) > 1 && r[0] == tablein.CoverSelf && strings.HasPrefix(r[1], d.Meta.Code+tablein.CoverUnitSep) {
			self++
		}
		if len(r) > 1 && r[0] == tablein.CoverUnits && strings.HasPrefix(r[1], d.Meta.Code+tablein.CoverUnitSep) {
			others++
		}
	}
	if self != 1 || others != 0 {
		t.Errorf("本级 %d, 所属单位 naming the 部门 %d", self, others)
	}
	if back := roundTrip(t, d); len(back.Units) != len(d.Units) || back.Units[0] != d.Units[0] {
		t.Errorf("units back: %+v", back.Units)
	}
}

// A project's 绩效 form carries the labels the PDF and the seed print:
// 项目资金（万元） over the money lines, 绩效指标 over the grid.
func TestProjectFormLabels(t *testing.T) {
	d, f := builtSample(t)
	for i, tb := range d.Tables {
		if tb.Kind != forms.KindPerfProject || tb.Absent {
			continue
		}
		rows, _ := f.GetRows(SheetName(i+1, tb))
		money, grid := 0, 0
		for _, r := range rows {
			if len(r) > 0 && r[0] == forms.LabelMoney {
				money++
			}
			if len(r) > 0 && r[0] == forms.LabelIndicators {
				grid++
			}
		}
		if forms := len(d.Perf.ProjectsAt(tb.Def.ProjectLevel)); money != forms || grid != forms {
			t.Errorf("%s: %d forms, %d 项目资金 and %d 绩效指标 labels", tb.ID, forms, money, grid)
		}
	}
}
