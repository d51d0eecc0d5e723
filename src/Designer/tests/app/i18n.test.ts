import { describe, expect, it } from 'vitest';
import { zhCN } from '../../src/i18n/zh-CN';
import { en } from '../../src/i18n/en';
import { format, roleName, setLanguage, t } from '../../src/app/i18n';

describe('i18n', () => {
  it('defaults to Chinese and switches to English', () => {
    expect(t('login.title')).toBe('登录');
    setLanguage('en');
    expect(t('login.title')).toBe('Log in');
    setLanguage('zh-CN');
    expect(roleName('street-office')).toBe('镇（街）园区');
    expect(roleName('unknown-role')).toBe('unknown-role');
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('has an English text for every key and no empty text', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(en[key]?.trim(), key).toBeTruthy();
    }
  });
});
