package cli

import (
	"errors"
	"fmt"

	"yusuan/export/docin"
	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/merge"
)

func init() {
	register(&command{
		name:  "merge",
		usage: "-o 部门.yusuan [--self 本级文件] [--code 部门代码] [--name 部门名称] [--previous 原汇总.yusuan] [--template 模板] [--force] 单位文件或工作簿...",
		summary: "汇总：把本级和各所属单位的文档（或工作簿）逐表逐行相加成部门预算，每个数记下来自哪些单位；先列出各单位之间的差异（年度或模板不同则拒绝）。" +
			"--self 指定本级（默认第一个文件）；--previous 在原汇总文档上更新：给出的单位替换原来的数（或新加入），其余单位保留，并列出变化的数。" +
			"退出码：0 已写出且无错误，1 已写出但审核有错误，2 文件无法读取、各单位年度或模板不同，未写出",
		run: runMerge,
	})
}

func runMerge(e *Env, args []string) int {
	p, err := parseArgs(args, []flagSpec{
		{key: "out", names: []string{"-o", "--output"}, hasValue: true},
		{key: "self", names: []string{"--self"}, hasValue: true},
		{key: "previous", names: []string{"--previous"}, hasValue: true},
		{key: "code", names: []string{"--code"}, hasValue: true},
		{key: "name", names: []string{"--name"}, hasValue: true},
		{key: "template", names: []string{"--template"}, hasValue: true},
		forceFlag,
	})
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	out, prevPath := p.values["out"], p.values["previous"]
	if out == "" || (len(p.files) == 0 && prevPath == "") {
		e.errorf("用法：yusuan merge -o 部门.yusuan [--self 本级文件] [--previous 原汇总.yusuan] 单位文件或工作簿...")
		return ExitUsage
	}
	for _, f := range p.files {
		if forms.SamePath(f, out) {
			e.errorf("输出文件“%s”是要汇总的单位文件之一，请另给一个文件名", out)
			return ExitUsage
		}
	}
	release, ok := holdDocument(e, out, p.set["force"])
	if !ok {
		return ExitUsage
	}
	defer release()
	opts := merge.Options{Self: p.values["self"], Code: p.values["code"], Name: p.values["name"], PreviousFile: prevPath}
	if prevPath != "" {
		if opts.Previous, err = forms.Open(prevPath); err != nil {
			e.errorf("%v", err)
			return ExitUsage
		}
	}
	template := p.values["template"]
	loaded := merge.Load(p.files, func(path string) (*forms.Document, []string, error) {
		return docin.ReadNotes(path, docin.Options{Template: template})
	}, e.progress("已读取"))
	for _, n := range loaded.Notes {
		fmt.Fprintf(e.Stderr, "提示：%s\n", n)
	}
	if len(loaded.Errors) > 0 {
		for _, err := range loaded.Errors {
			e.errorf("%v", err)
		}
		e.errorf("有 %d 个文件无法读取，未汇总", len(loaded.Errors))
		return ExitUsage
	}
	res, err := merge.Consolidate(loaded.Inputs, opts)
	if err != nil {
		var refused *merge.Refused
		if errors.As(err, &refused) {
			e.errorf("各单位的文件不能汇总在一起，未写出“%s”：", out)
			for _, is := range refused.Issues {
				if is.Fatal {
					fmt.Fprintf(e.Stderr, "  %s\n", is.Message)
				}
			}
			return ExitUsage
		}
		e.errorf("%v", err)
		return ExitUsage
	}
	d := res.Doc
	if !save(e, out, d) {
		return ExitUsage
	}
	w := e.Stdout
	self := ""
	for _, u := range d.Merge.Units {
		if u.Self {
			self = u.Label()
		}
	}
	fmt.Fprintf(w, "已汇总 %d 个单位（本级：%s）为“%s”%d年部门预算，写出：%s\n", len(d.Merge.Units), self, d.Meta.Name, d.Meta.Year, out)
	if len(res.Issues) > 0 {
		fmt.Fprintf(w, "\n各单位之间的差异（%d 处）：\n", len(res.Issues))
		for _, is := range res.Issues {
			fmt.Fprintf(w, "  %s\n", is.Message)
		}
	}
	if opts.Previous != nil {
		writeChanges(e, res, prevPath)
	}
	r := check.Document(d)
	fmt.Fprintf(w, "\n审核汇总文档：%s\n", r.Summary())
	for _, g := range r.ByTable(d) {
		for _, f := range g.Findings {
			if f.Severity == check.Error {
				fmt.Fprintf(w, "  【%s】%s %s %s%s\n", g.Title, f.Severity, f.Rule, f.Message, f.UnitsNote())
			}
		}
	}
	fmt.Fprintf(w, "（全部审核结果：yusuan check %s；每个数来自哪些单位：yusuan show --from %s）\n", out, out)
	if r.Count(check.Error) > 0 {
		return ExitFound
	}
	return ExitOK
}

// writeChanges says what a new consolidation changed against the previous one.
func writeChanges(e *Env, res *merge.Result, prevPath string) {
	w := e.Stdout
	fmt.Fprintf(w, "\n与原汇总文档“%s”相比：%s\n", prevPath, res.UnitsLine())
	if len(res.Changes) == 0 && len(res.FormChanges) == 0 {
		fmt.Fprintln(w, "  数字没有变化")
		return
	}
	for _, c := range res.Changes {
		fmt.Fprintf(w, "  %s\n", c)
	}
	for _, f := range res.FormChanges {
		fmt.Fprintf(w, "  %s\n", f)
	}
	fmt.Fprintf(w, "共 %d 处数字变化\n", len(res.Changes))
}

// progress returns a function that shows "已读取 3/200 个文件" on a terminal.
func (e *Env) progress(what string) func(done, total int) {
	if !e.Progress {
		return nil
	}
	return func(done, total int) {
		if done == total {
			fmt.Fprint(e.Stderr, "\r\033[K")
			return
		}
		fmt.Fprintf(e.Stderr, "\r%s %d/%d 个文件", what, done, total)
	}
}
