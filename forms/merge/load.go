package merge

import (
	"fmt"
	"runtime"
	"sync"

	"yusuan/forms"
)

// Reader reads one unit's file: a document, or a workbook imported (notes
// are what the import could not use).
type Reader func(path string) (d *forms.Document, notes []string, err error)

// Loaded is what reading the units' files gave.
type Loaded struct {
	Inputs []Input  // the files read, in the order given
	Notes  []string // what imports could not use, each naming its file
	Errors []error  // the files that could not be read, each naming its file
}

// Load reads the units' files in parallel, keeping their order; progress,
// when set, is called after each file (from the reading goroutines). A file
// that makes the reader fail — or panic — is listed, and the others read.
func Load(paths []string, read Reader, progress func(done, total int)) Loaded {
	type out struct {
		d     *forms.Document
		notes []string
		err   error
	}
	res := make([]out, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range min(runtime.NumCPU(), max(len(paths), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				res[i] = func() (o out) {
					defer func() {
						if r := recover(); r != nil {
							o = out{err: fmt.Errorf("读取“%s”时程序出现内部错误，请把此文件交给开发者（技术信息：%v）", paths[i], r)}
						}
					}()
					d, notes, err := read(paths[i])
					return out{d, notes, err}
				}()
				if progress != nil {
					mu.Lock()
					done++
					progress(done, len(paths))
					mu.Unlock()
				}
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	var l Loaded
	for i, o := range res {
		for _, n := range o.notes {
			l.Notes = append(l.Notes, fmt.Sprintf("“%s”：%s", paths[i], n))
		}
		if o.err != nil {
			l.Errors = append(l.Errors, o.err)
			continue
		}
		l.Inputs = append(l.Inputs, Input{File: paths[i], Doc: o.d})
	}
	return l
}
