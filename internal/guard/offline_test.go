// Package guard holds tests about the project as a whole.
package guard

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// networkPackages are imports (with everything under them) that would let
// the program talk to a network.
var networkPackages = []string{"net", "crypto/tls", "golang.org/x/net"}

// TestOfflineGuard: 预算公开助手 runs offline (decision 26). None of our own
// packages imports a network package.
func TestOfflineGuard(t *testing.T) {
	root := "../.."
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, bad := range networkPackages {
				if p == bad || strings.HasPrefix(p, strings.TrimSuffix(bad, "/")+"/") {
					t.Errorf("%s imports %s: the program must work offline", path, p)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Fatalf("only %d source files found: is the walk rooted right?", files)
	}
}

// networkUsers are the packages outside the standard library that the
// program links and that import a network package, with why that is
// harmless. A new dependency that reaches the network fails the test until
// it is looked at and listed here.
var networkUsers = map[string]string{
	"github.com/xuri/excelize/v2":         "net/http only for http.DetectContentType of pictures; net/url for hyperlink cells",
	"fyne.io/fyne/v2":                     "URI types; the program never opens an http URI",
	"fyne.io/fyne/v2/app":                 "net/url to parse URIs",
	"fyne.io/fyne/v2/internal":            "net/url to parse URIs",
	"fyne.io/fyne/v2/widget":              "net/url for hyperlinks, which the program does not use",
	"fyne.io/fyne/v2/storage/repository":  "URI parsing",
	"fyne.io/fyne/v2/internal/repository": "registers an http URI repository that is never asked for",
	"github.com/godbus/dbus/v5":           "a local Unix socket to the desktop session bus (theme, notifications), not a network",
	"github.com/yuin/goldmark/util":       "net/url in Markdown links (Fyne's rich text), not fetched",
	// the PDF reader's engine (PDFium in WebAssembly, run by wazero)
	"github.com/google/uuid":                       "net.Interfaces for version-1 UUIDs' node id; go-pdfium makes random (version 4) ones, no connection",
	"github.com/tetratelabs/wazero":                "the experimental socket configuration's types; go-pdfium configures no socket",
	"github.com/tetratelabs/wazero/internal/sock":  "listens only on TCP addresses a host configures (experimental/sock); none is",
	"github.com/tetratelabs/wazero/internal/sysfs": "WASI socket files over listeners the host gives; none is given",
	"github.com/tetratelabs/wazero/internal/sys":   "the same WASI socket files",
}

var netPackage = map[string]bool{"net": true, "net/http": true, "net/url": true, "net/rpc": true, "net/smtp": true, "crypto/tls": true, "net/http/httptrace": true}

// TestLinkedNetworkUsersAreKnown lists, for both builds, every linked
// package that imports a network package, and fails on one not known.
func TestLinkedNetworkUsersAreKnown(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	for _, tags := range []string{"nogui", "migrated_fynedo"} {
		cmd := exec.Command(goTool, "list", "-deps", "-tags", tags, "-f", `{{if not .Standard}}{{.ImportPath}} {{join .Imports " "}}{{end}}`, ".")
		cmd.Dir = "../.."
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list (%s): %v", tags, err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			fields := strings.Fields(line)
			if len(fields) == 0 {
				continue
			}
			for _, imp := range fields[1:] {
				if !netPackage[imp] {
					continue
				}
				if strings.HasPrefix(fields[0], "yusuan") {
					t.Errorf("%s imports %s", fields[0], imp)
				} else if _, ok := networkUsers[fields[0]]; !ok {
					t.Errorf("%s (linked with -tags %s) imports %s: check it opens no connection, then list it", fields[0], tags, imp)
				}
			}
		}
	}
}

// TestNoLinksOut: no code of ours opens a URL or shows a clickable link.
func TestNoLinksOut(t *testing.T) {
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != "../.." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, call := range []string{"OpenURL(", "NewHyperlink", "ParseURI(\"http"} {
			if strings.Contains(string(src), call) {
				t.Errorf("%s calls %s", path, call)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
