package merge

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// share is what one unit adds to the 部门's document: its lines and the
// figures it gave (never the totals it computes), its 绩效 forms and its
// amounts among the extra inputs. It is read from the unit's document, or
// kept from a previous consolidation.
type share struct {
	unit      forms.MergeUnit
	doc       *forms.Document // nil when kept from a previous consolidation
	tables    map[string]*tableShare
	projForms []forms.ProjectPerf
	preForms  []forms.PrePerf
	codes     []forms.RawCode
}

type tableShare struct {
	absent bool
	rows   []*shareRow
}

// shareRow is one line of a unit: its identity across units and the
// figures at the positions the unit filled in (converted to the
// consolidated table's unit). A line with no figure still counts: the
// unit lists it.
type shareRow struct {
	id    string
	raw   forms.RawRow // the line's identity (code and name, key, project)
	vals  map[string]money.Amount
	first string // the column a unit listing the line without figures is recorded in
}

// extract reads the share of input i from its document.
func (m *merger) extract(i int, in Input) *share {
	d, u := in.Doc, m.ids[i]
	u.Self = i == m.self
	u.Inputs = inputAmounts(d.Inputs)
	s := &share{unit: u, doc: d, tables: map[string]*tableShare{}}
	for _, t := range d.Tables {
		if !t.IsGrid() {
			continue
		}
		ts := &tableShare{absent: t.Absent}
		s.tables[t.ID] = ts
		if t.Absent {
			continue
		}
		conv := m.converter(t.Unit, t.ID)
		if t.Layout() == forms.LayoutClass && t.Def.RowsAreUnits() {
			ts.rows = []*shareRow{unitLine(t.Main(), u, conv)}
		} else {
			for _, p := range t.Panes {
				dups := map[string]int{}
				for ri, r := range p.Rows {
					id, raw, ok := rowIdentity(p, r, u, dups)
					if !ok {
						continue
					}
					sr := &shareRow{id: id, raw: raw, vals: leafValues(p, ri, conv), first: firstEntered(p)}
					if r.Type == forms.RowLine && len(sr.vals) == 0 {
						continue // a fixed line is there anyway
					}
					ts.rows = append(ts.rows, sr)
				}
			}
		}
		if n := conv.rounded; n > 0 {
			m.notef("%s的“%s”以%s为单位：已换算为%s，其中 %d 个数四舍五入到分", u.Label(), d.ShortTitle(t), t.Unit, m.target[t.ID], n)
		}
		m.givenTotals(d, t, u)
	}
	for _, f := range d.Perf.Projects {
		f.Unit = u.Code
		s.projForms = append(s.projForms, f)
	}
	for _, f := range d.Perf.Pre {
		f.Unit = u.Code
		s.preForms = append(s.preForms, f)
	}
	for _, c := range d.Codes {
		s.codes = append(s.codes, forms.RawCode{Scheme: c.Scheme, Code: c.Code, Name: c.Name})
	}
	return s
}

// unitLine is a unit's one line of a 收入总表 in unit rows: the unit, with
// the figures of every unit line it lists (its own, and any 附属单位).
func unitLine(p *forms.Pane, u forms.MergeUnit, conv *converter) *shareRow {
	vals := map[string]money.Amount{}
	for ri, r := range p.Rows {
		if r.Type != forms.RowUnit || r.Code == "" || r.Computed() {
			continue
		}
		for k, v := range leafValues(p, ri, conv) {
			vals[k] += v
		}
	}
	return &shareRow{id: "c:" + u.Code, raw: forms.RawRow{Code: u.Code, Name: u.Name}, vals: vals, first: firstEntered(p)}
}

