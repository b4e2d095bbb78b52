package tablein

import (
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// formLabel: the labels of the 绩效 form blocks, folded as norm folds them.
var formLabels = func() map[string]string {
	m := map[string]string{}
	for _, l := range []string{forms.LabelDeptName, forms.LabelKeyWork, forms.LabelProject, forms.LabelLevel, forms.LabelDept, forms.LabelTotal, forms.LabelFiscal, forms.LabelOther, forms.LabelGoal,
		forms.LabelPreName, forms.LabelPeriod, forms.LabelWholeTotal, forms.LabelWholeFisc, forms.LabelWholeOther, forms.LabelAnnualGoal, forms.LabelWholeGoal, forms.LabelAnnualGrid,
		forms.LabelWholeGrid, forms.LabelReporter, forms.LabelPhone, forms.LabelTaskName} {
		m[norm(l)] = l
	}
	m[norm("政策(项目)名称")] = forms.LabelPreName
	return m
}()

// labelsIn lists the form labels a row holds, with the value to each one's
// right (the next cell that is neither empty, nor the label repeated by a
// merge, nor another label).
func (r *reader) labelsIn(row int) []formLabel {
	var out []formLabel
	seen := map[string]bool{}
	cells := r.s.row(row)
	// labels stand in the first two columns (a value equal to a label, such
	// as an indicator named 项目名称, is not one)
	for c := 0; c < len(cells) && c < 2; c++ {
		l, ok := formLabels[norm(cells[c])]
		if !ok || seen[l] {
			continue
		}
		seen[l] = true
		v := -1
		for k := c + 1; k < len(cells); k++ {
			if cells[k] == "" || norm(cells[k]) == norm(cells[c]) {
				continue
			}
			if _, isLabel := formLabels[norm(cells[k])]; isLabel {
				break
			}
			v = k
			break
		}
		out = append(out, formLabel{l, v})
	}
	return out
}

// formLabel is a label found in a row and the column of its value (-1: none).
type formLabel struct {
	label string
	col   int
}

func (r *reader) textAt(row, col int) string {
	if col < 0 {
		return ""
	}
	return strings.TrimSpace(r.s.at(row, col))
}

// taskColumns finds the 任务名称 and 主要内容 columns of a task list's header.
func (r *reader) taskColumns(row int) (name, body int) {
	name, body = 0, 1
	for c, v := range r.s.row(row) {
		switch norm(v) {
		case norm(forms.LabelTaskName):
			name = c
		case norm(forms.LabelTaskBody):
			if body <= name || c > name {
				body = c
			}
		}
	}
	// a merged 主要内容 spans several columns: its first one
	for c := name + 1; c < len(r.s.row(row)); c++ {
		if norm(r.s.at(row, c)) == norm(forms.LabelTaskBody) {
			return name, c
		}
	}
	return name, body
}

// gridColumns finds an indicator grid's header row: the columns of 一级,
// 二级, 三级指标, the stage and year values, 评价标准 and 指标分值.
func (r *reader) gridColumns(row int) (map[string]int, bool) {
	cols := map[string]int{}
	for c, v := range r.s.row(row) {
		n := norm(v)
		key := ""
		switch {
		case n == "一级指标":
			key = "l1"
		case n == "二级指标":
			key = "l2"
		case n == "三级指标":
			key = "l3"
		case strings.HasPrefix(n, "阶段") && strings.HasSuffix(n, "指标值"):
			key = "stage"
		case n == "指标值":
			key = "value"
		case n == "评价标准":
			key = "standard"
		case strings.HasPrefix(n, "指标分值"):
			key = "score"
		}
		if _, dup := cols[key]; key != "" && !dup {
			cols[key] = c
		}
	}
	_, l1 := cols["l1"]
	_, l3 := cols["l3"]
	return cols, l1 && l3
}

// grid reads indicator lines below a header row until a line that is not
// one; it returns them and the row after.
func (r *reader) grid(row int, cols map[string]int) ([]forms.Indicator, int) {
	var out []forms.Indicator
	get := func(row int, k string) string {
		if c, ok := cols[k]; ok {
			return r.textAt(row, c)
		}
		return ""
	}
	row++
	for ; row < len(r.s.rows); row++ {
		if len(r.labelsIn(row)) > 0 {
			break
		}
		if _, isHeader := r.gridColumns(row); isHeader {
			break
		}
		x := forms.Indicator{L1: get(row, "l1"), L2: get(row, "l2"), L3: get(row, "l3"), Stage: get(row, "stage"),
			Value: get(row, "value"), Standard: get(row, "standard"), Score: get(row, "score")}
		if x.Blank() {
			break // the blank line between forms
		}
		if t := rowText(r.s.row(row)); strings.Contains(t, "表") && titleMatch(t, r.t.Title) > 0 {
			break // the next form's title
		}
		out = append(out, x)
	}
	return out, row
}

// forms reads the 绩效 forms of a sheet into the document's 绩效 lists.
func (r *reader) forms() int {
	n := 0
	perf := &r.raw.Perf
	var proj *forms.ProjectPerf
	var pre *forms.PrePerf
	var dept *forms.DeptPerf
	wholeGrid := false
	var settle func(f *forms.Fund)
	pending := func() bool { return false }
	flush := func() {
		if proj != nil && pending() {
			settle(&proj.Money)
		}
		if proj != nil {
			if proj.Level == "" {
				proj.Level = r.t.Def.ProjectLevel
				if proj.Level == "" {
					proj.Level = forms.ProjectLevel2
				}
			}
			perf.Projects = append(perf.Projects, *proj)
			n++
		}
		if pre != nil {
			perf.Pre = append(perf.Pre, *pre)
			n++
		}
		proj, pre = nil, nil
	}
	type fundParts struct {
		total, fiscal, other *money.Amount
		seen                 bool // a money line was read (blank ones too)
	}
	var money3 fundParts
	pending = func() bool { return money3.total != nil || money3.fiscal != nil || money3.other != nil || money3.seen }
	settle = func(f *forms.Fund) {
		if money3.fiscal != nil {
			f.Fiscal = *money3.fiscal
		}
		if money3.other != nil {
			f.Other = *money3.other
		}
		if money3.total != nil {
			f.Give(*money3.total)
		}
		money3 = fundParts{}
	}
	var wholeParts fundParts
	// amountOf is a form's figure; blank (or unreadable) is nil, so that a
	// blank 总额 stays computed rather than becoming an entered zero
	amountOf := func(row, col int) *money.Amount {
		if col < 0 {
			return nil
		}
		v, ok := r.amount(row, col)
		if !ok {
			return nil
		}
		return &v
	}
	for row := r.s.title + 1; row < len(r.s.rows); row++ {
		if cols, ok := r.gridColumns(row); ok {
			var ind []forms.Indicator
			ind, row = r.grid(row, cols)
			row--
			switch {
			case pre != nil && wholeGrid:
				pre.WholeGrid = ind
			case pre != nil:
				pre.AnnualGrid, wholeGrid = ind, true
			case proj != nil:
				proj.Indicators = ind
			case dept != nil:
				dept.Indicators = ind
			}
			continue
		}
		labels := r.labelsIn(row)
		if len(labels) > 0 && labels[0].label == forms.LabelTaskName && dept != nil {
			nameCol, bodyCol := r.taskColumns(row)
			for row+1 < len(r.s.rows) && len(r.labelsIn(row+1)) == 0 {
				if _, isGrid := r.gridColumns(row + 1); isGrid {
					break
				}
				name, content := r.textAt(row+1, nameCol), r.textAt(row+1, bodyCol)
				if name == "" && content == "" {
					break
				}
				dept.Tasks = append(dept.Tasks, forms.Task{Name: name, Content: content})
				row++
			}
			continue
		}
		for _, fl := range labels {
			col := fl.col
			v := r.textAt(row, col)
			switch fl.label {
			case forms.LabelDeptName:
				flush()
				dept = &forms.DeptPerf{NameCode: v}
				perf.Dept = dept
				n++
			case forms.LabelKeyWork:
				if dept != nil {
					dept.KeyWork = v
				}
			case forms.LabelProject:
				flush()
				proj = &forms.ProjectPerf{Name: v}
			case forms.LabelPreName:
				flush()
				pre, wholeGrid = &forms.PrePerf{Name: v}, false
			case forms.LabelLevel:
				if proj != nil {
					proj.Level = v
				}
			case forms.LabelDept:
				if proj != nil {
					proj.Dept = v
				} else if pre != nil {
					pre.Dept = v
				}
			case forms.LabelPeriod:
				if pre != nil {
					pre.Period = v
				}
			case forms.LabelTotal:
				money3.total, money3.seen = amountOf(row, col), true
			case forms.LabelFiscal:
				money3.fiscal, money3.seen = amountOf(row, col), true
			case forms.LabelOther:
				money3.other, money3.seen = amountOf(row, col), true
				if proj != nil {
					settle(&proj.Money)
				} else if pre != nil {
					settle(&pre.Annual)
				}
			case forms.LabelWholeTotal:
				wholeParts.total = amountOf(row, col)
			case forms.LabelWholeFisc:
				wholeParts.fiscal = amountOf(row, col)
			case forms.LabelWholeOther:
				wholeParts.other = amountOf(row, col)
				if pre != nil {
					money3 = wholeParts
					settle(&pre.Whole)
					wholeParts = fundParts{}
				}
			case forms.LabelGoal:
				if proj != nil {
					proj.Goal = v
				}
			case forms.LabelAnnualGoal:
				if pre != nil {
					pre.AnnualGoal = v
				}
			case forms.LabelWholeGoal:
				if pre != nil {
					pre.WholeGoal = v
				}
			case forms.LabelWholeGrid:
				wholeGrid = true
			case forms.LabelReporter:
				if pre != nil {
					pre.Reporter = v
				}
			case forms.LabelPhone:
				if pre != nil {
					pre.Phone = v
				}
			}
		}
	}
	flush()
	return n
}
