package tablein

import (
	"os"
	"testing"
)

// TestMain points the error log at a temporary folder: a test that meets a
// recovered panic must not write into the user's own log.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "yusuan-tablein-logs")
	if err == nil {
		os.Setenv("YUSUAN_LOG_DIR", dir)
	}
	code := m.Run()
	if err == nil {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}
