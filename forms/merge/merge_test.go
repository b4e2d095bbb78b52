package merge

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// unit makes a 单位's document from the sample with its own code and name.
func unit(t *testing.T, code, name string) *forms.Document {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	d.Meta.Level, d.Meta.Code, d.Meta.Name, d.Meta.Sample, d.Meta.Remark = forms.LevelUnit, code, name, false, ""
	return d
}

// set types a figure into a unit's table (row by code or key, column by key).
func set(t *testing.T, d *forms.Document, table, row, col string, v string) {
	t.Helper()
	p := d.Table(table).Main()
	ri := p.RowIndex(row)
	if ri < 0 {
		var err error
		if ri, err = p.AddClassRow(row, "", func(c string) string { n, _ := d.Catalog().Name(classify.Functional, c, d.Meta.Year); return n }); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Set(ri, p.Col(col), money.MustParse(v)); err != nil {
		t.Fatal(err)
	}
}

func value(t *testing.T, d *forms.Document, table, row, col string) money.Amount {
	t.Helper()
	for _, p := range d.Table(table).Panes {
		if v, ok := p.Value(row, col); ok {
			return v
		}
	}
	t.Fatalf("%s %s %s: no such cell", table, row, col)
	return 0
}

// three units: A (本级) as the sample, B with another 2013101 人员经费, C with
// a line of its own.
func three(t *testing.T) (a, b, c *forms.Document) {
	a = unit(t, "324001", "中共吉林市委办公室")
	b = unit(t, "324002", "中共吉林市委机要局")
	c = unit(t, "324003", "中共吉林市委信息中心")
	for _, id := range []string{"general", "expense"} {
		col := forms.ColPersonnel
		if id == "expense" {
			col = forms.ColBasic
		}
		set(t, b, id, "2013101", col, map[string]string{"general": "500.00", "expense": "673.40"}[id])
		set(t, c, id, "2080506", col, "12.34")
	}
	return a, b, c
}

func inputs(docs ...*forms.Document) []Input {
	var out []Input
	for i, d := range docs {
		out = append(out, Input{File: fmt.Sprintf("单位%d.yusuan", i+1), Doc: d})
	}
	return out
}

func consolidate(t *testing.T, in []Input, opts Options) *Result {
	t.Helper()
	res, err := Consolidate(in, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// sharesByCode turns a trace into unit code → amount.
func sharesByCode(d *forms.Document, s []forms.Share) map[string]string {
	out := map[string]string{}
	for _, x := range s {
		out[d.Merge.Units[x.Unit].Code] = x.Value.String()
	}
	return out
}

func TestConsolidateSumsLineByLine(t *testing.T) {
	a, b, c := three(t)
	res := consolidate(t, inputs(a, b, c), Options{})
	d := res.Doc
	if d.Meta.Level != forms.LevelDept || d.Meta.Code != "324" || d.Meta.Name != "中共吉林市委办公室" || d.Meta.Year != 2022 || d.Meta.Template != "jilin-2022" {
		t.Errorf("meta %+v", d.Meta)
	}
	// the figure the issue names: 2013101 人员经费 = 567.09 + 500.00 + 567.09
	if v := value(t, d, "general", "2013101", forms.ColPersonnel); v != money.MustParse("1634.18") {
		t.Errorf("2013101 人员经费 = %s", v)
	}
	// every cell of every amount table is the sum of the units' cells
	units := []*forms.Document{a, b, c}
	for _, dt := range d.Tables {
		if !dt.IsGrid() || dt.Def.RowsAreUnits() {
			continue
		}
		for pi, p := range dt.Panes {
			for ri, r := range p.Rows {
				if r.Type == forms.RowProject {
					continue // project lines stay each unit's
				}
				for _, ci := range p.AmountColumns() {
					var want money.Amount
					for _, u := range units {
						up := u.Table(dt.ID).Panes[pi]
						if uri := up.RowIndex(r.Key); uri >= 0 {
							want += up.Rows[uri].Cells[up.Col(p.Columns[ci].Key)].Value
						}
					}
					if got := r.Cells[ci].Value; got != want {
						t.Errorf("%s %s %s = %s, units add to %s", dt.ID, p.RowLabel(ri), p.ColumnLabel(ci), got, want)
					}
					if r.Cells[ci].Entered {
						t.Errorf("%s %s %s is kept as given", dt.ID, p.RowLabel(ri), p.ColumnLabel(ci))
					}
				}
			}
		}
	}
	// C's own line, and where a figure came from
	g := d.First(forms.KindGeneral).Main()
	if got := sharesByCode(d, g.Trace(g.RowIndex("2080506"), g.Col(forms.ColPersonnel))); fmt.Sprint(got) != "map[324003:12.34]" {
		t.Errorf("2080506 from %v", got)
	}
	got := sharesByCode(d, g.Trace(g.RowIndex("2013101"), g.Col(forms.ColPersonnel)))
	if fmt.Sprint(got) != "map[324001:567.09 324002:500.00 324003:567.09]" {
		t.Errorf("2013101 人员经费 from %v", got)
	}
	// a total's units are the units' totals
	got = sharesByCode(d, g.Trace(g.RowIndex(forms.RowKeyTotal), g.Col(forms.ColTotal)))
	if fmt.Sprint(got) != "map[324001:6677.45 324002:6610.36 324003:6689.79]" {
		t.Errorf("合计 from %v", got)
	}
	// 收入总表: the 部门 line, then one line per unit with its code and name
	inc := d.First(forms.KindIncome).Main()
	var lines []string
	for ri, r := range inc.Rows {
		lines = append(lines, fmt.Sprintf("%s %s %s", r.Code, r.Name, r.Cells[inc.Col(forms.ColTotal)].Value))
		if r.Type == forms.RowUnit && r.Code != "324" && r.Computed() {
			t.Errorf("unit line %s is computed", r.Code)
		}
		_ = ri
	}
	want := []string{" 合计 20032.35", "324 中共吉林市委办公室 20032.35", "324001 中共吉林市委办公室 6677.45",
		"324002 中共吉林市委机要局 6677.45", "324003 中共吉林市委信息中心 6677.45"}
	if !slices.Equal(lines, want) {
		t.Errorf("收入总表\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if !inc.Rows[1].Computed() {
		t.Error("the 部门 line does not add up its units")
	}
	// 三公, inputs, projects and their forms
	if v := value(t, d, "sangong", forms.LineSangongCurrent, "reception"); v != money.MustParse("153.84") {
		t.Errorf("三公接待 %s", v)
	}
	if d.Inputs.PrevTotal == nil || *d.Inputs.PrevTotal != money.MustParse("3090.30") || d.Inputs.Procurement.Goods != money.MustParse("15924.30") {
		t.Errorf("inputs %+v", d.Inputs)
	}
	if d.Inputs.TotalReason != a.Inputs.TotalReason || d.Text.Functions != a.Text.Functions {
		t.Error("texts are not the 本级's")
	}
	prj := d.First(forms.KindProjects).Main()
	n := 0
	for _, r := range prj.Rows {
		if r.Type == forms.RowProject {
			n++
			if d.LineUnit(r) == "" {
				t.Errorf("project %s has no unit", r.Project.L2)
			}
		}
	}
	if n != 3*17 || value(t, d, "projects", "l1:服务保障", forms.ColTotal) != money.MustParse("426.60") {
		t.Errorf("%d project lines, 服务保障 %s", n, value(t, d, "projects", "l1:服务保障", forms.ColTotal))
	}
	if len(d.Perf.Projects) != 3*len(a.Perf.Projects) || d.Perf.Projects[len(a.Perf.Projects)].Unit != "324002" {
		t.Errorf("%d forms", len(d.Perf.Projects))
	}
	if !d.Merge.Units[0].Self || d.Merge.Units[0].Code != "324001" || d.Merge.Units[1].Self {
		t.Errorf("units %+v", d.Merge.Units)
	}
}

// Units whose figures agree with each other give a 部门 whose figures agree.
func TestConsistentUnitsNoErrors(t *testing.T) {
	res := consolidate(t, inputs(unit(t, "324001", "甲"), unit(t, "324002", "乙"), unit(t, "324003", "丙")), Options{})
	if len(res.Issues) != 0 {
		t.Errorf("issues:\n%s", issues(res))
	}
	if r := check.Document(res.Doc); r.Count(check.Error) > 0 {
		t.Errorf("%s: %s", r.Summary(), r.Findings[0].Message)
	}
}

// The sources survive saving and opening; a document that is not a
// consolidation is still written as schema 1.
func TestSourcesRoundTrip(t *testing.T) {
	a, b, c := three(t)
	d := consolidate(t, inputs(a, b, c), Options{}).Doc
	data, err := forms.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"schema":2`)) || !bytes.Contains(data, []byte(`"from":{`)) {
		t.Error("a consolidation is not written as schema 2 with sources")
	}
	back, err := forms.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := forms.Encode(back)
	if !bytes.Equal(data, again) {
		t.Error("a consolidation does not read back identical")
	}
	g := back.First(forms.KindGeneral).Main()
	if got := sharesByCode(back, g.Trace(g.RowIndex("2013101"), g.Col(forms.ColPersonnel))); got["324002"] != "500.00" || len(got) != 3 {
		t.Errorf("read back %v", got)
	}
	plain, _ := forms.Encode(a)
	if !bytes.Contains(plain, []byte(`"schema":1`)) || bytes.Contains(plain, []byte(`"from"`)) {
		t.Error("a plain document changed format")
	}
	// a file naming a unit the list does not have is refused, with where
	bad := bytes.Replace(data, []byte(`"324003":"12.34"`), []byte(`"999":"12.34"`), 1)
	if _, err := forms.Decode(bad); err == nil || !strings.Contains(err.Error(), "“999”不在汇总单位列表中") {
		t.Errorf("unknown unit: %v", err)
	}
}

func TestReplaceReportsChanges(t *testing.T) {
	a, b, c := unit(t, "324001", "中共吉林市委办公室"), unit(t, "324002", "中共吉林市委机要局"), unit(t, "324003", "中共吉林市委信息中心")
	first := consolidate(t, inputs(a, b, c), Options{}).Doc
	b2 := unit(t, "324002", "中共吉林市委机要局")
	set(t, b2, "general", "2013101", forms.ColPersonnel, "550.00")
	res := consolidate(t, []Input{{File: "机要局更正.xlsx", Doc: b2}}, Options{Previous: first})
	if !slices.Equal(res.Replaced, []string{"324002 中共吉林市委机要局"}) || len(res.Kept) != 2 || len(res.Added) != 0 {
		t.Errorf("replaced %v kept %v added %v", res.Replaced, res.Kept, res.Added)
	}
	var lines []string
	for _, ch := range res.Changes {
		lines = append(lines, ch.String())
	}
	want := "一般公共预算支出表 2013101 行政运行“基本支出人员经费”：1701.27 → 1684.18万元（324002 中共吉林市委机要局 567.09 → 550.00）"
	if !slices.Contains(lines, want) {
		t.Errorf("changes lack %q:\n%s", want, strings.Join(lines, "\n"))
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "一般公共预算支出表") {
			t.Errorf("unexpected change %s", l)
		}
	}
	// the same as consolidating the three files again
	fresh := consolidate(t, []Input{{"单位1.yusuan", a}, {"机要局更正.xlsx", b2}, {"单位3.yusuan", c}}, Options{}).Doc
	if diff := Diff(fresh, res.Doc); len(diff) != 0 {
		t.Errorf("replacing differs from consolidating anew: %v", diff[0])
	}
	if d := res.Doc; !d.Merge.Units[0].Self || d.Merge.Units[1].File != "机要局更正.xlsx" {
		t.Errorf("units %+v", d.Merge.Units)
	}
	// the 部门's checks name the unit whose figures disagree now
	r := check.Document(res.Doc)
	if r.Count(check.Error) == 0 {
		t.Fatal("no 错误 after one unit's 2013101 changed alone")
	}
	for _, f := range r.Findings {
		if f.Severity == check.Error && !slices.Equal(f.Units, []string{"324002 中共吉林市委机要局"}) {
			t.Errorf("%s %s names %v", f.Rule, f.Message, f.Units)
		}
	}
	// consolidating the same files again changes nothing
	again := consolidate(t, []Input{{"机要局更正.xlsx", b2}}, Options{Previous: res.Doc})
	if len(again.Changes) != 0 {
		t.Errorf("no-op replacement changed %v", again.Changes[0])
	}
	// a unit new to the 部门 is added
	e := unit(t, "324004", "中共吉林市委党史研究室")
	added := consolidate(t, []Input{{"党史研究室.yusuan", e}}, Options{Previous: res.Doc})
	if len(added.Added) != 1 || len(added.Doc.Merge.Units) != 4 {
		t.Errorf("added %v", added.Added)
	}
}

func TestNameDisagreementListed(t *testing.T) {
	a, b, c := three(t)
	p := c.Table("general").Main()
	p.Rows[p.RowIndex("2013101")].Name = "行政运行支出"
	res := consolidate(t, inputs(a, b, c), Options{})
	msg := issues(res)
	if !strings.Contains(msg, "编码 2013101 的名称不一致：“行政运行”（324001 中共吉林市委办公室（本级）、324002 中共吉林市委机要局、324003 中共吉林市委信息中心）、“行政运行支出”（324003 中共吉林市委信息中心）；汇总表用“行政运行”") {
		t.Errorf("issues:\n%s", msg)
	}
	if p := res.Doc.Table("general").Main(); p.Rows[p.RowIndex("2013101")].Name != "行政运行" {
		t.Error("the 本级's name is not used")
	}
}

func issues(res *Result) string {
	var s []string
	for _, is := range res.Issues {
		s = append(s, is.Message)
	}
	return strings.Join(s, "\n")
}

func TestYearOrTemplateRefused(t *testing.T) {
	a, b, c := three(t)
	c.Meta.Year = 2023
	_, err := Consolidate(inputs(a, b, c), Options{})
	var refused *Refused
	if !errors.As(err, &refused) || !strings.Contains(err.Error(), "文件“单位3.yusuan”是 2023 年的预算，本级文件“单位1.yusuan”是 2022 年") {
		t.Errorf("year: %v", err)
	}
	n, _ := forms.NewDocument(forms.Meta{Name: "某单位", Code: "324005", Year: 2022, Level: forms.LevelUnit, Template: "national"})
	_, err = Consolidate(inputs(a, n), Options{})
	if err == nil || !strings.Contains(err.Error(), "文件“单位2.yusuan”用模板“全国通用") {
		t.Errorf("template: %v", err)
	}
	_, err = Consolidate(inputs(a, a), Options{})
	if err == nil || !strings.Contains(err.Error(), "单位代码 324001 出现在两个文件中") {
		t.Errorf("same unit twice: %v", err)
	}
	nocode := unit(t, "", "无代码单位")
	nocode.Table("income").Main().Rows[2].Code = "" // no unit line to tell either
	_, err = Consolidate(inputs(a, nocode), Options{})
	if err == nil || !strings.Contains(err.Error(), "没有单位代码") {
		t.Errorf("no code: %v", err)
	}
	if _, err := Consolidate(inputs(a, b), Options{Self: "其他.yusuan"}); err == nil || !strings.Contains(err.Error(), "--self") {
		t.Errorf("--self: %v", err)
	}
}

// A total a unit gave that is not the sum of its parts is reported, and
// the 部门 adds the parts.
func TestGivenTotalReported(t *testing.T) {
	a, b, c := three(t)
	p := b.Table("general").Main()
	if err := p.Give(p.RowIndex("201"), p.Col(forms.ColTotal), money.MustParse("7000.00")); err != nil {
		t.Fatal(err)
	}
	res := consolidate(t, inputs(a, b, c), Options{})
	if !strings.Contains(issues(res), "324002 中共吉林市委机要局的“一般公共预算支出表”有合计与各项之和不符（201 一般公共服务支出“合计”：填 7000.00，各项之和 6408.60）") {
		t.Errorf("issues:\n%s", issues(res))
	}
	if v := value(t, res.Doc, "general", "201", forms.ColTotal); v != money.MustParse("19359.98") {
		t.Errorf("201 合计 = %s", v)
	}
}

// A unit that puts its figure on a line others break down: the 部门's line
// is the units' sum, given, and the check names that unit.
func TestFigureAboveOthersLines(t *testing.T) {
	a, b, c := three(t)
	set(t, a, "general", "2120101", forms.ColProject, "3.00")
	set(t, c, "general", "21201", forms.ColProject, "5.00")
	res := consolidate(t, inputs(a, b, c), Options{})
	if !strings.Contains(issues(res), "“一般公共预算支出表”21201：324003 中共吉林市委信息中心把数填在这一行而没有列出下级") {
		t.Errorf("issues:\n%s", issues(res))
	}
	d := res.Doc
	if v := value(t, d, "general", "21201", forms.ColProject); v != money.MustParse("8.00") {
		t.Errorf("21201 = %s", v)
	}
	if v := value(t, d, "general", "212", forms.ColTotal); v != money.MustParse("8.00") {
		t.Errorf("212 合计 = %s", v)
	}
	g := d.First(forms.KindGeneral).Main()
	if got := sharesByCode(d, g.Trace(g.RowIndex("212"), g.Col(forms.ColTotal))); fmt.Sprint(got) != "map[324001:3.00 324003:5.00]" {
		t.Errorf("212 from %v", got)
	}
	found := false
	for _, f := range check.Document(d).Findings {
		if f.Rule == "H-1" && f.Cells[0].Row == "21201" {
			found = true
			if !slices.Equal(f.Units, []string{"324003 中共吉林市委信息中心"}) {
				t.Errorf("H-1 names %v", f.Units)
			}
			if !strings.Contains(f.UnitsNote(), "（涉及单位：324003 中共吉林市委信息中心）") {
				t.Errorf("note %q", f.UnitsNote())
			}
		}
	}
	if !found {
		t.Error("no H-1 on 21201")
	}
}

// A table one unit keeps in 元 is converted to the others' 万元, and said.
func TestAmountUnitConverted(t *testing.T) {
	a, b, c := three(t)
	g := c.Table("basic")
	g.Unit = money.Yuan
	for _, r := range g.Main().Rows {
		for ci := range r.Cells {
			r.Cells[ci].Value *= 10000
		}
	}
	g.Main().Rows[g.Main().RowIndex("30217")].Cells[g.Main().Col(forms.ColPublic)].Value += 49 // 0.0049 万元
	res := consolidate(t, inputs(a, b, c), Options{})
	msg := issues(res)
	if !strings.Contains(msg, "“一般公共预算基本支出表”的金额单位不一致：万元（324001 中共吉林市委办公室（本级）、324002 中共吉林市委机要局），元（324003 中共吉林市委信息中心）") ||
		!strings.Contains(msg, "324003 中共吉林市委信息中心的“一般公共预算基本支出表”以元为单位：已换算为万元，其中 1 个数四舍五入到分") {
		t.Errorf("issues:\n%s", msg)
	}
	if v := value(t, res.Doc, "basic", "30217", forms.ColPublic); v != money.MustParse("3.84") {
		t.Errorf("30217 = %s", v)
	}
}

// --self picks the 本级: its texts, its flag, the 部门 above it.
func TestSelfChosen(t *testing.T) {
	a, b, c := three(t)
	b.Text.Functions = "机要局的主要职能"
	res := consolidate(t, inputs(a, b, c), Options{Self: "单位2.yusuan", Name: "中共吉林市委办公室（汇总）"})
	d := res.Doc
	if d.Text.Functions != "机要局的主要职能" || d.Merge.Units[0].Code != "324002" || !d.Merge.Units[0].Self || d.Meta.Name != "中共吉林市委办公室（汇总）" {
		t.Errorf("self: %+v, %q", d.Merge.Units[0], d.Text.Functions)
	}
}

// Every template consolidates: new 单位 documents with a figure each.
func TestEveryTemplate(t *testing.T) {
	tmpls, err := forms.Templates()
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range tmpls {
		var in []Input
		for i := 1; i <= 2; i++ {
			d, err := forms.NewDocument(forms.Meta{Name: fmt.Sprintf("单位%d", i), Code: fmt.Sprintf("50100%d", i), Year: 2024, Level: forms.LevelUnit, Template: tm.ID})
			if err != nil {
				t.Fatal(err)
			}
			set(t, d, d.First(forms.KindGeneral).ID, "2010101", forms.ColProject, fmt.Sprintf("%d.25", i))
			in = append(in, Input{File: fmt.Sprintf("%s-%d.yusuan", tm.ID, i), Doc: d})
		}
		res, err := Consolidate(in, Options{Code: "501", Name: "某部门"})
		if err != nil {
			t.Errorf("%s: %v", tm.ID, err)
			continue
		}
		d := res.Doc
		g := d.First(forms.KindGeneral)
		if v := value(t, d, g.ID, "2010101", forms.ColProject); v != money.MustParse("3.50") {
			t.Errorf("%s: 2010101 = %s", tm.ID, v)
		}
		data, _ := forms.Encode(d)
		if _, err := forms.Decode(data); err != nil {
			t.Errorf("%s: %v", tm.ID, err)
		}
		if d.Meta.Code != "501" || d.Meta.Name != "某部门" {
			t.Errorf("%s: meta %+v", tm.ID, d.Meta)
		}
	}
}
