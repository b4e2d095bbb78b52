package check

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/money"
	"yusuan/forms/narrative"
)

// Documents read from published PDFs carry a table list of their own: each
// table of a known kind keeps only the columns and lines it printed
// (decision 1: what is not printed is absent, not zero), and tables of no
// known kind sit between them. These tests rebuild documents so, over
// every kind and a systematic choice of column and line subsets.

// shaper restricts one table definition of an own template.
type shaper func(td *forms.TableDef)

// cloneDef copies a table definition deeply enough to restrict it.
func cloneDef(td *forms.TableDef) *forms.TableDef {
	c := *td
	c.Columns = slices.Clone(td.Columns)
	c.Lines = slices.Clone(td.Lines)
	if td.Sides != nil {
		c.Sides = map[forms.Side]*forms.SideSpec{}
		for side, s := range td.Sides {
			sc := *s
			sc.Columns = slices.Clone(s.Columns)
			sc.Lines = slices.Clone(s.Lines)
			c.Sides[side] = &sc
		}
	}
	return &c
}

// printedDef is a table of no known kind, kept as printed.
func printedDef(id string) *forms.TableDef {
	return &forms.TableDef{ID: id, Kind: forms.KindPrinted, Title: "政府采购预算明细表（" + id + "）", Zero: "0.00"}
}

// ownOf rebuilds src on a template of its own, as a reader of a published
// document makes it: the same tables in the same order with shape applied
// to each definition, a printed table after every other table, and every
// figure of a printed cell given as read (a total that disagrees with the
// parts present is kept as given).
func ownOf(t *testing.T, src *forms.Document, shape func(id string, td *forms.TableDef)) *forms.Document {
	t.Helper()
	tmpl := &forms.Template{ID: "published", Name: "公开文本的表格（照原样）", Unit: src.Template.Unit, CodeStyle: "plain",
		Grouping: true, LevelWords: src.Template.LevelWords, Own: true}
	for i, st := range src.Tables {
		td := cloneDef(st.Def)
		if shape != nil {
			shape(st.ID, td)
		}
		tmpl.Tables = append(tmpl.Tables, td)
		if i%2 == 1 {
			tmpl.Tables = append(tmpl.Tables, printedDef(fmt.Sprintf("printed%d", i)))
		}
	}
	meta := src.Meta
	meta.Template = tmpl.ID
	d, err := forms.NewDocumentOn(meta, tmpl)
	if err != nil {
		t.Fatal(err)
	}
	d.Units, d.Text, d.Perf, d.Inputs = src.Units, src.Text, src.Perf, src.Inputs
	d.SetCodes(src.Codes)
	for _, dt := range d.Tables {
		if dt.IsPrinted() {
			dt.Printed = &forms.Printed{Header: [][]string{{"项目", "金额"}}, Rows: [][]string{{"货物", "10.00"}, {"服务", "5.00"}}}
			continue
		}
		st := src.Table(dt.ID)
		dt.Absent, dt.Note = st.Absent, st.Note
		for _, sp := range st.Panes {
			copyPane(t, sp, dt.Pane(sp.Side))
		}
	}
	return d
}

// copyPane adds src's coded and project rows to dst and gives dst every
// figure src holds at a row and column dst has.
func copyPane(t *testing.T, src, dst *forms.Pane) {
	t.Helper()
	var coded []forms.CodeName
	var projects []forms.Project
	for _, r := range src.Rows {
		switch r.Type {
		case forms.RowClass, forms.RowUnit:
			coded = append(coded, forms.CodeName{Code: r.Code, Name: r.Name})
		case forms.RowProject:
			projects = append(projects, *r.Project)
		}
	}
	if len(coded) > 0 {
		if err := dst.AddClassRows(coded, nil); err != nil {
			t.Fatal(err)
		}
	}
	if len(projects) > 0 {
		if _, err := dst.AddProjects(projects); err != nil {
			t.Fatal(err)
		}
	}
	var given []forms.GivenCell
	for _, r := range src.Rows {
		dri := dst.RowIndex(r.Key)
		if dri < 0 {
			continue
		}
		for ci, c := range src.Columns {
			dci := dst.Col(c.Key)
			if c.Text || dci < 0 {
				continue
			}
			given = append(given, forms.GivenCell{Row: dri, Col: dci, Value: r.Cells[ci].Value})
		}
	}
	if err := dst.GiveAll(given); err != nil {
		t.Fatal(err)
	}
}

