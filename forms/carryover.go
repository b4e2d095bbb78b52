package forms

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"

	"yusuan/forms/money"
)

// CarryOver starts next year's document from this year's: the same unit,
// template, 部门/单位, units, text parts and glossary, each 类's 用途, the
// 绩效 forms' department header, and this year's figures as next year's
// "上年" inputs (收支总预算, “三公” by item, 机关运行经费). The tables start
// empty: a new year's budget is a new set of figures. Classification lines
// are carried over empty so that the clerk fills the same lines.
func CarryOver(last *Document) (*Document, error) {
	d, _, err := CarryOverNotes(last)
	return d, err
}

// CarryOverNotes is CarryOver with what the clerk should know about the
// new document: a document read from a published one keeps its family's
// table list (titles a year on), and its tables kept only as printed keep
// their header with no lines, since the program cannot fill them.
func CarryOverNotes(last *Document) (*Document, []string, error) {
	meta := Meta{Name: last.Meta.Name, Code: last.Meta.Code, Year: last.Meta.Year + 1, Level: last.Meta.Level, Template: last.Meta.Template}
	var d *Document
	var err error
	if last.Template != nil && last.Template.Own {
		// no shipped template holds this family: its table list goes on
		d, err = NewDocumentOn(meta, nextYearTemplate(last.Template, last.Meta.Year))
	} else {
		d, err = NewDocument(meta)
	}
	if err != nil {
		return nil, nil, err
	}
	notes := carryPrinted(d, last)
	d.Units = append([]OrgUnit(nil), last.Units...)
	d.Text = Text{Functions: last.Text.Functions, Organization: last.Text.Organization}
	if last.Text.Glossary != nil {
		d.Text.Glossary = append([]Term{}, last.Text.Glossary...)
	}
	d.SetCodes(append(d.Codes, last.Codes...))
	if len(last.Inputs.ClassUses) > 0 {
		d.Inputs.ClassUses = map[string]string{}
		for k, v := range last.Inputs.ClassUses {
			d.Inputs.ClassUses[k] = v
		}
	}
	// this year's figures are next year's 上年 (the inputs are in 万元)
	wan := func(t *Table, side Side, row, col string) (*money.Amount, bool) {
		if t == nil || t.Absent {
			return nil, false
		}
		p := t.Pane(side)
		if p == nil {
			return nil, false
		}
		v, ok := p.Value(row, col)
		if !ok {
			return nil, false
		}
		w, err := money.Convert(v, t.Unit, money.WanYuan)
		if err != nil {
			return nil, false
		}
		return &w, true
	}
	if v, ok := wan(last.First(KindSummary), SideIn, LineInTotal, ColAmount); ok {
		d.Inputs.PrevTotal = v
	}
	if sg := last.First(KindSangong); sg != nil && !sg.Absent {
		var s Sangong
		ok := true
		for col, dst := range map[string]*money.Amount{"abroad": &s.Abroad, "car_buy": &s.CarBuy, "car_run": &s.CarRun, "reception": &s.Reception} {
			v, found := wan(sg, SideNone, LineSangongCurrent, col)
			if !found {
				ok = false
				break
			}
			*dst = *v
		}
		if ok {
			d.Inputs.PrevSangong = &s
		}
		if v, ok := wan(sg, SideNone, LineSangongCurrent, "operating"); ok && *v != 0 {
			d.Inputs.PrevOperating = v
		}
	}
	if d.Inputs.PrevOperating == nil {
		if op := last.Inputs.Operating; op != nil {
			v := *op
			d.Inputs.PrevOperating = &v
		} else if v, ok := wan(last.First(KindGeneral), SideNone, RowKeyTotal, ColPublic); ok {
			d.Inputs.PrevOperating = v // 机关运行经费 defaults to 公用经费
		}
	}
	// the same classification and unit lines, empty
	for _, t := range d.Tables {
		old := last.Table(t.ID)
		if old == nil || old.Absent || old.Layout() == LayoutProjects {
			continue
		}
		for pi, p := range t.Panes {
			if pi >= len(old.Panes) {
				break
			}
			var rows []CodeName
			for _, r := range old.Panes[pi].Rows {
				if (r.Type == RowClass || r.Type == RowUnit) && p.RowIndex(r.Code) < 0 {
					rows = append(rows, CodeName{Code: r.Code, Name: r.Name})
				}
			}
			if len(rows) > 0 {
				if err := p.AddClassRows(rows, nil); err != nil {
					return nil, nil, fmt.Errorf("结转%s的科目行：%v", t.Title, err)
				}
			}
		}
	}
	if f := last.Perf.Dept; f != nil {
		d.Perf.Dept = &DeptPerf{NameCode: f.NameCode}
	}
	return d, notes, nil
}

// nextYearTemplate is a document's own table list for next year: the same
// tables, columns and lines, the years in titles and labels one on.
func nextYearTemplate(t *Template, year int) *Template {
	var out Template
	b, err := json.Marshal(t)
	if err == nil {
		err = json.Unmarshal(b, &out)
	}
	if err != nil {
		out = *t // cannot happen: a template is plain data
	}
	out.Own = true
	shift := func(s *string) { *s = nextYear(*s, year) }
	shiftCols := func(cs []ColumnSpec) {
		for i := range cs {
			shift(&cs[i].Label)
			shift(&cs[i].Group)
		}
	}
	shiftLines := func(ls []LineSpec) {
		for i := range ls {
			shift(&ls[i].Label)
		}
	}
	for _, td := range out.Tables {
		shift(&td.Title)
		shift(&td.Note)
		shiftCols(td.Columns)
		shiftLines(td.Lines)
		for _, side := range td.Sides {
			shift(&side.Title)
			shift(&side.ItemLabel)
			shiftCols(side.Columns)
			shiftLines(side.Lines)
		}
	}
	return &out
}

var reYear = regexp.MustCompile(`(20\d\d)(\s*年)`)

// nextYear moves the budget year and the year before it, where a text
// names them ("2026年", "2025 年预算数"), one year on; other years stay.
func nextYear(s string, year int) string {
	return reYear.ReplaceAllStringFunc(s, func(m string) string {
		sub := reYear.FindStringSubmatch(m)
		y, _ := strconv.Atoi(sub[1])
		if y != year && y != year-1 {
			return m
		}
		return strconv.Itoa(y+1) + sub[2]
	})
}

// carryPrinted gives the tables kept only as printed their printed header
// (a year on) and no lines: the program has no layout to fill them in, so
// they wait for next year's published figures.
func carryPrinted(d, last *Document) []string {
	var notes []string
	for _, t := range d.Tables {
		if !t.IsPrinted() {
			continue
		}
		old := last.Table(t.ID)
		if old == nil || old.Printed == nil {
			continue
		}
		p := &Printed{}
		for _, row := range old.Printed.Header {
			r := make([]string, len(row))
			for i, c := range row {
				r[i] = nextYear(c, last.Meta.Year)
			}
			p.Header = append(p.Header, r)
		}
		t.Printed = p
		notes = append(notes, fmt.Sprintf("“%s”照原样保留（本程序没有这种表格的格式）：只结转了表头，没有数字行，本程序还不能填写。", t.Title))
	}
	return notes
}
