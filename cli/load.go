package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"yusuan/export/xlsx"
	"yusuan/forms"
)

// isWorkbook tells a workbook from a document file: by its extension, or
// by the zip signature every .xlsx starts with.
func isWorkbook(path string) bool {
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

// load opens a document file or imports a workbook; for a workbook it also
// returns what the import could not use.
func load(path, template string) (*forms.Document, *xlsx.Report, error) {
	if isWorkbook(path) {
		return xlsx.Import(path, xlsx.ImportOptions{Template: template})
	}
	d, err := forms.Open(path)
	return d, nil, err
}
