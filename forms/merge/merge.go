// Package merge consolidates (汇总) a 部门's budget disclosure from the
// documents of its units — the 部门's own 本级 and every 所属单位 — of one
// year and template: every amount table summed line by line, the 收入总表
// with one line per unit, the extra inputs summed, the units' 绩效 forms
// carried over, the text parts taken from the 本级. Every summed figure
// keeps which units gave how much (forms.Pane.Trace), in the document and
// its file. Before summing, the units are compared: a different year or
// template refuses (decision 16); other differences are listed. Given a
// previous consolidation, units sent again replace their share and the
// result says what changed. No Fyne, no workbooks: callers read the files.
package merge

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// Input is one unit's document and the file it was read from (messages
// name the file).
type Input struct {
	File string
	Doc  *forms.Document
}

// Options steer a consolidation.
type Options struct {
	// Self is the file of the 本级 (the 部门's own document) among the
	// inputs; "" means the first input, or with Previous its 本级.
	Self string
	// Code and Name are the 部门's; "" takes them from the 本级 document.
	Code, Name string
	// Previous is an earlier consolidation: its units keep their shares
	// unless an input of the same unit code replaces them, and its text
	// parts, 出错说明 and worded inputs (the 部门's own work) are kept.
	Previous     *forms.Document
	PreviousFile string
}

// Issue is a difference between the units' documents, or something the
// consolidation had to decide. Fatal ones refuse the consolidation.
type Issue struct {
	Fatal   bool
	Message string
}

// Refused is returned when the units cannot be summed (different years or
// templates, units without a code, the same unit twice): nothing is built.
type Refused struct{ Issues []Issue }

func (r *Refused) Error() string {
	var lines []string
	for _, is := range r.Issues {
		if is.Fatal {
			lines = append(lines, is.Message)
		}
	}
	return "无法汇总：" + strings.Join(lines, "；")
}

// Result is the consolidated document and what the consolidation found.
type Result struct {
	Doc    *forms.Document
	Issues []Issue // differences between the units, in the order found
	// With a previous consolidation: the units replaced, added and kept,
	// and every figure that changed.
	Replaced, Added, Kept []string
	Changes               []Change
	FormChanges           []string
}

// Consolidate builds the 部门's document from its units'.
func Consolidate(inputs []Input, opts Options) (res *Result, err error) {
	defer func() {
		// documents come from files and workbooks: a case nobody foresaw must
		// not take the program (or the window) down
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("汇总时程序出现内部错误，请把这些单位的文件交给开发者（技术信息：%v）", r)
		}
	}()
	if len(inputs) == 0 && opts.Previous == nil {
		return nil, errors.New("没有要汇总的单位文件")
	}
	prev := opts.Previous
	if prev != nil && prev.Merge == nil {
		return nil, &Refused{[]Issue{{true, fmt.Sprintf("“%s”不是汇总生成的文档（没有记录各单位的数），不能作为原汇总文档", nameOr(opts.PreviousFile, "原文档"))}}}
	}
	m := &merger{opts: opts, prev: prev}
	m.identify(inputs)
	m.chooseSelf(inputs)
	m.markSelf()
	m.compare(inputs)
	if m.fatal() {
		return nil, &Refused{m.issues}
	}
	m.chooseUnits(inputs)
	for i, in := range inputs {
		m.shares = append(m.shares, m.extract(i, in))
	}
	if prev != nil {
		m.keepPrevious()
	}
	m.order()
	m.department()
	if m.fatal() {
		return nil, &Refused{m.issues}
	}
	d, err := m.build()
	if err != nil {
		return nil, err
	}
	res = &Result{Doc: d, Issues: m.issues, Replaced: m.replaced, Added: m.added, Kept: m.kept}
	if prev != nil {
		res.Changes = Diff(prev, d)
		res.FormChanges = formChanges(prev, d)
	}
	return res, nil
}

// merger holds a consolidation while it is built.
type merger struct {
	opts   Options
	prev   *forms.Document
	ids    []forms.MergeUnit // per input
	self   int               // input index of the 本级, or -1 (the previous one's)
	ref    forms.Meta        // year and template everything is compared with
	target map[string]money.Unit
	shares []*share
	issues []Issue

	deptCode, deptName string
	replaced, added    []string
	kept               []string
}

func (m *merger) notef(format string, args ...any) {
	m.issues = append(m.issues, Issue{Message: fmt.Sprintf(format, args...)})
}

func (m *merger) refusef(format string, args ...any) {
	m.issues = append(m.issues, Issue{Fatal: true, Message: fmt.Sprintf(format, args...)})
}

func (m *merger) fatal() bool {
	return slices.ContainsFunc(m.issues, func(i Issue) bool { return i.Fatal })
}

func nameOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// identify finds which unit each input is: its code and name.
func (m *merger) identify(inputs []Input) {
	for _, in := range inputs {
		code, name := unitOf(in.Doc)
		u := forms.MergeUnit{Code: code, Name: name, File: filepath.Base(in.File)}
		if code == "" {
			m.refusef("文件“%s”（%s）没有单位代码：请在封面/基本信息中填写单位代码，或在收入总表中列出本单位", in.File, nameOr(name, "未写单位名称"))
		} else if c, err := classify.Normalize(code); err != nil || c != code {
			m.refusef("文件“%s”的单位代码“%s”不是数字代码", in.File, code)
		}
		m.ids = append(m.ids, u)
	}
}

// unitOf is the unit a document is about. A 单位's document says it in its
// information; a 部门's document used as a unit (its 本级, say) lists the
// unit in its 收入总表 under the 部门's line.
func unitOf(d *forms.Document) (code, name string) {
	leaves := leafUnits(d)
	if (d.Meta.Level == forms.LevelDept || d.Meta.Code == "") && len(leaves) == 1 && leaves[0].Code != d.Meta.Code {
		return leaves[0].Code, nameOr(leaves[0].Name, d.Meta.Name)
	}
	if d.Meta.Code != "" {
		return strings.TrimSpace(d.Meta.Code), d.Meta.Name
	}
	return "", d.Meta.Name
}

// leafUnits lists the unit lines of a 收入总表 in unit rows that have no
// unit under them.
func leafUnits(d *forms.Document) []forms.OrgUnit {
	var out []forms.OrgUnit
	for _, t := range d.TablesOf(forms.KindIncome) {
		if !t.Def.RowsAreUnits() || t.Absent {
			continue
		}
		for _, r := range t.Main().Rows {
			if r.Type == forms.RowUnit && r.Code != "" && !r.Computed() {
				out = append(out, forms.OrgUnit{Code: r.Code, Name: r.Name})
			}
		}
	}
	return out
}

// chooseSelf finds the 本级 among the inputs (-1: the previous
// consolidation's 本级, kept).
func (m *merger) chooseSelf(inputs []Input) {
	m.self = -1
	if m.opts.Self != "" {
		for i, in := range inputs {
			if SamePath(in.File, m.opts.Self) {
				m.self = i
				return
			}
		}
		m.refusef("--self 指定的本级文件“%s”不在要汇总的文件中", m.opts.Self)
		return
	}
	if m.prev != nil {
		for _, u := range m.prev.Merge.Units {
			if !u.Self {
				continue
			}
			for i, id := range m.ids {
				if id.Code == u.Code {
					m.self = i
				}
			}
			return
		}
	}
	if len(inputs) > 0 {
		m.self = 0
	}
}

// markSelf flags the 本级 among the inputs, so messages say which it is.
func (m *merger) markSelf() {
	if m.self >= 0 {
		m.ids[m.self].Self = true
	}
}

// SamePath reports whether two names are the same file.
func SamePath(a, b string) bool { return forms.SamePath(a, b) }

// compare lists where the inputs disagree with each other: year and
// template (fatal, decision 16), the same unit twice, nested unit codes.
func (m *merger) compare(inputs []Input) {
	switch {
	case m.prev != nil:
		m.ref = m.prev.Meta
	case m.self >= 0:
		m.ref = inputs[m.self].Doc.Meta
	default:
		return
	}
	refName := "本级文件"
	if m.prev != nil {
		refName = "原汇总文档"
	} else {
		refName = fmt.Sprintf("本级文件“%s”", inputs[m.self].File)
	}
	for _, in := range inputs {
		meta := in.Doc.Meta
		if meta.Year != m.ref.Year {
			m.refusef("文件“%s”是 %d 年的预算，%s是 %d 年", in.File, meta.Year, refName, m.ref.Year)
		}
		if meta.Template != m.ref.Template {
			m.refusef("文件“%s”用模板“%s”，%s用模板“%s”", in.File, templateName(meta.Template), refName, templateName(m.ref.Template))
		}
	}
	byCode := map[string]int{}
	for i, u := range m.ids {
		if u.Code == "" {
			continue
		}
		if j, ok := byCode[u.Code]; ok {
			m.refusef("单位代码 %s 出现在两个文件中：“%s”和“%s”（同一单位只能汇总一次）", u.Code, inputs[j].File, inputs[i].File)
			continue
		}
		byCode[u.Code] = i
	}
}

func templateName(id string) string {
	if t, err := forms.TemplateByID(id); err == nil {
		return t.Name
	}
	return id
}

// chooseUnits settles each table's amount unit: the units' when they all
// use one, else the template's (the others are converted).
func (m *merger) chooseUnits(inputs []Input) {
	m.target = map[string]money.Unit{}
	tmpl, err := forms.TemplateByID(m.ref.Template)
	if err != nil {
		return
	}
	for _, td := range tmpl.Tables {
		if td.Kind.Def().Layout == forms.LayoutForm {
			continue
		}
		used := map[money.Unit][]string{}
		var order []money.Unit
		note := func(u money.Unit, who string) {
			if _, ok := used[u]; !ok {
				order = append(order, u)
			}
			used[u] = append(used[u], who)
		}
		for i, in := range inputs {
			if t := in.Doc.Table(td.ID); t != nil && !t.Absent {
				note(t.Unit, m.ids[i].Label())
			}
		}
		if m.prev != nil {
			if t := m.prev.Table(td.ID); t != nil && !t.Absent {
				note(t.Unit, "原汇总文档")
			}
		}
		m.target[td.ID] = tmpl.UnitOf(td)
		switch len(order) {
		case 0:
		case 1:
			m.target[td.ID] = order[0]
		default:
			var parts []string
			for _, u := range order {
				parts = append(parts, fmt.Sprintf("%s（%s）", u, listNames(used[u])))
			}
			m.notef("“%s”的金额单位不一致：%s；汇总表按模板的%s，其余换算（元换算为万元时四舍五入到分）",
				td.Kind.Def().Title, strings.Join(parts, "，"), m.target[td.ID])
		}
	}
}

