package edit

import (
	"fmt"
	"strings"

	"yusuan/forms"
	"yusuan/forms/classify"
)

// tablePane finds a table's pane.
func (s *Session) tablePane(table string, pane int) (*forms.Table, *forms.Pane, error) {
	t := s.doc.Table(table)
	if t == nil || pane < 0 || pane >= len(t.Panes) {
		return nil, nil, &Error{At{Table: table, Pane: pane}, "表格不存在"}
	}
	return t, t.Panes[pane], nil
}

// NameOf is a code's name in the document's year (its own list first), or
// "" when the code is not known.
func (s *Session) NameOf(scheme classify.Scheme, code string) string {
	n, _ := s.doc.Catalog().Name(scheme, code, s.doc.Meta.Year)
	return n
}

// rowsSnapshot remembers a pane's rows (the row objects, not copies) so
// that a change of rows can be taken back exactly.
func rowsSnapshot(p *forms.Pane) []*forms.Row {
	return append([]*forms.Row(nil), p.Rows...)
}

// rowStep is a change of a pane's rows: the rows before and after, as
// objects (their cells travel with them).
func (s *Session) rowStep(t *forms.Table, p *forms.Pane, before []*forms.Row) step {
	after := rowsSnapshot(p)
	// a row's cells may change while it is out (never: cells change only
	// through cell steps, undone first), so the objects are enough
	put := func(rows []*forms.Row) func() Change {
		return func() Change {
			p.SetRows(rows)
			return Change{Tables: []string{t.ID}, Rows: true}
		}
	}
	return step{undo: put(before), redo: put(after)}
}

// AddClassRow adds a line for a code typed in any printed form ("2013101",
// "201 31 01"), in code order, with its missing 类 and 款 lines. The name is
// the classification list's when name is empty; an unknown code needs a
// name. It returns the new line's index.
func (s *Session) AddClassRow(table string, pane int, code, name string) (int, error) {
	t, p, err := s.tablePane(table, pane)
	if err != nil {
		return -1, err
	}
	scheme := p.Kind().Scheme
	if scheme == "" {
		return -1, &Error{At{Table: table, Pane: pane}, "这张表不按科目编码列行"}
	}
	norm, err := classify.Normalize(code)
	if err != nil {
		return -1, &Error{At{Table: table, Pane: pane}, err.Error()}
	}
	if _, err := classify.LevelOf(scheme, norm); err != nil {
		return -1, &Error{At{Table: table, Pane: pane}, err.Error()}
	}
	name = strings.TrimSpace(name)
	if name == "" {
		name = s.NameOf(scheme, norm)
	}
	if name == "" {
		return -1, &Error{At{Table: table, Pane: pane}, fmt.Sprintf("编码“%s”不在%s科目表中，请同时填写名称", norm, scheme.Title())}
	}
	if err := boundName(At{Table: table, Pane: pane}, "名称", name); err != nil {
		return -1, err
	}
	before := rowsSnapshot(p)
	ri, err := p.AddClassRow(norm, name, func(c string) string { return s.NameOf(scheme, c) })
	if err != nil {
		return ri, &Error{At{Table: table, Pane: pane}, err.Error()}
	}
	st := s.rowStep(t, p, before)
	s.record(fmt.Sprintf("添加 %s %s", norm, name), st.undo, st.redo, Change{Tables: []string{t.ID}, Rows: true})
	return ri, nil
}

// RemoveRow deletes a classification, unit or project line (its figures
// with it: the window asks first when it has any).
func (s *Session) RemoveRow(table string, pane, ri int) error {
	t, p, err := s.tablePane(table, pane)
	if err != nil {
		return err
	}
	label := ""
	if ri >= 0 && ri < len(p.Rows) {
		label = "删除 " + strings.SplitN(s.Where(At{table, pane, ri, 0}), " ", 3)[0]
		if r := p.Rows[ri]; r.Code != "" {
			label = "删除 " + r.Code + " " + r.Name
		} else if r.Type == forms.RowProject {
			label = "删除项目 " + r.Project.L2
		}
	}
	before := rowsSnapshot(p)
	if _, err := p.TakeRow(ri); err != nil {
		return &Error{At{Table: table, Pane: pane, Row: ri}, err.Error()}
	}
	st := s.rowStep(t, p, before)
	s.record(label, st.undo, st.redo, Change{Tables: []string{t.ID}, Rows: true})
	return nil
}

// HasMoney reports whether a line holds any figure the clerk entered or
// gave (the window asks before deleting such a line).
func (s *Session) HasMoney(table string, pane, ri int) bool {
	_, p, err := s.tablePane(table, pane)
	if err != nil || ri < 0 || ri >= len(p.Rows) {
		return false
	}
	for ci, c := range p.Rows[ri].Cells {
		if !p.Columns[ci].Text && c.Value != 0 {
			return true
		}
	}
	return false
}

