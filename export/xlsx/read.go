package xlsx

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/xuri/excelize/v2"

	"yusuan/export/tablein"
	"yusuan/forms"
	"yusuan/internal/crash"
)

// What an import recognised and could not use; the recognition of tables
// is package tablein's, shared with the reader of published PDFs.
type (
	// Report says what an import recognised and what it could not use.
	Report = tablein.Report
	// TableReport is one table found in a sheet.
	TableReport = tablein.TableReport
	// Problem is something an import could not use, by sheet and cell.
	Problem = tablein.Problem
	// ImportOptions steers an import.
	ImportOptions = tablein.Options
)

// ErrNothingRecognised: the workbook holds no table the app knows.
var ErrNothingRecognised = tablein.ErrNothingRecognised

// Import reads a workbook: our own export back exactly, or a workbook laid
// out as any shipped template, as budget systems export them or clerks fill
// them by hand. Figures are kept as given. What it cannot use is reported
// by sheet and cell; the rest still imports.
func Import(path string, opts ImportOptions) (d *forms.Document, rep *Report, err error) {
	defer func() {
		if r := recover(); r != nil { // a malformed file must not stop the program
			e := crash.Record("导入工作簿", r, debug.Stack())
			msg := fmt.Sprintf("工作簿“%s”内容损坏，无法读取（技术信息：%v）", path, r)
			if e.Log != "" {
				msg += "。详细信息已记录在 " + e.Log + "，请把这个文件发给技术支持"
			}
			d, rep, err = nil, nil, errors.New(msg)
		}
	}()
	return importFile(path, opts)
}

// importFile is Import without the last-resort recovery (the fuzz tests
// call it, so that a panic is found rather than hidden).
func importFile(path string, opts ImportOptions) (d *forms.Document, rep *Report, err error) {
	f, err := Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	// the work is counted per sheet reference before any sheet is read
	scan, scanErr := scanWorkbook(path)
	if scanErr == nil {
		if err := scan.tooBig(); err != nil {
			return nil, nil, fmt.Errorf("工作簿“%s”：%w", path, err)
		}
	}
	rep = &Report{}
	if scanErr != nil {
		scan = nil // read by the workbook library alone
	}
	sheets, err := readSheets(f, scan, rep)
	if err != nil {
		return nil, nil, fmt.Errorf("工作簿“%s”：%v", path, err)
	}
	d, err = tablein.Read(sheets, opts, rep)
	if errors.Is(err, tablein.ErrNothingRecognised) {
		return nil, rep, fmt.Errorf("工作簿“%s”：工作簿中%w", path, err)
	}
	if err != nil {
		return nil, rep, fmt.Errorf("工作簿“%s”：%w", path, err)
	}
	return d, rep, nil
}

// readSheets reads every sheet's rows into a grid for tablein, merged
// ranges filled, each with the cell's displayed value at hand (a computed
// figure that holds more decimals than it shows is read as shown). The
// rows come from the scan's one pass over each part; a sheet the scan did
// not resolve (or all of them, without a scan) is read by the workbook
// library.
func readSheets(f *excelize.File, scan *sheetScan, rep *Report) ([]*tablein.Sheet, error) {
	var out []*tablein.Sheet
	budget := MaxCellsTotal // the scan's cap, held again in case it missed a reference
	for _, name := range f.GetSheetList() {
		var rows [][]string
		var err error
		var p *parsedSheet
		if scan != nil {
			p = scan.sheets[name]
		}
		switch {
		case p == nil:
			rows, err = readRows(f, name, &budget)
			if err == nil && scan != nil {
				fillMerges(rows, scan.merges[name])
			}
		default:
			rows, err = p.rows, p.err
			var damage *partDamage
			if errors.As(err, &damage) {
				err = fmt.Errorf("工作表“%s”内容损坏（读到第 %d 行为止）：%s", name, damage.rows, reason(damage.err))
			}
			if scan.shared[name] {
				rows = cloneRows(rows) // filled with merges once per name
			}
			if err == nil {
				fillMerges(rows, p.merges)
			}
		}
		if errors.Is(err, errTooManyRows) {
			rep.AddSheetProblem(&tablein.Sheet{Name: name}, "%v，整张工作表未导入", err)
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, &tablein.Sheet{Name: name, Rows: rows, Shown: func(row, col int) (string, bool) {
			v, err := f.GetCellValue(name, cell(col+1, row+1))
			return v, err == nil
		}})
	}
	return out, nil
}

func cloneRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append([]string(nil), r...)
	}
	return out
}

// readRows streams a sheet's rows. The row limit counts rows that hold
// something (a sheet can declare one stray cell at row 1,048,576); a sheet
// past it is left out with a problem rather than failing the workbook.
// budget is the cells all sheets may still take; past it the workbook fails.
func readRows(f *excelize.File, name string, budget *int) ([][]string, error) {
	it, err := f.Rows(name)
	if err != nil {
		return nil, fmt.Errorf("工作表“%s”无法读取：%s", name, reason(err))
	}
	defer it.Close()
	var rows [][]string
	filled := 0
	for it.Next() {
		r, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("工作表“%s”第 %d 行无法读取：%s", name, len(rows)+1, reason(err))
		}
		if len(r) > MaxCellsPerRow {
			r = append([]string(nil), r[:MaxCellsPerRow]...) // let the wide row go
		}
		if len(r) > 0 {
			if filled++; filled > MaxRowsPerSheet {
				return nil, errTooManyRows
			}
		}
		if *budget -= len(r); *budget < 0 {
			return nil, errTooManyCells
		}
		rows = append(rows, r)
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("工作表“%s”内容损坏（读到第 %d 行为止）：%s", name, len(rows), reason(err))
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows, nil
}

var (
	errTooManyRows  = fmt.Errorf("超过 %d 行的上限", MaxRowsPerSheet)
	errTooManyCells = fmt.Errorf("各工作表合计超过 %d 万个单元格的上限，不是正常的预算工作簿", MaxCellsTotal/10000)
)

// maxMergeFill bounds the cells merged ranges may fill in one sheet.
const maxMergeFill = 1_000_000

// fillMerges copies each merged range's value into all its cells, so that
// a header cell stands over every column it spans.
func fillMerges(rows [][]string, refs []string) {
	at := func(r, c int) string {
		if r < 0 || r >= len(rows) || c < 0 || c >= len(rows[r]) {
			return ""
		}
		return rows[r][c]
	}
	budget := maxMergeFill
	for _, ref := range refs {
		from, to, ok := strings.Cut(ref, ":")
		if !ok {
			continue
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil || r2-r1 > 2000 || c2-c1 > MaxCellsPerRow || r1 < 1 || c1 < 1 {
			continue
		}
		v := at(r1-1, c1-1)
		if v == "" {
			continue
		}
		for r := r1 - 1; r < r2 && r < len(rows) && budget > 0; r++ {
			for c := c1 - 1; c < c2 && c < MaxCellsPerRow; c++ {
				budget--
				for len(rows[r]) <= c {
					rows[r] = append(rows[r], "")
				}
				if rows[r][c] == "" {
					rows[r][c] = v
				}
			}
		}
	}
}
