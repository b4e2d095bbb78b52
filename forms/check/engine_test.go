package check

import (
	"reflect"
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/money"
)

func sameResults(t *testing.T, what string, a, b *Result) {
	t.Helper()
	if len(a.Findings) != len(b.Findings) {
		t.Fatalf("%s: %d findings incrementally, %d from scratch\n%s\n---\n%s", what, len(a.Findings), len(b.Findings), messages(a.Findings), messages(b.Findings))
	}
	for i := range a.Findings {
		if a.Findings[i].Message != b.Findings[i].Message || a.Findings[i].Rule != b.Findings[i].Rule {
			t.Fatalf("%s: finding %d differs: %q vs %q", what, i, a.Findings[i].Message, b.Findings[i].Message)
		}
	}
	if !reflect.DeepEqual(a.Ran, b.Ran) || !reflect.DeepEqual(a.Skipped, b.Skipped) {
		t.Fatalf("%s: ran/skipped differ", what)
	}
}

// After an edit only the rules reading the edited table run again, and the
// result is the same as checking from scratch.
func TestIncrementalRecheckMatchesFullCheck(t *testing.T) {
	d := cleanDoc(t)
	c := NewChecker(d)
	c.Full()
	runs := func() map[string]int {
		m := map[string]int{}
		for k, v := range c.runs {
			m[k] = v
		}
		return m
	}
	edits := []struct {
		table string
		do    func()
	}{
		{"general", func() {
			p := d.Table("general").Main()
			p.Set(p.RowIndex("2013101"), p.Col("public"), money.MustParse("25.00"))
		}},
		{"sangong", func() {
			p := d.Table("sangong").Main()
			p.Set(p.RowIndex("cur"), p.Col("abroad"), money.MustParse("1.00"))
		}},
		{"projects", func() {
			p := d.Table("projects").Main()
			p.Set(p.RowIndex("p2"), p.Col("cur_general"), money.MustParse("22.00"))
		}},
	}
	for _, e := range edits {
		before := runs()
		e.do()
		got := c.Changed(e.table)
		sameResults(t, "after editing "+e.table, got, Document(d))
		after := runs()
		kind := d.Table(e.table).Kind
		for _, r := range Rules() {
			reads := false
			for _, k := range r.Reads {
				reads = reads || k == kind
			}
			reran := after[r.ID] > before[r.ID]
			if reran != reads {
				t.Errorf("editing %s: rule %s re-ran=%v, reads the table=%v", e.table, r.ID, reran, reads)
			}
		}
	}
	if len(findingsOf(c.Changed("general"), "X-4")) == 0 {
		t.Error("the edit to the general table should break X-4")
	}
	// text and forms
	d.Text.Explanation = strings.Replace(d.Text.Explanation, "占73.40%", "占70.00%", 1)
	sameResults(t, "after editing the text", c.Changed("text"), Document(d))
	form(d, "专项调研经费").Indicators[0].Value = "4次"
	sameResults(t, "after editing a form", c.Changed("perf"), Document(d))
}

// A warning carries the clerk's explanation, shown as explained, until its
// figures change; an error cannot be explained away.
func TestExplanations(t *testing.T) {
	d := cleanDoc(t)
	form(d, "专项调研经费").Indicators[2].Value = "<=40万元"
	r := Document(d)
	fs := findingsOf(r, "P-3")
	if len(fs) != 1 {
		t.Fatalf("P-3 findings: %d", len(fs))
	}
	if err := Explain(d, &fs[0], "含上年结转的调研任务，经局务会同意"); err != nil {
		t.Fatal(err)
	}
	back, err := forms.Decode(mustEncode(t, d)) // explanations are kept in the document
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []*forms.Document{d, back} {
		f := findingsOf(Document(doc), "P-3")[0]
		if !f.Explained() || f.Explanation.Text != "含上年结转的调研任务，经局务会同意" || f.Stale != nil {
			t.Errorf("explanation not attached: %+v", f)
		}
	}
	// the finding stays listed (not hidden) and counted
	if n := Document(d).Count(Warning); n != 1 {
		t.Errorf("explained warnings are still counted: %d", n)
	}
	// its figures change: the explanation no longer applies
	form(d, "专项调研经费").Indicators[2].Value = "<=45万元"
	f := findingsOf(Document(d), "P-3")[0]
	if f.Explained() || f.Stale == nil {
		t.Errorf("explanation should be stale after the figures changed: %+v", f)
	}
	// an empty text removes it
	if err := Explain(d, &f, ""); err != nil || len(d.Explanations) != 0 {
		t.Errorf("removing: %v, %d left", err, len(d.Explanations))
	}
	// errors must be fixed, not explained
	d2 := cleanDoc(t)
	give(t, d2, "summary", forms.SideOut, "201", "amount", "171.00")
	e := findingsOf(Document(d2), "T1-1")[0]
	if err := Explain(d2, &e, "理由"); err == nil {
		t.Error("an 错误 was explained")
	}
}

