package check

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/generate"
	"yusuan/forms/money"
	"yusuan/forms/narrative"
)

// The Checker after an edit re-runs the rules that read what changed, and
// those keep parts of their work (memo.go, formmemo.go, the 情况说明 read
// section by section). Random edits made in place, each told to Changed as
// its contract says (the table, "text", "inputs", "perf" or the one project
// form), on the sample and on a generated document: after each, the result
// is that of Document on a copy read back from the file format — every
// finding in order, the rules run and skipped. (forms/edit has the same
// test through the Session, as the window edits.)
func TestChangedMatchesAFreshCheck(t *testing.T) {
	gen, err := generate.Document(generate.Size{Units: 3, Lines: 120, Projects: 80, L1: 8}, 5)
	if err != nil {
		t.Fatal(err)
	}
	smp, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		doc   *forms.Document
		steps int
	}{{"sample", smp, 250}, {"generated", gen, 150}} {
		t.Run(c.name, func(t *testing.T) {
			d := c.doc
			ch := NewChecker(d)
			ch.Full()
			rnd := rand.New(rand.NewPCG(uint64(len(c.name)), 5))
			for i := 0; i < c.steps; i++ {
				what, told := editInPlace(rnd, d)
				got := ch.Changed(told...)
				sameAsFresh(t, fmt.Sprintf("step %d: %s (told %v)", i, what, told), got, d, nil)
			}
		})
	}
}

// The same with the 情况说明 given as a whole text (not generated), and read
// from a file instead (yusuan check --text).
func TestChangedMatchesAFreshCheckWithAText(t *testing.T) {
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	text := narrative.Text(d)
	for _, src := range []*TextSource{nil, {Name: "情况说明.txt", Text: text}} {
		d, _ := forms.Sample()
		if src == nil {
			d.Text.Explanation = text
		}
		ch := NewChecker(d)
		ch.SetText(src)
		ch.Full()
		rnd := rand.New(rand.NewPCG(9, 9))
		for i := 0; i < 120; i++ {
			what, told := editInPlace(rnd, d)
			got := ch.Changed(told...)
			sameAsFresh(t, fmt.Sprintf("step %d: %s (told %v)", i, what, told), got, d, src)
		}
	}
}

// sameAsFresh compares a result with Document on a copy of d.
func sameAsFresh(t *testing.T, what string, got *Result, d *forms.Document, src *TextSource) {
	t.Helper()
	data, err := forms.Encode(d)
	if err != nil {
		t.Fatal(err)
	}
	cp, err := forms.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	fresh := NewChecker(cp)
	fresh.SetText(src)
	want := fresh.Full()
	g, w := resultLines(got), resultLines(want)
	if !slices.Equal(g, w) {
		for i := 0; i < max(len(g), len(w)); i++ {
			a, b := "", ""
			if i < len(g) {
				a = g[i]
			}
			if i < len(w) {
				b = w[i]
			}
			if a != b {
				t.Fatalf("%s: line %d differs (%d kept, %d from scratch)\nkept:  %s\nfresh: %s", what, i, len(g), len(w), a, b)
			}
		}
	}
}

func resultLines(r *Result) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, fmt.Sprintf("%s %s %s %s %v %s %v %v %v %v", f.Rule, f.Severity, f.Table, f.Kind, f.Cells, f.Message, f.Values, f.Units,
			f.Explanation != nil, f.Stale != nil))
	}
	out = append(out, fmt.Sprint("ran ", r.Ran), fmt.Sprint("skipped ", r.Skipped))
	return out
}

