package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/internal/crash"
)

func init() {
	register(&command{
		name:    "check",
		usage:   "[--json] [--text 文字] 文件、工作簿或PDF...",
		summary: "审核文档（或直接审核工作簿 .xlsx、公开的 PDF）的勾稽关系，按表列出错误、警告和提示；--json 输出 JSON；--text 用另一个文件中的文字部分代替文档中的：公开的 PDF（如北京的附件1 情况说明）给出其中读到的主要职能、机构设置、情况说明、名词解释，文档给出它的文字部分，文字稿（如 Word 另存的 .txt）作为情况说明、只列出有关情况说明的结果；--text 只能与一个文档一起用。退出码：0 无错误，1 有错误，2 有文件无法读取",
		run:     runCheck,
	})
	register(&command{
		name:    "rules",
		usage:   "[--markdown]",
		summary: "列出审核规则（编号、级别、说明）；--markdown 输出 docs/checks.md 的内容",
		run:     runRules,
	})
}

// checked is one file's outcome.
type checked struct {
	path     string
	meta     forms.Meta    // the document's, for the report's heading
	level    string        // 部门 or 单位
	groups   []check.Group // the findings by table, in the template's order
	res      *check.Result
	err      error
	problems []string // what an imported workbook could not use
}

func runCheck(e *Env, args []string) int {
	p, err := parseArgs(args, []flagSpec{
		{key: "json", names: []string{"--json"}},
		textFlag,
	})
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	if len(p.files) == 0 {
		e.errorf("用法：yusuan check [--json] [--text 文字] 文件、工作簿或PDF...")
		return ExitUsage
	}
	text, ok := textOption(e, p, "check")
	if !ok {
		return ExitUsage
	}
	results := checkFiles(e, p.files, text)
	code := ExitOK
	for _, r := range results {
		switch {
		case r.err != nil:
			code = ExitUsage
		case r.res.Count(check.Error) > 0 && code == ExitOK:
			code = ExitFound
		}
	}
	if p.set["json"] {
		writeJSON(e, results, text)
	} else {
		writeReport(e, results, text)
	}
	return code
}

