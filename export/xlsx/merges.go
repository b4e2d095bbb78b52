package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// maxMergesPerSheet bounds the merged ranges read from one sheet.
const maxMergesPerSheet = 50_000

// MaxCellsTotal caps the cells of all sheet references together (decision
// 45): many sheets can name one part, which the unzip limits count once.
const MaxCellsTotal = 4_000_000

// sheetScan is what one pass over the workbook's zip learns before any
// sheet is read: each sheet's merged ranges ("A1:B2"), and the work the
// sheets make, counted per sheet reference.
type sheetScan struct {
	merges   map[string][]string     // sheet name → ranges
	sheets   map[string]*parsedSheet // sheet name → its part read (shared by names of one part)
	shared   map[string]bool         // sheet names whose part another name read first
	refs     int                     // sheet references resolved to a part
	parts    int                     // distinct parts they name
	cells    int64                   // cells over all references
	unzipped int64                   // declared unpacked bytes over all references
}

// scanWorkbook reads the zip's sheet parts once each, in one pass per part
// that takes their cells and merged ranges (parseSheet). The workbook
// library's own merge reader compares every pair of ranges, which a
// hostile or very large file turns into hours, and its row reader is many
// times slower.
func scanWorkbook(file string) (*sheetScan, error) {
	z, err := zip.OpenReader(file)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	refs, sstPart, err := sheetParts(&z.Reader)
	if err != nil {
		return nil, err
	}
	var sst []string
	if sstPart != nil {
		data, err := readPart(sstPart)
		if err != nil {
			return nil, err
		}
		sst = parseSST(data)
	}
	scanned := map[*zip.File]*parsedSheet{}
	sc := &sheetScan{merges: map[string][]string{}, sheets: map[string]*parsedSheet{}, shared: map[string]bool{}}
	budget := MaxCellsTotal
	for _, ref := range refs {
		p := scanned[ref.part]
		if p == nil {
			// a part that breaks off still gives what it held so far; the
			// damage is said with the sheet
			data, readErr := readPart(ref.part)
			p = parseSheet(data, sst, &budget)
			if readErr != nil && p.err == nil {
				p.err = &partDamage{rows: len(p.rows), err: readErr}
			}
			scanned[ref.part] = p
		} else {
			sc.shared[ref.name] = true
		}
		sc.refs++
		sc.cells += p.cells
		sc.unzipped += int64(ref.part.UncompressedSize64)
		sc.merges[ref.name] = p.merges
		sc.sheets[ref.name] = p
	}
	sc.parts = len(scanned)
	return sc, nil
}

// partDamage: a sheet's part broke off (a damaged or cut-off file).
type partDamage struct {
	rows int // rows read before
	err  error
}

func (e *partDamage) Error() string { return e.err.Error() }

// readPart reads a part whole, up to the size a part may unpack to.
func readPart(f *zip.File) ([]byte, error) {
	rc, err := open(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// the declared size sets the first allocation, but a damaged or
	// hostile file can declare anything: past a few MB the buffer grows as
	// the bytes really come
	size := min(int64(f.UncompressedSize64), 8<<20)
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	_, err = buf.ReadFrom(rc)
	return buf.Bytes(), err
}

// tooBig says, in Chinese, which limit the sheet references exceed (nil if
// none).
func (sc *sheetScan) tooBig() error {
	shared := ""
	if sc.refs > sc.parts {
		shared = fmt.Sprintf("（%d 张工作表引用的只是 %d 份内容）", sc.refs, sc.parts)
	}
	switch {
	case sc.cells > MaxCellsTotal:
		return fmt.Errorf("各工作表合计有 %d 个单元格%s，超过 %d 万个单元格的上限，不是正常的预算工作簿", sc.cells, shared, MaxCellsTotal/10000)
	case sc.unzipped > MaxUnzipBytes:
		return fmt.Errorf("各工作表合计解压后有 %d MB%s，超过 %d MB 的上限，不是正常的预算工作簿", sc.unzipped>>20, shared, MaxUnzipBytes>>20)
	}
	return nil
}

// sheetRef is one sheet of workbook.xml and the zip part it names.
type sheetRef struct {
	name string
	part *zip.File
}

// sheetParts resolves each sheet to its part as the workbook library does:
// the workbook through _rels/.rels, each sheet's r:id through the
// workbook's relationships, targets relative to the workbook's folder.
func sheetParts(z *zip.Reader) ([]sheetRef, *zip.File, error) {
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/")] = f
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	book := "xl/workbook.xml"
	if err := readXML(files["_rels/.rels"], &rels); err == nil {
		for _, r := range rels.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				book = strings.TrimPrefix(r.Target, "/")
				break
			}
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := readXML(files[book], &wb); err != nil {
		return nil, nil, err
	}
	dir := path.Dir(book)
	rels.Rels = nil
	if err := readXML(files[path.Join(dir, "_rels", path.Base(book)+".rels")], &rels); err != nil {
		return nil, nil, err
	}
	target := map[string]string{}
	sstPath := ""
	for _, r := range rels.Rels {
		t := strings.ReplaceAll(r.Target, `\`, "/")
		if strings.HasPrefix(t, "/") {
			t = path.Clean(t)
		} else {
			t = path.Join(dir, t)
		}
		if _, dup := target[r.ID]; !dup {
			target[r.ID] = strings.TrimPrefix(t, "/")
		}
		if strings.HasSuffix(r.Type, "/sharedStrings") && sstPath == "" {
			sstPath = strings.TrimPrefix(t, "/")
		}
	}
	var out []sheetRef
	for _, s := range wb.Sheets {
		if f := files[target[s.RID]]; f != nil {
			out = append(out, sheetRef{s.Name, f})
		}
	}
	return out, files[sstPath], nil
}

func open(f *zip.File) (io.ReadCloser, error) {
	if f == nil {
		return nil, io.ErrUnexpectedEOF
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, MaxUnzipXMLBytes), rc}, nil
}

func readXML(f *zip.File, v any) error {
	rc, err := open(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}
