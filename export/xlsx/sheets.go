package xlsx

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"yusuan/export/tablein"
)

// OpenSheets opens a workbook and reads its sheets as tablein grids, merged
// ranges filled, with the limits an import holds: for a writer that fills
// a bureau's 表样, which needs the file (to write into) and the grids (to
// find its tables). The caller closes the file.
func OpenSheets(path string) (*excelize.File, []*tablein.Sheet, error) {
	if strings.EqualFold(filepath.Ext(path), ".xls") {
		return nil, nil, fmt.Errorf("“%s”是旧版 Excel 文件（.xls），请先在 Excel 或 WPS 中另存为 .xlsx", path)
	}
	f, err := Open(path)
	if err != nil {
		return nil, nil, err
	}
	scan, scanErr := scanWorkbook(path)
	if scanErr == nil {
		if err := scan.tooBig(); err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("工作簿“%s”：%w", path, err)
		}
	}
	if scanErr != nil {
		scan = nil // read by the workbook library alone
	}
	sheets, err := readSheets(f, scan, &Report{})
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("工作簿“%s”：%v", path, err)
	}
	return f, sheets, nil
}
