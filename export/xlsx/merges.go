package xlsx

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strings"
)

// maxMergesPerSheet bounds the merged ranges read from one sheet.
const maxMergesPerSheet = 50_000

// zipMerges reads every sheet's merged ranges ("A1:B2") straight from the
// workbook's XML in one pass. The workbook library's own reader compares
// every pair of ranges, which a hostile or very large file turns into hours.
func zipMerges(file string) (map[string][]string, error) {
	z, err := zip.OpenReader(file)
	if err != nil {
		return nil, err
	}
	defer z.Close()
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readXML(files["xl/workbook.xml"], &wb); err != nil {
		return nil, err
	}
	if err := readXML(files["xl/_rels/workbook.xml.rels"], &rels); err != nil {
		return nil, err
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	out := map[string][]string{}
	for _, s := range wb.Sheets {
		f := files[target[s.RID]]
		if f == nil {
			continue
		}
		refs, err := mergeRefs(f)
		if err != nil {
			return nil, err
		}
		out[s.Name] = refs
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

// mergeRefs streams a sheet's XML for its <mergeCell ref="…"/> elements.
func mergeRefs(f *zip.File) ([]string, error) {
	rc, err := open(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	var refs []string
	for len(refs) < maxMergesPerSheet {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return refs, err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "mergeCell" {
			for _, a := range se.Attr {
				if a.Name.Local == "ref" {
					refs = append(refs, a.Value)
				}
			}
		}
	}
	return refs, nil
}
