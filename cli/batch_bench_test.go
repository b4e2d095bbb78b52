package cli

import (
	"io"
	"path/filepath"
	"testing"
)

// yusuan check over a folder of workbooks (issue 18: a bureau's batch), here
// copies of the sample's: go test ./cli -bench CheckWorkbooks -benchtime 200x
func BenchmarkCheckWorkbooks(b *testing.B) {
	dir := b.TempDir()
	book := filepath.Join(dir, "样本.xlsx")
	if code, _, errs := run("sample", "-o", filepath.Join(dir, "s.yusuan")); code != 0 {
		b.Fatal(errs)
	}
	if code, _, errs := run("export", "--xlsx", book, filepath.Join(dir, "s.yusuan")); code != 0 {
		b.Fatal(errs)
	}
	b.ResetTimer()
	for b.Loop() {
		if code := Run([]string{"check", book}, io.Discard, io.Discard); code == ExitUsage {
			b.Fatal("check failed")
		}
	}
}
