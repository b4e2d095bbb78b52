package into

import (
	"os"
	"testing"

	"yusuan/export/xlsx"
	"yusuan/forms"
	"yusuan/internal/crash/crashtest"
)

// A test that meets a recovered panic must not write into the user's log.
func TestMain(m *testing.M) { crashtest.Main(m) }

func writeFile(path string, b []byte) error { return os.WriteFile(path, b, 0o644) }

func importBook(path string) (*forms.Document, *xlsx.Report, error) {
	return xlsx.Import(path, xlsx.ImportOptions{})
}
