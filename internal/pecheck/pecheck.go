// Package pecheck reads what a Windows executable says about itself: the
// machine, the subsystem (a GUI program or a console program) and the
// resources embedded in it (icons, the application manifest, the version
// information Explorer shows under 属性 → 详细信息). CI uses it to refuse a
// Windows build that would open a console window beside the program, or
// that lost its icon or its name.
package pecheck

import (
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf16"
)

// Subsystems of the optional header (IMAGE_SUBSYSTEM_*).
const (
	SubsystemGUI     = 2
	SubsystemConsole = 3
)

// Resource types (RT_*).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// Info is what an executable declares.
type Info struct {
	Machine    uint16 // pe.IMAGE_FILE_MACHINE_*
	PE32Plus   bool   // a 64-bit image
	Subsystem  uint16 // SubsystemGUI, SubsystemConsole …
	Icons      int    // icon images (RT_ICON)
	IconGroups int    // icons as Explorer offers them (RT_GROUP_ICON)
	Manifest   bool   // an application manifest (RT_MANIFEST)
	// FileVersion is the fixed file version (VS_FIXEDFILEINFO), "a.b.c.d";
	// empty without version information.
	FileVersion string
	// Strings are the version information's texts (ProductName,
	// FileDescription, ProductVersion …), from its first string table.
	Strings map[string]string
	// Imports are the DLLs the program loads when it starts.
	Imports []string
}

// Inspect reads the executable at path.
func Inspect(path string) (*Info, error) {
	f, err := pe.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s：不是可读的 Windows 可执行文件：%w", path, err)
	}
	defer f.Close()
	info := &Info{Machine: f.Machine, Strings: map[string]string{}}
	// (debug/pe's ImportedLibraries is a stub: the DLLs come from the
	// imported symbols, "name:dll".)
	syms, err := f.ImportedSymbols()
	if err != nil {
		return nil, fmt.Errorf("%s：导入表损坏：%w", path, err)
	}
	seen := map[string]bool{}
	for _, s := range syms {
		if _, dll, ok := strings.Cut(s, ":"); ok && !seen[dll] {
			seen[dll] = true
			info.Imports = append(info.Imports, dll)
		}
	}
	sort.Strings(info.Imports)
	var rsrc pe.DataDirectory
	switch h := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		info.PE32Plus = true
		info.Subsystem = h.Subsystem
		if len(h.DataDirectory) > pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
			rsrc = h.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
		}
	case *pe.OptionalHeader32:
		info.Subsystem = h.Subsystem
		if len(h.DataDirectory) > pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
			rsrc = h.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
		}
	default:
		return nil, fmt.Errorf("%s：没有可选头，不是可执行文件", path)
	}
	if rsrc.VirtualAddress == 0 || rsrc.Size == 0 {
		return info, nil
	}
	sec := sectionAt(f, rsrc.VirtualAddress)
	if sec == nil {
		return nil, fmt.Errorf("%s：资源目录（RVA 0x%x）不在任何节中", path, rsrc.VirtualAddress)
	}
	data, err := sec.Data()
	if err != nil {
		return nil, fmt.Errorf("%s：读取节 %s：%w", path, sec.Name, err)
	}
	r := &resources{data: data, base: sec.VirtualAddress, root: rsrc.VirtualAddress - sec.VirtualAddress}
	leaves, err := r.walk()
	if err != nil {
		return nil, fmt.Errorf("%s：资源目录损坏：%w", path, err)
	}
	for _, l := range leaves {
		switch l.typ {
		case rtIcon:
			info.Icons++
		case rtGroupIcon:
			info.IconGroups++
		case rtManifest:
			info.Manifest = true
		case rtVersion:
			if info.FileVersion != "" {
				continue // the first (usually the only) language
			}
			if err := parseVersion(l.data, info); err != nil {
				return nil, fmt.Errorf("%s：版本信息损坏：%w", path, err)
			}
		}
	}
	return info, nil
}