func mustEncode(t *testing.T, d *forms.Document) []byte {
	t.Helper()
	b, err := forms.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCompareAcrossUnits(t *testing.T) {
	y := func(s string) fig { return fig{v: money.MustParse(s), u: money.Yuan} }
	w := func(s string) fig { return fig{v: money.MustParse(s), u: money.WanYuan} }
	cases := []struct {
		a, b fig
		want grade
	}{
		{y("12300.00"), w("1.23"), same},
		{y("12345.00"), w("1.23"), tail},  // 1.2345 万元 printed as 1.23
		{w("1.24"), y("12345.00"), apart}, // 1.2345 万元 rounds to 1.23, not 1.24
		{y("12350.00"), w("1.24"), tail},  // half rounds up
		{y("12400.00"), w("1.23"), apart}, // a real difference
		{w("1.23"), w("1.23"), same},
		{w("1.23"), w("1.24"), tail},  // two rounded figures: up to 0.01 apart
		{w("1.23"), w("1.25"), apart}, // beyond
		{y("1.00"), y("1.01"), apart}, // 元 to the cent is exact
		{y("-12350.00"), w("-1.24"), tail},
	}
	for i, c := range cases {
		if g := gapOf(c.a, c.b); g.grade != c.want {
			t.Errorf("case %d: %v %s vs %v %s: grade %d, want %d", i, c.a.v, c.a.u, c.b.v, c.b.u, g.grade, c.want)
		}
	}
}

// A table in 元 and a text in 万元 (decision 36): the table's figure rounded
// half up at the text's last decimal is right; within one unit of that
// decimal (a truncated figure too) is a 提示 尾差; beyond it an 错误.
func TestTextFromYuanTable(t *testing.T) {
	d, err := forms.NewDocument(forms.Meta{Name: "某单位", Year: 2024, Template: "shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	p := d.Table("expense").Main()
	ri, _ := p.AddClassRow("2013101", "行政运行", func(string) string { return "" })
	p.Set(ri, p.Col("basic"), money.MustParse("12345.00"))
	for _, c := range []struct {
		text string
		sev  Severity // -1: nothing to report
		want string
	}{
		{"1.23万元", -1, ""},
		{"1.2万元", -1, ""},
		{"12345元", -1, ""},
		{"1.24万元", Hint, "相差 0.0055万元，按四舍五入应写 1.23万元，差在文字末位的 1 个单位（0.01万元）以内（尾差）"},
		{"1.25万元", Error, "不符，相差 0.0155万元"},
		{"12346元", Hint, "按四舍五入应写 12345元"},
	} {
		d.Text.Explanation = "三、2024年支出预算情况\n2024年支出预算1.23万元，其中：基本支出" + c.text + "。"
		var fs []Finding
		for _, f := range findingsOf(Document(d), "N-1") {
			if strings.Contains(f.Message, "“基本支出") {
				fs = append(fs, f)
			}
		}
		if c.sev < 0 {
			if len(fs) > 0 {
				t.Errorf("%s reported:\n%s", c.text, messages(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != c.sev || !strings.Contains(fs[0].Message, c.want) || !strings.Contains(fs[0].Message, "12345.00元") {
			t.Errorf("%s: %+v", c.text, fs)
		}
	}
}

func TestCatalogueIsComplete(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range Rules() {
		if ids[r.ID] || r.Title == "" || r.eval == nil {
			t.Errorf("rule %q duplicated or incomplete", r.ID)
		}
		ids[r.ID] = true
	}
	for _, id := range []string{"T1-1", "T1-2", "T1-3", "T2-1", "T3-1", "H-1", "H-2", "H-3", "T4-1", "T5-1", "T6-1", "T7-1", "T10-1",
		"P-1", "P-2", "P-3", "P-4", "X-1", "X-2", "X-3", "X-4", "X-5", "X-6", "X-7", "X-8", "X-9", "X-10", "X-11", "X-12", "X-13", "X-14",
		"N-1", "N-2", "N-3", "N-4", "N-5", "N-6", "N-7", "N-8"} {
		if !ids[id] {
			t.Errorf("checks.md rule %s missing", id)
		}
	}
}

// With the 情况说明 generated, an edit anywhere changes the text: the text
// rules follow it (N-7 and X-11 only for their 情况说明 part) and the result
// stays that of a check from scratch.
func TestIncrementalRecheckWithGeneratedText(t *testing.T) {
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	if d.Text.Explanation != "" {
		t.Fatal("the sample's 情况说明 should be generated")
	}
	c := NewChecker(d)
	c.Full()
	gen := d.Table("general").Main()
	gen.Set(gen.RowIndex("2101101"), gen.Col("personnel"), money.MustParse("50.00"))
	sameResults(t, "after editing the general table", c.Changed("general"), Document(d))
	d.Inputs.TotalReason = ""
	d.Inputs.PrevOperating = nil
	got := c.Changed("inputs")
	sameResults(t, "after clearing two inputs", got, Document(d))
	if !hasFinding(got, "N-4", "没有说明增减原因") || !hasFinding(got, "N-7", "收支总预算增减的主要原因", "处待补充") {
		t.Errorf("the gaps left by missing inputs are not reported:\n%s", messages(got.Findings))
	}
	prj := d.Table("projects").Main()
	prj.Set(prj.RowIndex("p2"), prj.Col("cur_general"), money.MustParse("22.00"))
	sameResults(t, "after editing a project", c.Changed("projects"), Document(d))
}
