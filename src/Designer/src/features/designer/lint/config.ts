import { anjuRules, ruleSeverity } from './rules';

/**
 * The packed bpmnlint configuration bpmn-js-bpmnlint expects (`{ config, resolver }`), built here instead of
 * by bpmnlint-pack-config: our rules are a local plugin "anju" (package name bpmnlint-plugin-anju), resolved
 * from this bundle.
 */
export const lintConfig = {
  config: {
    rules: Object.fromEntries(Object.keys(anjuRules).map((name) => [`anju/${name}`, ruleSeverity[name] ?? 'error'])),
  },
  resolver: {
    resolveRule(pkg: string, ruleName: string) {
      const rule = pkg === 'bpmnlint-plugin-anju' ? anjuRules[ruleName] : undefined;
      if (!rule) throw new Error(`unknown lint rule ${pkg}/${ruleName}`);
      return rule;
    },
    resolveConfig(pkg: string, configName: string) {
      throw new Error(`unknown lint config ${pkg}/${configName}`);
    },
  },
};
