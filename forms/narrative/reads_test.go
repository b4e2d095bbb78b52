package narrative_test

import (
	"fmt"
	"slices"
	"testing"

	"yusuan/forms"
	"yusuan/forms/generate"
	"yusuan/forms/money"
	"yusuan/forms/narrative"
)

// Each generated section says what it reads (the Reads given to a Reuse):
// forms/check keeps a section's lines while none of that changes. So
// changing anything else — the figures, the names or the presence of the
// tables of another kind, the 绩效 forms, the extra inputs — must leave the
// section's lines as they were.
func TestSectionsReadOnlyWhatTheySay(t *testing.T) {
	builds := map[string]func() *forms.Document{
		"sample": func() *forms.Document { return sample(t) },
		"generated": func() *forms.Document {
			d, err := generate.Document(generate.Size{Units: 2, Lines: 80, Projects: 30, L1: 4}, 3)
			if err != nil {
				t.Fatal(err)
			}
			return d
		},
		// 上海's 三公 table states 机关运行经费 (the 其他重要事项 section's)
		"shanghai": func() *forms.Document {
			d, err := forms.NewDocument(forms.Meta{Name: "测试局", Code: "901", Year: 2023, Level: forms.LevelDept, Template: "shanghai"})
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range []forms.Kind{forms.KindSangong, forms.KindGeneral, forms.KindBasic, forms.KindExpense} {
				changeFigures(t, d, k)
			}
			return d
		},
	}
	for name, build := range builds {
		reads, before := sectionsOf(build())
		var kinds []forms.Kind
		for _, tb := range build().Tables {
			if !slices.Contains(kinds, tb.Kind) {
				kinds = append(kinds, tb.Kind)
			}
		}
		type variation struct {
			what    string
			touches func(narrative.Reads) bool
			change  func(d *forms.Document)
		}
		var vs []variation
		for _, k := range kinds {
			in := func(r narrative.Reads) bool { return slices.Contains(r.Kinds, k) }
			vs = append(vs,
				variation{fmt.Sprintf("figures of %s", k), in, func(d *forms.Document) { changeFigures(t, d, k) }},
				variation{fmt.Sprintf("names of %s", k), in, func(d *forms.Document) {
					for _, tb := range d.TablesOf(k) {
						for _, p := range tb.Panes {
							for _, r := range p.Rows {
								r.Name += "（改）"
							}
						}
					}
				}},
				variation{fmt.Sprintf("%s not provided", k), in, func(d *forms.Document) {
					for _, tb := range d.TablesOf(k) {
						tb.Absent = true
					}
				}})
		}
		vs = append(vs,
			variation{"the 绩效 forms", func(r narrative.Reads) bool { return r.Perf }, func(d *forms.Document) {
				d.Perf.Projects = append(d.Perf.Projects, forms.ProjectPerf{Name: "新增", Level: forms.ProjectLevel2})
				d.Perf.Pre = append(d.Perf.Pre, forms.PrePerf{Name: "事前", Annual: forms.Fund{Fiscal: money.FromUnits(3)}})
				d.Perf.Dept = nil
			}},
			variation{"the extra inputs", func(r narrative.Reads) bool { return r.Inputs }, func(d *forms.Document) {
				v := money.FromUnits(12345)
				d.Inputs = forms.Inputs{PrevTotal: &v, TotalReason: "其他原因", ClassUses: map[string]string{}, PrevSangong: &forms.Sangong{Abroad: v},
					SangongReason: "其他原因", Operating: &v, PrevOperating: &v, OperatingReason: "其他原因",
					Procurement: &forms.Procurement{Goods: v}, Assets: &forms.AssetInfo{Equipment: 7}, PrePerf: &forms.PrePerfSummary{Count: 9, Amount: v}}
				for _, code := range []string{"201", "208", "210", "221", "204", "205", "206", "207", "211", "212", "213", "214", "215", "216", "217", "219", "220", "222", "224", "227", "229", "232", "233"} {
					d.Inputs.ClassUses[code] = "其他用途"
				}
			}})
		for _, v := range vs {
			d := build()
			v.change(d)
			_, after := sectionsOf(d)
			changed := false
			for key, lines := range before {
				if slices.Equal(lines, after[key]) {
					continue
				}
				changed = true
				if !v.touches(reads[key]) {
					t.Errorf("%s: section %s changed with %s, which it does not say it reads (%+v)\nbefore: %q\nafter:  %q",
						name, key, v.what, reads[key], lines, after[key])
				}
			}
			if !changed {
				t.Logf("%s: %s changes no section", name, v.what)
			}
		}
	}
}

// sectionsOf is each generated section's lines and what it says it reads.
func sectionsOf(d *forms.Document) (map[string]narrative.Reads, map[string][]string) {
	reads, lines := map[string]narrative.Reads{}, map[string][]string{}
	narrative.TextReusing(d, func(key string, r narrative.Reads, make func() []string) []string {
		reads[key], lines[key] = r, make()
		return lines[key]
	})
	return reads, lines
}

// changeFigures gives every figure the clerk enters in the tables of a
// kind another value.
func changeFigures(t *testing.T, d *forms.Document, k forms.Kind) {
	for _, tb := range d.TablesOf(k) {
		for _, p := range tb.Panes {
			var given []forms.GivenCell
			for ri := range p.Rows {
				for ci, c := range p.Columns {
					if !c.Text && !p.IsComputed(ri, ci) {
						given = append(given, forms.GivenCell{Row: ri, Col: ci, Value: p.Rows[ri].Cells[ci].Value*3 + money.FromUnits(7)})
					}
				}
			}
			if err := p.GiveAll(given); err != nil {
				t.Fatal(err)
			}
		}
	}
}
