import { describe, expect, it } from 'vitest';
import subset from '../../../../../docs/bpmn-subset.json';
import { chinese, translate } from '../../../src/features/designer/modeler/translate';
import { anjuPanelStrings, canvasStrings, lintStrings, propertiesPanelStrings, typeLabels } from './panel-strings';

const untranslated = (strings: Iterable<string>) => [...strings].filter((text) => !chinese[text]?.trim());

describe('the designer in Chinese', () => {
  it('finds the panel strings at all (the scan itself works)', () => {
    const strings = propertiesPanelStrings();
    expect(strings.size).toBeGreaterThan(150);
    expect(strings.has('Assignee')).toBe(true);
    expect(strings.has('The follow up date as an EL expression (e.g. ${someDate}) or an ISO date (e.g. 2015-06-26T09:54:00).')).toBe(true);
    expect(lintStrings().has('No Issues')).toBe(true);
    expect(typeLabels(subset)).toContain('Timer Boundary Event (Non Interrupting)');
  });

  it('has a Chinese text for every string of the BPMN and Camunda 7 panel providers', () => {
    const missing = [...propertiesPanelStrings()].filter(([text]) => !chinese[text]?.trim()).map(([text, files]) => `${JSON.stringify(text)} (${files[0]})`);
    expect(missing, `untranslated properties-panel strings:\n${missing.join('\n')}`).toEqual([]);
  });

  it('has a Chinese text for every string of our own panel provider', () => {
    const strings = anjuPanelStrings();
    expect(strings).toContain('Link name');
    expect(strings).toContain('Escalation code');
    expect(untranslated(strings)).toEqual([]);
  });

  it('names every supported element type in Chinese in the panel header', () => {
    expect(untranslated(typeLabels(subset))).toEqual([]);
  });

  it('has a Chinese text for the lint overlay', () => {
    expect(untranslated(lintStrings())).toEqual([]);
  });

  it('has a Chinese text for every canvas string (bpmn-js-i18n plus our supplement)', () => {
    const strings = canvasStrings();
    expect(strings.size).toBeGreaterThan(100);
    const missing = [...strings].filter(([text]) => !chinese[text]?.trim()).map(([text, file]) => `${JSON.stringify(text)} (${file})`);
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('names the event subprocess, its start events and the conditional events of the replace menu in Chinese, as the panel header does', () => {
    const words: Record<string, string> = {
      'Event sub-process': '事件子流程',
      'Message start event (non-interrupting)': '消息开始事件（非中断）',
      'Timer start event (non-interrupting)': '定时开始事件（非中断）',
      'Signal start event (non-interrupting)': '信号开始事件（非中断）',
      'Error start event': '错误开始事件',
      'Escalation start event': '升级开始事件',
      'Escalation start event (non-interrupting)': '升级开始事件（非中断）',
      'Conditional start event': '条件开始事件',
      'Conditional start event (non-interrupting)': '条件开始事件（非中断）',
      'Conditional intermediate catch event': '条件中间捕获事件',
      'Conditional boundary event': '条件边界事件',
      'Conditional boundary event (non-interrupting)': '条件边界事件（非中断）',
      'Event Sub Process': '事件子流程',
      'Error Start Event': '错误开始事件',
      'Message Start Event (Non Interrupting)': '消息开始事件（非中断）',
      'Conditional Boundary Event (Non Interrupting)': '条件边界事件（非中断）',
    };
    expect(Object.fromEntries(Object.keys(words).map((english) => [english, translate(english)]))).toEqual(words);
  });

  it('translates with placeholders', () => {
    expect(translate('Assignee')).toBe('办理人');
    expect(translate('{errors} Errors, {warnings} Warnings', { errors: '2', warnings: '0' })).toContain('2');
  });
});
