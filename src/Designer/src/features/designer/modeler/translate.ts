import canvasZh from 'bpmn-js-i18n/translations/zn.js';
import { format, language } from '../../../app/i18n';
import { propertiesPanelZh } from './properties-panel-zh';

/**
 * bpmn-js's `translate` service for the whole designer: the canvas (palette, context pad, replace menu, lint
 * overlay) from bpmn-js-i18n's Chinese file, the properties panel from our own dictionary. In English the
 * templates are used as they are. Templates without a Chinese text are recorded in `missing` (the i18n
 * coverage test fails on them) and shown in English rather than not at all.
 */
export const chinese: Record<string, string> = { ...(canvasZh as Record<string, string>), ...propertiesPanelZh };

export const missing = new Set<string>();

export function translate(template: string, replacements?: Record<string, string>): string {
  if (language() === 'en') return format(template, replacements);
  const text = chinese[template];
  if (text === undefined) {
    // Texts that are Chinese already (our lint messages) need no entry.
    if (template.trim() !== '' && !/[\u4e00-\u9fff]/.test(template)) missing.add(template);
    return format(template, replacements);
  }
  return format(text, replacements);
}

export const translateModule = { translate: ['value', translate] };

// The browser tests read this to prove no English string reached the screen they walked through.
(globalThis as { __anjuMissingTranslations?: Set<string> }).__anjuMissingTranslations = missing;
