package docin

import (
	"testing"

	"yusuan/internal/corpus"
)

// BenchmarkReadPDF reads a published PDF into a document: the text layer
// and rules (PDFium), tables and text, the tables' kinds and figures. The
// engine is started before the timer (once per program).
func BenchmarkReadPDF(b *testing.B) {
	for _, c := range []struct{ name, folder, part string }{
		{"北京报表21页", "bj-2026-shenjiju", "附件2"},
		{"西安52页", "xa-2026-tongjiju", ""},
	} {
		path := corpus.PDF(c.folder, c.part)
		if _, _, err := Read(path, Options{}); err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Read(path, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
