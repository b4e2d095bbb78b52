package forms

import (
	"strings"
	"testing"

	"yusuan/forms/money"
)

// TestEveryTemplateResolves walks every shipped template, for a 部门 and a
// 单位, and proves each table resolves: a known kind, a title with the year
// and the right level word, a valid unit, its columns and fixed lines.
func TestEveryTemplateResolves(t *testing.T) {
	tmpls, err := Templates()
	if err != nil {
		t.Fatal(err)
	}
	if len(tmpls) != 3 || tmpls[0].ID != DefaultTemplate {
		t.Fatalf("templates = %d, first %q", len(tmpls), tmpls[0].ID)
	}
	for _, tmpl := range tmpls {
		for _, level := range []Level{LevelDept, LevelUnit} {
			d, err := NewDocument(Meta{Name: "测试单位", Year: 2023, Level: level, Template: tmpl.ID})
			if err != nil {
				t.Fatalf("%s/%s: %v", tmpl.ID, level, err)
			}
			if len(d.Tables) != len(tmpl.Tables) {
				t.Fatalf("%s: %d tables built of %d", tmpl.ID, len(d.Tables), len(tmpl.Tables))
			}
			for _, tb := range d.Tables {
				name := tmpl.ID + "/" + tb.ID
				if !strings.Contains(tb.Title, "2023年") || strings.ContainsAny(tb.Title, "{}") {
					t.Errorf("%s: title %q", name, tb.Title)
				}
				if !tb.Unit.Valid() {
					t.Errorf("%s: unit %q", name, tb.Unit)
				}
				note := d.NoteOf(tb)
				if note == "" || strings.ContainsAny(note, "{}") || !strings.Contains(note, tmpl.LevelWords[level]) {
					t.Errorf("%s: empty-table note %q", name, note)
				}
				kd := tb.Kind.Def()
				if kd.Layout == LayoutForm {
					if len(tb.Panes) != 0 {
						t.Errorf("%s: form table has panes", name)
					}
					continue
				}
				wantPanes := 1
				if kd.Layout == LayoutTwoSided {
					wantPanes = 2
				}
				if len(tb.Panes) != wantPanes {
					t.Fatalf("%s: %d panes", name, len(tb.Panes))
				}
				for _, p := range tb.Panes {
					if len(p.AmountColumns()) == 0 {
						t.Errorf("%s: no amount columns", name)
					}
					for _, c := range p.Columns {
						if _, ok := kd.Column(p.Side, c.Key); !ok || c.Label == "" {
							t.Errorf("%s: column %q unresolved", name, c.Key)
						}
					}
					if len(p.Rows) == 0 {
						t.Errorf("%s: no rows", name)
					}
					for ri, r := range p.Rows {
						if p.Label(ri) == "" && r.Type != RowProject {
							t.Errorf("%s: row %s has no label", name, r.Key)
						}
					}
				}
			}
		}
	}
}

func TestTemplateTitlesAndUnits(t *testing.T) {
	sh, err := NewDocument(Meta{Name: "某单位", Year: 2024, Level: LevelUnit, Template: "shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	if got := sh.Table("summary").Title; got != "2024年预算单位财务收支预算总表" {
		t.Errorf("shanghai 单位 summary title = %q", got)
	}
	if sh.Table("summary").Unit != money.Yuan || sh.Table("sangong").Unit != money.WanYuan {
		t.Error("shanghai units: tables in 元, 三公 in 万元")
	}
	if sh.Table("general").Main().Col(ColPersonnel) >= 0 {
		t.Error("shanghai general has no 人员经费 column (absent, not zero)")
	}
	jl, err := NewDocument(Meta{Name: "某部门", Year: 2022, Template: "jilin-2022"})
	if err != nil {
		t.Fatal(err)
	}
	if len(jl.Tables) != 13 || jl.First(KindSOE) != nil {
		t.Errorf("jilin: %d tables, soe %v", len(jl.Tables), jl.First(KindSOE))
	}
	if got := jl.NoteOf(jl.Table("fund")); got != "本部门2022年无政府性基金预算财政拨款安排，故本表无数据。" {
		t.Errorf("fund note = %q", got)
	}
	// all 24 类 are listed on the 支出 side of the jilin 收支总表
	out := jl.Table("summary").Pane(SideOut)
	n := 0
	for _, r := range out.Rows {
		if r.Type == RowClass {
			n++
		}
	}
	if n != 24 || out.Label(out.RowIndex("229")) != "二十四、其他支出" {
		t.Errorf("summary 类 lines = %d, last %q", n, out.Label(out.RowIndex("229")))
	}
	if _, err := TemplateByID("beijing"); err == nil || !strings.Contains(err.Error(), "national") {
		t.Errorf("unknown template: %v", err)
	}
}

func TestTemplateValidationRejectsTypos(t *testing.T) {
	base := `{"id":"x","name":"x","unit":"万元","levelWords":{"部门":"部门","单位":"单位"},"tables":[%s]}`
	for _, bad := range []string{
		`{"id":"a","kind":"nosuch","title":"t","zero":"blank"}`,
		`{"id":"a","kind":"expense","title":"t","zero":"blank","columns":[{"key":"totl","label":"合计"}]}`,
		`{"id":"a","kind":"expense","title":"t","zero":"zero","columns":[{"key":"total","label":"合计"}]}`,
		`{"id":"a","kind":"summary","title":"t","zero":"blank","sides":{"in":{"columns":[{"key":"amount","label":"x"}],"lines":[{"key":"out.total","label":"x"}]},"out":{"columns":[],"lines":[]}}}`,
		`{"id":"a","kind":"expense","title":"t","zero":"blank","columns":[{"key":"total","label":"合计"}],"extra":1}`,
	} {
		if _, err := ParseTemplate([]byte(strings.Replace(base, "%s", bad, 1))); err == nil {
			t.Errorf("accepted: %s", bad)
		}
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 10: "十", 11: "十一", 20: "二十", 24: "二十四", 99: "九十九", 100: "100"} {
		if got := ChineseNumber(n); got != want {
			t.Errorf("ChineseNumber(%d) = %q", n, got)
		}
	}
}
