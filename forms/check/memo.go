package check

import (
	"slices"

	"yusuan/forms"
)

// Re-checking after an edit costs what the edit touches (design.md): the
// rules an edit re-runs (Changed) keep parts of their work from the last
// run and redo only the parts whose inputs changed.
//
// A part is keyed by what it reads, named by tokens:
//
//	"t:<id>"  a table, everything in it (its figures included)
//	"s:<id>"  a table's shape: everything but the figures (rows and their
//	          keys, codes, names and project attributes, columns, title,
//	          note, presence); a figure typed in leaves it as it was
//	"perf"    the 绩效 forms, "text" the text parts, "inputs" the extra inputs
//
// Each token has a generation, moved on by Changed for what it is told
// changed (the contract Changed always had: a change not told is not seen);
// a part's findings (and value) are kept with the generations of its
// tokens and given again while none of them has moved. Whether a table's
// shape changed is not taken on trust: Changed compares the table with its
// shape as last seen. The other things kept:
//
//   - the 项目绩效目标表, each with what the rules found about it, afresh
//     when told it changed (formmemo.go);
//   - the generated 情况说明's sections, by what each reads (narrative.Reuse);
//   - the 情况说明 as read, section by section, by their words (text.go).
//
// Full starts from nothing, so a check from scratch never reads a kept
// result.
type memoStore struct {
	clock    uint64
	gens     map[string]uint64
	shapes   map[string]*tableShape
	entries  map[string]*memoEntry
	forms    projectForms
	segs     map[segKey]*parsedSegment // the 情况说明 parsed, by paragraph group
	text     *parsedText               // the last text parsed, kept while it reads the same
	textPart string
	sections map[string]*sectionEntry // the generated 情况说明's sections, by key
}

// sectionEntry is a generated section's lines with the generations of what
// it reads.
type sectionEntry struct {
	reads []string
	gens  []uint64
	lines []string
}

type memoEntry struct {
	reads   []string
	gens    []uint64
	content string
	found   []Finding
	skip    string
	val     any
}

func newMemo() *memoStore {
	return &memoStore{gens: map[string]uint64{}, shapes: map[string]*tableShape{}, entries: map[string]*memoEntry{},
		sections: map[string]*sectionEntry{}}
}

// bump moves a token on.
func (m *memoStore) bump(token string) {
	m.clock++
	m.gens[token] = m.clock
}

// tableChanged records a change to a table: its figures always, its shape
// when it is not the shape last seen.
func (m *memoStore) tableChanged(t *forms.Table) {
	m.bump("t:" + t.ID)
	if s := m.shapes[t.ID]; s != nil && s.matches(t) {
		return
	}
	m.bump("s:" + t.ID)
	m.shapes[t.ID] = shapeOf(t)
}

func (m *memoStore) current(reads []string) []uint64 {
	out := make([]uint64, len(reads))
	for i, r := range reads {
		out[i] = m.gens[r]
	}
	return out
}

// tableToken is the token of a table, or of its shape only.
func tableToken(t *forms.Table, shapeOnly bool) string {
	if shapeOnly {
		return "s:" + t.ID
	}
	return "t:" + t.ID
}

// kindTokens are the tokens of every table of the kinds.
func (x *ctx) kindTokens(shapeOnly bool, kinds ...forms.Kind) []string {
	var out []string
	for _, k := range kinds {
		for _, t := range x.doc.TablesOf(k) {
			out = append(out, tableToken(t, shapeOnly))
		}
	}
	return out
}

// memo runs f, a part of the running rule that reads only what reads
// names, or gives back what it found (and returned) the last time it ran
// when none of that has changed since. key tells the rule's parts apart.
// A part reads nothing else of the document but its meta, template and
// classification list (which only a Full check sees change).
func memo[T any](x *ctx, key string, reads []string, f func() T) T {
	return memoOn(x, key, reads, "", f)
}

