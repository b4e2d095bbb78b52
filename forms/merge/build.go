package merge

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// build makes the 部门's document from the shares: its file form first
// (forms.Raw, what a saved consolidation holds), read like any file, so
// that totals, groupings and the shares on every line come out exactly as
// they will when the document is opened again.
func (m *merger) build() (*forms.Document, error) {
	tmpl, err := forms.TemplateByID(m.ref.Template)
	if err != nil {
		return nil, err
	}
	units := make([]forms.MergeUnit, len(m.shares))
	for i, s := range m.shares {
		units[i] = s.unit
	}
	src := m.textSource()
	raw := &forms.Raw{
		Format: forms.FileFormat, Schema: forms.SchemaVersion,
		Meta:  forms.Meta{Name: m.deptName, Code: m.deptCode, Year: m.ref.Year, Level: forms.LevelDept, Template: m.ref.Template},
		Merge: &forms.Consolidation{Units: units},
	}
	if m.deptCode != "" {
		raw.Units = append(raw.Units, forms.OrgUnit{Code: m.deptCode, Name: m.deptName})
	}
	for _, u := range units {
		raw.Units = append(raw.Units, forms.OrgUnit{Code: u.Code, Name: u.Name})
	}
	names := nameBook{}
	for _, td := range tmpl.Tables {
		if td.Kind.Def().Layout == forms.LayoutForm {
			raw.Tables = append(raw.Tables, forms.RawTable{ID: td.ID})
			continue
		}
		rt, err := m.table(tmpl, td, names)
		if err != nil {
			return nil, err
		}
		raw.Tables = append(raw.Tables, rt)
	}
	names.report(m)
	raw.Perf = m.perf(src)
	raw.Text = m.text(src)
	raw.Inputs = m.inputs(src)
	raw.Codes = m.codes()
	if m.prev != nil {
		raw.Explanations = slices.Clone(m.prev.Explanations)
	}
	d, err := raw.Document()
	if err != nil {
		return nil, fmt.Errorf("汇总结果无法生成：%v", err)
	}
	m.settleOwn(d)
	for _, t := range d.Tables {
		if st := src.Table(t.ID); st != nil && t.IsGrid() && t.Empty() {
			t.Note = st.Note // the 本级's note on a table nobody has figures in
		}
	}
	return d, nil
}

// textSource is where the text parts come from: the previous consolidation
// (the 部门's own work on it) or the 本级 document.
func (m *merger) textSource() *forms.Document {
	if m.prev != nil {
		return m.prev
	}
	for _, s := range m.shares {
		if s.unit.Self {
			return s.doc
		}
	}
	return m.shares[0].doc
}

// acc gathers one line of a 部门's table.
type acc struct {
	raw  forms.RawRow
	vals map[string]money.Amount
	from map[string][]forms.Share
}

