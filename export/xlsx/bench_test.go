package xlsx

import (
	"path/filepath"
	"testing"

	"yusuan/forms"
	"yusuan/forms/generate"
)

// Export and import of the sample and of the large generated document:
//
//	go test ./export/xlsx -run XXX -bench . -benchmem

func benchDoc(b *testing.B, large bool) *forms.Document {
	b.Helper()
	d, err := generate.BenchDocument(large)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func benchExport(b *testing.B, large bool) {
	d := benchDoc(b, large)
	path := filepath.Join(b.TempDir(), "x.xlsx")
	for b.Loop() {
		if err := Export(d, path); err != nil {
			b.Fatal(err)
		}
	}
}

func benchImport(b *testing.B, large bool) {
	path := filepath.Join(b.TempDir(), "x.xlsx")
	if err := Export(benchDoc(b, large), path); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := Import(path, ImportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportSample(b *testing.B) { benchExport(b, false) }
func BenchmarkImportSample(b *testing.B) { benchImport(b, false) }
func BenchmarkExportLarge(b *testing.B)  { benchExport(b, true) }
func BenchmarkImportLarge(b *testing.B)  { benchImport(b, true) }
