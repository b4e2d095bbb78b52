package edit

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/classify"
	"yusuan/forms/generate"
	"yusuan/forms/merge"
	"yusuan/forms/money"
	"yusuan/forms/narrative"
)

// After an edit the checks re-run only what it touched, and those keep
// parts of their work from the last run (forms/check: memo.go, formmemo.go;
// the generated 情况说明 section by section). Whatever the clerk does, the
// result the session keeps must be the result of checking the document
// from scratch: random edits of every kind the window makes, and undo and
// redo, on the sample and on a generated document, each followed by
// check.Document on a copy of the document read back from its file —
// every finding (rule, severity, table, cells, message, figures, units,
// explanation), in order, and the same rules run and skipped.
func TestRandomEditsMatchAFreshCheck(t *testing.T) {
	gen, err := generate.Document(generate.Size{Units: 4, Lines: 160, Projects: 120, L1: 12}, 7)
	if err != nil {
		t.Fatal(err)
	}
	smp, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	// a 部门 consolidated (汇总) from three units: findings name the units
	units, err := generate.Units(3, 11)
	if err != nil {
		t.Fatal(err)
	}
	var in []merge.Input
	for i, u := range units {
		in = append(in, merge.Input{File: fmt.Sprintf("unit%d.yusuan", i+1), Doc: u})
	}
	merged, err := merge.Consolidate(in, merge.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		doc   *forms.Document
		seed  uint64
		steps int
	}{
		{"sample", smp, 1, 300},
		{"generated", gen, 2, 200},
		{"consolidated", merged.Doc, 3, 120},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := New(c.doc)
			sameAsFresh(t, s, "opened")
			r := &randomEditor{t: t, s: s, rnd: rand.New(rand.NewPCG(c.seed, 99))}
			kinds := map[string]int{}
			for i := 0; i < c.steps; i++ {
				what := r.edit()
				kinds[strings.Fields(what)[0]]++
				if s.CheckError() != nil {
					t.Fatalf("step %d (%s): %v", i, what, s.CheckError())
				}
				sameAsFresh(t, s, fmt.Sprintf("step %d: %s", i, what))
			}
			t.Logf("edits made: %v", kinds)
		})
	}
}

// sameAsFresh compares the session's result with a check from scratch of
// the document written to its file format and read back.
func sameAsFresh(t *testing.T, s *Session, what string) {
	t.Helper()
	data, err := forms.Encode(s.Doc())
	if err != nil {
		t.Fatal(err)
	}
	copied, err := forms.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	want, got := check.Document(copied), s.Result()
	w, g := findingLines(want), findingLines(got)
	if !slices.Equal(w, g) {
		for i := 0; i < max(len(w), len(g)); i++ {
			a, b := "", ""
			if i < len(g) {
				a = g[i]
			}
			if i < len(w) {
				b = w[i]
			}
			if a != b {
				t.Fatalf("%s: finding %d differs (%d kept, %d from scratch)\nkept:  %s\nfresh: %s", what, i, len(g), len(w), a, b)
			}
		}
	}
	if !reflect.DeepEqual(want.Ran, got.Ran) || !reflect.DeepEqual(want.Skipped, got.Skipped) {
		t.Fatalf("%s: rules run or skipped differ\nkept:  %v %v\nfresh: %v %v", what, got.Ran, got.Skipped, want.Ran, want.Skipped)
	}
}

func findingLines(r *check.Result) []string {
	out := make([]string, len(r.Findings))
	for i, f := range r.Findings {
		expl := ""
		if f.Explanation != nil {
			expl = "explained:" + f.Explanation.Text
		}
		if f.Stale != nil {
			expl += " stale:" + f.Stale.Text
		}
		out[i] = fmt.Sprintf("%s %s %s %s %v %s %v %v %s", f.Rule, f.Severity, f.Table, f.Kind, f.Cells, f.Message, f.Values, f.Units, expl)
	}
	return out
}

// randomEditor makes the edits.
type randomEditor struct {
	t   *testing.T
	s   *Session
	rnd *rand.Rand
	n   int
}

