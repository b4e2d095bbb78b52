// Package xlsx reads and writes Excel workbooks: the standard disclosure
// workbook out, any supported workbook in, and the classification lists
// users keep in spreadsheets. Reading a workbook here is the file's part
// (opening it within size limits, its sheets' cells with merged ranges
// filled); the tables in those cells are recognised by export/tablein, which
// the reader of published PDFs shares. It knows forms; forms never imports it.
package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"yusuan/forms"
	"yusuan/forms/classify"
)

// Limits for opening workbooks that come from outside: a zip bomb or a
// giant sheet is refused instead of exhausting memory.
const (
	MaxFileBytes     = 64 << 20
	MaxUnzipBytes    = 256 << 20
	MaxUnzipXMLBytes = 128 << 20
	MaxRowsPerSheet  = 400_000
	MaxCellsPerRow   = 200

	keptInMemory = 8 << 20
)

// openFile opens a workbook's file; tests replace it to refuse access even
// as root, whom file permissions do not stop.
var openFile = os.Open

// Open opens a workbook from outside with size limits, turning every failure
// into a Chinese message that names the file.
func Open(path string) (*excelize.File, error) {
	// open it first: a file that cannot be opened is not a damaged workbook
	fh, err := openFile(path)
	if err != nil {
		return nil, openError(path, err)
	}
	fi, err := fh.Stat()
	fh.Close()
	switch {
	case err != nil:
		return nil, openError(path, err)
	case fi.IsDir():
		return nil, fmt.Errorf("“%s”是一个文件夹，不是工作簿", path)
	case fi.Size() > MaxFileBytes:
		return nil, fmt.Errorf("工作簿“%s”有 %d MB，超过 %d MB 的上限", path, fi.Size()>>20, MaxFileBytes>>20)
	}
	// a sheet part larger than keptInMemory waits in a temporary file: the
	// rows are read by our own pass (scanWorkbook), the library's copy is
	// only looked at for a figure's shown value
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: MaxUnzipBytes, UnzipXMLSizeLimit: keptInMemory})
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, openError(path, err) // the file system's refusal, not the content's
	}
	if err != nil {
		return nil, fmt.Errorf("“%s”不是可以读取的 Excel 工作簿（.xlsx）：%s", path, reason(err))
	}
	return f, nil
}

// openError says why the system would not let a workbook be read.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("工作簿“%s”不存在", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("无法读取工作簿“%s”：没有读取权限", path)
	}
	return fmt.Errorf("无法读取工作簿“%s”：%s", path, forms.DescribeOSError(err))
}

func reason(err error) string {
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, zip.ErrFormat):
		return "文件已损坏，或不是 .xlsx 格式（旧版 .xls、加密文件请先在 Excel 中另存为 .xlsx）"
	case errors.Is(err, excelize.ErrOptionsUnzipSizeLimit), strings.Contains(err.Error(), "unzip size exceeds"):
		// excelize reports the limit with a plain message, not its sentinel
		return fmt.Sprintf("解压后超过 %d MB 的上限，不是正常的预算工作簿", MaxUnzipBytes>>20)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "文件已损坏（内容不完整）"
	}
	return "文件已损坏，或不是 .xlsx 格式（技术信息：" + err.Error() + "）"
}

// ReadCodeList reads a list of codes and names a clerk imports: a workbook
// (its first sheet) or a CSV file.
func ReadCodeList(path string) ([]classify.Entry, []classify.RowProblem, error) {
	if IsWorkbook(path) {
		return ReadClassificationList(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("无法读取“%s”：%s", filepath.Base(path), forms.DescribeOSError(err))
	}
	defer f.Close()
	entries, probs, err := classify.ReadUserCSV(f)
	if err != nil {
		return nil, nil, fmt.Errorf("“%s”不是可以读取的 CSV 科目表：%v", filepath.Base(path), err)
	}
	return entries, probs, nil
}

// ReadClassificationList reads a user's list of codes and names from the
// first sheet of a workbook (code, name[, scheme] columns; a header row is
// skipped). Rows that cannot be used are reported by sheet and row.
func ReadClassificationList(path string) ([]classify.Entry, []classify.RowProblem, error) {
	f, err := Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, fmt.Errorf("工作簿“%s”的工作表“%s”无法读取：%v", path, sheet, err)
	}
	defer rows.Close()
	var cells [][]string
	for rows.Next() {
		if len(cells) >= MaxRowsPerSheet {
			return nil, nil, fmt.Errorf("工作表“%s”超过 %d 行，不像是科目表", sheet, MaxRowsPerSheet)
		}
		row, err := rows.Columns()
		if err != nil {
			return nil, nil, fmt.Errorf("工作表“%s”第 %d 行无法读取：%v", sheet, len(cells)+1, err)
		}
		if len(row) > MaxCellsPerRow {
			row = row[:MaxCellsPerRow]
		}
		cells = append(cells, row)
	}
	entries, probs := classify.ParseUserRows(cells)
	return entries, probs, nil
}

// IsWorkbook tells a workbook from a document file: by its extension, or
// by the zip signature every .xlsx starts with.
func IsWorkbook(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return true
	case forms.FileExt, ".json":
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := f.Read(head)
	return bytes.Equal(head[:n], []byte("PK\x03\x04"))
}

// ReadDocument opens a document file, or imports a workbook (then the
// report says what the import could not use).
func ReadDocument(path string, opts ImportOptions) (*forms.Document, *Report, error) {
	if IsWorkbook(path) {
		return Import(path, opts)
	}
	d, err := forms.Open(path)
	return d, nil, err
}

// ReadDocumentNotes is ReadDocument with what an import could not use as
// lines, each naming its sheet and cell.
func ReadDocumentNotes(path string, opts ImportOptions) (*forms.Document, []string, error) {
	d, rep, err := ReadDocument(path, opts)
	var notes []string
	if rep != nil {
		for _, p := range rep.Problems {
			notes = append(notes, p.String())
		}
	}
	return d, notes, err
}