// table sums one table line by line.
func (m *merger) table(tmpl *forms.Template, td *forms.TableDef, names nameBook) (forms.RawTable, error) {
	rt := forms.RawTable{ID: td.ID}
	if u := m.target[td.ID]; u != "" && u != tmpl.UnitOf(td) {
		rt.Unit = u
	}
	units := td.Kind.Def().Layout == forms.LayoutClass && td.RowsAreUnits()
	rows := map[string]*acc{}
	var order []*acc
	var absent []string
	present := 0
	for ui, s := range m.shares {
		ts := s.tables[td.ID]
		if ts == nil || ts.absent {
			absent = append(absent, s.unit.Label())
			continue
		}
		present++
		for _, sr := range ts.rows {
			a := rows[sr.id]
			if a == nil {
				a = &acc{raw: sr.raw, vals: map[string]money.Amount{}, from: map[string][]forms.Share{}}
				rows[sr.id] = a
				order = append(order, a)
			} else if a.raw.Name == "" {
				a.raw.Name = sr.raw.Name
			}
			if sr.raw.Code != "" && !units {
				names.add(td.Kind.Def().Scheme, sr.raw.Code, sr.raw.Name, s.unit.Label())
			}
			if len(sr.vals) == 0 {
				if sr.first != "" {
					a.from[sr.first] = append(a.from[sr.first], forms.Share{Unit: ui})
				}
				continue
			}
			for col, v := range sr.vals {
				sum, err := money.Add(a.vals[col], v)
				if err != nil {
					return rt, fmt.Errorf("“%s”的合计超出可处理的范围：%v", td.Kind.Def().Title, err)
				}
				a.vals[col] = sum
				a.from[col] = append(a.from[col], forms.Share{Unit: ui, Value: v})
			}
		}
	}
	if present == 0 {
		rt.Absent = true
		return rt, nil
	}
	if len(absent) > 0 {
		m.notef("“%s”有单位未提供（%s）：汇总表中该表只含提供了的单位", td.Kind.Def().Title, listNames(absent))
	}
	if units && m.deptCode != "" {
		order = append(order, &acc{raw: forms.RawRow{Code: m.deptCode, Name: m.deptName}})
	}
	if td.Kind.Def().Layout == forms.LayoutClass {
		// coded lines in code order (parents before children), lines without a code last
		slices.SortStableFunc(order, func(a, b *acc) int {
			switch {
			case (a.raw.Code == "") != (b.raw.Code == ""):
				if a.raw.Code == "" {
					return 1
				}
				return -1
			}
			return strings.Compare(a.raw.Code, b.raw.Code)
		})
	}
	projects := td.Kind.Def().Layout == forms.LayoutProjects
	for i, a := range order {
		rr := a.raw
		if projects {
			rr.Key = "p" + strconv.Itoa(i+1)
		}
		if len(a.vals) > 0 {
			rr.Values = map[string]string{}
			for col, v := range a.vals {
				if v != 0 {
					rr.Values[col] = v.String()
				}
			}
		}
		if len(a.from) > 0 {
			rr.From = map[string]map[string]string{}
			for col, shares := range a.from {
				byUnit := map[string]string{}
				for _, sh := range shares {
					byUnit[m.shares[sh.Unit].unit.Code] = sh.Value.String()
				}
				rr.From[col] = byUnit
			}
		}
		rt.Rows = append(rt.Rows, rr)
	}
	return rt, nil
}

// settleOwn: a line where some unit put its figures without the lines below
// it that other units list is a total in the 部门's table. It shows the
// units' sum there — lines below plus what was given at the line itself —
// kept as a given figure, so the checks report that it is not the sum of
// the lines below (and name the units).
func (m *merger) settleOwn(d *forms.Document) {
	for _, t := range d.Tables {
		for _, p := range t.Panes {
			type own struct {
				ri    int
				extra map[int]money.Amount
			}
			var found []own
			for ri, r := range p.Rows {
				if !r.Computed() || len(r.From) == 0 {
					continue
				}
				extra := map[int]money.Amount{}
				for _, ci := range p.AmountColumns() {
					if v := forms.TraceTotal(p.OwnShares(ri, ci)); v != 0 {
						extra[ci] = v
					}
				}
				if len(extra) > 0 {
					found = append(found, own{ri, extra})
				}
			}
			// lines below first: a line's sum includes theirs
			slices.SortStableFunc(found, func(a, b own) int { return len(p.Rows[b.ri].Code) - len(p.Rows[a.ri].Code) })
			for _, o := range found {
				var cells []forms.GivenCell
				for ci, v := range o.extra {
					cells = append(cells, forms.GivenCell{Row: o.ri, Col: ci, Value: p.ComputedValue(o.ri, ci) + v})
				}
				p.GiveAll(cells)
				var who []string
				for _, ci := range p.AmountColumns() {
					for _, sh := range p.OwnShares(o.ri, ci) {
						if l := d.Merge.Units[sh.Unit].Label(); sh.Value != 0 && !slices.Contains(who, l) {
							who = append(who, l)
						}
					}
				}
				m.notef("“%s”%s：%s把数填在这一行而没有列出下级，其他单位列出了下级；汇总表该行是各单位之和，与下级之和不符，审核会报出",
					d.ShortTitle(t), p.RowLabel(o.ri), listNames(who))
			}
		}
	}
}

// nameBook collects the names units give one code, to list a code named
// differently.
type nameBook map[string]*codeNames

