package cli

import (
	"fmt"
	"strings"
)

// flagSpec describes an option: its names ("-o", "--output") and whether it
// takes a value.
type flagSpec struct {
	key      string
	names    []string
	hasValue bool
}

// parsed holds options by key and the remaining arguments.
type parsed struct {
	values map[string]string
	set    map[string]bool
	files  []string
}

// parseArgs reads options wherever they stand among the file arguments
// (decision 12); "--" ends the options.
func parseArgs(args []string, specs []flagSpec) (*parsed, error) {
	p := &parsed{values: map[string]string{}, set: map[string]bool{}}
	find := func(name string) *flagSpec {
		for i := range specs {
			for _, n := range specs[i].names {
				if n == name {
					return &specs[i]
				}
			}
		}
		return nil
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			p.files = append(p.files, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			p.files = append(p.files, a)
			continue
		}
		name, value, hasEq := strings.Cut(a, "=")
		spec := find(name)
		if spec == nil {
			return nil, fmt.Errorf("不认识的选项“%s”", name)
		}
		if !spec.hasValue {
			if hasEq {
				return nil, fmt.Errorf("选项“%s”不带值", name)
			}
			p.set[spec.key] = true
			continue
		}
		if !hasEq {
			if i+1 >= len(args) {
				return nil, fmt.Errorf("选项“%s”后面缺少值", name)
			}
			i++
			value = args[i]
		}
		p.values[spec.key] = value
		p.set[spec.key] = true
	}
	return p, nil
}
