package cli

import (
	"yusuan/export/xlsx"
	"yusuan/forms"
)

// load opens a document file or imports a workbook; for a workbook it also
// returns what the import could not use.
func load(path, template string) (*forms.Document, *xlsx.Report, error) {
	return xlsx.ReadDocument(path, xlsx.ImportOptions{Template: template})
}
