// Command kops-validate checks kops specs (one Cluster, then its InstanceGroups, in one
// multi-document YAML) with kops' own validation library, offline: no AWS, no state store.
// The kops CLI cannot do this (every AWS code path calls EC2 first); see
// /work/shared/reference/kops.md section 8 and README.md beside this file.
//
// Usage: kops-validate [-version] [-values VALUES [-format-yaml]] [FILE ...]   (no FILE, or "-", reads stdin)
//
// With -values, each FILE is first rendered as a `kops toolbox template` template with those
// values, by kops' own templater (render.go), and the rendered text is validated; the line then
// carries it as "rendered" (or "renderError" when kops cannot render it).
//
// Output: one JSON object per input, one per line (NDJSON), in argument order:
//
//	{"file":"a.yaml","errors":[]}
//	{"file":"b.yaml","errors":[{"type":"FieldValueInvalid","field":"spec.subnets[0].cidr","detail":"…","badValue":"…","object":"Cluster/x.example.com"}]}
//	{"file":"c.yaml","decodeError":"document 2 (line 40): …"}
//	{"file":"d.yaml","internalError":"panic: …"}
//
// Exit status: the worst over all inputs — 0 no errors, 1 validation errors,
// 2 an input could not be read or decoded (or usage error), 3 kops panicked (a harness bug).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"k8s.io/apimachinery/pkg/util/validation/field"
	"k8s.io/kops/pkg/apis/kops"
	"k8s.io/kops/pkg/apis/kops/validation"
	"k8s.io/kops/pkg/kopscodecs"
	"k8s.io/kops/util/pkg/text"
	"k8s.io/kops/util/pkg/vfs"
)

const (
	exitOK       = 0
	exitInvalid  = 1
	exitDecode   = 2
	exitInternal = 3
)

type fieldError struct {
	Type     string `json:"type"`
	Field    string `json:"field"`
	Detail   string `json:"detail"`
	BadValue any    `json:"badValue,omitempty"`
	Object   string `json:"object"`
}

type result struct {
	File string `json:"file"`
	// A pointer so that a clean spec prints "errors":[] while a decode failure prints no
	// "errors" key at all: the two must not be confused by a reader.
	Errors        *[]fieldError `json:"errors,omitempty"`
	DecodeError   string        `json:"decodeError,omitempty"`
	InternalError string        `json:"internalError,omitempty"`
	// Only with -values: the text kops' templater produced (what was validated), or why it
	// could not render the file (then nothing was validated).
	Rendered    *string `json:"rendered,omitempty"`
	RenderError string  `json:"renderError,omitempty"`
}

func (r result) exitCode() int {
	switch {
	case r.InternalError != "":
		return exitInternal
	case r.DecodeError != "" || r.RenderError != "":
		return exitDecode
	case r.Errors != nil && len(*r.Errors) > 0:
		return exitInvalid
	}
	return exitOK
}

func main() {
	showVersion := flag.Bool("version", false, "print the kops module version this binary was built with")
	valuesFile := flag.String("values", "", "render each FILE with kops' templater and these values first, as kops toolbox template --values VALUES --template FILE --channel none does")
	formatYAML := flag.Bool("format-yaml", false, "with -values: re-marshal each rendered document, as kops toolbox template --format-yaml does")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: kops-validate [-version] [-values VALUES [-format-yaml]] [FILE ...]   (no FILE or \"-\": stdin)")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *showVersion {
		fmt.Println(kopsModuleVersion())
		return
	}
	var values map[string]interface{}
	if *formatYAML && *valuesFile == "" {
		fmt.Fprintln(os.Stderr, "kops-validate: -format-yaml needs -values")
		os.Exit(exitDecode)
	}
	if *valuesFile != "" {
		var err error
		if values, err = loadTemplateValues(*valuesFile); err != nil {
			fmt.Fprintln(os.Stderr, "kops-validate: -values:", err)
			os.Exit(exitDecode)
		}
	}

	files := flag.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}

	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	worst := exitOK
	for _, file := range files {
		r := validateFile(file, values, *formatYAML)
		if err := enc.Encode(r); err != nil {
			// Only a BadValue that JSON cannot represent gets here; say so rather than
			// printing half a line.
			r = result{File: file, InternalError: "encoding the result: " + err.Error()}
			_ = enc.Encode(r)
		}
		worst = max(worst, r.exitCode())
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "kops-validate: writing stdout:", err)
		os.Exit(exitInternal)
	}
	os.Exit(worst)
}

