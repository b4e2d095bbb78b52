package edit

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/narrative"
)

// clone deep-copies a value through JSON: the parts edited as a whole
// (inputs, a 绩效 form) hold maps, slices and pointers that the copy kept
// for undo must not share.
func clone[T any](v T) T {
	var out T
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	if json.Unmarshal(b, &out) != nil {
		return v
	}
	return out
}

// replace changes a part of the document as a whole, keeping the old value
// for undo: get reads it, set writes it.
func replace[T any](s *Session, label string, c Change, get func() T, set func(T), v T) {
	old := clone(get())
	v = clone(v)
	set(clone(v))
	s.record(label,
		func() Change { set(clone(old)); return c },
		func() Change { set(clone(v)); return c }, c)
}

// Text parts: 部门概况 and the hand-written 情况说明 sections.

// SetFunctions changes 主要职能 (a text too long is refused).
func (s *Session) SetFunctions(text string) error {
	if text == s.doc.Text.Functions {
		return nil
	}
	if err := CheckText("主要职能", text); err != nil {
		return err
	}
	replace(s, "修改主要职能", Change{Text: true},
		func() string { return s.doc.Text.Functions }, func(v string) { s.doc.Text.Functions = v }, text)
	return nil
}

// SetOrganization changes 机构设置.
func (s *Session) SetOrganization(text string) error {
	if text == s.doc.Text.Organization {
		return nil
	}
	if err := CheckText("机构设置", text); err != nil {
		return err
	}
	replace(s, "修改机构设置", Change{Text: true},
		func() string { return s.doc.Text.Organization }, func(v string) { s.doc.Text.Organization = v }, text)
	return nil
}

// SetExplanation sets the whole 情况说明 as one hand-written text; "" goes
// back to the generated one.
func (s *Session) SetExplanation(text string) error {
	if text == s.doc.Text.Explanation {
		return nil
	}
	if err := CheckText("情况说明", text); err != nil {
		return err
	}
	label := "改为整篇手写情况说明"
	if strings.TrimSpace(text) == "" {
		label = "恢复自动生成的情况说明"
	}
	replace(s, label, Change{Text: true},
		func() string { return s.doc.Text.Explanation }, func(v string) { s.doc.Text.Explanation = v }, text)
	return nil
}

// WriteSection switches a 情况说明 section to hand-written with this text
// (starting from the generated one when text is "").
func (s *Session) WriteSection(key, text string) error {
	if text == "" {
		for _, sec := range narrative.Sections(s.doc) {
			if sec.Key == key {
				text = strings.Join(sec.Lines, "\n")
			}
		}
	}
	if cur, ok := s.doc.Text.Written[key]; ok && cur == text {
		return nil
	}
	if err := CheckText("情况说明的这一节", text); err != nil {
		return err
	}
	next := clone(s.doc.Text.Written)
	if next == nil {
		next = map[string]string{}
	}
	next[key] = text
	replace(s, "手写情况说明一节", Change{Text: true},
		func() map[string]string { return s.doc.Text.Written }, func(v map[string]string) { s.doc.Text.Written = v }, next)
	return nil
}

// GenerateSection switches a section back to the generated text.
func (s *Session) GenerateSection(key string) {
	if _, ok := s.doc.Text.Written[key]; !ok {
		return
	}
	next := clone(s.doc.Text.Written)
	delete(next, key)
	if len(next) == 0 {
		next = nil
	}
	replace(s, "情况说明一节恢复自动生成", Change{Text: true},
		func() map[string]string { return s.doc.Text.Written }, func(v map[string]string) { s.doc.Text.Written = v }, next)
}

// SetGlossary changes the 名词解释 (nil: the default glossary).
func (s *Session) SetGlossary(terms []forms.Term) error {
	if err := checkPart("名词解释", terms); err != nil {
		return err
	}
	replace(s, "修改名词解释", Change{Text: true},
		func() []forms.Term { return s.doc.Text.Glossary }, func(v []forms.Term) { s.doc.Text.Glossary = v }, terms)
	return nil
}

// SetInputs changes the 情况说明's extra inputs (last year's figures,
// reasons, uses, 政府采购, assets).
func (s *Session) SetInputs(in forms.Inputs) error {
	if err := checkPart("", in); err != nil {
		return err
	}
	replace(s, "修改情况说明的补充信息", Change{Inputs: true},
		func() forms.Inputs { return s.doc.Inputs }, func(v forms.Inputs) { s.doc.Inputs = v }, in)
	return nil
}