// editInPlace changes the document as a caller of Changed may, and says
// what it told.
func editInPlace(rnd *rand.Rand, d *forms.Document) (string, []string) {
	var grids []*forms.Table
	for _, t := range d.Tables {
		if t.IsGrid() && !t.Absent && len(t.Panes) > 0 {
			grids = append(grids, t)
		}
	}
	switch k := rnd.IntN(20); {
	case k < 9: // figures, a few at once in one table
		t := grids[rnd.IntN(len(grids))]
		p := t.Panes[rnd.IntN(len(t.Panes))]
		var given []forms.GivenCell
		for n := 1 + rnd.IntN(3); n > 0 && len(p.Rows) > 0; n-- {
			ri, ci := rnd.IntN(len(p.Rows)), rnd.IntN(len(p.Columns))
			if p.Columns[ci].Text {
				continue
			}
			v := money.Amount(rnd.Int64N(3_000_000))
			if rnd.IntN(3) == 0 {
				v = p.Rows[rnd.IntN(len(p.Rows))].Cells[ci].Value // another line's figure
			}
			given = append(given, forms.GivenCell{Row: ri, Col: ci, Value: v})
		}
		p.GiveAll(given)
		return fmt.Sprintf("figures %s %d", t.ID, len(given)), []string{t.ID}
	case k == 9: // a line renamed
		t := grids[rnd.IntN(len(grids))]
		p := t.Main()
		if len(p.Rows) == 0 {
			return "rename none", nil
		}
		r := p.Rows[rnd.IntN(len(p.Rows))]
		if r.Type != forms.RowClass {
			return "rename none", nil
		}
		r.Name = []string{"医疗卫生与计划生育支出", r.Name + "（改）", "一般公共服务支出"}[rnd.IntN(3)]
		return "rename " + t.ID + " " + r.Code, []string{t.ID}
	case k == 10: // a line added or removed
		var coded []*forms.Table
		for _, t := range grids {
			if t.Layout() == forms.LayoutClass && t.Main().Kind().Scheme != "" && !t.Def.RowsAreUnits() {
				coded = append(coded, t)
			}
		}
		t := coded[rnd.IntN(len(coded))]
		p := t.Main()
		if rnd.IntN(2) == 0 && len(p.Rows) > 2 {
			ri := rnd.IntN(len(p.Rows))
			err := p.RemoveRow(ri)
			return fmt.Sprintf("remove %s %d %v", t.ID, ri, err), []string{t.ID}
		}
		code := "2019999"
		if p.Kind().Scheme != classify.Functional {
			code = "30299"
		}
		_, err := p.AddClassRow(code, "测试科目", func(string) string { return "测试上级" })
		return fmt.Sprintf("add %s %s %v", t.ID, code, err), []string{t.ID}
	case k == 11: // a project's attribute
		t := d.First(forms.KindProjects)
		if t == nil || t.Absent {
			return "project none", nil
		}
		p := t.Main()
		var rows []int
		for ri, r := range p.Rows {
			if r.Type == forms.RowProject {
				rows = append(rows, ri)
			}
		}
		if len(rows) == 0 {
			return "project none", nil
		}
		ri := rows[rnd.IntN(len(rows))]
		pr := *p.Rows[ri].Project
		switch rnd.IntN(3) {
		case 0:
			pr.Func = []string{"", "2010101", "2019999"}[rnd.IntN(3)]
		case 1:
			pr.L2 = fmt.Sprintf("改名项目%d", rnd.IntN(5))
		case 2:
			pr.L1 = p.Rows[rows[rnd.IntN(len(rows))]].Project.L1
		}
		err := p.SetProject(ri, pr)
		return fmt.Sprintf("project %d %v", ri, err), []string{t.ID}
	case k < 15: // a project form changed in place
		if len(d.Perf.Projects) == 0 {
			return "form none", nil
		}
		i := rnd.IntN(len(d.Perf.Projects))
		f := &d.Perf.Projects[i]
		switch rnd.IntN(4) {
		case 0:
			if len(f.Indicators) > 0 {
				f.Indicators[rnd.IntN(len(f.Indicators))].Value = []string{"", "30%", ">=3次", "<=99999万元", "XX", "2099年"}[rnd.IntN(6)]
			}
		case 1:
			f.Money.Fiscal += money.Amount(rnd.Int64N(1000))
		case 2:
			tot := f.Money.Fiscal + 1
			f.Money.Total = &tot
		case 3:
			f.Goal = []string{"完成任务", "XX目标", "2099年完成"}[rnd.IntN(3)]
		}
		if rnd.IntN(2) == 0 {
			return fmt.Sprintf("form %d", i), []string{ProjectForm(i)}
		}
		return fmt.Sprintf("form %d", i), []string{"perf"}
	case k == 15: // a form added or removed
		if rnd.IntN(2) == 0 && len(d.Perf.Projects) > 0 {
			i := rnd.IntN(len(d.Perf.Projects))
			d.Perf.Projects = slices.Delete(d.Perf.Projects, i, i+1)
			return fmt.Sprintf("form %d removed", i), []string{"perf"}
		}
		d.Perf.Projects = append(d.Perf.Projects, forms.ProjectPerf{Name: "新增", Level: forms.ProjectLevel2, Indicators: []forms.Indicator{{L1: "产出指标", L3: "次数", Value: "5%"}}})
		return "form added", []string{"perf"}
	case k == 16:
		d.Perf.Pre = append(d.Perf.Pre, forms.PrePerf{Period: "XX", AnnualGrid: []forms.Indicator{{L1: "产出指标", L3: "指标一", Score: "30"}}})
		return "pre form added", []string{OtherForms}
	case k == 17:
		v := money.Amount(rnd.Int64N(5_000_000))
		switch rnd.IntN(3) {
		case 0:
			d.Inputs.PrevTotal = &v
		case 1:
			d.Inputs.Operating = &v
		case 2:
			d.Inputs.TotalReason = []string{"", "新增项目", "XX"}[rnd.IntN(3)]
		}
		return "inputs", []string{"inputs"}
	case k == 18:
		switch rnd.IntN(3) {
		case 0:
			d.Text.Organization = []string{"内设 3 个机构：办公室、财务处。", "", "XX"}[rnd.IntN(3)]
		case 1:
			if d.Text.Written == nil {
				d.Text.Written = map[string]string{}
			}
			d.Text.Written[narrative.SecPerf] = "一级项目共2项，二级项目共3项，金额合计1.00万元。"
		case 2:
			if d.Text.Explanation != "" {
				d.Text.Explanation = strings.Replace(d.Text.Explanation, "万元", "1万元", 1)
			}
		}
		return "text", []string{"text"}
	default: // nothing changed, yet told so
		return "nothing", []string{grids[rnd.IntN(len(grids))].ID, "text"}
	}
}

