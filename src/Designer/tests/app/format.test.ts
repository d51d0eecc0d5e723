import { describe, expect, it } from 'vitest';
import { formatMoney, isMoney } from '../../src/app/format';

describe('formatMoney', () => {
  it('writes yuan with the sign, thousands separators and two decimals', () => {
    expect(formatMoney(86000)).toBe('¥ 86,000.00');
    expect(formatMoney(0)).toBe('¥ 0.00');
    expect(formatMoney(1234567.5)).toBe('¥ 1,234,567.50');
    expect(formatMoney(999)).toBe('¥ 999.00');
    expect(formatMoney(1000)).toBe('¥ 1,000.00');
  });

  it('rounds to the fen on the decimal value', () => {
    expect(formatMoney(78.1561)).toBe('¥ 78.16');
    expect(formatMoney(0.01)).toBe('¥ 0.01');
    expect(formatMoney(0.005)).toBe('¥ 0.01');
    expect(formatMoney(1.005)).toBe('¥ 1.01');
    expect(formatMoney(78.155)).toBe('¥ 78.16');
    expect(formatMoney(0.1 + 0.2)).toBe('¥ 0.30');
    expect(formatMoney(999.999)).toBe('¥ 1,000.00');
  });

  it('puts the minus before the sign, and not on an amount that rounds to zero', () => {
    expect(formatMoney(-1234.5)).toBe('-¥ 1,234.50');
    expect(formatMoney(-0.001)).toBe('¥ 0.00');
  });

  it('shows a dash for what is not a number', () => {
    expect(formatMoney(Number.NaN)).toBe('—');
    expect(formatMoney(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('isMoney', () => {
  it('knows the money variables and the labels in yuan', () => {
    expect(isMoney('budget')).toBe(true);
    expect(isMoney('x', '合同金额（元）')).toBe(true);
    expect(isMoney('x', '核定金额（元，不填按申请预算）')).toBe(true);
    expect(isMoney('x', '单元')).toBe(false);
    expect(isMoney('dispatchCount', '派单次数')).toBe(false);
  });
});

describe('money where it is shown', () => {
  it('a task form shows a read-only amount in yuan formatted', async () => {
    const { generateForm } = await import('../../src/features/tasks/form');
    const form = generateForm([
      { id: 'contractAmount', label: '合同金额（元）', type: 'double', required: false, readOnly: true, defaultValue: 86000 },
      { id: 'households', label: '户数', type: 'long', required: false, readOnly: true, defaultValue: 86000 },
    ]);
    expect(form.element.querySelector('[data-field=contractAmount] .readonly-value')?.textContent).toBe('¥ 86,000.00');
    expect(form.element.querySelector('[data-field=households] .readonly-value')?.textContent).toBe('86000');
  });

  it('case details show amounts in yuan formatted, and other numbers as they are', async () => {
    const { caseInfo } = await import('../../src/features/common/caseinfo');
    const labels = new Map([['shareCost', { label: '分摊费用（元）', choices: new Map<string, string>() }], ['units', { label: '户数', choices: new Map<string, string>() }]]);
    const info = caseInfo({ budget: 78.1561, shareCost: -12.5, units: 120 }, labels);
    expect(info?.querySelector('[data-variable=budget]')?.textContent).toBe('¥ 78.16');
    expect(info?.querySelector('[data-variable=shareCost]')?.textContent).toBe('-¥ 12.50');
    expect(info?.querySelector('[data-variable=units]')?.textContent).toBe('120');
  });
});
