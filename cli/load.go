package cli

import (
	"yusuan/export/docin"
	"yusuan/export/xlsx"
	"yusuan/forms"
)

// load opens a document file, or reads a workbook or a published PDF; for
// those it also returns what the reading could not use.
func load(path, template string) (*forms.Document, *xlsx.Report, error) {
	return docin.Read(path, docin.Options{Template: template})
}
