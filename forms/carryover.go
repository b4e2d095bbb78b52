package forms

import (
	"fmt"

	"yusuan/forms/money"
)

// CarryOver starts next year's document from this year's: the same unit,
// template, 部门/单位, units, text parts and glossary, each 类's 用途, the
// 绩效 forms' department header, and this year's figures as next year's
// "上年" inputs (收支总预算, “三公” by item, 机关运行经费). The tables start
// empty: a new year's budget is a new set of figures. Classification lines
// are carried over empty so that the clerk fills the same lines.
func CarryOver(last *Document) (*Document, error) {
	meta := Meta{Name: last.Meta.Name, Code: last.Meta.Code, Year: last.Meta.Year + 1, Level: last.Meta.Level, Template: last.Meta.Template}
	d, err := NewDocument(meta)
	if err != nil {
		return nil, err
	}
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
					return nil, fmt.Errorf("结转%s的科目行：%v", t.Title, err)
				}
			}
		}
	}
	if f := last.Perf.Dept; f != nil {
		d.Perf.Dept = &DeptPerf{NameCode: f.NameCode}
	}
	return d, nil
}