func (r *randomEditor) doc() *forms.Document { return r.s.Doc() }

// gridTables are the tables of figures the document provides.
func (r *randomEditor) gridTables() []*forms.Table {
	var out []*forms.Table
	for _, t := range r.doc().Tables {
		if t.IsGrid() && !t.Absent && len(t.Panes) > 0 {
			out = append(out, t)
		}
	}
	return out
}

func (r *randomEditor) pick(n int) int { return r.rnd.IntN(n) }

// cell picks a cell of a grid table: entered (leaf) or computed.
func (r *randomEditor) cell(computed bool) (At, bool) {
	ts := r.gridTables()
	for try := 0; try < 20; try++ {
		t := ts[r.pick(len(ts))]
		pi := r.pick(len(t.Panes))
		p := t.Panes[pi]
		if len(p.Rows) == 0 {
			continue
		}
		ri, ci := r.pick(len(p.Rows)), r.pick(len(p.Columns))
		if p.Columns[ci].Text || p.IsComputed(ri, ci) != computed {
			continue
		}
		return At{Table: t.ID, Pane: pi, Row: ri, Col: ci}, true
	}
	return At{}, false
}

// amount is a figure to type: new, zero, or one the document has (so that
// equalities and near misses the rules look for come up).
func (r *randomEditor) amount(at At) string {
	p := r.doc().Table(at.Table).Panes[at.Pane]
	switch r.pick(6) {
	case 0:
		return ""
	case 1:
		return "0"
	case 2: // the figure of another line of the column
		v := p.Rows[r.pick(len(p.Rows))].Cells[at.Col].Value
		return v.String()
	case 3: // one cent off what it is
		return (p.Rows[at.Row].Cells[at.Col].Value + money.Amount(r.pick(3)-1)).String()
	}
	return money.Amount(r.rnd.Int64N(5_000_000)).String()
}

func (r *randomEditor) classTables() []*forms.Table {
	var out []*forms.Table
	for _, t := range r.gridTables() {
		if t.Layout() == forms.LayoutClass && t.Main().Kind().Scheme != "" && !t.Def.RowsAreUnits() {
			out = append(out, t)
		}
	}
	return out
}

func (r *randomEditor) projects() (*forms.Table, *forms.Pane) {
	t := r.doc().First(forms.KindProjects)
	if t == nil || t.Absent {
		return nil, nil
	}
	return t, t.Main()
}

func (r *randomEditor) projectRows() []int {
	_, p := r.projects()
	if p == nil {
		return nil
	}
	var out []int
	for ri, row := range p.Rows {
		if row.Type == forms.RowProject {
			out = append(out, ri)
		}
	}
	return out
}

// funcCodes are the 项 codes of the general table (what projects are budgeted under).
func (r *randomEditor) funcCodes() []string {
	codes := []string{"", "2019999"}
	if t := r.doc().First(forms.KindGeneral); t != nil && !t.Absent {
		for _, row := range t.Main().Rows {
			if len(row.Code) == 7 {
				codes = append(codes, row.Code)
			}
		}
	}
	return codes
}

var indicatorValues = []string{"", ">=10次", "30%", "<=5万元", "<=99999万元", "=100%", "12", ">=2030年", "XX", "<=0.5万元"}

