package into

import (
	"bytes"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/export/docin"
	"yusuan/internal/corpus"

	"yusuan/forms"
	"yusuan/forms/money"
)

// The 表样 上海市普陀区 sends out (two real workbooks) and the one
// Shanghai-family document of the corpus, 上海市审计局 2026 (a 单位's
// disclosure, read from its PDF). Expected figures are copied from the
// published pages 7, 8 and 19.

func putuo(name string) string {
	return filepath.Join(corpus.Dir(), "templates-sh-putuo-2026", name)
}

var (
	readMu sync.Mutex
	read   = map[string]*forms.Document{}
)

// corpusDoc reads a corpus document from its PDF, once per test binary.
func corpusDoc(t *testing.T, folder string) *forms.Document {
	t.Helper()
	readMu.Lock()
	defer readMu.Unlock()
	if d := read[folder]; d != nil {
		return d
	}
	d, _, err := docin.Read(corpus.PDF(folder, ""), docin.Options{})
	if err != nil {
		t.Fatal(err)
	}
	read[folder] = d
	return d
}

func shanghaiDoc(t *testing.T) *forms.Document { return corpusDoc(t, "sh-muni-2026-shenjiju") }

func fill(t *testing.T, d *forms.Document, tmpl string) (*excelize.File, *Report) {
	t.Helper()
	f, rep, err := Fill(d, tmpl)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, rep
}

// get is a cell's stored value (a figure as stored, not as displayed).
func get(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func wantCells(t *testing.T, f *excelize.File, sheet string, want map[string]string) {
	t.Helper()
	for cell, w := range want {
		if got := get(t, f, sheet, cell); !sameFigure(got, w) {
			t.Errorf("%s!%s = %q, want %q", sheet, cell, got, w)
		}
	}
}

// sameFigure compares texts, and figures by value ("134339860.00" is 134339860).
func sameFigure(got, want string) bool {
	if got == want {
		return true
	}
	g, err1 := money.Parse(got)
	w, err2 := money.Parse(want)
	return err1 == nil && err2 == nil && g == w
}

// rowOf finds the row (1-based) whose column A holds text.
func rowOf(t *testing.T, f *excelize.File, sheet, text string) int {
	t.Helper()
	rows, _ := f.GetRows(sheet)
	for i, r := range rows {
		if len(r) > 0 && strings.TrimSpace(r[0]) == text {
			return i + 1
		}
	}
	t.Fatalf("%s: no row “%s”", sheet, text)
	return 0
}

func TestFillUnitTemplateWithThePublishedFigures(t *testing.T) {
	d := shanghaiDoc(t)
	f, rep := fill(t, d, putuo("unit_budget_template.xlsx"))
	// p. 8: 收入预算总表 — the 表样's three example lines and blank rows
	// give way to the document's 23 lines; rows are inserted
	wantCells(t, f, "单位收入总表", map[string]string{
		"A4": "编制单位：上海市审计局",
		"A9": "201", "B9": "", "D9": "一般公共服务支出", "E9": "134339860", "F9": "134339860",
		"A11": "201", "B11": "08", "C11": "01", "D11": "行政运行", "E11": "114479860",
		"A20": "208", "B20": "05", "C20": "99", "D20": "其他行政事业单位养老支出", "E20": "82800",
	})
	total := rowOf(t, f, "单位收入总表", "合计")
	if total != 32 {
		t.Errorf("合计 line at row %d, want 32 (23 lines from row 9)", total)
	}
	if got := get(t, f, "单位收入总表", "E32"); !sameFigure(got, "195774300") {
		t.Errorf("合计 = %q, want 195774300", got)
	}
	assertMerged(t, f, "单位收入总表", "A32:D32") // the 合计 label's merge moved with it
	// p. 7: 财务收支预算总表 — 收入 lines where the 表样 prints them, the 支出
	// side's 类 numbered as the 表样's examples are
	wantCells(t, f, "单位收支总表", map[string]string{
		"A4":  "编制单位：上海市审计局",
		"B10": "195774300", "B11": "195774300",
		"C10": "一、一般公共服务支出", "D10": "134339860",
		"C11": "二、社会保障和就业支出", "D11": "23992440",
		"C12": "三、卫生健康支出", "D12": "6142000",
		"C13": "四、住房保障支出", "D13": "31300000",
		"D21": "195774300",
	})
	// p. 19: the 三公 table in 万元 (购置费 printed blank)
	wantCells(t, f, "单位“三公”经费和机关运行费预算表", map[string]string{
		"A3": "编制单位：上海市审计局",
		"A7": "237.92", "B7": "201.80", "C7": "8.12", "D7": "28.00", "F7": "28.00", "G7": "2180.26",
	})
	if rep.Rounded != 0 {
		t.Errorf("%d figures rounded; the 表样 is in the document's units", rep.Rounded)
	}
	// p. 7: the 单位 表样's 支出 side has 人员经费, 公用经费 and 项目支出, as the
	// page does: filled from the document's own columns
	wantCells(t, f, "单位收支总表", map[string]string{
		"E10": "93654340", "F10": "20825520", "G10": "19860000",
		"E21": "153268740", "F21": "21802560", "G21": "20703000",
	})
	for _, u := range rep.Unplaced {
		if strings.Contains(u, "单位收支总表") && strings.Contains(u, "栏") {
			t.Errorf("a column of the summary reported unfilled: %s", u)
		}
	}
}

func assertMerged(t *testing.T, f *excelize.File, sheet, rng string) {
	t.Helper()
	ms, _ := f.GetMergeCells(sheet)
	for _, m := range ms {
		if m.GetStartAxis()+":"+m.GetEndAxis() == rng {
			return
		}
	}
	t.Errorf("%s: %s is not merged", sheet, rng)
}

func TestFillTextPlaceholders(t *testing.T) {
	d := shanghaiDoc(t)
	f, rep := fill(t, d, putuo("department_budget_template.xlsx"))
	if got := get(t, f, "封面", "A9"); got != "预算主管部门：上海市审计局" {
		t.Errorf("cover = %q", got)
	}
	// 19,577.43 万元 is 195,774,300 元 (p. 7); 三公 237.92 … (p. 19)
	for sheet, wants := range map[string][]string{
		"部门编制说明": {
			"2026年，上海市审计局收入预算19,577.43万元，其中：财政拨款收入19,577.43万元，比2025年预算增加（减少）XXX万元（持平）；事业收入0.00万元",
			"支出预算19,577.43万元，其中：财政拨款支出预算19,577.43万元",
		},
		"其他相关情况说明": {
			"2026年“三公”经费预算数为237.92万元",
			"（一）因公出国（境）费201.80万元",
			"（二）公务用车购置及运行费28.00万元",
			"（三）公务接待费8.12万元",
			"机关运行经费预算为2180.26万元",
		},
	} {
		text := get(t, f, sheet, "A3")
		for _, w := range wants {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no “%s” in\n%s", sheet, w, text)
			}
		}
	}
	// the list of 类 (p. 7's 支出 side), one row each; the fourth inserted
	items := []string{"1. “一般公共服务支出”科目13,433.99万元", "2. “社会保障和就业支出”科目2,399.24万元", "3. “卫生健康支出”科目614.20万元", "4. “住房保障支出”科目3,130.00万元"}
	for i, w := range items {
		cell := "A" + string(rune('4'+i))
		if got := get(t, f, "部门编制说明", cell); !strings.Contains(got, w) {
			t.Errorf("部门编制说明!%s = %q, want %q…", cell, got, w)
		}
	}
	// what the document has no input for stays, and is listed
	for _, w := range []string{"比2025年预算增加（减少）XXX万元", "主要原因是xxxxxx", "X家机关"} {
		listed := false
		for _, u := range rep.Unplaced {
			if strings.Contains(u, w) || strings.Contains(u, strings.TrimPrefix(w, "比2025年预算增加（减少）")) {
				listed = true
			}
		}
		if !listed {
			t.Errorf("“%s” left in the 表样 but not listed", w)
		}
	}
	if rep.Complete() {
		t.Error("a fill that left placeholders says it is complete")
	}
}

