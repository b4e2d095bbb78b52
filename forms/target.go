package forms

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// resolveTarget follows symbolic links to the file a write must replace
// (the link stays a link and its target gets the new content), and
// refuses what is not a regular file: a device such as /dev/null would be
// replaced by a regular file, a FIFO would block. A path that does not
// exist yet is returned as it is.
func resolveTarget(path string) (string, error) {
	p := path
	for range 40 {
		fi, err := os.Lstat(p)
		if errors.Is(err, os.ErrNotExist) {
			return p, nil
		}
		if err != nil {
			return "", errors.New(DescribeOSError(err))
		}
		m := fi.Mode()
		switch {
		case m&os.ModeSymlink != 0:
			dest, err := os.Readlink(p)
			if err != nil {
				return "", errors.New(DescribeOSError(err))
			}
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(filepath.Dir(p), dest)
			}
			p = dest
			continue
		case m.IsRegular():
			return p, nil
		case m.IsDir():
			return "", errors.New("这是一个文件夹，不是文件")
		}
		return "", errors.New(specialFileKind(m) + "，不能写入")
	}
	return "", errors.New("文件路径中的链接形成了循环")
}

// specialFileKind names a file that is neither regular nor a folder.
func specialFileKind(m os.FileMode) string {
	switch {
	case m&os.ModeCharDevice != 0, m&os.ModeDevice != 0:
		return "这是设备文件"
	case m&os.ModeNamedPipe != 0:
		return "这是管道文件（FIFO）"
	case m&os.ModeSocket != 0:
		return "这是套接字文件"
	}
	return "这不是普通文件"
}

// canonical is the path a file is known by: links followed, absolute.
func canonical(path string) string {
	if p, err := filepath.EvalSymlinks(path); err == nil {
		path = p
	} else if d, err := filepath.EvalSymlinks(filepath.Dir(path)); err == nil {
		path = filepath.Join(d, filepath.Base(path)) // not there yet: its folder
	}
	if p, err := filepath.Abs(path); err == nil {
		path = p
	}
	return path
}

// SamePath reports whether two paths name one file: the same path once
// links are followed, or (for existing files) the same file under two
// names, a hard link included.
func SamePath(a, b string) bool {
	if a == b || canonical(a) == canonical(b) {
		return true
	}
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}

// ExportFormat is a kind of file an export writes.
type ExportFormat struct {
	Ext  string // ".xlsx"
	Name string // "工作簿"
	is   func(path string, head []byte) bool
}

var (
	// FormatXLSX is the Excel workbook.
	FormatXLSX = ExportFormat{Ext: ".xlsx", Name: "Excel 工作簿", is: isWorkbook}
	// FormatPDF is the PDF document.
	FormatPDF = ExportFormat{Ext: ".pdf", Name: "PDF 文件", is: isPDF}
)

func isPDF(_ string, head []byte) bool { return bytes.Contains(head, []byte("%PDF-")) }

// isWorkbook: a zip holding a workbook's parts.
func isWorkbook(path string, head []byte) bool {
	if !bytes.HasPrefix(head, []byte("PK")) {
		return false
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer z.Close()
	parts := map[string]bool{}
	for _, f := range z.File {
		parts[strings.ToLower(f.Name)] = true
	}
	return parts["[content_types].xml"] && parts["xl/workbook.xml"]
}

// looksLikeDocument: our own document file, by its content (the name may
// say anything).
func looksLikeDocument(head []byte) bool {
	head = bytes.TrimPrefix(head, utf8BOM)
	head = bytes.TrimLeft(head, " \t\r\n")
	return bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head, []byte(`"format"`)) && bytes.Contains(head, []byte(`"`+FileFormat+`"`))
}

// Export is one output of an export command: a format and a path.
type Export struct {
	Format ExportFormat
	Path   string
}

// CheckExports says whether an export may write its outputs (decisions 32
// and 44): each output ends in its format's extension; it is not one of the
// command's inputs, nor a device, FIFO or socket; two outputs are not one
// file; and an existing file is replaced only when it is already a file of
// that format (a previous export), never a document or anything else. It
// writes nothing; the error says which output and why.
func CheckExports(outs []Export, inputs []string) error {
	for i, o := range outs {
		if !strings.EqualFold(filepath.Ext(o.Path), o.Format.Ext) {
			return fmt.Errorf("导出的%s“%s”的文件名应以 %s 结尾；为免写错文件，未导出", o.Format.Name, o.Path, o.Format.Ext)
		}
		target, err := resolveTarget(o.Path)
		if err != nil {
			return fmt.Errorf("不能导出到“%s”：%v", o.Path, err)
		}
		for _, in := range inputs {
			if SamePath(o.Path, in) {
				return fmt.Errorf("导出的%s“%s”就是输入文件“%s”，导出会把它覆盖；请另给一个文件名", o.Format.Name, o.Path, in)
			}
		}
		for _, prev := range outs[:i] {
			if SamePath(o.Path, prev.Path) {
				return fmt.Errorf("%s和%s不能写到同一个文件“%s”", prev.Format.Name, o.Format.Name, o.Path)
			}
		}
		if err := replaceable(target, o.Format); err != nil {
			return fmt.Errorf("不能导出到“%s”：%v；未导出，请另给一个文件名", o.Path, err)
		}
	}
	return nil
}

// replaceable: nothing there, an empty file, or a file of the format.
func replaceable(path string, f ExportFormat) error {
	file, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return errors.New(DescribeOSError(err))
	}
	head := make([]byte, 4096)
	n, err := io.ReadFull(file, head)
	file.Close()
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return errors.New(DescribeOSError(err))
	}
	head = head[:n]
	switch {
	case n == 0, f.is(path, head):
		return nil
	case looksLikeDocument(head):
		return errors.New("那里已有一个预算公开助手的文档文件，导出会把它覆盖")
	}
	return fmt.Errorf("那里已有一个不是%s的文件，导出会把它覆盖", f.Name)
}
