import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixPanelCheckboxes } from '../tools/panel-checkbox-fix';

// The build-time fix of the properties panel's checkboxes (tools/panel-checkbox-fix.ts), on the file npm installed.
const panel = readFileSync(`${resolve(import.meta.dirname, '..')}/node_modules/@bpmn-io/properties-panel/dist/index.esm.js`, 'utf8');

describe('the properties panel checkbox fix', () => {
  it('makes Checkbox and ToggleSwitch keep the ticked state, not the input value "on"', () => {
    const count = (code: string, text: string) => code.split(text).length - 1;
    const fixed = fixPanelCheckboxes(panel);
    expect(count(fixed, 'setLocalValue(e.target.checked);')).toBe(count(panel, 'setLocalValue(e.target.checked);') + 2);
    expect(count(fixed, 'setLocalValue(e.target.value);')).toBe(count(panel, 'setLocalValue(e.target.value);') - 2);
    const checkbox = fixed.slice(fixed.indexOf('function Checkbox('), fixed.indexOf('function CheckboxEntry('));
    expect(checkbox).toContain('setLocalValue(e.target.checked);');
    const toggle = fixed.slice(fixed.indexOf('function ToggleSwitch('));
    expect(toggle.slice(0, toggle.indexOf('useEffect('))).toContain('setLocalValue(e.target.checked);');
  });

  it('fails the build when the panel no longer has the code it fixes', () => {
    expect(() => fixPanelCheckboxes(panel.replace('onChange(target.checked);', 'onChange(Boolean(target.checked));'))).toThrow(/found 0/);
  });
});
