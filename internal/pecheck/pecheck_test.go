package pecheck

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// A small PE image is built here byte by byte: headers, one .rsrc section
// with a resource directory, and the version information as the resource
// compilers lay it out.

type res struct {
	typ  uint32
	data []byte
}

const rsrcRVA = 0x1000

// buildResources lays out a resource section: a root directory with one
// entry per type, each with one name (ID 1) and one language (0x804), then
// the data entries and the data.
func buildResources(items []res) []byte {
	n := uint32(len(items))
	rootSize := 16 + 8*n
	perType := uint32(16 + 8 + 16 + 8 + 16) // name dir, language dir, data entry
	dataStart := rootSize + perType*n
	var buf bytes.Buffer
	le := func(v any) { binary.Write(&buf, binary.LittleEndian, v) }
	dir := func(ids uint16) {
		le(uint32(0))
		le(uint32(0))
		le(uint16(0))
		le(uint16(0))
		le(uint16(0))
		le(ids)
	}
	dir(uint16(n))
	for i, it := range items {
		le(it.typ)
		le(0x80000000 | (rootSize + perType*uint32(i)))
	}
	offs := make([]uint32, n)
	off := dataStart
	for i, it := range items {
		offs[i] = off
		off = uint32(align4(int(off) + len(it.data)))
	}
	for i, it := range items {
		base := rootSize + perType*uint32(i)
		dir(1)
		le(uint32(1))
		le(0x80000000 | (base + 24))
		dir(1)
		le(uint32(0x804))
		le(base + 48)
		le(rsrcRVA + offs[i]) // data entry: RVA, size, code page, reserved
		le(uint32(len(it.data)))
		le(uint32(0))
		le(uint32(0))
	}
	for _, it := range items {
		buf.Write(it.data)
		for buf.Len()%4 != 0 {
			buf.WriteByte(0)
		}
	}
	return buf.Bytes()
}

// buildPE wraps a resource section in a 64-bit image with the subsystem.
func buildPE(subsystem uint16, rsrc []byte) []byte {
	var buf bytes.Buffer
	le := func(v any) { binary.Write(&buf, binary.LittleEndian, v) }
	dos := make([]byte, 0x40)
	copy(dos, "MZ")
	binary.LittleEndian.PutUint32(dos[0x3c:], 0x40)
	buf.Write(dos)
	buf.WriteString("PE\x00\x00")
	le(pe.FileHeader{Machine: pe.IMAGE_FILE_MACHINE_AMD64, NumberOfSections: 1,
		SizeOfOptionalHeader: uint16(binary.Size(pe.OptionalHeader64{})), Characteristics: 0x22})
	raw := uint32(align4(len(rsrc)))
	oh := pe.OptionalHeader64{Magic: 0x20b, SectionAlignment: 0x1000, FileAlignment: 0x200,
		ImageBase: 0x140000000, SizeOfImage: 0x2000 + raw, SizeOfHeaders: 0x200, Subsystem: subsystem,
		NumberOfRvaAndSizes: 16}
	if len(rsrc) > 0 {
		oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE] = pe.DataDirectory{VirtualAddress: rsrcRVA, Size: uint32(len(rsrc))}
	}
	le(oh)
	sh := pe.SectionHeader32{VirtualSize: raw, VirtualAddress: rsrcRVA, SizeOfRawData: raw,
		PointerToRawData: 0x200, Characteristics: 0x40000040}
	copy(sh.Name[:], ".rsrc")
	le(sh)
	for buf.Len() < 0x200 {
		buf.WriteByte(0)
	}
	buf.Write(rsrc)
	for buf.Len() < 0x200+int(raw) {
		buf.WriteByte(0)
	}
	return buf.Bytes()
}

func u16z(s string) []byte {
	var b bytes.Buffer
	for _, c := range utf16.Encode([]rune(s)) {
		binary.Write(&b, binary.LittleEndian, c)
	}
	b.Write([]byte{0, 0})
	return b.Bytes()
}

// verBlock writes one version block; valueLen is in the writer's units
// (UTF-16 units for text).
func verBlock(key string, value []byte, text bool, valueLen int, children ...[]byte) []byte {
	var b bytes.Buffer
	b.Write([]byte{0, 0, 0, 0, 0, 0})
	typ := uint16(0)
	if text {
		typ = 1
	}
	b.Write(u16z(key))
	for b.Len()%4 != 0 {
		b.WriteByte(0)
	}
	b.Write(value)
	for _, c := range children {
		for b.Len()%4 != 0 {
			b.WriteByte(0)
		}
		b.Write(c)
	}
	out := b.Bytes()
	binary.LittleEndian.PutUint16(out, uint16(len(out)))
	binary.LittleEndian.PutUint16(out[2:], uint16(valueLen))
	binary.LittleEndian.PutUint16(out[4:], typ)
	return out
}

