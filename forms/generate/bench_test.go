package generate

import (
	"os"
	"path/filepath"
	"testing"

	"yusuan/forms"
)

// Open and save of the sample and of the large document, as the window and
// the command line do them (read + decode + recompute; encode + atomic write).
//
//	go test ./forms/generate -run XXX -bench . -benchmem

func benchDoc(b *testing.B, large bool) *forms.Document {
	b.Helper()
	d, err := BenchDocument(large)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func benchOpen(b *testing.B, large bool) {
	path := filepath.Join(b.TempDir(), "doc.yusuan")
	if err := forms.Save(path, benchDoc(b, large)); err != nil {
		b.Fatal(err)
	}
	fi, _ := os.Stat(path)
	b.SetBytes(fi.Size())
	b.ResetTimer()
	for b.Loop() {
		if _, err := forms.Open(path); err != nil {
			b.Fatal(err)
		}
	}
}

func benchSave(b *testing.B, large bool) {
	d := benchDoc(b, large)
	path := filepath.Join(b.TempDir(), "doc.yusuan")
	b.ResetTimer()
	for b.Loop() {
		if err := forms.Save(path, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpenSample(b *testing.B) { benchOpen(b, false) }
func BenchmarkSaveSample(b *testing.B) { benchSave(b, false) }
func BenchmarkOpenLarge(b *testing.B)  { benchOpen(b, true) }
func BenchmarkSaveLarge(b *testing.B)  { benchSave(b, true) }

func BenchmarkGenerateLarge(b *testing.B) {
	for b.Loop() {
		if _, err := Document(Large, 1); err != nil {
			b.Fatal(err)
		}
	}
}