// Rename changes the printed name of a classification or unit line.
func (s *Session) Rename(table string, pane, ri int, name string) error {
	t, p, err := s.tablePane(table, pane)
	if err != nil {
		return err
	}
	at := At{Table: table, Pane: pane, Row: ri}
	if ri < 0 || ri >= len(p.Rows) {
		return &Error{at, "行不存在"}
	}
	r := p.Rows[ri]
	if r.Type != forms.RowClass && r.Type != forms.RowUnit && r.Type != forms.RowLoose {
		return &Error{at, "固定行、合计行和项目行的名称不能在这里修改"}
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return &Error{at, "名称不能为空"}
	}
	if err := boundName(at, "名称", name); err != nil {
		return err
	}
	old := r.Name
	if old == name {
		return nil
	}
	r.Name = name
	// Rows: a line's label changed, so views lay the lines out again
	set := func(n string) func() Change {
		return func() Change { r.Name = n; return Change{Tables: []string{t.ID}, Rows: true} }
	}
	s.record(fmt.Sprintf("改名 %s", r.Code), set(old), set(name), Change{Tables: []string{t.ID}, Rows: true})
	return nil
}

// AddProject appends a project line (类型, 一级项目, 二级项目, 项目单位,
// 功能分类科目) under its 一级项目 and returns its index.
func (s *Session) AddProject(table string, pr forms.Project) (int, error) {
	t, p, err := s.tablePane(table, 0)
	if err != nil {
		return -1, err
	}
	if strings.TrimSpace(pr.L2) == "" {
		return -1, &Error{At{Table: table}, "请填写二级项目名称"}
	}
	for _, f := range []struct{ label, v string }{{"类型", pr.Type}, {"一级项目", pr.L1}, {"二级项目", pr.L2}, {"项目单位", pr.Unit}, {"功能分类科目", pr.Func}} {
		if err := boundName(At{Table: table}, f.label, f.v); err != nil {
			return -1, err
		}
	}
	if pr.Func != "" {
		code, err := classify.Normalize(pr.Func)
		if err != nil {
			return -1, &Error{At{Table: table}, err.Error()}
		}
		pr.Func = code
	}
	before := rowsSnapshot(p)
	ri, err := p.AddProject(pr)
	if err != nil {
		return -1, &Error{At{Table: table}, err.Error()}
	}
	st := s.rowStep(t, p, before)
	s.record("添加项目 "+pr.L2, st.undo, st.redo, Change{Tables: []string{t.ID}, Rows: true})
	return ri, nil
}

// enterAttr changes a project's text attribute typed into its cell; a new
// 一级项目 or 类型 regroups the table.
func (s *Session) enterAttr(t *forms.Table, p *forms.Pane, at At, text string) error {
	r := p.Rows[at.Row]
	if r.Type != forms.RowProject {
		return &Error{at, "只有项目行可以修改文字"}
	}
	pr := *r.Project
	text = strings.TrimSpace(text)
	if err := boundName(at, p.Columns[at.Col].Label, text); err != nil {
		return err
	}
	switch p.Columns[at.Col].Key {
	case forms.AttrType:
		pr.Type = text
	case forms.AttrL1:
		pr.L1 = text
	case forms.AttrL2:
		if text == "" {
			return &Error{at, "二级项目名称不能为空"}
		}
		pr.L2 = text
	case forms.AttrUnit:
		pr.Unit = text
	case forms.AttrFunc:
		if text != "" {
			code, err := classify.Normalize(text)
			if err != nil {
				return &Error{at, err.Error()}
			}
			text = code
		}
		pr.Func = text
	}
	if pr == *r.Project {
		return nil
	}
	before := rowsSnapshot(p)
	old := *r.Project
	if err := p.SetProject(at.Row, pr); err != nil {
		return &Error{at, err.Error()}
	}
	after := rowsSnapshot(p)
	put := func(rows []*forms.Row, attrs forms.Project) func() Change {
		return func() Change {
			*r.Project = attrs
			p.SetRows(rows)
			return Change{Tables: []string{t.ID}, Rows: true}
		}
	}
	s.record(fmt.Sprintf("修改项目 %s %s", old.L2, p.Columns[at.Col].Label), put(before, old), put(after, pr), Change{Tables: []string{t.ID}, Rows: true})
	return nil
}

// MoveProject moves a project line up (−1) or down (+1) within its 一级项目
// and returns its new index.
func (s *Session) MoveProject(table string, ri, delta int) (int, error) {
	t, p, err := s.tablePane(table, 0)
	if err != nil {
		return -1, err
	}
	before := rowsSnapshot(p)
	to, err := p.MoveProject(ri, delta)
	if err != nil {
		return ri, &Error{At{Table: table, Row: ri}, err.Error()}
	}
	st := s.rowStep(t, p, before)
	word := "上移"
	if delta > 0 {
		word = "下移"
	}
	s.record(word+"项目 "+p.Rows[to].Project.L2, st.undo, st.redo, Change{Tables: []string{t.ID}, Rows: true})
	return to, nil
}
