package look

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// No theme overrides in the window: Fyne 2.8 keys its parsed fonts by
// override scope, and every container.NewThemeOverride — and every Refresh
// of one — opens a new scope, so the CJK fonts were parsed again (tens of
// MB each time) on each table shown and each edit, and never freed: the
// window grew from 260 to 530 MB over a session. A look the whole window
// needs goes into the theme (NewTheme) instead.
func TestNoThemeOverrides(t *testing.T) {
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), "NewThemeOverride(") {
			t.Errorf("%s uses container.NewThemeOverride", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
