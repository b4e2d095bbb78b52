package xlsx

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"yusuan/forms/money"
)

// cellWriter is what the sheet writers call: the workbook library's own
// methods (small sheets), or a sheetBuf that streams the sheet out.
type cellWriter interface {
	SetCellStr(sheet, ref, value string) error
	SetCellDefault(sheet, ref, value string) error
	SetCellStyle(sheet, from, to string, style int) error
	MergeCell(sheet, from, to string) error
	SetRowHeight(sheet string, row int, height float64) error
	SetColWidth(sheet, from, to string, width float64) error
	SetColVisible(sheet, cols string, visible bool) error
	SetPanes(sheet string, panes *excelize.Panes) error
}

// sheetBuf holds a sheet's cells compactly while its writer fills them in
// any order, then writes them through the library's stream writer in row
// order. The library's own sheet model costs some hundred bytes a cell and
// its XML marshalling allocates as much again: a provincial document's
// 10,000 projects and 10,000 绩效 forms took 600 MB that way.
//
// Rows are written out as the writer moves on, keeping a window of recent
// rows open (a writer styles or merges a block of rows after filling
// them): memory stays bounded however long the sheet. Column widths, hidden
// columns and panes must be set before the first rows go out.
type sheetBuf struct {
	name    string
	f       *excelize.File
	sw      *excelize.StreamWriter // made when the first rows go out
	base    int                    // rows up to base are written out
	rows    [][]bufCell            // rows base+1…, then columns (from 0)
	heights map[int]float64
	merges  [][2]string
	widths  []colWidth
	hidden  []int
	panes   *excelize.Panes
	err     error // a change to what was already written out
	vals    []interface{}
}

// openRows is how many rows stay open before the older ones are written
// out, and keepOpen how many of the latest stay open then: far more than
// any block a writer goes back to (a form's indicator grid).
const openRows, keepOpen = 2048, 512

type bufCell struct {
	style int
	kind  uint8 // 0 none, 1 text, 2 number
	text  string
}

type colWidth struct {
	from, to int
	width    float64
}

func newSheetBuf(f *excelize.File, name string) *sheetBuf {
	return &sheetBuf{f: f, name: name, heights: map[int]float64{}}
}

var discard bufCell

// at is the cell at (col, row), counted from 1, made when missing.
func (b *sheetBuf) at(col, row int) *bufCell {
	if row <= b.base {
		b.fail(fmt.Errorf("第 %d 行已写出后又被修改", row))
		return &discard
	}
	i := row - b.base - 1
	for len(b.rows) <= i {
		b.rows = append(b.rows, nil)
	}
	r := b.rows[i]
	if len(r) < col {
		r = append(r, make([]bufCell, col-len(r))...)
		b.rows[i] = r
	}
	if len(b.rows) > openRows {
		b.fail(b.writeRows(b.base + len(b.rows) - keepOpen))
		return b.at(col, row)
	}
	return &r[col-1]
}

func (b *sheetBuf) fail(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// started says that rows went out: widths, panes and hidden columns can no
// longer be set.
func (b *sheetBuf) started(what string) error {
	if b.sw != nil {
		b.fail(fmt.Errorf("工作表“%s”已开始写出，不能再设%s", b.name, what))
		return b.err
	}
	return nil
}

func (b *sheetBuf) SetCellStr(_, ref, value string) error {
	col, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return err
	}
	c := b.at(col, row)
	c.kind, c.text = 1, value
	return nil
}

func (b *sheetBuf) SetCellDefault(_, ref, value string) error {
	col, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil {
		return err
	}
	c := b.at(col, row)
	c.kind, c.text = 2, value
	return nil
}

func (b *sheetBuf) SetCellStyle(_, from, to string, style int) error {
	c1, r1, err := excelize.CellNameToCoordinates(from)
	if err != nil {
		return err
	}
	c2, r2, err := excelize.CellNameToCoordinates(to)
	if err != nil {
		return err
	}
	for r := min(r1, r2); r <= max(r1, r2); r++ {
		for c := min(c1, c2); c <= max(c1, c2); c++ {
			b.at(c, r).style = style
		}
	}
	return nil
}