// amountKeys lists the amount columns a definition prints.
func amountKeys(td *forms.TableDef, cols []forms.ColumnSpec, side forms.Side) []string {
	var out []string
	for _, c := range cols {
		if cd, _ := td.Kind.Def().Column(side, c.Key); !cd.Text {
			out = append(out, c.Key)
		}
	}
	return out
}

// subsets is the systematic choice of non-empty subsets of keys: all of
// them, each one left out, each one alone, and n drawn at random.
func subsets(keys []string, rng *rand.Rand, n int) [][]string {
	var out [][]string
	out = append(out, slices.Clone(keys))
	if len(keys) > 1 {
		for i := range keys {
			out = append(out, slices.Delete(slices.Clone(keys), i, i+1))
			out = append(out, []string{keys[i]})
		}
	}
	for range n {
		var s []string
		for _, k := range keys {
			if rng.IntN(2) == 0 {
				s = append(s, k)
			}
		}
		if len(s) == 0 {
			s = []string{keys[rng.IntN(len(keys))]}
		}
		out = append(out, s)
	}
	return out
}

// keepColumns keeps the text columns and the amount columns named.
func keepColumns(td *forms.TableDef, side forms.Side, cols []forms.ColumnSpec, keep []string) []forms.ColumnSpec {
	return slices.DeleteFunc(slices.Clone(cols), func(c forms.ColumnSpec) bool {
		cd, _ := td.Kind.Def().Column(side, c.Key)
		return !cd.Text && !slices.Contains(keep, c.Key)
	})
}

// fixedLines lists a side's fixed lines (the 类 lines are always kept).
func fixedLines(lines []forms.LineSpec) []string {
	var out []string
	for _, l := range lines {
		if l.Classes == "" {
			out = append(out, l.Key)
		}
	}
	return out
}

func keepLines(lines []forms.LineSpec, keep []string) []forms.LineSpec {
	return slices.DeleteFunc(slices.Clone(lines), func(l forms.LineSpec) bool {
		return l.Classes == "" && !slices.Contains(keep, l.Key)
	})
}

// shape is a named restriction of a table definition.
type shape struct {
	name string
	f    shaper
}

// shapesOf lists every restriction the tests try on a definition.
func shapesOf(td *forms.TableDef, rng *rand.Rand) []shape {
	var out []shape
	switch td.Kind.Def().Layout {
	case forms.LayoutClass, forms.LayoutFixed, forms.LayoutProjects:
		for _, keep := range subsets(amountKeys(td, td.Columns, forms.SideNone), rng, 20) {
			out = append(out, shape{"栏 " + strings.Join(keep, ","), func(td *forms.TableDef) {
				td.Columns = keepColumns(td, forms.SideNone, td.Columns, keep)
			}})
		}
	case forms.LayoutTwoSided:
		for _, side := range []forms.Side{forms.SideIn, forms.SideOut} {
			s := td.Sides[side]
			for _, keep := range subsets(amountKeys(td, s.Columns, side), rng, 6) {
				out = append(out, shape{fmt.Sprintf("%s 栏 %s", side, strings.Join(keep, ",")), func(td *forms.TableDef) {
					td.Sides[side].Columns = keepColumns(td, side, td.Sides[side].Columns, keep)
				}})
			}
			for _, keep := range subsets(fixedLines(s.Lines), rng, 10) {
				out = append(out, shape{fmt.Sprintf("%s 行 %s", side, strings.Join(keep, ",")), func(td *forms.TableDef) {
					td.Sides[side].Lines = keepLines(td.Sides[side].Lines, keep)
				}})
			}
		}
		// both sides' columns and lines at once
		for range 20 {
			var fs []shaper
			for _, side := range []forms.Side{forms.SideIn, forms.SideOut} {
				s := td.Sides[side]
				cols := subsets(amountKeys(td, s.Columns, side), rng, 1)
				lines := subsets(fixedLines(s.Lines), rng, 1)
				ck, lk := cols[len(cols)-1], lines[len(lines)-1]
				fs = append(fs, func(td *forms.TableDef) {
					td.Sides[side].Columns = keepColumns(td, side, td.Sides[side].Columns, ck)
					td.Sides[side].Lines = keepLines(td.Sides[side].Lines, lk)
				})
			}
			out = append(out, shape{"两方随机", func(td *forms.TableDef) {
				for _, f := range fs {
					f(td)
				}
			}})
		}
	}
	return out
}

