// Package crashtest keeps tests' error logs out of the user's own: a test
// that meets a recovered panic writes into a temporary folder.
package crashtest

import (
	"os"
	"testing"
)

// Main runs a package's tests with the error log (YUSUAN_LOG_DIR) in a
// temporary folder, removed afterwards. Call it from TestMain.
func Main(m *testing.M) {
	dir, err := os.MkdirTemp("", "yusuan-test-logs")
	if err == nil {
		os.Setenv("YUSUAN_LOG_DIR", dir)
	}
	code := m.Run()
	if err == nil {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}