// listNames shows up to five names and how many in all.
func listNames(names []string) string {
	if len(names) <= 5 {
		return strings.Join(names, "、")
	}
	return fmt.Sprintf("%s 等 %d 个", strings.Join(names[:5], "、"), len(names))
}

// order puts the 本级 first, then the units by code.
func (m *merger) order() {
	slices.SortStableFunc(m.shares, func(a, b *share) int {
		switch {
		case a.unit.Self != b.unit.Self:
			if a.unit.Self {
				return -1
			}
			return 1
		}
		return strings.Compare(a.unit.Code, b.unit.Code)
	})
}

// department settles the 部门's code and name: given, kept from the
// previous consolidation, or from the 本级 document.
func (m *merger) department() {
	code, name := "", ""
	switch {
	case m.prev != nil:
		code, name = m.prev.Meta.Code, m.prev.Meta.Name
	case m.self >= 0:
		code, name = m.deptOf(m.shares)
	}
	if m.opts.Code != "" {
		c, err := classify.Normalize(m.opts.Code)
		if err != nil {
			m.refusef("部门代码“%s”不是数字代码", m.opts.Code)
			return
		}
		code = c
	}
	if m.opts.Name != "" {
		name = m.opts.Name
	}
	m.deptCode, m.deptName = code, name
	var codes []string
	for _, s := range m.shares {
		codes = append(codes, s.unit.Code)
	}
	for _, a := range codes {
		for _, b := range codes {
			if a != b && strings.HasPrefix(b, a) {
				m.refusef("单位代码 %s 是单位代码 %s 的开头，收入总表会把后者算作前者的下级；请核对两个单位的代码", a, b)
			}
		}
		if a == code {
			m.refusef("单位代码 %s 与部门代码相同，收入总表中无法区分部门和单位；请在本级文档中填写本级单位自己的代码（或用 --code 指定部门代码）", a)
		}
	}
	if code == "" {
		return
	}
	var outside []string
	for _, a := range codes {
		if !strings.HasPrefix(a, code) {
			outside = append(outside, a)
		}
	}
	if len(outside) > 0 {
		m.notef("单位代码 %s 不以部门代码 %s 开头：收入总表中这些单位不列在部门行之下（部门行只合计其余单位）", listNames(outside), code)
	}
}

// deptOf reads the 部门 from the 本级 document: a 部门's document names
// itself; a 单位's lists its 部门 above it in the 收入总表 or its units.
func (m *merger) deptOf(shares []*share) (code, name string) {
	var self *share
	for _, s := range shares {
		if s.unit.Self {
			self = s
		}
	}
	if self == nil || self.doc == nil {
		return "", ""
	}
	d, unit := self.doc, self.unit.Code
	if d.Meta.Level == forms.LevelDept && d.Meta.Code != "" && d.Meta.Code != unit {
		return d.Meta.Code, d.Meta.Name
	}
	above := func(c string) bool { return c != "" && c != unit && strings.HasPrefix(unit, c) }
	for _, t := range d.TablesOf(forms.KindIncome) {
		if !t.Def.RowsAreUnits() {
			continue
		}
		for _, r := range t.Main().Rows {
			if r.Type == forms.RowUnit && above(r.Code) {
				return r.Code, r.Name
			}
		}
	}
	for _, u := range d.Units {
		if above(u.Code) {
			return u.Code, u.Name
		}
	}
	m.notef("本级文档没有写明所属部门的代码和名称：部门名称暂用“%s”，收入总表不列部门行；可用 --code、--name 指定，或汇总后在封面/基本信息中修改", self.unit.Name)
	return "", self.unit.Name
}

// UnitsLine says, for a consolidation on a previous one, which units were
// replaced, added and kept.
func (r *Result) UnitsLine() string {
	var parts []string
	if len(r.Replaced) > 0 {
		parts = append(parts, fmt.Sprintf("替换 %d 个单位（%s）", len(r.Replaced), listNames(r.Replaced)))
	}
	if len(r.Added) > 0 {
		parts = append(parts, fmt.Sprintf("新加入 %d 个单位（%s）", len(r.Added), listNames(r.Added)))
	}
	parts = append(parts, fmt.Sprintf("保留 %d 个单位原来的数", len(r.Kept)))
	return strings.Join(parts, "，")
}