func (b *sheetBuf) MergeCell(_, from, to string) error {
	b.merges = append(b.merges, [2]string{from, to})
	return nil
}

func (b *sheetBuf) SetRowHeight(_ string, row int, height float64) error {
	if row <= b.base {
		b.fail(fmt.Errorf("第 %d 行已写出后又设行高", row))
		return b.err
	}
	b.heights[row] = height
	return nil
}

func (b *sheetBuf) SetColWidth(_, from, to string, width float64) error {
	c1, err := excelize.ColumnNameToNumber(from)
	if err != nil {
		return err
	}
	c2, err := excelize.ColumnNameToNumber(to)
	if err != nil {
		return err
	}
	b.widths = append(b.widths, colWidth{c1, c2, width})
	return b.started("列宽")
}

func (b *sheetBuf) SetColVisible(_, cols string, visible bool) error {
	c, err := excelize.ColumnNameToNumber(cols)
	if err != nil {
		return err
	}
	if !visible {
		b.hidden = append(b.hidden, c)
	}
	return b.started("隐藏列")
}

func (b *sheetBuf) SetPanes(_ string, panes *excelize.Panes) error {
	b.panes = panes
	return b.started("冻结窗格")
}

// writeRows writes the rows up to last out, making the stream writer (with
// the widths, hidden columns and panes) for the first of them.
func (b *sheetBuf) writeRows(last int) error {
	if b.sw == nil {
		sw, err := b.f.NewStreamWriter(b.name)
		if err != nil {
			return err
		}
		b.sw = sw
		if b.panes != nil {
			if err := sw.SetPanes(b.panes); err != nil {
				return err
			}
		}
		for _, w := range b.widths {
			if err := sw.SetColWidth(w.from, w.to, w.width); err != nil {
				return err
			}
		}
		for _, c := range b.hidden {
			if err := sw.SetColVisible(c, c, false); err != nil {
				return err
			}
		}
	}
	for r := b.base + 1; r <= last; r++ {
		var cells []bufCell
		if i := r - b.base - 1; i < len(b.rows) {
			cells = b.rows[i]
		}
		h, tall := b.heights[r]
		delete(b.heights, r)
		if len(cells) == 0 && !tall {
			continue
		}
		b.vals = b.vals[:0]
		for _, c := range cells {
			switch {
			case c.kind == 0 && c.style == 0:
				b.vals = append(b.vals, nil)
			case c.kind == 0:
				b.vals = append(b.vals, excelize.Cell{StyleID: c.style})
			default:
				b.vals = append(b.vals, excelize.Cell{StyleID: c.style, Value: cellValue(c)})
			}
		}
		var opts []excelize.RowOpts
		if tall {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		if err := b.sw.SetRow(cell(1, r), b.vals, opts...); err != nil {
			return err
		}
	}
	n := min(last-b.base, len(b.rows))
	b.rows = append(b.rows[:0], b.rows[n:]...)
	b.base = last
	return nil
}

// flush writes the rest of the sheet out. The sheet's page setup (set on
// the workbook beforehand) is kept: the stream writer writes it after the
// rows.
func (b *sheetBuf) flush() error {
	if b.err != nil {
		return b.err
	}
	last := b.base + len(b.rows)
	for r := range b.heights {
		last = max(last, r)
	}
	if err := b.writeRows(last); err != nil {
		return err
	}
	for _, m := range b.merges {
		if err := b.sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return b.sw.Flush()
}

// cellValue is what a buffered cell holds as the stream writer takes it: a
// figure as a number only when the number prints back as the same figure
// (the writer formats floats in their shortest exact form, which holds for
// the 15 digits of any budget figure), else as its text.
func cellValue(c bufCell) interface{} {
	if c.kind != 2 {
		return c.text
	}
	f, err := strconv.ParseFloat(c.text, 64)
	if err != nil {
		return c.text
	}
	want, err1 := money.Parse(c.text)
	got, err2 := money.Parse(strconv.FormatFloat(f, 'f', -1, 64))
	if err1 != nil || err2 != nil || got != want {
		return c.text
	}
	return f
}
