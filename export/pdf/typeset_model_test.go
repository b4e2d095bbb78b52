package pdf

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"yusuan/forms"
	"yusuan/forms/generate"
	"yusuan/forms/linebreak"
)

// largeDoc is a generated document with wide tables (narrow columns, small
// type).
func largeDoc(t *testing.T) *forms.Document {
	t.Helper()
	d, err := generate.Document(generate.Size{Units: 30, Lines: 200, Projects: 150, L1: 12}, 3)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// 1. The same on every header the layout sets: a large generated document
// (narrow columns, small type).
func TestHeaderBreaksAtWordsGenerated(t *testing.T) {
	d := largeDoc(t)
	fs, _ := newFonts()
	n := 0
	for _, p := range pagesOf(t, d) {
		for _, b := range p.Boxes {
			if b.Header && len(b.Lines) > 1 {
				checkHeaderLines(t, fmt.Sprintf("page %d", p.Number), strings.Join(b.Lines, ""), b.Lines, func(w string) bool { return fs.width(w, hei, b.Size) <= b.W-2*b.Pad })
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no header broken over lines")
	}
}

// 5. Figures such as 6,677.45 and 100.00% never break, wherever a line ends;
// every line but a paragraph's last is set to the full width.
func TestJustifiedFiguresWhole(t *testing.T) {
	fs, _ := newFonts()
	figs := []string{"6,677.45万元", "100.00%", "6677.45"}
	for n := 0; n < 45; n++ {
		s := strings.Repeat("预算", n/2) + strings.Repeat("收", n%2) + "收支总预算" + figs[0] + "，占" + figs[1] + "（比上年" + figs[2] + "）。本部门收入全部为一般公共预算拨款收入，支出全部用于基本支出和项目支出。"
		d := sample(t)
		d.Text.Functions = s
		var body []Text
		for _, p := range pagesOf(t, d) {
			if p.Number != 3 {
				continue
			}
			for _, tx := range p.Texts {
				if tx.Face == song && tx.Size == sizeBody {
					body = append(body, tx)
				}
			}
		}
		var ls []string
		for i, tx := range body {
			ls = append(ls, tx.S)
			if i > 0 {
				if first, _ := utf8.DecodeRuneInString(tx.S); strings.ContainsRune(linebreak.Closers, first) {
					t.Errorf("n=%d: line begins with %q: %q", n, first, tx.S)
				}
			}
		}
		joined := strings.Join(ls, "\n")
		if !strings.HasPrefix(strings.ReplaceAll(joined, "\n", ""), s) {
			t.Fatalf("n=%d: text changed: %q", n, ls)
		}
		for _, f := range figs {
			if !strings.Contains(joined, f) {
				t.Errorf("n=%d: %s broken: %q", n, f, ls)
			}
		}
		// the first paragraph's lines but its last reach the right margin
		par := 0
		for par < len(body) && strings.Join(ls[:par+1], "") != s {
			par++
		}
		for i := 0; i < par; i++ {
			tx := body[i]
			end := tx.X + fs.width(tx.S, tx.Face, tx.Size) + tx.Spacing*float64(fs.gaps(tx.S))
			if abs(end-(portrait.W-portrait.Right)) > 0.05 {
				t.Errorf("n=%d: line %d ends at %.2f: %q", n, i, end, tx.S)
			}
		}
	}
}

// A header label of a hundred characters and more (as a published PDF's
// header can be read) is broken between its words without trying every way
// of cutting it (linebreak.Lines would: a corpus document hung), and stays
// in its cell.
func TestLongHeaderLabel(t *testing.T) {
	d := sample(t)
	tb := d.First(forms.KindExpense)
	long := strings.Repeat("对附属单位补助支出上缴上级支出", 8) // 72 words
	tb.Main().Columns[len(tb.Main().Columns)-1].Label = long
	pages := pagesOf(t, d)
	checkBoxes(t, pages)
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Header && strings.Join(b.Lines, "") == long {
				if len(b.Lines) < 10 {
					t.Errorf("%d lines", len(b.Lines))
				}
				checkHeaderLines(t, "long header", long, b.Lines, func(string) bool { return true })
				return
			}
		}
	}
	t.Error("the long label is not in a header cell")
}

// The pieces a line is drawn in hold its text and lie where the layout
// measured it: without spacing, one after another; with spacing, the line
// as wide as its width and spacing at each gap that stretches.
func TestPiecesPlaceTheLine(t *testing.T) {
	fs, _ := newFonts()
	for _, s := range []string{"2022年收支总预算6,677.45万元，占100.00%（比上年）。", "编制 81 名；A1 项目", "（一）因公出国（境）费", "a𪚥.", ""} {
		for _, f := range []face{song, hei} {
			for _, sp := range []float64{0, 1.5} {
				var text strings.Builder
				end := 0.0
				for i, p := range fs.pieces(s, f, 12, sp) {
					text.WriteString(p.text)
					if i > 0 && p.x < end-0.001 {
						t.Errorf("%q: piece %q at %.2f overlaps the one before (ends %.2f)", s, p.text, p.x, end)
					}
					end = p.x + fs.width(p.text, p.face, 12)
					if p.tc != 0 && p.tc != sp {
						t.Errorf("%q: spacing %v", s, p.tc)
					}
					end += p.tc * float64(utf8.RuneCountInString(p.text))
				}
				want := fs.width(s, f, 12) + sp*float64(fs.gaps(s))
				if got := strings.ReplaceAll(text.String(), string(notDef), "𪚥"); got != s {
					t.Errorf("pieces of %q read %q", s, got)
				}
				if s != "" && abs(end-want) > 0.001 && abs(end-sp-want) > 0.001 {
					t.Errorf("%q (%v, spacing %v): the pieces end at %.2f, the line is %.2f wide", s, f, sp, end, want)
				}
			}
		}
	}
}
