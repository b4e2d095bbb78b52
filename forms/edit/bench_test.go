package edit

import (
	"fmt"
	"testing"

	"yusuan/forms"
	"yusuan/forms/generate"
	"yusuan/forms/money"
)

// Typing one figure: parse, store, recompute the table, re-check what reads
// it, keep the undo step.
//
//	go test ./forms/edit -run XXX -bench . -benchmem
func benchEnter(b *testing.B, large bool) {
	d, err := generate.BenchDocument(large)
	if err != nil {
		b.Fatal(err)
	}
	s := New(d)
	p := d.Table("general").Main()
	var a At
	for ri, r := range p.Rows {
		if len(r.Code) == 7 && !p.IsComputed(ri, p.Col("public")) {
			a = At{Table: "general", Row: ri, Col: p.Col("public")}
			break
		}
	}
	i := 0
	for b.Loop() {
		i++
		if err := s.Enter(a, money.Amount(100+i%7).String()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEnterSample(b *testing.B) { benchEnter(b, false) }
func BenchmarkEnterLarge(b *testing.B)  { benchEnter(b, true) }

// BenchmarkSessionEdit measures, on the large document, one edit of each
// kind the window commits, through the Session as the window calls it (the
// edit applied, recorded for undo, and the checks re-run; the window then
// only reads Result): a figure of the 一般公共预算支出表, a project's figure
// in the 项目支出表, a change to one 项目绩效目标表, a 项目绩效目标表 added or
// removed, and one of the 情况说明's extra inputs (a reason).
//
//	go test ./forms/edit -run XXX -bench SessionEdit -benchmem -count 3
func BenchmarkSessionEditLarge(b *testing.B) {
	d, err := generate.BenchDocument(true)
	if err != nil {
		b.Fatal(err)
	}
	s := New(d)
	leaf := func(table string, col string, ok func(*forms.Row) bool) At {
		p := d.Table(table).Main()
		for ri, r := range p.Rows {
			if ok(r) && !p.IsComputed(ri, p.Col(col)) {
				return At{Table: table, Row: ri, Col: p.Col(col)}
			}
		}
		b.Fatalf("no leaf in %s", table)
		return At{}
	}
	general := leaf("general", "public", func(r *forms.Row) bool { return len(r.Code) == 7 })
	project := leaf("projects", "cur_general", func(r *forms.Row) bool { return r.Type == forms.RowProject })
	b.Run("general", func(b *testing.B) {
		i := 0
		for b.Loop() {
			i++
			if err := s.Enter(general, money.Amount(100+i%7).String()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("projects", func(b *testing.B) {
		i := 0
		for b.Loop() {
			i++
			if err := s.Enter(project, money.Amount(100+i%7).String()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("perf-form", func(b *testing.B) {
		fi := len(d.Perf.Projects) / 2
		i := 0
		for b.Loop() {
			i++
			f := clone(d.Perf.Projects[fi])
			f.Indicators[0].Value = fmt.Sprintf(">=%d次", 10+i%7)
			if err := s.SetProjectForm(fi, f); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("add-remove-form", func(b *testing.B) {
		i := 0
		for b.Loop() {
			i++
			if i%2 == 1 {
				f := clone(d.Perf.Projects[len(d.Perf.Projects)/3])
				f.Name += "（新增）"
				if _, err := s.AddProjectForm(f); err != nil {
					b.Fatal(err)
				}
			} else if err := s.RemoveProjectForm(len(d.Perf.Projects) - 1); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("inputs", func(b *testing.B) {
		i := 0
		for b.Loop() {
			i++
			in := clone(d.Inputs)
			in.TotalReason = fmt.Sprintf("业务量增加（%d）", i%7)
			if err := s.SetInputs(in); err != nil {
				b.Fatal(err)
			}
		}
	})
	if s.CheckError() != nil {
		b.Fatal(s.CheckError())
	}
}
