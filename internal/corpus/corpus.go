// Package corpus gives tests the real published disclosures of
// ../shared/corpus, copied byte for byte into files/ (each folder's
// README.txt says where each file came from), so that any checkout tests
// against them. The program itself never reads them.
package corpus

import (
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// Dir is the folder holding the corpus.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "files")
}

// PDFs lists a corpus folder's PDFs by name.
func PDFs(folder string) []string {
	out, _ := filepath.Glob(filepath.Join(Dir(), folder, "*.pdf"))
	sort.Strings(out)
	return out
}

// PDF is the one PDF of a folder whose name contains part.
func PDF(folder, part string) string {
	for _, p := range PDFs(folder) {
		if strings.Contains(filepath.Base(p), part) {
			return p
		}
	}
	return ""
}

// Folders lists the corpus folders that hold PDFs.
func Folders() []string {
	dirs, _ := filepath.Glob(filepath.Join(Dir(), "*", "*.pdf"))
	seen := map[string]bool{}
	var out []string
	for _, d := range dirs {
		f := filepath.Base(filepath.Dir(d))
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}
