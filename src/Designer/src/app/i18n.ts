import { zhCN, type MessageKey } from '../i18n/zh-CN';
import { en } from '../i18n/en';

export type { MessageKey };
export type Language = 'zh-CN' | 'en';

export const languages: readonly Language[] = ['zh-CN', 'en'];
const dictionaries: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const storageKey = 'anju.language';
const listeners = new Set<(language: Language) => void>();

let current: Language = readStoredLanguage();

function readStoredLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(storageKey);
  return stored === 'en' ? 'en' : 'zh-CN';
}

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  if (next === current) return;
  current = next;
  globalThis.localStorage?.setItem(storageKey, next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fills `{name}` placeholders. Shared with the bpmn-js translate service, which uses the same syntax. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/{([^}]+)}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The current language's text for `key`; Chinese when the English entry is missing. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return format(dictionaries[current][key] ?? zhCN[key] ?? key, params);
}

/** Whether the dictionaries have this key (for keys built at run time, such as an attribute's label). */
export function hasMessage(key: string): key is MessageKey {
  return key in zhCN;
}

/** A role's display name, or the role itself for one the console does not know. */
export function roleName(role: string): string {
  const key = `role.${role}` as MessageKey;
  return key in zhCN ? t(key) : role;
}