// rowIdentity says which line of the 部门's table a unit's line adds into:
// a code, a fixed line, a line without a code (by its label), or a project
// (the unit's own: by unit, 类型, 一级, 二级, 项目单位 and 功能分类; a blank
// 项目单位 becomes the unit's name). Totals and subtotals are computed.
func rowIdentity(p *forms.Pane, r *forms.Row, u forms.MergeUnit, dups map[string]int) (string, forms.RawRow, bool) {
	switch r.Type {
	case forms.RowClass, forms.RowUnit:
		if strings.HasPrefix(r.Key, "dup:") {
			return "k:" + r.Key, forms.RawRow{Code: r.Code, Name: r.Name}, true
		}
		return "c:" + r.Code, forms.RawRow{Code: r.Code, Name: r.Name}, true
	case forms.RowLine:
		return "k:" + r.Key, forms.RawRow{Key: r.Key}, true
	case forms.RowLoose:
		return "n:" + r.Name, forms.RawRow{Key: "loose:" + r.Name, Name: r.Name}, true
	case forms.RowProject:
		pr := *r.Project
		if strings.TrimSpace(pr.Unit) == "" {
			pr.Unit = u.Name
		}
		id := "p:" + u.Code + "\x00" + projectKey(pr, dups)
		return id, forms.RawRow{Type: pr.Type, L1: pr.L1, L2: pr.L2, Unit: pr.Unit, Func: pr.Func}, true
	}
	return "", forms.RawRow{}, false
}

// projectKey identifies a project line by its attributes; a second line
// with the same attributes gets its number.
func projectKey(pr forms.Project, dups map[string]int) string {
	k := strings.Join([]string{pr.Type, pr.L1, pr.L2, pr.Unit, pr.Func}, "\x00")
	dups[k]++
	if n := dups[k]; n > 1 {
		k += "#" + strconv.Itoa(n)
	}
	return k
}

// leafValues are a line's non-zero figures at positions a clerk fills in
// (a total the unit gave that differs from its sum is not one of them).
func leafValues(p *forms.Pane, ri int, conv *converter) map[string]money.Amount {
	var out map[string]money.Amount
	for _, ci := range p.AmountColumns() {
		if p.IsComputed(ri, ci) {
			continue
		}
		if v := p.Rows[ri].Cells[ci].Value; v != 0 {
			if out == nil {
				out = map[string]money.Amount{}
			}
			out[p.Columns[ci].Key] = conv.do(v)
		}
	}
	return out
}

// firstEntered is the first amount column a clerk fills in.
func firstEntered(p *forms.Pane) string {
	for _, ci := range p.AmountColumns() {
		if !p.Columns[ci].Computed() {
			return p.Columns[ci].Key
		}
	}
	return ""
}

// givenTotals reports the totals a unit gave that differ from the sum of
// their parts: the consolidation adds the parts, not these figures.
func (m *merger) givenTotals(d *forms.Document, t *forms.Table, u forms.MergeUnit) {
	var found []string
	n := 0
	for _, p := range t.Panes {
		for ri, r := range p.Rows {
			for ci, c := range r.Cells {
				if !c.Entered || !p.IsComputed(ri, ci) {
					continue
				}
				n++
				if len(found) < 3 {
					found = append(found, fmt.Sprintf("%s“%s”：填 %s，各项之和 %s", p.RowLabel(ri), p.ColumnLabel(ci),
						t.Show(c.Value), money.Format(p.ComputedValue(ri, ci), t.Grouped)))
				}
			}
		}
	}
	if n == 0 {
		return
	}
	more := ""
	if n > len(found) {
		more = fmt.Sprintf("等 %d 处", n)
	}
	m.notef("%s的“%s”有合计与各项之和不符（%s%s）：汇总时按各项相加，不采用这些合计", u.Label(), d.ShortTitle(t), strings.Join(found, "；"), more)
}

// converter changes a unit's figures to the consolidated table's unit and
// counts the ones rounded.
type converter struct {
	from, to money.Unit
	rounded  int
}

func (m *merger) converter(from money.Unit, table string) *converter {
	to, ok := m.target[table]
	if !ok {
		to = from
	}
	return &converter{from: from, to: to}
}

func (c *converter) do(v money.Amount) money.Amount {
	if c.from == c.to {
		return v
	}
	w, err := money.Convert(v, c.from, c.to)
	if err != nil {
		return v // 万元 → 元 overflows only beyond any budget; keep the figure
	}
	if back, _ := money.Convert(w, c.to, c.from); back != v {
		c.rounded++
	}
	return w
}