func versionInfo(strs map[string]string, major, minor, patch, build uint16) []byte {
	fixed := make([]byte, 52)
	binary.LittleEndian.PutUint32(fixed, 0xFEEF04BD)
	binary.LittleEndian.PutUint32(fixed[4:], 0x10000)
	binary.LittleEndian.PutUint32(fixed[8:], uint32(major)<<16|uint32(minor))
	binary.LittleEndian.PutUint32(fixed[12:], uint32(patch)<<16|uint32(build))
	var entries [][]byte
	for _, k := range []string{"FileDescription", "ProductName", "ProductVersion"} {
		if v, ok := strs[k]; ok {
			val := u16z(v)
			entries = append(entries, verBlock(k, val, true, len(val)/2))
		}
	}
	table := verBlock("080404B0", nil, true, 0, entries...)
	sfi := verBlock("StringFileInfo", nil, true, 0, table)
	trans := []byte{0x04, 0x08, 0xB0, 0x04}
	vfi := verBlock("VarFileInfo", nil, true, 0, verBlock("Translation", trans, false, len(trans)))
	return verBlock("VS_VERSION_INFO", fixed, false, len(fixed), sfi, vfi)
}

func writeTemp(t *testing.T, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "a.exe")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func fullProgram(subsystem uint16, name string) []byte {
	return buildPE(subsystem, buildResources([]res{
		{rtIcon, []byte("\x89PNG fake icon image")},
		{rtGroupIcon, make([]byte, 20)},
		{rtVersion, versionInfo(map[string]string{"ProductName": name, "FileDescription": name, "ProductVersion": "0.1.0.1"}, 0, 1, 0, 1)},
		{rtManifest, []byte(`<?xml version="1.0"?><assembly/>`)},
	}))
}

func TestInspectGUIProgram(t *testing.T) {
	info, err := Check(writeTemp(t, fullProgram(SubsystemGUI, "预算公开助手")), "预算公开助手")
	if err != nil {
		t.Fatal(err)
	}
	if info.Subsystem != SubsystemGUI || !info.PE32Plus || info.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("header read wrong: %+v", info)
	}
	if info.Icons != 1 || info.IconGroups != 1 || !info.Manifest {
		t.Errorf("resources read wrong: %+v", info)
	}
	if info.FileVersion != "0.1.0.1" {
		t.Errorf("file version %q, want 0.1.0.1", info.FileVersion)
	}
	if info.Strings["ProductName"] != "预算公开助手" || info.Strings["ProductVersion"] != "0.1.0.1" {
		t.Errorf("strings %v", info.Strings)
	}
	if s := info.String(); !strings.Contains(s, "GUI(2)") || !strings.Contains(s, "ProductName=预算公开助手") {
		t.Errorf("summary %q", s)
	}
}

func TestConsoleProgramWithoutResources(t *testing.T) {
	info, err := Inspect(writeTemp(t, buildPE(SubsystemConsole, nil)))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(info.Problems("预算公开助手"), "\n")
	for _, want := range []string{"控制台", "图标", "清单", "版本信息"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems should mention %s:\n%s", want, got)
		}
	}
}

func TestWrongProductName(t *testing.T) {
	_, err := Check(writeTemp(t, fullProgram(SubsystemGUI, "yusuan")), "预算公开助手")
	if err == nil || !strings.Contains(err.Error(), "ProductName 是“yusuan”") {
		t.Fatalf("want a wrong-name error, got %v", err)
	}
}

func TestSystemDLL(t *testing.T) {
	for _, dll := range []string{"KERNEL32.dll", "OPENGL32.dll", "msvcrt.dll", "api-ms-win-crt-runtime-l1-1-0.dll"} {
		if !SystemDLL(dll) {
			t.Errorf("%s comes with Windows", dll)
		}
	}
	for _, dll := range []string{"libwinpthread-1.dll", "libgcc_s_seh-1.dll", "glfw3.dll"} {
		if SystemDLL(dll) {
			t.Errorf("%s does not come with Windows", dll)
		}
	}
	info := &Info{Machine: pe.IMAGE_FILE_MACHINE_AMD64, PE32Plus: true, Subsystem: SubsystemGUI,
		Imports: []string{"KERNEL32.dll", "libwinpthread-1.dll"}}
	if got := strings.Join(info.Problems("预算公开助手"), "\n"); !strings.Contains(got, "libwinpthread-1.dll") {
		t.Errorf("a MinGW runtime import is not reported:\n%s", got)
	}
}

// A damaged file gives an error, never a panic: every prefix of a good
// image, and a resource section with its bytes flipped one at a time.
func TestDamagedFiles(t *testing.T) {
	good := fullProgram(SubsystemGUI, "预算公开助手")
	dir := t.TempDir()
	for n := 0; n < len(good); n += 7 {
		p := filepath.Join(dir, "cut.exe")
		os.WriteFile(p, good[:n], 0o644)
		Inspect(p)
	}
	for i := 0x200; i < len(good); i++ {
		bad := append([]byte(nil), good...)
		bad[i] ^= 0xff
		p := filepath.Join(dir, "flip.exe")
		os.WriteFile(p, bad, 0o644)
		Inspect(p)
	}
	if _, err := Inspect(writeTemp(t, []byte("not a program"))); err == nil {
		t.Error("a text file was read as a program")
	}
}

// TestBuiltProgram checks the Windows program that make windows built, when
// CI names it in YUSUAN_WINDOWS_EXE (the build takes minutes, so go test
// does not make it itself).
func TestBuiltProgram(t *testing.T) {
	path := os.Getenv("YUSUAN_WINDOWS_EXE")
	if path == "" {
		t.Skip("YUSUAN_WINDOWS_EXE not set (make windows builds the program)")
	}
	info, err := Check(path, "预算公开助手")
	if err != nil {
		t.Fatal(err)
	}
	t.Log(info)
}
