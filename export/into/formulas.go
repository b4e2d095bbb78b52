package into

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// A 表样 may total its lines with formulas (=SUM(E9:E19) in the 合计 line).
// They stay formulas: a fill never writes into them, and rows inserted
// inside the body widen their ranges. Their cached values — what a reader
// that does not calculate sees, our own importer included — are set to the
// formulas' results over the filled figures, and the workbook asks Excel
// and WPS to calculate again on opening.

// maxFormulaScan bounds the cells looked at for formulas in one sheet.
const maxFormulaScan = 200_000

func (fl *filler) settleFormulas(sheets []string) error {
	type formulaCell struct{ sheet, ref, formula, value string }
	var cells []formulaCell
	for _, sheet := range sheets {
		dim, err := fl.f.GetSheetDimension(sheet)
		if err != nil || dim == "" {
			continue
		}
		maxCol, maxRow := 1, 1
		_, end, found := strings.Cut(dim, ":")
		if !found {
			end = dim
		}
		maxCol, maxRow, _ = excelize.CellNameToCoordinates(end)
		// a 表样 may declare thousands of formatted empty rows; a formula
		// has a result, so it lies within the rows that hold something
		// (a few more for one whose result is empty)
		if rows, err := fl.f.GetRows(sheet); err == nil {
			maxRow = min(maxRow, len(rows)+20)
		}
		maxCol = min(maxCol, 60)
		maxRow = min(maxRow, maxFormulaScan/maxCol)
		for r := 1; r <= maxRow; r++ {
			for c := 1; c <= maxCol; c++ {
				ref, _ := excelize.CoordinatesToCellName(c, r)
				fm, err := fl.f.GetCellFormula(sheet, ref)
				if err != nil || fm == "" {
					continue
				}
				v, err := fl.f.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				if err != nil {
					continue // left as the 表样 had it
				}
				cells = append(cells, formulaCell{sheet, ref, fm, v})
			}
		}
	}
	// all results first: rewriting one cell of a shared formula drops the
	// others' formulas, which are then written back one by one
	for _, c := range cells {
		if err := fl.f.SetCellDefault(c.sheet, c.ref, c.value); err != nil {
			return err
		}
	}
	for _, c := range cells {
		if err := fl.f.SetCellFormula(c.sheet, c.ref, c.formula); err != nil {
			return err
		}
	}
	if len(cells) > 0 {
		on := true
		fl.rep.Formulas = len(cells)
		return fl.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &on})
	}
	return nil
}
