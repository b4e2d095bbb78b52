package cli

import (
	"fmt"
	"strconv"

	"yusuan/forms"
	"yusuan/forms/generate"
)

func init() {
	register(&command{
		name:    "sample",
		usage:   "-o 文件 [--large] [--seed 数字] [--force]",
		summary: "写出内置的示例文档（--large：用于性能测试的大型合成文档，200 个单位、2000 行科目、10000 个项目）",
		run:     runSample,
	})
}

func runSample(e *Env, args []string) int {
	p, err := parseArgs(args, []flagSpec{
		{key: "out", names: []string{"-o", "--output"}, hasValue: true},
		{key: "large", names: []string{"--large"}},
		{key: "seed", names: []string{"--seed"}, hasValue: true},
		forceFlag,
	})
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	out := p.values["out"]
	if out == "" || len(p.files) > 0 {
		e.errorf("用法：yusuan sample -o 文件 [--large] [--seed 数字]")
		return ExitUsage
	}
	release, ok := holdDocument(e, out, p.set["force"])
	if !ok {
		return ExitUsage
	}
	defer release()
	var d *forms.Document
	if p.set["large"] {
		seed := uint64(1)
		if s, ok := p.values["seed"]; ok {
			if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
				e.errorf("--seed 应为非负整数，实为“%s”", s)
				return ExitUsage
			}
		}
		d, err = generate.Document(generate.Large, seed)
	} else {
		d, err = forms.Sample()
	}
	if err != nil {
		e.errorf("生成文档失败：%v", err)
		return ExitUsage
	}
	if !save(e, out, d) {
		return ExitUsage
	}
	fmt.Fprintf(e.Stdout, "已写出%s：%s\n", map[bool]string{true: "大型合成文档", false: "示例文档"}[p.set["large"]], out)
	return ExitOK
}
