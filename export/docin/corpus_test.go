package docin

import (
	"fmt"
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/money"
	"yusuan/internal/corpus"
)

// corpusDoc is what a published document prints, copied from its rendered
// pages (never from our output): the tests read it and compare.
type corpusDoc struct {
	folder, file string // the corpus folder and a part of the PDF's name
	name         string // the unit's name
	year         int
	level        forms.Level
	tables       []wantTable // every table, in printed order
	general      *wantGeneral
	sections     []string // headings of the 情况说明 sections, as printed
}

type wantTable struct {
	title string     // as printed, spaces and all
	pages []int      // where it is printed
	unit  money.Unit // as its unit line says
	kind  forms.Kind // the kind it is checked as, or forms.KindPrinted
	// total: its grand total as printed (收入总计 of a 收支总表, the 合计
	// line of a table, the “三公” total); "" for an empty table or a form
	total string
}

// wantGeneral is the 一般公共预算支出表's lines: how many (合计 and every
// coded line), and its first and last coded lines as printed.
type wantGeneral struct {
	lines       int
	first, last wantLine
}

type wantLine struct {
	code, name string
	figures    []string // the line's figures left to right, as printed
}

// corpusDocs gathers every transcribed document (one file per family).
var corpusDocs []corpusDoc

func TestCorpusDocumentsReadAsPrinted(t *testing.T) {
	for _, want := range corpusDocs {
		t.Run(want.folder+"/"+want.file, func(t *testing.T) {
			path := corpus.PDF(want.folder, want.file)
			if path == "" {
				t.Fatalf("no PDF %s/%s", want.folder, want.file)
			}
			d, _, err := Read(path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, d, want)
		})
	}
}

func checkDoc(t *testing.T, d *forms.Document, want corpusDoc) {
	t.Helper()
	if d.Meta.Name != want.name || d.Meta.Year != want.year || (want.level != "" && d.Meta.Level != want.level) {
		t.Errorf("document %s %d %s, want %s %d %s", d.Meta.Name, d.Meta.Year, d.Meta.Level, want.name, want.year, want.level)
	}
	if len(d.Tables) != len(want.tables) {
		var got []string
		for _, tb := range d.Tables {
			got = append(got, tb.Title)
		}
		t.Fatalf("%d tables, want %d:\n%q", len(d.Tables), len(want.tables), got)
	}
	for i, w := range want.tables {
		tb := d.Tables[i]
		if fold(tb.Title) != fold(w.title) { // spacing is the text layer's, not the page's
			t.Errorf("table %d: title %q, want %q", i+1, tb.Title, w.title)
			continue
		}
		if tb.Printed == nil || !samePages(tb.Printed.Pages, w.pages) {
			t.Errorf("%s: pages %v, want %v", w.title, pagesOf(tb), w.pages)
		}
		if got := shownUnit(tb); got != w.unit {
			t.Errorf("%s: unit %s, want %s", w.title, got, w.unit)
		}
		if tb.Kind != w.kind {
			t.Errorf("%s: read as %s, want %s", w.title, tb.Kind, w.kind)
		}
		if w.total != "" {
			checkTotal(t, tb, w)
		}
	}
	if want.general != nil {
		checkGeneral(t, d, want.general)
	}
	for _, s := range want.sections {
		if !strings.Contains(d.Text.Explanation, s) {
			t.Errorf("the 情况说明 section %q was not found", s)
		}
	}
}

func fold(s string) string { return strings.Join(strings.Fields(s), "") }

func samePages(a, b []int) bool { return fmt.Sprint(a) == fmt.Sprint(b) }

func pagesOf(tb *forms.Table) []int {
	if tb.Printed == nil {
		return nil
	}
	return tb.Printed.Pages
}

// shownUnit is the unit the table prints: a table kept in 元 for its six
// decimals of 万元 prints 万元.
func shownUnit(tb *forms.Table) money.Unit {
	if tb.Printed != nil && tb.Unit == money.Yuan {
		for _, r := range tb.Printed.Rows {
			for _, c := range r {
				if i := strings.LastIndex(c, "."); i >= 0 && len(c)-i-1 > 2 {
					return money.WanYuan
				}
			}
		}
	}
	return tb.Unit
}

