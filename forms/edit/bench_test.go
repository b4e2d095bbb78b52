package edit

import (
	"testing"

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