// Problems lists why the executable is not the Windows program we ship: a
// 64-bit x86 GUI program with an icon, a manifest and version information
// naming the product. An empty list means it is.
func (i *Info) Problems(product string) []string {
	var p []string
	if i.Machine != pe.IMAGE_FILE_MACHINE_AMD64 || !i.PE32Plus {
		p = append(p, fmt.Sprintf("不是 64 位 x86 程序（machine 0x%x）", i.Machine))
	}
	if i.Subsystem != SubsystemGUI {
		p = append(p, fmt.Sprintf("子系统是 %s，应为图形界面（2）：运行时会多出一个黑色控制台窗口", SubsystemName(i.Subsystem)))
	}
	for _, dll := range i.Imports {
		if !SystemDLL(dll) {
			p = append(p, fmt.Sprintf("需要 Windows 不自带的 %s：只复制 exe 的电脑上打不开", dll))
		}
	}
	if i.IconGroups == 0 || i.Icons == 0 {
		p = append(p, "没有嵌入图标")
	}
	if !i.Manifest {
		p = append(p, "没有嵌入应用程序清单（manifest）")
	}
	if i.FileVersion == "" {
		p = append(p, "没有版本信息")
	} else {
		for _, key := range []string{"ProductName", "FileDescription"} {
			if got := i.Strings[key]; got != product {
				p = append(p, fmt.Sprintf("版本信息的 %s 是“%s”，应为“%s”", key, got, product))
			}
		}
		if i.Strings["ProductVersion"] == "" {
			p = append(p, "版本信息没有 ProductVersion")
		}
	}
	return p
}

