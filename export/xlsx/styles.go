package xlsx

import "github.com/xuri/excelize/v2"

type styleKind int

const (
	sTitle  styleKind = iota // table title: large, centred
	sHeader                  // header cells: bold, centred, wrapped, ruled, shaded
	sText                    // text in the grid (or a line of text when plain)
	sAmount                  // a figure: right-aligned, two decimals
)

// styleKey names a cell look; each is created once per workbook.
type styleKey struct {
	kind    styleKind
	bold    bool
	grouped bool // thousands separators
	right   bool
	wrap    bool
	plain   bool // no borders (lines outside the grid)
}

func (w *writer) style(k styleKey) int {
	if id, ok := w.styles[k]; ok {
		return id
	}
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	s := &excelize.Style{
		Font:      &excelize.Font{Family: "宋体", Size: 10, Bold: k.bold},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: k.wrap},
	}
	switch k.kind {
	case sTitle:
		s.Font = &excelize.Font{Family: "黑体", Size: 16, Bold: true}
		s.Alignment.Horizontal = "center"
	case sHeader:
		s.Font.Bold = true
		s.Alignment.Horizontal, s.Alignment.WrapText = "center", true
		s.Border = border
		s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E3E9F2"}}
	case sText:
		if !k.plain {
			s.Border = border
		}
		if k.right {
			s.Alignment.Horizontal = "right"
		}
	case sAmount:
		s.Border = border
		s.Alignment.Horizontal = "right"
		fmtCode := "0.00"
		if k.grouped {
			fmtCode = "#,##0.00"
		}
		s.CustomNumFmt = &fmtCode
	}
	id, err := w.f.NewStyle(s)
	if err != nil {
		id = 0
	}
	w.styles[k] = id
	return id
}