func kopsModuleVersion() string {
	info, ok := debug.ReadBuildInfo()
	if ok {
		for _, dep := range info.Deps {
			if dep.Path == "k8s.io/kops" {
				return "k8s.io/kops " + dep.Version
			}
		}
	}
	return "k8s.io/kops (unknown version)"
}

// validateFile validates one file; with values (non-nil) it first renders it as a template.
func validateFile(file string, values map[string]interface{}, formatYAML bool) (r result) {
	r.File = file
	defer func() {
		// kops' validators assume a spec that went through its own defaulting; a panic on
		// an odd input is reported for that file and the other files still run.
		if p := recover(); p != nil {
			r = result{File: file, InternalError: fmt.Sprintf("panic: %v", p)}
		}
	}()

	var raw []byte
	var err error
	if file == "-" {
		raw, err = io.ReadAll(os.Stdin)
	} else {
		raw, err = os.ReadFile(file)
	}
	if err != nil {
		r.DecodeError = "read: " + err.Error()
		return r
	}
	if values != nil {
		rendered, err := renderTemplate(raw, values, formatYAML)
		if err != nil {
			r.RenderError = err.Error()
			return r
		}
		r.Rendered = &rendered
		raw = []byte(rendered)
	}

	cluster, igs, order, err := decode(raw)
	if err != nil {
		r.DecodeError = err.Error()
		return r
	}
	errs := validate(cluster, igs, order)
	r.Errors = &errs
	return r
}

// decode splits the file the way kops does (util/pkg/text/text.go:24) and decodes each
// document with kops' codec, which applies the v1alpha2 defaults and converts to the
// internal API (pkg/kopscodecs/codecs.go:90). order reports whether the Cluster came first.
func decode(raw []byte) (*kops.Cluster, []*kops.InstanceGroup, bool, error) {
	var cluster *kops.Cluster
	var igs []*kops.InstanceGroup
	clusterFirst := true
	line := 1
	doc := 0
	for _, section := range text.SplitContentToSections(raw) {
		start := line
		// Each separator "\n---\n" accounts for two line breaks.
		line += bytes.Count(section, []byte("\n")) + 2
		if isBlank(section) {
			continue
		}
		doc++
		where := fmt.Sprintf("document %d (line %d)", doc, start)
		obj, gvk, err := kopscodecs.Decode(section, nil)
		if err != nil {
			return nil, nil, false, fmt.Errorf("%s: %v", where, err)
		}
		switch v := obj.(type) {
		case *kops.Cluster:
			if cluster != nil {
				return nil, nil, false, fmt.Errorf("%s: a second Cluster (%q); one file holds one cluster", where, v.Name)
			}
			cluster = v
		case *kops.InstanceGroup:
			if cluster == nil {
				clusterFirst = false
			}
			igs = append(igs, v)
		default:
			return nil, nil, false, fmt.Errorf("%s: unsupported apiVersion %q kind %q; expected kops.k8s.io/v1alpha2 Cluster or InstanceGroup", where, gvk.GroupVersion().String(), gvk.Kind)
		}
	}
	if cluster == nil {
		return nil, nil, false, fmt.Errorf("no Cluster document")
	}
	return cluster, igs, clusterFirst, nil
}

// isBlank: only whitespace, comments and YAML document markers — what an editor leaves
// around the separators, not a document.
func isBlank(section []byte) bool {
	for _, l := range strings.Split(string(section), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l == "---" || l == "..." || strings.HasPrefix(l, "#") {
			continue
		}
		return false
	}
	return true
}