// String is a one-line summary.
func (i *Info) String() string {
	bits := "PE32"
	if i.PE32Plus {
		bits = "PE32+"
	}
	var keys []string
	for k := range i.Strings {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var kv []string
	for _, k := range keys {
		kv = append(kv, k+"="+i.Strings[k])
	}
	return fmt.Sprintf("%s machine=0x%x 子系统=%s 图标=%d 组/%d 幅 清单=%v 文件版本=%s %s 导入=%s",
		bits, i.Machine, SubsystemName(i.Subsystem), i.IconGroups, i.Icons, i.Manifest, i.FileVersion,
		strings.Join(kv, " "), strings.Join(i.Imports, ","))
}

// systemDLLs come with every Windows 10 and 11. A program that imports
// anything else (libwinpthread-1.dll, libgcc_s_seh-1.dll from a MinGW
// built with POSIX threads, a glfw3.dll …) does not start from its exe
// alone.
var systemDLLs = map[string]bool{
	"advapi32.dll": true, "bcrypt.dll": true, "comctl32.dll": true, "comdlg32.dll": true,
	"crypt32.dll": true, "dwmapi.dll": true, "gdi32.dll": true, "imm32.dll": true,
	"kernel32.dll": true, "msvcrt.dll": true, "ntdll.dll": true, "ole32.dll": true,
	"oleaut32.dll": true, "opengl32.dll": true, "shcore.dll": true, "shell32.dll": true,
	"shlwapi.dll": true, "user32.dll": true, "userenv.dll": true, "uxtheme.dll": true,
	"version.dll": true, "winmm.dll": true, "ws2_32.dll": true, "xinput1_4.dll": true,
	"dinput8.dll": true, "setupapi.dll": true, "hid.dll": true, "secur32.dll": true,
	"powrprof.dll": true, "winspool.drv": true, "ucrtbase.dll": true,
}

// SystemDLL reports whether a DLL comes with Windows (the api-ms-win-*
// API sets included).
func SystemDLL(name string) bool {
	n := strings.ToLower(name)
	return systemDLLs[n] || strings.HasPrefix(n, "api-ms-win-")
}

// SubsystemName names a subsystem value.
func SubsystemName(s uint16) string {
	switch s {
	case SubsystemGUI:
		return "GUI(2)"
	case SubsystemConsole:
		return "console(3)"
	}
	return fmt.Sprintf("%d", s)
}

func sectionAt(f *pe.File, rva uint32) *pe.Section {
	for _, s := range f.Sections {
		size := s.VirtualSize
		if size == 0 {
			size = s.Size
		}
		if rva >= s.VirtualAddress && rva < s.VirtualAddress+size {
			return s
		}
	}
	return nil
}

// resources walks the resource directory tree: type → name → language →
// data (IMAGE_RESOURCE_DIRECTORY and its entries, offsets relative to the
// directory's start; data entries hold RVAs).
type resources struct {
	data []byte // the section holding the directory
	base uint32 // the section's RVA
	root uint32 // the directory's offset in data
}

type leaf struct {
	typ  uint32
	data []byte
}

var errTruncated = errors.New("超出节的范围")

func (r *resources) u16(off uint32) (uint16, error) {
	if uint64(off)+2 > uint64(len(r.data)) {
		return 0, errTruncated
	}
	return binary.LittleEndian.Uint16(r.data[off:]), nil
}

func (r *resources) u32(off uint32) (uint32, error) {
	if uint64(off)+4 > uint64(len(r.data)) {
		return 0, errTruncated
	}
	return binary.LittleEndian.Uint32(r.data[off:]), nil
}

func (r *resources) walk() ([]leaf, error) {
	var out []leaf
	var visit func(dir uint32, depth int, typ uint32) error
	visit = func(dir uint32, depth int, typ uint32) error {
		if depth > 3 {
			return errors.New("目录层次过深")
		}
		named, err := r.u16(r.root + dir + 12)
		if err != nil {
			return err
		}
		ids, err := r.u16(r.root + dir + 14)
		if err != nil {
			return err
		}
		for k := uint32(0); k < uint32(named)+uint32(ids); k++ {
			e := r.root + dir + 16 + 8*k
			id, err := r.u32(e)
			if err != nil {
				return err
			}
			off, err := r.u32(e + 4)
			if err != nil {
				return err
			}
			t := typ
			if depth == 0 {
				t = id // a named type (high bit set) matches no RT_* constant
			}
			if off&0x80000000 != 0 {
				if err := visit(off&0x7fffffff, depth+1, t); err != nil {
					return err
				}
				continue
			}
			rva, err := r.u32(r.root + off)
			if err != nil {
				return err
			}
			size, err := r.u32(r.root + off + 4)
			if err != nil {
				return err
			}
			if rva < r.base || uint64(rva-r.base)+uint64(size) > uint64(len(r.data)) {
				return fmt.Errorf("资源数据（RVA 0x%x，%d 字节）不在资源节中", rva, size)
			}
			out = append(out, leaf{typ: t, data: r.data[rva-r.base : rva-r.base+size]})
		}
		return nil
	}
	return out, visit(0, 0, 0)
}

// A version resource is a tree of blocks (VS_VERSIONINFO, StringFileInfo,
// StringTable, String; VarFileInfo, Var): length, value length, type, a
// UTF-16 key, padding to 4 bytes, the value, padding, the children.
type block struct {
	key      string
	value    []byte
	text     bool
	children []block
}

func parseBlock(b []byte) (block, int, error) {
	if len(b) < 6 {
		return block{}, 0, errTruncated
	}
	length := int(binary.LittleEndian.Uint16(b))
	valueLen := int(binary.LittleEndian.Uint16(b[2:]))
	typ := binary.LittleEndian.Uint16(b[4:])
	if length < 6 || length > len(b) {
		return block{}, 0, fmt.Errorf("块长度 %d 不对（剩余 %d 字节）", length, len(b))
	}
	b = b[:length]
	pos := 6
	var key []uint16
	for {
		if pos+2 > length {
			return block{}, 0, errTruncated
		}
		c := binary.LittleEndian.Uint16(b[pos:])
		pos += 2
		if c == 0 {
			break
		}
		key = append(key, c)
	}
	pos = align4(pos)
	blk := block{key: string(utf16.Decode(key)), text: typ == 1}
	n := valueLen
	if blk.text {
		n = 2 * valueLen // a text value's length counts UTF-16 units
	}
	if n > 0 {
		if pos+n > length {
			// some writers count the text's bytes, not its units: take
			// what the block holds
			n = length - pos
		}
		blk.value = b[pos : pos+n]
		pos = align4(pos + n)
	}
	for pos < length {
		child, used, err := parseBlock(b[pos:])
		if err != nil {
			return block{}, 0, err
		}
		blk.children = append(blk.children, child)
		pos = align4(pos + used)
	}
	return blk, length, nil
}

func align4(n int) int { return (n + 3) &^ 3 }

func utf16Text(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		c := binary.LittleEndian.Uint16(b[i:])
		if c == 0 {
			break
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u))
}

func parseVersion(b []byte, info *Info) error {
	root, _, err := parseBlock(b)
	if err != nil {
		return err
	}
	if root.key != "VS_VERSION_INFO" {
		return fmt.Errorf("根块是“%s”，应为 VS_VERSION_INFO", root.key)
	}
	if len(root.value) < 52 || binary.LittleEndian.Uint32(root.value) != 0xFEEF04BD {
		return errors.New("没有 VS_FIXEDFILEINFO")
	}
	ms := binary.LittleEndian.Uint32(root.value[8:])
	ls := binary.LittleEndian.Uint32(root.value[12:])
	info.FileVersion = fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
	for _, c := range root.children {
		if c.key != "StringFileInfo" || len(c.children) == 0 {
			continue
		}
		for _, s := range c.children[0].children {
			info.Strings[s.key] = utf16Text(s.value)
		}
	}
	return nil
}

// Check inspects path and reports its problems as one error.
func Check(path, product string) (*Info, error) {
	info, err := Inspect(path)
	if err != nil {
		return nil, err
	}
	if p := info.Problems(product); len(p) > 0 {
		return info, fmt.Errorf("%s：%s", path, strings.Join(p, "；"))
	}
	return info, nil
}
