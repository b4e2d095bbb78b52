package xlsx

import (
	"testing"

	"yusuan/internal/crash/crashtest"
)

// A test that meets a recovered panic must not write into the user's log.
func TestMain(m *testing.M) { crashtest.Main(m) }