// validate runs what DeepValidate (pkg/apis/kops/validation/legacy.go:271-312) runs, but
// collects every error instead of returning at the first failing InstanceGroup, plus the
// document-level checks `kops create -f` makes (cmd/kops/create.go:155-168).
func validate(cluster *kops.Cluster, igs []*kops.InstanceGroup, clusterFirst bool) []fieldError {
	out := []fieldError{}
	clusterObj := "Cluster/" + cluster.Name
	add := func(object string, errs field.ErrorList) {
		for _, e := range errs {
			out = append(out, toFieldError(object, e))
		}
	}

	// strict=false: a user-written spec, as kops validates it on create (vfsclientset/cluster.go:102);
	// strict=true is for the populated spec and reports fields populate would fill.
	add(clusterObj, validation.ValidateCluster(cluster, false, vfs.NewVFSContext()))

	if !clusterFirst {
		add(clusterObj, field.ErrorList{field.Forbidden(field.NewPath("kind"),
			"an InstanceGroup precedes the Cluster; `kops create -f` creates documents in order and the IG's cluster would not exist yet (cmd/kops/create.go:155-168)")})
	}
	// legacy.go:276-296 (rule 41), same messages; kops returns them as plain errors, here they
	// get the pseudo-field "instanceGroups".
	controlPlane, nodes := 0, 0
	for _, ig := range igs {
		if ig.IsControlPlane() {
			controlPlane++
		} else {
			nodes++
		}
	}
	switch {
	case len(igs) == 0:
		add(clusterObj, field.ErrorList{field.Required(field.NewPath("instanceGroups"), "must configure at least one InstanceGroup")})
	case controlPlane == 0:
		add(clusterObj, field.ErrorList{field.Required(field.NewPath("instanceGroups"), "must configure at least one ControlPlane InstanceGroup")})
	case nodes == 0:
		add(clusterObj, field.ErrorList{field.Required(field.NewPath("instanceGroups"), "must configure at least one Node InstanceGroup")})
	}

	for _, ig := range igs {
		igObj := "InstanceGroup/" + ig.Name
		// create.go:157-168: the label names the cluster the IG is created in.
		labelPath := field.NewPath("metadata", "labels").Key(kops.LabelClusterName)
		switch label := ig.Labels[kops.LabelClusterName]; {
		case label == "":
			add(igObj, field.ErrorList{field.Required(labelPath, fmt.Sprintf("must specify %q label with cluster name to create instanceGroup", kops.LabelClusterName))})
		case label != cluster.Name:
			add(igObj, field.ErrorList{field.Invalid(labelPath, label, fmt.Sprintf("must equal the Cluster name %q (kops would look up cluster %q)", cluster.Name, label))})
		}
		errs := validation.CrossValidateInstanceGroup(ig, cluster, nil, false)
		// legacy.go:301-304
		if cluster.GetCloudProvider() != kops.CloudProviderAWS && len(ig.Spec.Volumes) > 0 {
			errs = append(errs, field.Forbidden(field.NewPath("spec", "volumes"), "instancegroup volumes are only available with aws at present"))
		}
		add(igObj, errs)
	}
	return out
}

func toFieldError(object string, e *field.Error) fieldError {
	fe := fieldError{Type: string(e.Type), Field: e.Field, Detail: e.Detail, Object: object}
	// Required/Forbidden/TooMany/Internal carry no meaningful value (apimachinery's own
	// Error() leaves it out); OmitValueType marks "do not print the value".
	switch e.Type {
	case field.ErrorTypeRequired, field.ErrorTypeForbidden, field.ErrorTypeTooMany, field.ErrorTypeInternal:
	default:
		if _, omit := e.BadValue.(field.OmitValueType); !omit {
			fe.BadValue = e.BadValue
		}
	}
	return fe
}
