package forms

// Printed is a table as a published document printed it: its header rows
// and its body rows as cell texts, a spanning cell repeating its text in
// each column it spans. A document read from a published PDF keeps every
// table so, in its family's order, titles and columns: show and the
// exports reproduce it. Where the table is of a kind the program knows,
// the kind's figures are read out of it as well, and the checks run on
// those; a table of no known kind (政府采购预算明细表, 会议费表 …) is kept
// only so, shown and exported, not checked.
type Printed struct {
	Header [][]string `json:"header,omitempty"`
	Rows   [][]string `json:"rows,omitempty"`
	// Pages the table was read from (1 = the first page of its file).
	Pages []int `json:"pages,omitempty"`
}

// Columns is the printed table's number of columns.
func (p *Printed) Columns() int {
	n := 0
	for _, r := range p.Header {
		n = max(n, len(r))
	}
	for _, r := range p.Rows {
		n = max(n, len(r))
	}
	return n
}

// IsPrinted reports whether the table is kept only as printed (no kind).
func (t *Table) IsPrinted() bool { return t.Kind == KindPrinted }

// Shows reports whether the table is to be shown and exported as printed:
// it has a printed copy that no edit has made stale.
func (t *Table) Shows() bool { return t.Printed != nil }
