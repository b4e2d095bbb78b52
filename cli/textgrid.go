package cli

import (
	"io"
	"strings"

	"golang.org/x/text/width"
)

// displayWidth counts terminal columns: CJK and full-width characters take two.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func pad(s string, w int, right bool) string {
	gap := w - displayWidth(s)
	if gap <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", gap) + s
	}
	return s + strings.Repeat(" ", gap)
}

// textGrid lays out a table with a two-level header for a terminal.
type textGrid struct {
	groups []string // upper header per column ("" = none); equal neighbours span
	labels []string
	right  []bool // right-align (amounts)
	rows   [][]string
}

const gridSep = "  "

func (g *textGrid) widths() []int {
	w := make([]int, len(g.labels))
	for i, l := range g.labels {
		w[i] = displayWidth(l)
	}
	for _, r := range g.rows {
		for i, c := range r {
			w[i] = max(w[i], displayWidth(c))
		}
	}
	// a group label wider than its columns widens the last of them
	for _, span := range g.spans() {
		label := g.groups[span[0]]
		if label == "" {
			continue
		}
		have := 0
		for i := span[0]; i < span[1]; i++ {
			have += w[i]
		}
		have += len(gridSep) * (span[1] - span[0] - 1)
		if d := displayWidth(label) - have; d > 0 {
			w[span[1]-1] += d
		}
	}
	return w
}

// spans lists [from, to) runs of columns sharing a group label.
func (g *textGrid) spans() [][2]int {
	var out [][2]int
	for i := 0; i < len(g.groups); {
		j := i + 1
		for j < len(g.groups) && g.groups[j] == g.groups[i] && g.groups[i] != "" {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

func (g *textGrid) write(w io.Writer) {
	ws := g.widths()
	var b strings.Builder
	line := func(cells []string, right []bool) {
		var parts []string
		for i, c := range cells {
			parts = append(parts, pad(c, ws[i], right != nil && right[i]))
		}
		b.WriteString(strings.TrimRight(strings.Join(parts, gridSep), " "))
		b.WriteByte('\n')
	}
	hasGroups := false
	for _, gr := range g.groups {
		hasGroups = hasGroups || gr != ""
	}
	if hasGroups {
		var parts []string
		for _, span := range g.spans() {
			total := 0
			for i := span[0]; i < span[1]; i++ {
				total += ws[i]
			}
			total += len(gridSep) * (span[1] - span[0] - 1)
			label := g.groups[span[0]]
			left := (total - displayWidth(label)) / 2
			parts = append(parts, pad(strings.Repeat(" ", max(left, 0))+label, total, false))
		}
		b.WriteString(strings.TrimRight(strings.Join(parts, gridSep), " "))
		b.WriteByte('\n')
	}
	line(g.labels, nil)
	total := 0
	for _, x := range ws {
		total += x
	}
	b.WriteString(strings.Repeat("─", total+len(gridSep)*(len(ws)-1)))
	b.WriteByte('\n')
	for _, r := range g.rows {
		line(r, g.right)
	}
	io.WriteString(w, b.String())
}