// checkTotal: the printed copy prints the total, and a table read into its
// kind holds it as its grand total.
func checkTotal(t *testing.T, tb *forms.Table, w wantTable) {
	t.Helper()
	found := false
	for _, r := range tb.Printed.Rows {
		for _, c := range r {
			found = found || strings.TrimSpace(c) == w.total
		}
	}
	if !found {
		t.Errorf("%s: the total %s is not in the printed copy", w.title, w.total)
	}
	if tb.IsPrinted() || !tb.IsGrid() {
		return
	}
	want, err := parseAsTable(w.total, tb)
	if err != nil {
		t.Fatalf("%s: %v", w.title, err)
	}
	if got, ok := grandTotal(tb); !ok || got != want {
		t.Errorf("%s: the grand total read is %s (%v), want %s", w.title, got, ok, w.total)
	}
}

func parseAsTable(s string, tb *forms.Table) (money.Amount, error) {
	if tb.Unit == money.Yuan && shownUnit(tb) == money.WanYuan {
		return money.ParseWanAsYuan(s)
	}
	return money.Parse(s)
}

// grandTotal is a table's 收入总计, 合计 or “三公” total, as read.
func grandTotal(tb *forms.Table) (money.Amount, bool) {
	switch tb.Layout() {
	case forms.LayoutTwoSided:
		if p := tb.Pane(forms.SideIn); p != nil {
			return p.Value(forms.LineInTotal, forms.ColAmount)
		}
	case forms.LayoutFixed:
		return tb.Main().Value(forms.LineSangongCurrent, forms.ColTotal)
	case forms.LayoutClass:
		if v, ok := tb.Main().Value(forms.RowKeyTotal, forms.ColTotal); ok || tb.Kind != forms.KindIncome {
			return v, ok
		}
		// a 收入总表 printing only this year's money (西南大学 2021): its
		// 本年收入合计 is what its 合计 line prints first
		return tb.Main().Value(forms.RowKeyTotal, "cur")
	}
	return 0, false
}

func checkGeneral(t *testing.T, d *forms.Document, w *wantGeneral) {
	t.Helper()
	g := d.First(forms.KindGeneral)
	if g == nil {
		t.Error("no 一般公共预算支出表 read")
		return
	}
	p := g.Main()
	var coded []*forms.Row
	for _, r := range p.Rows {
		if r.Code != "" {
			coded = append(coded, r)
		}
	}
	if n := len(coded) + 1; n != w.lines {
		t.Errorf("一般公共预算支出表: %d lines (合计 and coded), want %d", n, w.lines)
	}
	if len(coded) == 0 {
		return
	}
	for _, c := range []struct {
		r *forms.Row
		w wantLine
	}{{coded[0], w.first}, {coded[len(coded)-1], w.last}} {
		if c.r.Code != c.w.code || strings.Join(strings.Fields(c.r.Name), "") != strings.Join(strings.Fields(c.w.name), "") {
			t.Errorf("一般公共预算支出表 line %s %s, want %s %s", c.r.Code, c.r.Name, c.w.code, c.w.name)
		}
		printed := printedLine(g, c.w.code)
		for _, f := range c.w.figures {
			if !strings.Contains(printed, "|"+f+"|") {
				t.Errorf("一般公共预算支出表 %s: %q not printed on its line %q", c.w.code, f, printed)
			}
		}
	}
}

// printedLine is the printed copy's line of a code (or, where the code is
// printed over 类/款/项 cells, of the line's name), its cells joined by |.
func printedLine(tb *forms.Table, code string) string {
	if tb.Printed == nil {
		return ""
	}
	name := ""
	for _, r := range tb.Main().Rows {
		if r.Code == code {
			name = strings.Join(strings.Fields(r.Name), "")
		}
	}
	for _, r := range tb.Printed.Rows {
		joined := "|" + strings.Join(r, "|") + "|"
		if strings.Contains(joined, "|"+code+"|") || strings.Contains(joined, "|"+code+"-") || strings.Contains(joined, "|["+code+"]") {
			return joined
		}
	}
	for _, r := range tb.Printed.Rows {
		for _, c := range r {
			if name != "" && strings.Join(strings.Fields(c), "") == name {
				return "|" + strings.Join(r, "|") + "|"
			}
		}
	}
	return ""
}
