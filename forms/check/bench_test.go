package check

import (
	"testing"

	"yusuan/forms"
	"yusuan/forms/generate"
	"yusuan/forms/money"
)

// Full check and one edit + re-check, on the sample and on the large
// generated document (200 units, 2,000 lines, 10,000 projects):
//
//	go test ./forms/check -run XXX -bench . -benchmem

func benchDocument(b *testing.B, large bool) *forms.Document {
	b.Helper()
	d, err := generate.BenchDocument(large)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func benchFull(b *testing.B, large bool) {
	d := benchDocument(b, large)
	b.ResetTimer()
	for b.Loop() {
		Document(d)
	}
}

// benchEdit types a figure into a leaf of the 一般公共预算支出表 (the table
// most rules read), recomputes its totals and re-checks what it touches:
// what the window's Session does for a figure typed in (forms/edit:
// BenchmarkSessionEditLarge measures that, and the other kinds of edit).
func benchEdit(b *testing.B, large bool) {
	d := benchDocument(b, large)
	c := NewChecker(d)
	c.Full()
	p := d.First(forms.KindGeneral).Main()
	ri, ci := -1, p.Col(forms.ColPublic)
	for i, r := range p.Rows {
		if !r.Computed() && r.Type == forms.RowClass {
			ri = i
		}
	}
	v := p.Rows[ri].Cells[ci].Value
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if err := p.Set(ri, ci, v+money.Amount(i%2)); err != nil {
			b.Fatal(err)
		}
		c.Changed(d.First(forms.KindGeneral).ID)
	}
}

func BenchmarkFullCheckSample(b *testing.B)   { benchFull(b, false) }
func BenchmarkFullCheckLarge(b *testing.B)    { benchFull(b, true) }
func BenchmarkEditRecheckSample(b *testing.B) { benchEdit(b, false) }
func BenchmarkEditRecheckLarge(b *testing.B)  { benchEdit(b, true) }
