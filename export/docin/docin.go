// Package docin reads a document from whatever a clerk or a bureau has: our
// document file, a workbook (ours or a budget system's), or a published
// PDF. It tells them apart by content, not by name.
package docin

import (
	"io"
	"os"

	"yusuan/export/pdfdoc"
	"yusuan/export/pdfin"
	"yusuan/export/tablein"
	"yusuan/export/xlsx"
	"yusuan/forms"
)

// Report is what a workbook or a PDF reading recognised and could not use.
type Report = tablein.Report

// Options steers the reading of a workbook.
type Options = xlsx.ImportOptions

// IsPDF tells a PDF file by its first bytes.
func IsPDF(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	return pdfin.IsPDF(head[:n])
}

// Read reads a document file, a workbook or a published PDF; for the last
// two the report says what was read and what could not be.
func Read(path string, opts Options) (*forms.Document, *Report, error) {
	if IsPDF(path) {
		return pdfdoc.ReadFile(path)
	}
	return xlsx.ReadDocument(path, opts)
}

// ReadNotes is Read with what a reading could not use as lines, each
// naming its place.
func ReadNotes(path string, opts Options) (*forms.Document, []string, error) {
	d, rep, err := Read(path, opts)
	var notes []string
	if rep != nil {
		for _, p := range rep.Problems {
			notes = append(notes, p.String())
		}
	}
	return d, notes, err
}
