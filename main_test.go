package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMistypedCommand(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "本部门")
	os.WriteFile(existing, []byte("{}"), 0o644)
	for arg, want := range map[string]bool{
		"chek":       true,
		"exprot":     true,
		"本部门.yusuan": false, // a document, even when missing: the window says it is not there
		"报送.xlsx":    false,
		"docs/本部门":   false,
		existing:     false,
		`D:\预算\本部门`:  false,
	} {
		if got := mistypedCommand(arg); got != want {
			t.Errorf("%q: %v", arg, got)
		}
	}
}