// checkFiles checks many files in parallel, keeping their order; a
// progress line goes to stderr when it is a terminal.
func checkFiles(e *Env, paths []string, text *textParts) []checked {
	out := make([]checked, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	workers := min(runtime.NumCPU(), len(paths))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out[i] = checkOne(paths[i], text)
				if e.Progress {
					mu.Lock()
					done++
					fmt.Fprintf(e.Stderr, "\r已检查 %d/%d 个文件", done, len(paths))
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
	if e.Progress {
		fmt.Fprint(e.Stderr, "\r\033[K")
	}
	return out
}

func checkOne(path string, text *textParts) (c checked) {
	c.path = path
	defer func() {
		// a bad file must not stop the others: report it as unreadable
		if r := recover(); r != nil {
			c.err = crash.Record("检查“"+path+"”", r, debug.Stack())
		}
	}()
	d, rep, err := load(path, "")
	if rep != nil {
		for _, p := range rep.Problems {
			c.problems = append(c.problems, p.String())
		}
	}
	if err != nil {
		c.err = err
		return c
	}
	if text != nil {
		text.apply(d)
	}
	c.res = check.NewChecker(d).Full()
	if text != nil && text.plain {
		c.res = onlyText(c.res) // a clerk's draft of the 情况说明, checked against the tables
	}
	// what the report needs of the document, which is then let go: a
	// bureau's batch of a thousand workbooks would otherwise hold them all
	c.meta, c.level, c.groups = d.Meta, d.LevelWord(), c.res.ByTable(d)
	return c
}

// onlyText keeps the findings about the text: those that point at it.
func onlyText(r *check.Result) *check.Result {
	out := &check.Result{Ran: r.Ran, Skipped: r.Skipped}
	for _, f := range r.Findings {
		about := f.Table == check.PartExplanation
		for _, c := range f.Cells {
			about = about || c.Table == check.PartExplanation
		}
		if about {
			out.Findings = append(out.Findings, f)
		}
	}
	return out
}

func writeReport(e *Env, results []checked, text *textParts) {
	var total check.Result
	for i, r := range results {
		if i > 0 {
			fmt.Fprintln(e.Stdout)
		}
		if r.err != nil {
			e.errorf("%v", r.err)
			fmt.Fprintf(e.Stdout, "== %s：无法读取\n", r.path)
			continue
		}
		head := fmt.Sprintf("== %s（%s %d年%s预算）", r.path, r.meta.Name, r.meta.Year, r.level)
		if text != nil {
			head = fmt.Sprintf("== %s 对照 %s（%s %d年）", text.path, r.path, r.meta.Name, r.meta.Year)
		}
		fmt.Fprintln(e.Stdout, head)
		if text != nil && !text.plain {
			writeTextNote(e.Stdout, text)
		}
		for _, p := range r.problems {
			fmt.Fprintf(e.Stdout, "  导入提示：%s\n", p)
		}
		for _, g := range r.groups {
			fmt.Fprintf(e.Stdout, "【%s】\n", g.Title)
			for _, f := range g.Findings {
				fmt.Fprintf(e.Stdout, "  %s %-5s %s%s%s\n", f.Severity, f.Rule, f.Message, f.UnitsNote(), explanationNote(f))
			}
		}
		fmt.Fprintln(e.Stdout, r.res.Summary())
		if len(r.res.Skipped) > 0 {
			var s []string
			for _, sk := range r.res.Skipped {
				s = append(s, sk.Rule+"（"+sk.Reason+"）")
			}
			fmt.Fprintf(e.Stdout, "未运行的规则：%s\n", strings.Join(s, "；"))
		}
		total.Findings = append(total.Findings, r.res.Findings...)
	}
	if len(results) > 1 {
		unreadable := 0
		for _, r := range results {
			if r.err != nil {
				unreadable++
			}
		}
		fmt.Fprintf(e.Stdout, "\n共 %d 个文件（%d 个无法读取）：%s\n", len(results), unreadable, total.Summary())
	}
}

func explanationNote(f check.Finding) string {
	switch {
	case f.Explanation != nil:
		return "（已说明：" + f.Explanation.Text + "）"
	case f.Stale != nil:
		return "（原有说明针对的数字已变，需重新说明：" + f.Stale.Text + "）"
	}
	return ""
}

// jsonFinding is the JSON form of a finding (decision 14).
type jsonFinding struct {
	File        string            `json:"file"`
	Rule        string            `json:"rule"`
	Severity    string            `json:"severity"`
	Table       string            `json:"table"`
	Kind        string            `json:"kind"`
	Cells       []forms.CellRef   `json:"cells"`
	Message     string            `json:"message"`
	Values      map[string]string `json:"values"`
	Explanation *string           `json:"explanation"`
	// Units: in a consolidated (汇总) document, the units the finding is about.
	Units []string `json:"units,omitempty"`
}

func writeJSON(e *Env, results []checked, text *textParts) {
	out := []jsonFinding{}
	for _, r := range results {
		if r.err != nil {
			e.errorf("%v", r.err)
			continue
		}
		for _, g := range r.groups {
			for _, f := range g.Findings {
				file := r.path
				if text != nil && (text.plain || text.given(f.Table)) {
					file = text.path // a finding in a text part the --text file gave
				}
				jf := jsonFinding{File: file, Rule: f.Rule, Severity: f.Severity.Code(), Table: f.Table, Kind: string(f.Kind),
					Cells: f.Cells, Message: f.Message, Values: map[string]string{}, Units: f.Units}
				if jf.Cells == nil {
					jf.Cells = []forms.CellRef{}
				}
				for _, v := range f.Values {
					label := v.Label
					for n := 2; jf.Values[label] != ""; n++ {
						label = fmt.Sprintf("%s（%d）", v.Label, n)
					}
					jf.Values[label] = v.Text
				}
				if f.Explanation != nil {
					s := f.Explanation.Text
					jf.Explanation = &s
				}
				out = append(out, jf)
			}
		}
	}
	enc := json.NewEncoder(e.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}

// MaxTextBytes bounds a text file given with --text.
const MaxTextBytes = 16 << 20

// readTextFile reads a text a clerk saved from a word processor: UTF-8 (with
// or without BOM), UTF-16 with BOM, or GB18030/GBK as Chinese Windows saves it.
func readTextFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("无法读取文字稿“%s”：%s", path, forms.DescribeOSError(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxTextBytes+1))
	if err != nil {
		return "", fmt.Errorf("无法读取文字稿“%s”：%s", path, forms.DescribeOSError(err))
	}
	if len(data) > MaxTextBytes {
		return "", fmt.Errorf("文字稿“%s”超过 %d MB，不像是情况说明", path, MaxTextBytes>>20)
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("文字稿“%s”的 UTF-16 编码有误", path)
		}
		return string(s), nil
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("文字稿“%s”既不是 UTF-8 也不是 GBK/GB18030 编码", path)
	}
	return string(s), nil
}

func runRules(e *Env, args []string) int {
	p, err := parseArgs(args, []flagSpec{{key: "markdown", names: []string{"--markdown"}}})
	if err != nil || len(p.files) > 0 {
		e.errorf("用法：yusuan rules [--markdown]")
		return ExitUsage
	}
	if p.set["markdown"] {
		io.WriteString(e.Stdout, RulesMarkdown())
		return ExitOK
	}
	for _, r := range check.Rules() {
		fmt.Fprintf(e.Stdout, "%s %s  %s\n", pad(r.ID, 6, false), r.Severity, r.Title)
	}
	return ExitOK
}

// RulesMarkdown is docs/checks.md, generated from the catalogue.
func RulesMarkdown() string {
	var b strings.Builder
	b.WriteString("# 审核规则（勾稽关系）\n\n")
	b.WriteString("本文件由 `yusuan rules --markdown > docs/checks.md` 从程序内的规则目录生成，请勿手改。\n\n")
	b.WriteString("级别：**错误**——必须成立的等式，导出时提醒，命令行退出码为 1；**警告**——很可能有误，需要核对或填写出错说明；")
	b.WriteString("**提示**——格式和完整性。跨表比较先换算单位（元、万元）。分别四舍五入到万元的数相加，差额不超过各数舍入误差之和（每个数至多末位的一半）的列为提示（尾差），超过的按规则本身的级别报告；元为单位、两位小数的表不算舍入，任何差额都报告。文字中的金额和占比按文字印出的位数比较：四舍五入相符不报，只差末位一个单位（含截尾）列为提示（尾差）。")
	b.WriteString("表格未列入模板、未提供或为空时，相关规则跳过并在结果中注明。\n\n")
	b.WriteString("| 编号 | 级别 | 规则 |\n|---|---|---|\n")
	for _, r := range check.Rules() {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", r.ID, r.Severity, r.Title)
	}
	return b.String()
}