func TestFilledWorkbookImportsBackToTheDocument(t *testing.T) {
	d := shanghaiDoc(t)
	var buf bytes.Buffer
	if _, err := FillTo(d, putuo("unit_budget_template.xlsx"), &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "填好的.xlsx")
	if err := writeFile(path, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	back, _, err := importBook(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []forms.Kind{forms.KindIncome, forms.KindExpense, forms.KindGeneral, forms.KindBasic} {
		want, got := d.First(k), back.First(k)
		if got == nil {
			t.Errorf("%s: not read back", k)
			continue
		}
		if a, b := classLines(want), classLines(got); a != b {
			t.Errorf("%s read back differs:\nwant %s\ngot  %s", k, a, b)
		}
	}
	for _, k := range []forms.Kind{forms.KindSangong} {
		w, _ := d.First(k).Main().Value(forms.LineSangongCurrent, forms.ColTotal)
		g, _ := back.First(k).Main().Value(forms.LineSangongCurrent, forms.ColTotal)
		if w != g {
			t.Errorf("三公 合计 read back %v, want %v", g, w)
		}
	}
	for _, key := range []string{forms.LineInFiscal, forms.LineInTotal} {
		w, _ := d.First(forms.KindSummary).Pane(forms.SideIn).Value(key, forms.ColAmount)
		g, _ := back.First(forms.KindSummary).Pane(forms.SideIn).Value(key, forms.ColAmount)
		if w != g {
			t.Errorf("收支总表 %s read back %v, want %v", key, g, w)
		}
	}
}

// classLines is a class table's lines as "code name figures" text.
func classLines(t *forms.Table) string {
	var b strings.Builder
	p := t.Main()
	for _, r := range p.Rows {
		b.WriteString(r.Code + " " + r.Name)
		for ci, c := range p.Columns {
			if !c.Text && c.Key == forms.ColTotal {
				b.WriteString(" " + r.Cells[ci].Value.String())
			}
		}
		b.WriteString("；")
	}
	return b.String()
}
