package check

import (
	"sort"

	"yusuan/forms"
)

// Group is the findings about one table or text part.
type Group struct {
	Table    string // table id or text part
	Title    string // as a clerk knows it: “支出预算总表”, “情况说明”
	Findings []Finding
}

var partTitles = map[string]string{
	PartFunctions: "主要职能", PartOrganization: "机构设置", PartExplanation: "情况说明",
	PartGlossary: "名词解释", PartInputs: "情况说明补充信息",
}

// TitleOf names a table or text part for a clerk.
func TitleOf(d *forms.Document, table string) string {
	if t, ok := partTitles[table]; ok {
		return t
	}
	if t := d.Table(table); t != nil {
		return shortTitle(d, t)
	}
	return table
}

// ByTable groups findings by table in the template's order, then the text
// parts; within a group the most severe come first.
func (r *Result) ByTable(d *forms.Document) []Group {
	order := map[string]int{}
	for i, t := range d.Tables {
		order[t.ID] = i
	}
	for i, p := range []string{PartFunctions, PartOrganization, PartExplanation, PartGlossary, PartInputs} {
		order[p] = len(d.Tables) + i
	}
	groups := map[string]*Group{}
	var keys []string
	for _, f := range r.Findings {
		g, ok := groups[f.Table]
		if !ok {
			g = &Group{Table: f.Table, Title: TitleOf(d, f.Table)}
			groups[f.Table] = g
			keys = append(keys, f.Table)
		}
		g.Findings = append(g.Findings, f)
	}
	sort.SliceStable(keys, func(i, j int) bool {
		oi, ok1 := order[keys[i]]
		oj, ok2 := order[keys[j]]
		if !ok1 {
			oi = len(order)
		}
		if !ok2 {
			oj = len(order)
		}
		return oi < oj
	})
	out := make([]Group, 0, len(keys))
	for _, k := range keys {
		g := groups[k]
		sort.SliceStable(g.Findings, func(i, j int) bool { return g.Findings[i].Severity < g.Findings[j].Severity })
		out = append(out, *g)
	}
	return out
}

// IsTextPart reports whether a finding's table names a text part (or the
// 情况说明's extra inputs) rather than a table.
func IsTextPart(table string) bool {
	_, ok := partTitles[table]
	return ok
}
