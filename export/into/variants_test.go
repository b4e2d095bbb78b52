package into

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/forms"
	"yusuan/forms/money"
)

// variant saves a copy of a corpus 表样 changed by edit, as a bureau's
// own variant of it would be.
func variant(t *testing.T, base string, edit func(f *excelize.File)) string {
	t.Helper()
	f, err := excelize.OpenFile(putuo(base))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	edit(f)
	path := filepath.Join(t.TempDir(), "表样.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// A 表样 in 万元 gets the figures converted exactly, rounded half up, and
// the report says how many were rounded.
func TestFillConvertsToTheTemplatesUnit(t *testing.T) {
	tmpl := variant(t, "unit_budget_template.xlsx", func(f *excelize.File) {
		f.SetCellStr("单位收入总表", "I4", "单位：万元")
	})
	f, rep := fill(t, shanghaiDoc(t), tmpl)
	// p. 8: 行政运行 114,479,860 元 = 11,447.986 万元 → 11,447.99
	wantCells(t, f, "单位收入总表", map[string]string{"D11": "行政运行", "E11": "11447.99", "E9": "13433.99"})
	if rep.Rounded == 0 {
		t.Error("figures rounded to 万元 but the report counts none")
	}
	// the other sheets stay in 元
	wantCells(t, f, "单位支出总表", map[string]string{"D11": "行政运行", "E11": "114479860"})
}

// A 表样 that totals with formulas keeps them: a fill never writes into
// them, their cached results are the filled figures' totals (which an
// import reads back), and rows inserted inside a body widen a range over it.
func TestFillKeepsFormulasWithTheirResults(t *testing.T) {
	const sg = "单位“三公”经费和机关运行费预算表"
	tmpl := variant(t, "unit_budget_template.xlsx", func(f *excelize.File) {
		f.SetCellFormula(sg, "A7", "B7+C7+D7")
		f.SetCellFormula(sg, "D7", "E7+F7")
		f.SetCellFormula("单位收入总表", "A22", "COUNTA(D9:D19)") // the lines, counted under the 合计
	})
	f, rep := fill(t, shanghaiDoc(t), tmpl)
	// p. 19: 237.92 = 201.80 + 8.12 + 28.00; 28.00 = 运行费 28.00
	for ref, want := range map[string]string{"A7": "237.92", "D7": "28"} {
		if fm, _ := f.GetCellFormula(sg, ref); fm == "" {
			t.Errorf("%s: the formula is gone", ref)
		}
		if got := get(t, f, sg, ref); !sameFigure(got, want) {
			t.Errorf("%s's cached result %q, want %s", ref, got, want)
		}
	}
	row := rowOf(t, f, "单位收入总表", "合计")
	ref := "A" + itoa(row+2)
	fm, _ := f.GetCellFormula("单位收入总表", ref)
	if want := "COUNTA(D9:D" + itoa(row-1) + ")"; fm != want {
		t.Errorf("the count's formula %q, want %q (over the widened body)", fm, want)
	}
	if got := get(t, f, "单位收入总表", ref); got != "23" {
		t.Errorf("the count's cached result %q, want 23 (the lines of pp. 8–9)", got)
	}
	if rep.Formulas != 3 {
		t.Errorf("%d formulas reported, want 3", rep.Formulas)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// An empty table gets its note where the 表样 has room for it.
func TestFillWritesTheEmptyTableNote(t *testing.T) {
	d, err := forms.NewDocument(forms.Meta{Name: "上海市某局", Year: 2026, Level: forms.LevelUnit, Template: "shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	g := d.First(forms.KindGeneral).Main()
	ri, err := g.AddClassRow("2010101", "行政运行", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Set(ri, g.Col(forms.ColBasic), money.MustParse("100")); err != nil {
		t.Fatal(err)
	}
	f, rep := fill(t, d, putuo("unit_budget_template.xlsx"))
	note := d.NoteOf(d.First(forms.KindFund))
	if note == "" || !strings.Contains(note, "政府性基金") {
		t.Fatalf("the fund table's note is %q", note)
	}
	found := false
	rows, _ := f.GetRows("单位政府性基金拨款表")
	for _, r := range rows {
		for _, v := range r {
			if v == note {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("the empty fund table's note “%s” not written; placed: %v", note, rep.Placed)
	}
}

// The bureau's own wording is checked as filled: a figure its sentence
// fixes that the tables contradict is an 错误 of the filled text.
func TestFillChecksTheFilledWording(t *testing.T) {
	tmpl := variant(t, "department_budget_template.xlsx", func(f *excelize.File) {
		f.SetCellStr("其他相关情况说明", "A3", "   一、2026年“三公”经费预算情况说明\n      2026年“三公”经费预算数为XXX万元。其中：\n     （一）因公出国（境）费XXX万元。\n     （三）公务接待费9.99万元。")
	})
	f, rep := fill(t, shanghaiDoc(t), tmpl)
	if got := get(t, f, "其他相关情况说明", "A3"); !strings.Contains(got, "预算数为237.92万元") || !strings.Contains(got, "公务接待费9.99万元") {
		t.Errorf("filled: %q", got)
	}
	found := false
	for _, s := range rep.TextFindings {
		if strings.HasPrefix(s, "错误") && strings.Contains(s, "9.99") {
			found = true
		}
	}
	if !found {
		t.Errorf("the 表样's 公务接待费9.99万元 (p. 19 prints 8.12) not found: %v", rep.TextFindings)
	}
}

// A change on last year and its reason, where the 表样's sentence asks for
// them and the document holds last year's figure and the clerk's reason:
// the sample (the seed, 2022: 收支总预算 6677.45, 5647.35 more than 2021,
// p. 642 of its text; 三公 51.28 against 1.50).
func TestFillChangesAndReasons(t *testing.T) {
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	tmpl := variant(t, "department_budget_template.xlsx", func(f *excelize.File) {
		f.SetCellStr("部门编制说明", "A3", "    2022年，XX收入预算x,xxx万元，比2021年预算增加（减少）XXX万元（持平），主要原因是……。")
		f.SetCellStr("其他相关情况说明", "A3", "      2022年“三公”经费预算数为XXX万元，比2021年预算增加（减少）XXX万元（持平），主要原因是……。")
	})
	f, rep := fill(t, d, tmpl)
	text := get(t, f, "部门编制说明", "A3")
	want := "2022年，" + d.Meta.Name + "收入预算6,677.45万元，比2021年预算增加5647.35万元，主要原因是" + strings.TrimRight(d.Inputs.TotalReason, "。")
	if !strings.HasPrefix(strings.TrimSpace(text), want) {
		t.Errorf("编制说明:\n%s\nwant\n%s", strings.TrimSpace(text), want)
	}
	sg := get(t, f, "其他相关情况说明", "A3")
	want = "2022年“三公”经费预算数为51.28万元，比2021年预算增加49.78万元，主要原因是" + strings.TrimRight(d.Inputs.SangongReason, "。")
	if !strings.HasPrefix(strings.TrimSpace(sg), want) {
		t.Errorf("其他相关情况说明:\n%s\nwant\n%s", strings.TrimSpace(sg), want)
	}
	for _, u := range rep.Unplaced {
		if strings.Contains(u, "部门编制说明") || strings.Contains(u, "其他相关情况说明") {
			t.Errorf("listed as left although filled: %s", u)
		}
	}
}