// SetMeta changes 单位名称, 单位代码 and 部门/单位; the year and the template
// stay (a document is one year on one template: start a new one for
// another).
func (s *Session) SetMeta(m forms.Meta) error {
	old := s.doc.Meta
	if m.Year != old.Year || m.Template != old.Template {
		return &Error{Reason: "年度和模板不能在这里修改：请新建文档（可从本文档结转）"}
	}
	if m.Level != forms.LevelDept && m.Level != forms.LevelUnit {
		return &Error{Reason: fmt.Sprintf("级次应为“%s”或“%s”", forms.LevelDept, forms.LevelUnit)}
	}
	if strings.TrimSpace(m.Name) == "" {
		return &Error{Reason: "单位名称不能为空"}
	}
	date, err := forms.NormalizeDate(m.Date)
	if err != nil {
		return &Error{Reason: err.Error()}
	}
	m.Date = date
	if m == old {
		return nil
	}
	if err := checkPart("", m); err != nil {
		return err
	}
	set := func(v forms.Meta) func() Change {
		return func() Change {
			s.doc.Meta = v
			s.doc.RefreshTitles()
			return Change{Meta: true}
		}
	}
	set(m)()
	s.record("修改基本信息", set(old), set(m), Change{Meta: true})
	return nil
}

// 绩效 forms.

// SetProjectForm replaces the i-th project form (项目支出绩效目标表).
func (s *Session) SetProjectForm(i int, f forms.ProjectPerf) error {
	if i < 0 || i >= len(s.doc.Perf.Projects) {
		return &Error{Reason: "绩效表不存在"}
	}
	if err := checkPart("", f); err != nil {
		return err
	}
	replace(s, "修改绩效表 "+f.Name, Change{Perf: true, PerfForms: []int{i}},
		func() forms.ProjectPerf { return s.doc.Perf.Projects[i] }, func(v forms.ProjectPerf) { s.doc.Perf.Projects[i] = v }, f)
	return nil
}

// AddProjectForm adds a project form and returns its index.
func (s *Session) AddProjectForm(f forms.ProjectPerf) (int, error) {
	if err := checkPart("", f); err != nil {
		return -1, err
	}
	i := len(s.doc.Perf.Projects)
	s.insertForm(i, clone(f), "添加绩效表 "+f.Name, true)
	return i, nil
}

// RemoveProjectForm deletes the i-th project form.
func (s *Session) RemoveProjectForm(i int) error {
	if i < 0 || i >= len(s.doc.Perf.Projects) {
		return &Error{Reason: "绩效表不存在"}
	}
	f := s.doc.Perf.Projects[i]
	s.insertForm(i, f, "删除绩效表 "+f.Name, false)
	return nil
}

// insertForm adds (add) or removes a project form at one index, keeping the
// step as that one form (a department may have 10,000: no whole copies).
func (s *Session) insertForm(i int, f forms.ProjectPerf, label string, add bool) {
	c := Change{Perf: true}
	put := func() Change {
		s.doc.Perf.Projects = slices.Insert(s.doc.Perf.Projects, i, clone(f))
		return c
	}
	take := func() Change {
		s.doc.Perf.Projects = slices.Delete(s.doc.Perf.Projects, i, i+1)
		return c
	}
	if add {
		put()
		s.record(label, take, put, c)
		return
	}
	take()
	s.record(label, put, take, c)
}

// SetDeptForm replaces the 部门整体 form (nil removes it).
func (s *Session) SetDeptForm(f *forms.DeptPerf) error {
	if err := checkPart("", f); err != nil {
		return err
	}
	replace(s, "修改部门整体绩效表", Change{Perf: true, PerfOthers: true},
		func() *forms.DeptPerf { return s.doc.Perf.Dept }, func(v *forms.DeptPerf) { s.doc.Perf.Dept = v }, f)
	return nil
}

// SetPreForms replaces the 事前绩效评估 forms.
func (s *Session) SetPreForms(fs []forms.PrePerf) error {
	if err := checkPart("事前绩效评估表", fs); err != nil {
		return err
	}
	replace(s, "修改事前绩效评估表", Change{Perf: true, PerfOthers: true},
		func() []forms.PrePerf { return s.doc.Perf.Pre }, func(v []forms.PrePerf) { s.doc.Perf.Pre = v }, fs)
	return nil
}

// Explain records the clerk's 出错说明 of a warning ("" removes it).
func (s *Session) Explain(f *check.Finding, text string) error {
	if err := CheckText("出错说明", text); err != nil {
		return err
	}
	old := clone(s.doc.Explanations)
	if err := check.Explain(s.doc, f, text); err != nil {
		return err
	}
	next := clone(s.doc.Explanations)
	set := func(v []forms.Explanation) func() Change {
		return func() Change { s.doc.Explanations = clone(v); return Change{Notes: true} }
	}
	s.record("出错说明 "+f.Rule, set(old), set(next), Change{Notes: true})
	return nil
}
