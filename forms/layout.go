package forms

// SideBySide pairs the lines of a two-sided table for printing: lines whose
// Align matches across the sides (本年收入合计 / 本年支出合计, 收入总计 /
// 支出总计) share a printed line, and between them each side is packed from
// the top. Each pair holds a row index of the 收入 and of the 支出 pane, or -1
// for a blank half.
func (t *Table) SideBySide() [][2]int {
	in, out := t.Pane(SideIn), t.Pane(SideOut)
	if in == nil || out == nil {
		return nil
	}
	anchors := func(p *Pane) map[string]int {
		m := map[string]int{}
		for i, r := range p.Rows {
			if r.Align != "" {
				m[r.Align] = i
			}
		}
		return m
	}
	ai, ao := anchors(in), anchors(out)
	var pairs [][2]int
	i, o := 0, 0
	flush := func(endIn, endOut int) {
		for i < endIn || o < endOut {
			pair := [2]int{-1, -1}
			if i < endIn {
				pair[0] = i
				i++
			}
			if o < endOut {
				pair[1] = o
				o++
			}
			pairs = append(pairs, pair)
		}
	}
	for _, r := range in.Rows {
		if r.Align == "" {
			continue
		}
		ri, ro := ai[r.Align], ao[r.Align]
		if _, ok := ao[r.Align]; !ok || ri < i || ro < o {
			continue
		}
		flush(ri, ro)
		pairs = append(pairs, [2]int{ri, ro})
		i, o = ri+1, ro+1
	}
	flush(len(in.Rows), len(out.Rows))
	return pairs
}
