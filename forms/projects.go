package forms

import "strconv"

// regroupProjects rebuilds the subtotal lines around the project lines: the
// 合计 line, a line per 类型 when the template prints them, then each 一级项目
// with its subtotal line followed by its 二级 lines (in order of first
// appearance). Subtotal lines that survive keep their entered values.
func (p *Pane) regroupProjects() {
	old := map[string]*Row{}
	var leaves []*Row
	for _, r := range p.Rows {
		if r.Type == RowProject {
			leaves = append(leaves, r)
		} else {
			old[r.Key] = r
		}
	}
	line := func(key, name string, typ RowType) *Row {
		r, ok := old[key]
		if !ok {
			r = p.newRow(key, typ)
		}
		r.Name = name
		return r
	}
	rows := []*Row{line(RowKeyTotal, p.def.totalLabel(), RowTotal)}
	if p.def.TypeSubtotals {
		seen := map[string]bool{}
		for _, r := range leaves {
			if t := r.Project.Type; t != "" && !seen[t] {
				seen[t] = true
				rows = append(rows, line(typeKey(t), t, RowTypeSum))
			}
		}
	}
	var order []string
	groups := map[string][]*Row{}
	for _, r := range leaves {
		l1 := r.Project.L1
		if _, ok := groups[l1]; !ok {
			order = append(order, l1)
		}
		groups[l1] = append(groups[l1], r)
	}
	n := 0
	for _, l1 := range order {
		if l1 != "" {
			rows = append(rows, line(l1Key(l1), l1, RowL1))
		}
		for _, r := range groups[l1] {
			// project lines are numbered in printed order, so that the same
			// table read back from a workbook gets the same keys
			n++
			r.Key = "p" + strconv.Itoa(n)
			rows = append(rows, r)
		}
	}
	p.Rows = rows
}

func (td *TableDef) totalLabel() string {
	if td.TotalLabel != "" {
		return td.TotalLabel
	}
	return "合计"
}

// AddProject appends a project line and returns its index.
func (p *Pane) AddProject(pr Project) (int, error) {
	keys, err := p.AddProjects([]Project{pr})
	if err != nil {
		return -1, err
	}
	return p.RowIndex(keys[0]), nil
}

// AddProjects appends project lines (one regroup) and returns their keys.
func (p *Pane) AddProjects(prs []Project) ([]string, error) {
	if p.kind.Layout != LayoutProjects {
		return nil, &CellError{"该表不是项目支出表"}
	}
	added := make([]*Row, len(prs))
	for i, pr := range prs {
		r := p.newRow("", RowProject)
		prCopy := pr
		r.Project = &prCopy
		p.Rows = append(p.Rows, r)
		added[i] = r
	}
	p.regroupProjects()
	p.link()
	p.Recompute()
	keys := make([]string, len(added))
	for i, r := range added {
		keys[i] = r.Key
	}
	return keys, nil
}

// SetProject changes a project line's text attributes and regroups.
func (p *Pane) SetProject(ri int, pr Project) error {
	if ri < 0 || ri >= len(p.Rows) || p.Rows[ri].Type != RowProject {
		return &CellError{"不是项目行"}
	}
	prCopy := pr
	p.Rows[ri].Project = &prCopy
	p.regroupProjects()
	p.link()
	p.Recompute()
	return nil
}

// MoveProject moves a project line one place up (delta −1) or down (+1)
// among the lines of its 一级项目 and returns its new index. Moving past the
// group's first or last line is refused.
func (p *Pane) MoveProject(ri, delta int) (int, error) {
	if ri < 0 || ri >= len(p.Rows) || p.Rows[ri].Type != RowProject || (delta != -1 && delta != 1) {
		return -1, &CellError{"不是项目行"}
	}
	moved := p.Rows[ri]
	to := -1
	for i := ri + delta; i >= 0 && i < len(p.Rows); i += delta {
		if r := p.Rows[i]; r.Type == RowProject && r.Project.L1 == moved.Project.L1 {
			to = i
			break
		}
	}
	if to < 0 {
		return ri, &CellError{"已经是该一级项目下的第一个或最后一个项目"}
	}
	p.Rows[ri], p.Rows[to] = p.Rows[to], p.Rows[ri]
	p.regroupProjects()
	p.link()
	p.Recompute()
	return p.RowIndex(moved.Key), nil
}