// amountsIn finds what reAmount finds, at the same places.
func TestAmountsInIsThePattern(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"1", "2", "0", "9", ".", "-", "万", "元", "万元", "a", "，", "（", "\xe5", "\x85\x83", "亿"}
	for n := 0; n < 100_000; n++ {
		var s strings.Builder
		for k := rnd.IntN(16); k > 0; k-- {
			s.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		want, got := reAmount.FindAllStringSubmatchIndex(s.String(), -1), amountsIn(s.String())
		if (len(want) > 0 || len(got) > 0) && !reflect.DeepEqual(want, got) {
			t.Fatalf("%q: the pattern finds %v, amountsIn %v", s.String(), want, got)
		}
	}
}

// sameForm compares every field of a project form: one more field in
// forms.ProjectPerf must be added to it (and to copyForm).
func TestSameFormComparesEveryField(t *testing.T) {
	tot := money.Amount(5)
	base := forms.ProjectPerf{Name: "a", Level: forms.ProjectLevel2, Dept: "d", Money: forms.Fund{Total: &tot, Fiscal: 1, Other: 2},
		Goal: "g", Indicators: []forms.Indicator{{L1: "1", L2: "2", L3: "3", Stage: "s", Value: "v", Standard: "x", Score: "y"}}, Unit: "u"}
	changes := map[string]func(f *forms.ProjectPerf){
		"Name":       func(f *forms.ProjectPerf) { f.Name = "b" },
		"Level":      func(f *forms.ProjectPerf) { f.Level = forms.ProjectLevel1 },
		"Dept":       func(f *forms.ProjectPerf) { f.Dept = "e" },
		"Money":      func(f *forms.ProjectPerf) { v := money.Amount(6); f.Money.Total = &v },
		"Goal":       func(f *forms.ProjectPerf) { f.Goal = "h" },
		"Indicators": func(f *forms.ProjectPerf) { f.Indicators[0].Score = "z" },
		"Unit":       func(f *forms.ProjectPerf) { f.Unit = "w" },
	}
	ty := reflect.TypeOf(base)
	if ty.NumField() != len(changes) {
		t.Fatalf("forms.ProjectPerf has %d fields, the test (and sameForm) know %d", ty.NumField(), len(changes))
	}
	for i := 0; i < ty.NumField(); i++ {
		name := ty.Field(i).Name
		change, ok := changes[name]
		if !ok {
			t.Fatalf("field %s not compared", name)
		}
		kept := copyForm(&base)
		f := copyForm(&base)
		change(&f)
		if sameForm(&kept, &f) {
			t.Errorf("a change of %s is not seen", name)
		}
		if !sameForm(&kept, &base) {
			t.Errorf("the copy differs from the form")
		}
	}
	for _, change := range []func(f *forms.ProjectPerf){
		func(f *forms.ProjectPerf) { f.Money.Fiscal = 9 },
		func(f *forms.ProjectPerf) { f.Money.Other = 9 },
		func(f *forms.ProjectPerf) { f.Money.Total = nil },
		func(f *forms.ProjectPerf) { f.Indicators = append(f.Indicators, forms.Indicator{}) },
	} {
		kept, f := copyForm(&base), copyForm(&base)
		change(&f)
		if sameForm(&kept, &f) {
			t.Error("a change of the money or of the indicators is not seen")
		}
	}
	// the copy shares nothing the form is changed through
	kept := copyForm(&base)
	base.Indicators[0].Value = "changed"
	*base.Money.Total = 7
	if kept.Indicators[0].Value != "v" || *kept.Money.Total != 5 {
		t.Error("the copy changed with the form")
	}
}
