/**
 * @bpmn-io/properties-panel 3.55 (the newest served) keeps a checkbox's or a switch's local state as `e.target.value`,
 * which for a checkbox is the string "on": unticking a box redraws it ticked for a frame, until an effect puts the
 * model's value back. A user sees a flicker; a test that reads the box at that moment sees it ticked. Both places read
 * `e.target.checked` here. Each pattern must be found exactly once, so an upgrade that changes the code fails the build
 * instead of silently dropping the fix.
 */
const panelFile = '/@bpmn-io/properties-panel/dist/index.esm.js';
const panelCheckboxFixes: [string, string][] = [
  ['onChange(target.checked);\n  };\n  const handleChange = e => {\n    handleChangeCallback(e);\n    setLocalValue(e.target.value);', 'setLocalValue(e.target.value);'],
  ['onInput(!value);\n  };\n  const handleInput = e => {\n    handleInputCallback();\n    setLocalValue(e.target.value);', 'setLocalValue(e.target.value);'],
];
export function fixPanelCheckboxes(code: string): string {
  for (const [context, line] of panelCheckboxFixes) {
    const found = code.split(context).length - 1;
    if (found !== 1) throw new Error(`anju-panel-checkbox-state: expected the pattern once in @bpmn-io/properties-panel, found ${found}; re-check the fix`);
    code = code.replace(context, context.slice(0, -line.length) + 'setLocalValue(e.target.checked);');
  }
  return code;
}
export const panelCheckboxState = {
  name: 'anju-panel-checkbox-state',
  transform(code: string, id: string) {
    return (id.replaceAll('\\', '/').split('?')[0] ?? '').endsWith(panelFile) ? { code: fixPanelCheckboxes(code), map: null } : null;
  },
};