// randomShape restricts a definition at random (a non-empty subset of
// every side's amount columns and of its lines).
func randomShape(td *forms.TableDef, rng *rand.Rand) {
	pick := func(keys []string) []string {
		ss := subsets(keys, rng, 1)
		return ss[rng.IntN(len(ss))]
	}
	switch td.Kind.Def().Layout {
	case forms.LayoutClass, forms.LayoutFixed, forms.LayoutProjects:
		td.Columns = keepColumns(td, forms.SideNone, td.Columns, pick(amountKeys(td, td.Columns, forms.SideNone)))
	case forms.LayoutTwoSided:
		for side, s := range td.Sides {
			s.Columns = keepColumns(td, side, s.Columns, pick(amountKeys(td, s.Columns, side)))
			if lines := fixedLines(s.Lines); len(lines) > 0 {
				s.Lines = keepLines(s.Lines, pick(lines))
			}
		}
	}
}

// scramble gives random figures to random cells, totals included, so that
// little adds up.
func scramble(t *testing.T, d *forms.Document, rng *rand.Rand) {
	t.Helper()
	for _, tb := range d.Tables {
		for _, p := range tb.Panes {
			var given []forms.GivenCell
			for ri := range p.Rows {
				for _, ci := range p.AmountColumns() {
					if rng.IntN(3) > 0 {
						given = append(given, forms.GivenCell{Row: ri, Col: ci, Value: money.Amount(rng.Int64N(2_000_000)) - 100_000})
					}
				}
			}
			if err := p.GiveAll(given); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// checkRobust runs every rule and asserts that none failed, and that each
// finding names existing columns of kind tables only.
func checkRobust(t *testing.T, what string, d *forms.Document) *Result {
	t.Helper()
	var r *Result
	func() {
		defer func() {
			if v := recover(); v != nil {
				t.Fatalf("%s: the check panicked: %v", what, v)
			}
		}()
		r = Document(d)
	}()
	for _, s := range r.Skipped {
		if s.Failed() {
			t.Errorf("%s: rule %s failed: %s", what, s.Rule, s.Reason)
		}
	}
	for _, f := range r.Findings {
		if f.Kind == forms.KindPrinted {
			t.Errorf("%s: %s speaks of a printed table: %s", what, f.Rule, f.Message)
		}
		for _, c := range f.Cells {
			tb := d.Table(c.Table)
			if tb == nil {
				continue // a text part, the inputs, a 绩效 kind without its table
			}
			if tb.IsPrinted() {
				t.Errorf("%s: %s points into printed table %s: %s", what, f.Rule, c.Table, f.Message)
				continue
			}
			if c.Column == "" || !tb.IsGrid() {
				continue
			}
			found := false
			for _, p := range tb.Panes {
				found = found || p.Col(c.Column) >= 0
			}
			if !found {
				t.Errorf("%s: %s names column %q that %s does not print: %s", what, f.Rule, c.Column, c.Table, f.Message)
			}
		}
	}
	return r
}

// key is a finding as a clerk reads it.
func key(f Finding) string { return f.Rule + " " + f.Message }

// A document whose figures all agree, rebuilt with any table printing only
// some of its columns or lines, raises nothing the whole document does not:
// a rule that read an absent column or line as zero would report a
// difference here.
func TestOwnTemplatesSubsetsOfColumnsAndLines(t *testing.T) {
	t.Setenv("YUSUAN_LOG_DIR", t.TempDir())
	sample, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	sample.Text.Explanation = narrative.Text(sample) // the same text whatever the tables print
	sources := []struct {
		name string
		doc  func() *forms.Document
	}{
		{"clean", func() *forms.Document { return cleanDoc(t) }},
		{"sample", func() *forms.Document { return sample }},
	}
	rng := rand.New(rand.NewPCG(36, 38))
	docs := 0
	for _, src := range sources {
		base := src.doc()
		allowed := map[string]bool{}
		for _, f := range Document(base).Findings {
			allowed[key(f)] = true
		}
		whole := checkRobust(t, src.name+" as own", ownOf(t, base, nil))
		for _, f := range whole.Findings {
			if !allowed[key(f)] {
				t.Errorf("%s rebuilt on its own template: new finding %s", src.name, key(f))
			}
		}
		for _, st := range base.Tables {
			if !st.IsGrid() {
				continue
			}
			for _, sh := range shapesOf(st.Def, rng) {
				what := fmt.Sprintf("%s %s %s", src.name, st.ID, sh.name)
				d := ownOf(t, base, func(id string, td *forms.TableDef) {
					if id == st.ID {
						sh.f(td)
					}
				})
				docs++
				for _, f := range checkRobust(t, what, d).Findings {
					if !allowed[key(f)] {
						t.Errorf("%s: new finding %s", what, key(f))
					}
				}
			}
		}
	}
	t.Logf("%d documents checked", docs)
}

// Every table restricted at once, figures that do not add up, and a
// generated 情况说明 or none: no rule fails, no finding names a column that
// is not printed or a printed table.
func TestOwnTemplatesRandomInconsistent(t *testing.T) {
	t.Setenv("YUSUAN_LOG_DIR", t.TempDir())
	rng := rand.New(rand.NewPCG(1, 28))
	sample, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 60 {
		base := cleanDoc(t)
		if i%2 == 1 {
			base = sample
		}
		d := ownOf(t, base, func(id string, td *forms.TableDef) {
			if td.Kind.Def().Layout != forms.LayoutForm {
				randomShape(td, rng)
			}
		})
		scramble(t, d, rng)
		if i%3 == 0 {
			d.Text.Explanation = "" // generated from these tables
		}
		checkRobust(t, fmt.Sprintf("random %d", i), d)
	}
}

// Shapes a reader does not make but a file may hold: sides and tables with
// no amount column at all, and a document of printed tables only.
func TestOwnTemplatesOddShapes(t *testing.T) {
	t.Setenv("YUSUAN_LOG_DIR", t.TempDir())
	for _, c := range []struct {
		name  string
		shape func(id string, td *forms.TableDef)
	}{
		{"两方没有金额栏", func(id string, td *forms.TableDef) {
			for _, s := range td.Sides {
				s.Columns = nil
			}
		}},
		{"两方没有固定行", func(id string, td *forms.TableDef) {
			for _, s := range td.Sides {
				s.Lines = keepLines(s.Lines, nil)
			}
		}},
		{"各表没有金额栏", func(id string, td *forms.TableDef) {
			if td.Kind.Def().Layout != forms.LayoutTwoSided {
				td.Columns = keepColumns(td, forms.SideNone, td.Columns, nil)
			}
		}},
		{"三公表没有本年预算数行", func(id string, td *forms.TableDef) {
			if td.Kind == forms.KindSangong {
				td.Lines = nil
			}
		}},
	} {
		checkRobust(t, c.name, ownOf(t, cleanDoc(t), c.shape))
	}
	// printed tables only: no rule looks at them
	src := cleanDoc(t)
	tmpl := &forms.Template{ID: "published", Name: "公开文本的表格（照原样）", Unit: src.Template.Unit, Own: true, LevelWords: src.Template.LevelWords}
	for i := range 3 {
		tmpl.Tables = append(tmpl.Tables, printedDef(fmt.Sprintf("p%d", i)))
	}
	meta := src.Meta
	meta.Template = tmpl.ID
	d, err := forms.NewDocumentOn(meta, tmpl)
	if err != nil {
		t.Fatal(err)
	}
	d.Text, d.Perf, d.Inputs = src.Text, src.Perf, src.Inputs
	for _, tb := range d.Tables {
		tb.Printed = &forms.Printed{Rows: [][]string{{"合计", "5.00"}}}
		tb.Note = "本部门没有一般公共预算支出" // a note no rule may read on a printed table
	}
	r := checkRobust(t, "只有照原样保留的表", d)
	for _, f := range r.Findings {
		if !IsTextPart(f.Table) && f.Table != "" && d.Table(f.Table) != nil {
			t.Errorf("a finding about a printed table: %s %s", f.Rule, f.Message)
		}
	}
	for _, id := range []string{"T1-1", "T5-1", "X-2", "X-7", "X-9", "H-1"} {
		if _, ok := skipOf(r, id); !ok {
			t.Errorf("%s should be skipped without kind tables", id)
		}
	}
}

// onlyColumns shapes one table to the amount columns named.
func onlyColumns(table string, keep ...string) func(id string, td *forms.TableDef) {
	return func(id string, td *forms.TableDef) {
		if id == table {
			td.Columns = keepColumns(td, forms.SideNone, td.Columns, keep)
		}
	}
}

// X-9 compares with what the 基本支出表 prints: its 合计, else 人员经费 and
// 公用经费 (or the one printed: a part of the line that exceeds the 三公
// item is still an excess); an item the 三公 table does not print is
// compared with the column that adds it up.
func TestX9OnPartialTables(t *testing.T) {
	t.Setenv("YUSUAN_LOG_DIR", t.TempDir())
	for _, cols := range [][]string{{"total"}, {"personnel", "public"}, {"public"}, {"total", "personnel"}} {
		d := ownOf(t, cleanDoc(t), onlyColumns("basic", cols...))
		col := "public"
		if !slices.Contains(cols, col) {
			col = "total"
		}
		give(t, d, "basic", "", "30217", col, "6.00")
		r := checkRobust(t, "X-9 "+strings.Join(cols, ","), d)
		if !hasFinding(r, "X-9", "基本支出表 30217", "超过“三公”经费表公务接待费 5.00万元") {
			t.Errorf("basic %v: X-9 not raised:\n%s\n%v", cols, messages(findingsOf(r, "X-9")), r.Skipped)
		}
	}
	// only 人员经费 printed: 30217 shows no money there, nothing exceeds
	d := ownOf(t, cleanDoc(t), onlyColumns("basic", "personnel"))
	if fs := findingsOf(checkRobust(t, "X-9 personnel", d), "X-9"); len(fs) > 0 {
		t.Errorf("X-9 on 人员经费 alone:\n%s", messages(fs))
	}
	// 购置费 and 运行费 not printed: both against 公务用车购置及运行费
	d = ownOf(t, cleanDoc(t), onlyColumns("sangong", "total", "abroad", "car", "reception"))
	bp := d.Table("basic").Main()
	for _, cn := range []forms.CodeName{{Code: "31013", Name: "公务用车购置"}, {Code: "30231", Name: "公务用车运行维护费"}} {
		if _, err := bp.AddClassRow(cn.Code, cn.Name, nil); err != nil {
			t.Fatal(err)
		}
	}
	give(t, d, "basic", "", "31013", "public", "2.00")
	give(t, d, "basic", "", "30231", "public", "3.00")
	give(t, d, "sangong", "", "cur", "car", "4.00")
	r := checkRobust(t, "X-9 car", d)
	fs := findingsOf(r, "X-9")
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "基本支出表 31013 公务用车购置、30231 公务用车运行维护费 5.00万元 超过“三公”经费表公务用车购置及运行费 4.00万元") || len(fs[0].Cells) != 3 {
		t.Errorf("X-9 on the 小计:\n%s", messages(fs))
	}
}

// X-7 reads 基本支出 as 人员经费 + 公用经费 where a table prints those and
// not the total; T6-1 and T5-1 say what is missing, or check only what
// the table prints in full.
func TestBasicColumnsOnPartialTables(t *testing.T) {
	t.Setenv("YUSUAN_LOG_DIR", t.TempDir())
	d := ownOf(t, cleanDoc(t), onlyColumns("general", "total", "personnel", "public", "project"))
	give(t, d, "basic", "", "30201", "public", "16.00") // the 基本支出表 now 139.00, general 138.00 (人员 118 + 公用 20)
	r := checkRobust(t, "X-7", d)
	if !hasFinding(r, "X-7", "一般公共预算支出表基本支出 138.00 ≠ 基本支出表合计 139.00") {
		t.Errorf("X-7 not raised on 人员经费 + 公用经费:\n%s", messages(findingsOf(r, "X-7")))
	}

	d = ownOf(t, cleanDoc(t), onlyColumns("basic", "total"))
	r = checkRobust(t, "T6-1", d)
	if s, ok := skipOf(r, "T6-1"); !ok || s.Reason != "一般公共预算基本支出表没有列出人员经费、公用经费栏" {
		t.Errorf("T6-1 with the 合计 only: %+v", s)
	}
	d = ownOf(t, cleanDoc(t), onlyColumns("basic", "personnel", "public"))
	if s, ok := skipOf(Document(d), "T6-1"); !ok || s.Reason != "一般公共预算基本支出表没有列出合计栏" {
		t.Errorf("T6-1 without the 合计: %+v", s)
	}

	// 合计 and 基本支出 printed, 项目支出 not: 合计 = 基本 + 项目 cannot be
	// checked (the 合计 differs from 基本支出 by the projects)
	d = ownOf(t, cleanDoc(t), onlyColumns("general", "total", "basic", "personnel", "public"))
	if p := d.Table("general").Main(); !p.Rows[p.RowIndex("2013102")].Cells[p.Col("total")].Entered {
		t.Fatal("the printed 合计 should be kept as given")
	}
	r = checkRobust(t, "T5-1", d)
	if fs := findingsOf(r, "T5-1"); len(fs) > 0 {
		t.Errorf("T5-1 compared the 合计 with 基本支出 alone:\n%s", messages(fs))
	}
	if !ran(r, "T5-1") {
		t.Error("T5-1 should still check 基本支出 = 人员经费 + 公用经费")
	}
	give(t, d, "general", "", "2013101", "basic", "121.00")
	if !hasFinding(Document(d), "T5-1", "人员经费＋公用经费 ＝ 120.00 ≠ “基本支出") {
		t.Errorf("T5-1 did not check what is printed in full:\n%s", messages(findingsOf(Document(d), "T5-1")))
	}
}

// A 类 a table does not list has no money only where the table shows it:
// a 收支总表 that lists its 支出 by 基本/项目 rather than by 类 says
// nothing of each 类. And a line not printed under a printed total that
// equals the lines printed under it holds nothing.
func TestUnlistedLinesAreZeroOnlyWhereTheTableSaysSo(t *testing.T) {
	t.Setenv("YUSUAN_LOG_DIR", t.TempDir())
	d := ownOf(t, cleanDoc(t), nil)
	out := d.Table("summary").Pane(forms.SideOut)
	for ri := len(out.Rows) - 1; ri >= 0; ri-- {
		if out.Rows[ri].Type == forms.RowClass {
			if err := out.RemoveRow(ri); err != nil {
				t.Fatal(err)
			}
		}
	}
	give(t, d, "summary", forms.SideOut, "out.current", "amount", "188.00")
	r := checkRobust(t, "收支总表不按类列支出", d)
	if fs := findingsOf(r, "X-2"); len(fs) > 0 {
		t.Errorf("X-2 read the 类 the 收支总表 does not list as zero:\n%s", messages(fs))
	}
	if !ran(r, "X-2") {
		t.Error("X-2 should still compare 本年支出合计 with the 支出总表")
	}

	// a 财政拨款收支总表 without 上年结转 lines: 收入总计 = 本年收入 says there is none
	d = ownOf(t, cleanDoc(t), func(id string, td *forms.TableDef) {
		if id == "fiscal" {
			s := td.Sides[forms.SideIn]
			s.Lines = keepLines(s.Lines, []string{forms.LineInCurrent, forms.LineInGeneral, forms.LineInFund, forms.LineInSOE, forms.LineInTotal})
		}
	})
	give(t, d, "general", "", "2013101", "personnel", "101.00")
	if r := checkRobust(t, "没有上年结转行", d); !hasFinding(r, "X-4", "一般公共预算拨款（本年＋上年结转－结转下年） 188.00 ≠ 一般公共预算支出表合计 189.00") {
		t.Errorf("X-4 did not take the unprinted 上年结转 as nothing:\n%s", messages(findingsOf(r, "X-4")))
	}
	// the same with a 收入总计 that exceeds 本年收入: the carry is unknown
	give(t, d, "fiscal", forms.SideIn, forms.LineInTotal, "amount", "190.00")
	if r := checkRobust(t, "上年结转未列出", d); hasFinding(r, "X-4", "上年结转－结转下年") {
		t.Errorf("X-4 compared with an unknown 上年结转:\n%s", messages(findingsOf(r, "X-4")))
	}
}

// "“三公”经费预算较2025年减少1.75万元" states a change, not the year's amount.
func TestAChangeAloneIsNotTheAmount(t *testing.T) {
	pt := parseExplanation(PartExplanation, "七、“三公”经费情况\n2026年“三公”经费预算较2025年减少1.75万元，主要原因是压减开支。2026年“三公”经费预算8.00万元。")
	if len(pt.amounts) != 1 || pt.amounts[0].value != m("8.00") || pt.amounts[0].subject != subjSangong {
		t.Errorf("amounts read: %+v", pt.amounts)
	}
}
