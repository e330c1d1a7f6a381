package main

// Rendering a `kops toolbox template` template with kops' own templater, so that a test can
// prove a template (stackc's out/<stack>/kops/cluster.tmpl.yaml) is consumable by kops itself and
// not only by stackc's `bind`. This reproduces RunToolBoxTemplate
// (cmd/kops/toolbox_template.go:114-214 at v1.36.2, package main, so not importable) for
//
//	kops toolbox template --values VALUES --template FILE --channel none
//
// i.e. one values file, one template file, no snippets, no --set, --fail-on-missing (its default,
// `missingkey=error`), and --format-yaml when asked (stackc's runbook uses it). Offline: the
// "none" channel is an empty channel (pkg/apis/kops/channel.go:108-111, 138-140), so nothing is
// fetched.

import (
	"fmt"
	"os"
	"strings"

	"sigs.k8s.io/yaml"

	kopsapi "k8s.io/kops/pkg/apis/kops"
	"k8s.io/kops/pkg/util/templater"
	"k8s.io/kops/upup/pkg/fi/utils"
	"k8s.io/kops/util/pkg/vfs"
)

// loadTemplateValues is newTemplateContext (toolbox_template.go:216-258) for one --values file:
// YAML or JSON (terraform output -json is JSON) read with kops' YAML reader, then the
// clusterName default of RunToolBoxTemplate (toolbox_template.go:121-127; the --name flag is
// unset here, so it is "").
func loadTemplateValues(file string) (map[string]interface{}, error) {
	content, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("unable to configuration file: %s, error: %s", file, err)
	}
	values := make(map[string]interface{})
	if err := utils.YamlUnmarshal(content, &values); err != nil {
		return nil, fmt.Errorf("unable decode the configuration file: %s, error: %v", file, err)
	}
	if _, ok := values["clusterName"].(string); !ok {
		values["clusterName"] = ""
	}
	return values, nil
}

// renderTemplate is the rendering step of RunToolBoxTemplate (toolbox_template.go:166-214):
// templater.Render, then the documents split on "---\n", each re-marshalled through a map with
// --format-yaml (comments and empty documents dropped, keys sorted), joined with "---\n".
func renderTemplate(content []byte, values map[string]interface{}, formatYAML bool) (string, error) {
	channel, err := kopsapi.LoadChannel(vfs.NewVFSContext(), "none")
	if err != nil {
		return "", fmt.Errorf("error loading channel %q: %v", "none", err)
	}
	rendered, err := templater.NewTemplater(channel).Render(string(content), values, map[string]string{}, true)
	if err != nil {
		return "", fmt.Errorf("unable to render template: %s", err)
	}
	if len(rendered) == 0 {
		return "", nil
	}
	var documents []string
	for _, x := range strings.Split(rendered, "---\n") {
		if !formatYAML {
			documents = append(documents, x)
			continue
		}
		var data map[string]interface{}
		if err := yaml.Unmarshal([]byte(x), &data); err != nil {
			return "", fmt.Errorf("unable to unmarshall content from template: %s, error: %s", x, err)
		}
		if len(data) <= 0 {
			continue
		}
		formatted, err := yaml.Marshal(&data)
		if err != nil {
			return "", fmt.Errorf("unable to marhshal formatted content to yaml: %s", err)
		}
		documents = append(documents, string(formatted))
	}
	return strings.Join(documents, "---\n"), nil
}