// edit makes one random edit and says what it was.
func (r *randomEditor) edit() string {
	r.n++
	s, d := r.s, r.doc()
	switch k := r.pick(46); {
	case k < 12:
		at, ok := r.cell(false)
		if !ok {
			return "figure none"
		}
		text := r.amount(at)
		s.Enter(at, text)
		return fmt.Sprintf("figure %s %s = %q", at.Table, s.Where(at), text)
	case k < 14:
		at, ok := r.cell(true)
		if !ok {
			return "given none"
		}
		text := r.amount(at)
		if text == "" {
			text = "1"
		}
		s.Paste([]Item{{At: at, Text: text}})
		return fmt.Sprintf("given %s %s = %q", at.Table, s.Where(at), text)
	case k == 14:
		var ats []At
		for i := 0; i < 3; i++ {
			if at, ok := r.cell(r.pick(2) == 0); ok {
				ats = append(ats, at)
			}
		}
		s.Clear(ats)
		return fmt.Sprintf("clear %d cells", len(ats))
	case k == 15:
		at, ok := r.cell(true)
		if ok {
			s.UseComputed(at)
		}
		return "computed " + at.Table
	case k == 16 || k == 17:
		ts := r.classTables()
		if len(ts) == 0 {
			return "addrow none"
		}
		t := ts[r.pick(len(ts))]
		p := t.Main()
		code := ""
		if len(p.Rows) > 0 {
			code = p.Rows[r.pick(len(p.Rows))].Code
		}
		name := ""
		switch {
		case len(code) == 3 && t.Main().Kind().Scheme == classify.Functional:
			code += fmt.Sprintf("%02d", 90+r.pick(9))
			name = "新增款" + code
		case len(code) == 5:
			code += fmt.Sprintf("%02d", 90+r.pick(9))
			name = "新增项" + code
		case r.pick(2) == 0:
			code, name = "229", "" // a 类 the list names
		default:
			code, name = "2299999", "其他支出（测试）"
		}
		_, err := s.AddClassRow(t.ID, 0, code, name)
		return fmt.Sprintf("addrow %s %s %v", t.ID, code, err)
	case k == 18:
		ts := r.classTables()
		if len(ts) == 0 {
			return "removerow none"
		}
		t := ts[r.pick(len(ts))]
		p := t.Main()
		ri := r.pick(len(p.Rows))
		err := s.RemoveRow(t.ID, 0, ri)
		return fmt.Sprintf("removerow %s %d %v", t.ID, ri, err)
	case k == 19:
		ts := r.classTables()
		if len(ts) == 0 {
			return "rename none"
		}
		t := ts[r.pick(len(ts))]
		p := t.Main()
		ri := r.pick(len(p.Rows))
		name := []string{"医疗卫生与计划生育支出", "改过的名称", p.Rows[ri].Name + "（改）", "一般公共服务支出"}[r.pick(4)]
		err := s.Rename(t.ID, 0, ri, name)
		return fmt.Sprintf("rename %s %d %q %v", t.ID, ri, name, err)
	case k == 20 || k == 21:
		t, p := r.projects()
		rows := r.projectRows()
		if t == nil || len(rows) == 0 {
			return "attr none"
		}
		ri := rows[r.pick(len(rows))]
		keys := []string{forms.AttrL1, forms.AttrL2, forms.AttrFunc, forms.AttrType, forms.AttrUnit}
		key := keys[r.pick(len(keys))]
		ci := p.Col(key)
		if ci < 0 {
			return "attr " + key + " not printed"
		}
		var text string
		switch key {
		case forms.AttrFunc:
			codes := r.funcCodes()
			text = codes[r.pick(len(codes))]
		case forms.AttrL1:
			text = p.Rows[rows[r.pick(len(rows))]].Project.L1
			if r.pick(3) == 0 {
				text = "新一级项目"
			}
		case forms.AttrL2:
			text = "改名的项目"
			if len(d.Perf.Projects) > 0 && r.pick(2) == 0 {
				text = d.Perf.Projects[r.pick(len(d.Perf.Projects))].Name // a form's name
			}
		default:
			text = fmt.Sprintf("文字%d", r.pick(3))
		}
		err := s.Enter(At{Table: t.ID, Row: ri, Col: ci}, text)
		return fmt.Sprintf("attr %s %d %s=%q %v", t.ID, ri, key, text, err)
	case k == 22:
		t, p := r.projects()
		rows := r.projectRows()
		if t == nil || len(rows) == 0 {
			return "addproject none"
		}
		from := p.Rows[rows[r.pick(len(rows))]].Project
		codes := r.funcCodes()
		pr := forms.Project{Type: from.Type, L1: from.L1, L2: fmt.Sprintf("新增项目%d", r.n), Unit: from.Unit, Func: codes[r.pick(len(codes))]}
		_, err := s.AddProject(t.ID, pr)
		return fmt.Sprintf("addproject %s %v", pr.L2, err)
	case k == 23:
		t, _ := r.projects()
		rows := r.projectRows()
		if t == nil || len(rows) == 0 {
			return "moveproject none"
		}
		ri := rows[r.pick(len(rows))]
		_, err := s.MoveProject(t.ID, ri, []int{-1, 1}[r.pick(2)])
		return fmt.Sprintf("moveproject %d %v", ri, err)
	case k == 24:
		t, _ := r.projects()
		rows := r.projectRows()
		if t == nil || len(rows) == 0 {
			return "removeproject none"
		}
		ri := rows[r.pick(len(rows))]
		err := s.RemoveRow(t.ID, 0, ri)
		return fmt.Sprintf("removeproject %d %v", ri, err)
	case k < 29:
		if len(d.Perf.Projects) == 0 {
			return "form none"
		}
		i := r.pick(len(d.Perf.Projects))
		f := clone(d.Perf.Projects[i])
		what := ""
		switch r.pick(5) {
		case 0:
			if len(f.Indicators) > 0 {
				j := r.pick(len(f.Indicators))
				f.Indicators[j].Value = indicatorValues[r.pick(len(indicatorValues))]
				what = "value " + f.Indicators[j].Value
			}
		case 1:
			if len(f.Indicators) > 0 {
				j := r.pick(len(f.Indicators))
				f.Indicators[j].Stage = indicatorValues[r.pick(len(indicatorValues))]
				what = "stage " + f.Indicators[j].Stage
			}
		case 2:
			f.Money.Fiscal = money.Amount(r.rnd.Int64N(1_000_000))
			if r.pick(3) == 0 {
				tot := f.Money.Fiscal + 1
				f.Money.Total = &tot
			}
			what = "money"
		case 3:
			rows := r.projectRows()
			_, p := r.projects()
			if len(rows) > 0 && r.pick(2) == 0 {
				f.Name = p.Rows[rows[r.pick(len(rows))]].Project.L2
			} else {
				f.Name = "找不到的项目"
			}
			what = "name " + f.Name
		case 4:
			f.Indicators = append(f.Indicators, forms.Indicator{L1: "产出指标", L2: "成本指标", L3: "新增成本", Value: indicatorValues[r.pick(len(indicatorValues))]})
			what = "indicator"
		}
		err := s.SetProjectForm(i, f)
		return fmt.Sprintf("form %d %s %v", i, what, err)
	case k == 29:
		if r.pick(2) == 0 || len(d.Perf.Projects) == 0 {
			_, err := s.AddProjectForm(forms.ProjectPerf{Name: fmt.Sprintf("新增绩效%d", r.n), Level: forms.ProjectLevel2,
				Money: forms.Fund{Fiscal: money.FromUnits(5)}, Indicators: []forms.Indicator{{L1: "产出指标", L2: "数量指标", L3: "次数", Value: "30%"}}})
			return fmt.Sprintf("addform %v", err)
		}
		i := r.pick(len(d.Perf.Projects))
		return fmt.Sprintf("removeform %d %v", i, s.RemoveProjectForm(i))
	case k == 30:
		pre := clone(d.Perf.Pre)
		if len(pre) > 0 && r.pick(2) == 0 {
			pre = pre[:len(pre)-1]
		} else {
			pre = append(pre, forms.PrePerf{Name: []string{"", "事前项目"}[r.pick(2)], Period: "XX", Annual: forms.Fund{Fiscal: money.FromUnits(int64(r.pick(3)))},
				AnnualGrid: []forms.Indicator{{L1: "产出指标", L3: "指标1", Score: "40"}}})
		}
		return fmt.Sprintf("preforms %d %v", len(pre), s.SetPreForms(pre))
	case k == 31:
		var f *forms.DeptPerf
		if r.pick(3) > 0 {
			f = &forms.DeptPerf{NameCode: "部门", KeyWork: "2099年任务", Indicators: []forms.Indicator{{L1: "产出指标", L3: "次数", Value: ">=3次"}}}
		}
		return fmt.Sprintf("deptform %v", s.SetDeptForm(f))
	case k < 34:
		in := clone(d.Inputs)
		what := ""
		switch r.pick(6) {
		case 0:
			in.TotalReason = []string{"", "业务增加", "XX"}[r.pick(3)]
			what = "reason"
		case 1:
			v := money.Amount(r.rnd.Int64N(10_000_000))
			in.PrevTotal = &v
			what = "prev total"
		case 2:
			v := money.Amount(r.rnd.Int64N(100_000))
			in.Operating = &v
			if r.pick(3) == 0 {
				in.Operating = nil
			}
			what = "operating"
		case 3:
			tot := money.FromUnits(int64(r.pick(300)))
			in.Procurement = &forms.Procurement{Goods: money.FromUnits(100), Services: money.FromUnits(int64(r.pick(60)))}
			if r.pick(2) == 0 {
				in.Procurement.Total = &tot
			}
			what = "procurement"
		case 4:
			if in.ClassUses == nil {
				in.ClassUses = map[string]string{}
			}
			code := []string{"208", "221", "210", "201"}[r.pick(4)]
			in.ClassUses[code] = []string{"离退休人员经费", "住房公积金", "医疗保险", "日常运转"}[r.pick(4)]
			what = "use " + code
		case 5:
			in.PrevSangong = &forms.Sangong{Abroad: money.FromUnits(int64(r.pick(10))), Reception: money.FromUnits(2)}
			what = "prev sangong"
		}
		return fmt.Sprintf("inputs %s %v", what, s.SetInputs(in))
	case k == 34:
		texts := []string{"", "本部门内设 3 个机构：办公室、财务处。", "XX职能", "2099年起承担新职能。", "承担本部门法定职责。"}
		if r.pick(2) == 0 {
			return fmt.Sprintf("functions %v", s.SetFunctions(texts[r.pick(len(texts))]))
		}
		return fmt.Sprintf("organization %v", s.SetOrganization(texts[r.pick(len(texts))]))
	case k == 35:
		keys := []string{narrative.SecSummary, narrative.SecGeneral, narrative.SecSangong, narrative.SecOther, narrative.SecPerf, narrative.SecExpense}
		key := keys[r.pick(len(keys))]
		if _, ok := d.Text.Written[key]; ok && r.pick(2) == 0 {
			s.GenerateSection(key)
			return "section generated " + key
		}
		text := []string{"", "2023年支出预算100.00万元，比上年增加5.00万元。", "一般公共服务（类）支出1.00万元，占50.00%，主要用于退休人员。",
			"纳入预算绩效管理的一级项目共3项，二级项目共5项，金额合计1.00万元。"}[r.pick(4)]
		return fmt.Sprintf("section written %s %v", key, s.WriteSection(key, text))
	case k == 36:
		if d.Text.Explanation != "" {
			return fmt.Sprintf("text generated %v", s.SetExplanation(""))
		}
		text := narrative.Text(d)
		text = strings.Replace(text, "万元", "0万元", 1)
		return fmt.Sprintf("text written %v", s.SetExplanation(text))
	case k == 37:
		var warnings []check.Finding
		for _, f := range s.Result().Findings {
			if f.Severity == check.Warning {
				warnings = append(warnings, f)
			}
		}
		if len(warnings) == 0 {
			return "explain none"
		}
		f := warnings[r.pick(len(warnings))]
		return fmt.Sprintf("explain %s %v", f.Rule, s.Explain(&f, []string{"说明", ""}[r.pick(2)]))
	case k == 38:
		m := d.Meta
		m.Name += "（改）"
		return fmt.Sprintf("meta %v", s.SetMeta(m))
	default:
		if r.pick(3) > 0 {
			return fmt.Sprintf("undo %v", s.Undo())
		}
		return fmt.Sprintf("redo %v", s.Redo())
	}
}