// inputAmounts keeps the amounts (and counts) among a unit's extra inputs:
// they are summed; the words are the 本级's.
func inputAmounts(in forms.Inputs) *forms.Inputs {
	out := forms.Inputs{
		PrevTotal: in.PrevTotal, PrevSangong: in.PrevSangong, Operating: in.Operating, PrevOperating: in.PrevOperating,
		Procurement: in.Procurement, Assets: in.Assets, PrePerf: in.PrePerf,
	}
	if out.PrevTotal == nil && out.PrevSangong == nil && out.Operating == nil && out.PrevOperating == nil &&
		out.Procurement == nil && out.Assets == nil && out.PrePerf == nil {
		return nil
	}
	return &out
}

// keepPrevious takes the shares of the previous consolidation's units that
// no input replaces, from the figures it recorded for each (one pass over
// its lines).
func (m *merger) keepPrevious() {
	d := m.prev
	given, old := map[string]bool{}, map[string]bool{}
	for _, s := range m.shares {
		given[s.unit.Code] = true
	}
	kept := map[int]*share{}
	var order []int
	for ui, u := range d.Merge.Units {
		old[u.Code] = true
		if given[u.Code] {
			m.replaced = append(m.replaced, u.Label())
			continue
		}
		if m.self >= 0 {
			u.Self = false // the 本级 is among the inputs
		}
		m.kept = append(m.kept, u.Label())
		kept[ui] = &share{unit: u, tables: map[string]*tableShare{}}
		order = append(order, ui)
	}
	for _, s := range m.shares {
		if !old[s.unit.Code] {
			m.added = append(m.added, s.unit.Label())
		}
	}
	for _, t := range d.Tables {
		if !t.IsGrid() {
			continue
		}
		for _, s := range kept {
			s.tables[t.ID] = &tableShare{absent: t.Absent}
		}
		if t.Absent {
			continue
		}
		conv := m.converter(t.Unit, t.ID)
		for _, p := range t.Panes {
			dups := map[int]map[string]int{}
			first := firstEntered(p)
			for _, r := range p.Rows {
				vals := map[int]map[string]money.Amount{}
				var listed []int
				for ci, shares := range r.From {
					for _, sh := range shares {
						if kept[sh.Unit] == nil {
							continue
						}
						if _, ok := vals[sh.Unit]; !ok {
							vals[sh.Unit] = nil
							listed = append(listed, sh.Unit)
						}
						if sh.Value != 0 {
							if vals[sh.Unit] == nil {
								vals[sh.Unit] = map[string]money.Amount{}
							}
							vals[sh.Unit][p.Columns[ci].Key] += conv.do(sh.Value)
						}
					}
				}
				slices.Sort(listed)
				for _, ui := range listed {
					s := kept[ui]
					if dups[ui] == nil {
						dups[ui] = map[string]int{}
					}
					id, raw, ok := rowIdentity(p, r, s.unit, dups[ui])
					if !ok {
						continue
					}
					ts := s.tables[t.ID]
					ts.rows = append(ts.rows, &shareRow{id: id, raw: raw, vals: vals[ui], first: first})
				}
			}
		}
		if n := conv.rounded; n > 0 {
			m.notef("原汇总文档“%s”中各单位的数已换算为%s，其中 %d 个数四舍五入到分", d.ShortTitle(t), m.target[t.ID], n)
		}
	}
	for _, f := range d.Perf.Projects {
		if ui := d.Merge.UnitIndex(f.Unit); ui >= 0 && kept[ui] != nil {
			kept[ui].projForms = append(kept[ui].projForms, f)
		}
	}
	for _, f := range d.Perf.Pre {
		if ui := d.Merge.UnitIndex(f.Unit); ui >= 0 && kept[ui] != nil {
			kept[ui].preForms = append(kept[ui].preForms, f)
		}
	}
	for _, ui := range order {
		m.shares = append(m.shares, kept[ui])
	}
}