// memoOn is memo for a part that reads, besides the tokens, something that
// content says in full (the names the 情况说明 gives, say): the part is run
// again when content differs.
func memoOn[T any](x *ctx, key string, reads []string, content string, f func() T) T {
	m := x.memo
	if m == nil {
		return f()
	}
	k := x.rule.ID + "\x00" + key
	gens := m.current(reads)
	if e, ok := m.entries[k]; ok && e.content == content && slices.Equal(e.gens, gens) && slices.Equal(e.reads, reads) {
		x.found = append(x.found, e.found...)
		if e.skip != "" {
			x.skipf("%s", e.skip)
		}
		v, _ := e.val.(T)
		return v
	}
	n, skipped := len(x.found), x.skip != ""
	v := f()
	e := &memoEntry{reads: slices.Clone(reads), gens: gens, content: content, found: slices.Clone(x.found[n:]), val: v}
	if !skipped {
		e.skip = x.skip
	}
	m.entries[k] = e
	return v
}

// tablePart is a part of the running rule about one table alone (its
// figures too, or only its shape).
func tablePart[T any](x *ctx, t *forms.Table, shapeOnly bool, f func() T) T {
	return memo(x, "table "+t.ID, []string{tableToken(t, shapeOnly)}, f)
}

// tableShape is what a table is apart from its figures, as last seen.
type tableShape struct {
	absent, grouped bool
	unit            string
	id, title, note string
	kind            forms.Kind
	def             *forms.TableDef
	printed         *forms.Printed
	panes           []paneShape
}

type paneShape struct {
	pane  *forms.Pane
	side  forms.Side
	title string
	cols  []colShape
	rows  []rowShape
}

type colShape struct {
	col               *forms.Column
	key, label, group string
	hidden, text      bool
	parts             []int
}

type rowShape struct {
	row                    *forms.Row
	key, code, name, align string
	typ                    forms.RowType
	project                forms.Project
	hasProject             bool
	parts                  []int
	cells                  int
}

func shapeOf(t *forms.Table) *tableShape {
	s := &tableShape{absent: t.Absent, grouped: t.Grouped, unit: string(t.Unit), id: t.ID, title: t.Title, note: t.Note,
		kind: t.Kind, def: t.Def, printed: t.Printed}
	for _, p := range t.Panes {
		ps := paneShape{pane: p, side: p.Side, title: p.Title, cols: make([]colShape, len(p.Columns)), rows: make([]rowShape, len(p.Rows))}
		for i, c := range p.Columns {
			ps.cols[i] = colShape{col: c, key: c.Key, label: c.Label, group: c.Group, hidden: c.Hidden, text: c.Text, parts: slices.Clone(c.Parts())}
		}
		for i, r := range p.Rows {
			rs := rowShape{row: r, key: r.Key, code: r.Code, name: r.Name, align: r.Align, typ: r.Type, parts: slices.Clone(r.Parts()), cells: len(r.Cells)}
			if r.Project != nil {
				rs.project, rs.hasProject = *r.Project, true
			}
			ps.rows[i] = rs
		}
		s.panes = append(s.panes, ps)
	}
	return s
}

// matches reports whether the table still has this shape (its figures
// aside), without building another.
func (s *tableShape) matches(t *forms.Table) bool {
	if s.absent != t.Absent || s.grouped != t.Grouped || s.unit != string(t.Unit) || s.id != t.ID || s.title != t.Title ||
		s.note != t.Note || s.kind != t.Kind || s.def != t.Def || s.printed != t.Printed || len(s.panes) != len(t.Panes) {
		return false
	}
	for i, p := range t.Panes {
		ps := &s.panes[i]
		if ps.pane != p || ps.side != p.Side || ps.title != p.Title || len(ps.cols) != len(p.Columns) || len(ps.rows) != len(p.Rows) {
			return false
		}
		for j, c := range p.Columns {
			cs := &ps.cols[j]
			if cs.col != c || cs.key != c.Key || cs.label != c.Label || cs.group != c.Group || cs.hidden != c.Hidden || cs.text != c.Text ||
				!slices.Equal(cs.parts, c.Parts()) {
				return false
			}
		}
		for j, r := range p.Rows {
			rs := &ps.rows[j]
			if rs.row != r || rs.key != r.Key || rs.code != r.Code || rs.name != r.Name || rs.align != r.Align || rs.typ != r.Type ||
				rs.cells != len(r.Cells) || (r.Project != nil) != rs.hasProject || r.Project != nil && *r.Project != rs.project ||
				!slices.Equal(rs.parts, r.Parts()) {
				return false
			}
		}
	}
	return true
}
