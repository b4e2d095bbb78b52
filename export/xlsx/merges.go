package xlsx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
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
	merges   map[string][]string // sheet name → ranges
	refs     int                 // sheet references resolved to a part
	parts    int                 // distinct parts they name
	cells    int64               // cells over all references
	unzipped int64               // declared unpacked bytes over all references
}

// scanWorkbook reads the zip's sheet parts once each, in one streaming pass
// per part. The workbook library's own merge reader compares every pair of
// ranges, which a hostile or very large file turns into hours.
func scanWorkbook(file string) (*sheetScan, error) {
	z, err := zip.OpenReader(file)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	refs, err := sheetParts(&z.Reader)
	if err != nil {
		return nil, err
	}
	type partScan struct {
		cells  int64
		merges []string
	}
	scanned := map[*zip.File]*partScan{}
	sc := &sheetScan{merges: map[string][]string{}}
	for _, ref := range refs {
		p := scanned[ref.part]
		if p == nil {
			p = &partScan{}
			// a part that breaks off still counts what it held so far;
			// the sheet's reader reports the damage
			p.cells, p.merges, _ = scanPart(ref.part)
			scanned[ref.part] = p
		}
		sc.refs++
		sc.cells += p.cells
		sc.unzipped += int64(ref.part.UncompressedSize64)
		sc.merges[ref.name] = p.merges
	}
	sc.parts = len(scanned)
	return sc, nil
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
func sheetParts(z *zip.Reader) ([]sheetRef, error) {
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
		return nil, err
	}
	dir := path.Dir(book)
	rels.Rels = nil
	if err := readXML(files[path.Join(dir, "_rels", path.Base(book)+".rels")], &rels); err != nil {
		return nil, err
	}
	target := map[string]string{}
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
	}
	var out []sheetRef
	for _, s := range wb.Sheets {
		if f := files[target[s.RID]]; f != nil {
			out = append(out, sheetRef{s.Name, f})
		}
	}
	return out, nil
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

// scanPart streams a sheet's XML, counting its cells (<c> elements, with
// any prefix) and collecting its <mergeCell ref="…"/> ranges.
func scanPart(f *zip.File) (cells int64, refs []string, err error) {
	rc, err := open(f)
	if err != nil {
		return 0, nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.RawToken() // no namespace work: only local names matter
		if errors.Is(err, io.EOF) {
			return cells, refs, nil
		}
		if err != nil {
			return cells, refs, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "c":
			cells++
		case "mergeCell":
			for _, a := range se.Attr {
				if a.Name.Local == "ref" && len(refs) < maxMergesPerSheet {
					refs = append(refs, a.Value)
				}
			}
		}
	}
}