type codeNames struct {
	code   string
	groups []nameGroup
}

type nameGroup struct {
	folded, name string
	units        []string
}

func (b nameBook) add(s classify.Scheme, code, name, unit string) {
	if strings.TrimSpace(name) == "" {
		return
	}
	key := string(s) + ":" + code
	c := b[key]
	if c == nil {
		c = &codeNames{code: code}
		b[key] = c
	}
	f := classify.FoldName(name)
	for i := range c.groups {
		if g := &c.groups[i]; g.folded == f {
			if !slices.Contains(g.units, unit) {
				g.units = append(g.units, unit)
			}
			return
		}
	}
	c.groups = append(c.groups, nameGroup{folded: f, name: name, units: []string{unit}})
}

func (b nameBook) report(m *merger) {
	keys := make([]string, 0, len(b))
	for k, c := range b {
		if len(c.groups) > 1 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		c := b[k]
		var parts []string
		for _, g := range c.groups {
			parts = append(parts, fmt.Sprintf("“%s”（%s）", g.name, listNames(g.units)))
		}
		m.notef("编码 %s 的名称不一致：%s；汇总表用“%s”", c.code, strings.Join(parts, "、"), c.groups[0].name)
	}
}

// perf carries the units' 绩效 forms over, each with its unit; the 部门整体
// form is the 本级's (or the previous consolidation's).
func (m *merger) perf(src *forms.Document) forms.Perf {
	var p forms.Perf
	if src.Perf.Dept != nil {
		f := *src.Perf.Dept
		f.Tasks, f.Indicators = slices.Clone(f.Tasks), slices.Clone(f.Indicators)
		p.Dept = &f
	}
	if m.prev != nil { // forms the 部门 added to the consolidation itself
		for _, f := range m.prev.Perf.Pre {
			if m.prev.Merge.UnitIndex(f.Unit) < 0 {
				p.Pre = append(p.Pre, f)
			}
		}
		for _, f := range m.prev.Perf.Projects {
			if m.prev.Merge.UnitIndex(f.Unit) < 0 {
				p.Projects = append(p.Projects, f)
			}
		}
	}
	for _, s := range m.shares {
		p.Pre = append(p.Pre, s.preForms...)
		p.Projects = append(p.Projects, s.projForms...)
	}
	// the forms are the consolidation's own: no indicator list is shared with a unit's document
	for i := range p.Pre {
		p.Pre[i].AnnualGrid, p.Pre[i].WholeGrid = slices.Clone(p.Pre[i].AnnualGrid), slices.Clone(p.Pre[i].WholeGrid)
	}
	for i := range p.Projects {
		p.Projects[i].Indicators = slices.Clone(p.Projects[i].Indicators)
	}
	return p
}

// text: 部门概况 and 名词解释 are the 本级's. Its hand-written 情况说明 is
// about the 本级's own figures, so the 部门's is generated from the summed
// tables. A previous consolidation keeps its texts.
func (m *merger) text(src *forms.Document) forms.Text {
	if m.prev != nil {
		t := src.Text
		t.Written, t.Glossary = maps.Clone(t.Written), slices.Clone(t.Glossary)
		return t
	}
	t := forms.Text{Functions: src.Text.Functions, Organization: src.Text.Organization, Glossary: slices.Clone(src.Text.Glossary)}
	if src.Text.Explanation != "" || len(src.Text.Written) > 0 {
		m.notef("本级文档的情况说明有手写内容，写的是本级自己的数，未带入汇总文档：部门的情况说明按汇总后的表格生成")
	}
	return t
}

// codes: the classification names the units added, the 本级's first.
func (m *merger) codes() []forms.RawCode {
	var out []forms.RawCode
	seen := map[string]bool{}
	add := func(c forms.RawCode) {
		k := string(c.Scheme) + ":" + c.Code
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	if m.prev != nil {
		for _, c := range m.prev.Codes {
			add(forms.RawCode{Scheme: c.Scheme, Code: c.Code, Name: c.Name})
		}
	}
	for _, s := range m.shares {
		for _, c := range s.codes {
			add(c)
		}
	}
	return out
}
