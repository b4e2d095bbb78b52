package check

import (
	"fmt"
	"slices"
	"strings"

	"yusuan/forms"
	"yusuan/forms/money"
)

// In a consolidated (汇总) document every summed figure knows the units it
// came from (forms.Pane.Trace), and a finding says which units it is about.

// nameUnits fills Units of findings that a rule did not already attribute
// to a unit (a 绩效 form's own unit), when the document is a consolidation.
func nameUnits(d *forms.Document, found []Finding) {
	if d.Merge == nil {
		return
	}
	for i := range found {
		if found[i].Units == nil {
			found[i].Units = involvedUnits(d, found[i].Cells)
		}
	}
}

// involvedUnits are the units a finding's cells came from. A finding sets
// its first cell against the others (a total against its parts, one
// table's figure against another's); the units whose own figures differ
// there are the ones it is about. When every unit's figures agree (a figure
// changed after consolidating, say), all the units the cells came from.
func involvedUnits(d *forms.Document, cells []forms.CellRef) []string {
	var per [][]forms.Share
	for _, ref := range cells {
		t := d.Table(ref.Table)
		if t == nil {
			continue
		}
		pi, ri, ci, ok := d.Locate(ref)
		if !ok {
			continue
		}
		shares := t.Panes[pi].Trace(ri, ci)
		if t.Unit == money.WanYuan { // compare in 元, exactly
			for k := range shares {
				shares[k].Value *= 10000
			}
		}
		per = append(per, shares)
	}
	if len(per) == 0 {
		return nil
	}
	diff := map[int]money.Amount{}
	var all []int
	seen := map[int]bool{}
	for i, shares := range per {
		for _, s := range shares {
			if i == 0 {
				diff[s.Unit] += s.Value
			} else {
				diff[s.Unit] -= s.Value
			}
			if !seen[s.Unit] {
				seen[s.Unit] = true
				all = append(all, s.Unit)
			}
		}
	}
	var odd []int
	if len(per) > 1 {
		for _, u := range all {
			if diff[u] != 0 {
				odd = append(odd, u)
			}
		}
	}
	if len(odd) == 0 {
		odd = all
	}
	if len(odd) == 0 {
		return nil
	}
	slices.Sort(odd)
	out := make([]string, len(odd))
	for i, u := range odd {
		out[i] = d.Merge.Units[u].Label()
	}
	return out
}

// formUnit names the unit a 绩效 form came from, in a consolidation.
func formUnit(d *forms.Document, code string) []string {
	if d.Merge == nil || code == "" {
		return nil
	}
	if i := d.Merge.UnitIndex(code); i >= 0 {
		return []string{d.Merge.Units[i].Label()}
	}
	return nil
}

// UnitsNote is what a finding's message is followed by in a consolidated
// document: （涉及单位：…）, up to five named.
func (f *Finding) UnitsNote() string {
	if len(f.Units) == 0 {
		return ""
	}
	if len(f.Units) > 5 {
		return fmt.Sprintf("（涉及单位：%s 等 %d 个）", strings.Join(f.Units[:5], "、"), len(f.Units))
	}
	return "（涉及单位：" + strings.Join(f.Units, "、") + "）"
}

// unitShare is one unit's part of a figure.
func unitShare(d *forms.Document, shares []forms.Share, code string) money.Amount {
	for _, s := range shares {
		if d.Merge.Units[s.Unit].Code == code {
			return s.Value
		}
	}
	return 0
}

// formUnits attributes the findings added since n to a 绩效 form's unit.
func (x *ctx) formUnits(n int, unit string) {
	for i := n; i < len(x.found); i++ {
		x.found[i].Units = formUnit(x.doc, unit)
	}
}

// addForm adds a finding about a 绩效 form, attributed to its unit.
func (x *ctx) addForm(t *forms.Table, f forms.ProjectPerf, cells []forms.CellRef, msg string, vals ...Value) {
	n := len(x.found)
	x.add(t, cells, msg, vals...)
	x.formUnits(n, f.Unit)
}
