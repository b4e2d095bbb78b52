// Package pdfin reads the text layer of a published PDF: every character
// with its box, and the rules (table borders) the page draws, in the page's
// displayed orientation. Recognising tables and texts in them is done on top
// of this (package tablein); this package knows nothing of budgets.
//
// The engine is PDFium compiled to WebAssembly and run by wazero: pure Go,
// no cgo, nothing to install, the one-file Windows program stays one file.
// Compiling the module takes about 3 s and 400 MB once; the compiled code is
// kept in the user's cache folder, so later starts take about 0.1 s.
package pdfin

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// engineVersion names the compiled-code cache folder: a new PDFium module
// must not meet the code compiled for an older one.
const engineVersion = "pdfium-go-1.21.5"

var (
	engineMu   sync.Mutex // PDFium is single-threaded: one document at a time
	engineOnce sync.Once
	engine     pdfium.Pdfium
	enginePool pdfium.Pool
	engineErr  error
)

// cacheDir is where wazero keeps the compiled module: YUSUAN_CACHE_DIR, else
// the user's cache folder (%LocalAppData% on Windows), else none.
func cacheDir() string {
	if d := os.Getenv("YUSUAN_CACHE_DIR"); d != "" {
		return filepath.Join(d, engineVersion)
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "yusuan", engineVersion)
	}
	return ""
}

// instance starts the engine once per program.
func instance() (pdfium.Pdfium, error) {
	engineOnce.Do(func() {
		cfg := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
		if dir := cacheDir(); dir != "" {
			if err := os.MkdirAll(dir, 0o755); err == nil {
				if cache, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
					cfg = cfg.WithCompilationCache(cache)
				}
			}
		}
		enginePool, engineErr = webassembly.Init(webassembly.Config{MinIdle: 1, MaxIdle: 1, MaxTotal: 1, RuntimeConfig: cfg})
		if engineErr != nil {
			engineErr = fmt.Errorf("PDF 读取组件无法启动：%v", engineErr)
			return
		}
		engine, engineErr = enginePool.GetInstance(2 * time.Minute)
		if engineErr != nil {
			engineErr = fmt.Errorf("PDF 读取组件无法启动：%v", engineErr)
		}
	})
	return engine, engineErr
}
