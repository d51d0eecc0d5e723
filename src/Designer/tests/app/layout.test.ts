import { describe, expect, it } from 'vitest';
import { Layout, registerHeaderWidget } from '../../src/app/layout';
import { cardsOnPhone } from '../../src/app/responsive';

describe('the header', () => {
  it('keeps a registered widget (the bell) through redraws, between the brand and the user, until removed', () => {
    const root = document.createElement('div');
    const layout = new Layout(root, { onLogout: () => {}, onLanguage: async () => true });
    const bell = document.createElement('button');
    bell.dataset.testid = 'bell';
    const remove = registerHeaderWidget(bell);
    layout.update('/');
    layout.update('/tasks');
    const header = root.querySelector('header')!;
    expect(header.querySelector('[data-testid=header-widgets] [data-testid=bell]')).toBe(bell);
    const order = Array.from(header.querySelector('.header-top')!.children).map((e) => e.className);
    expect(order.indexOf('brand')).toBeLessThan(order.indexOf('header-widgets'));
    expect(order.indexOf('header-widgets')).toBeLessThan(order.indexOf('header-right'));
    remove();
    layout.update('/');
    expect(header.querySelector('[data-testid=bell]')).toBeNull();
  });
});

describe('cardsOnPhone', () => {
  it('captions each cell with its column heading, leaving columns without heading alone', () => {
    const table = document.createElement('table');
    table.innerHTML = '<thead><tr><th>事项</th><th>办理期限</th><th></th></tr></thead><tbody><tr><td>物业处理</td><td>2026-12-10 14:39</td><td><a>办理</a></td></tr></tbody>';
    cardsOnPhone(table);
    expect(table.classList.contains('cards')).toBe(true);
    expect(Array.from(table.querySelectorAll('td')).map((td) => td.getAttribute('data-label'))).toEqual(['事项', '办理期限', null]);
  });
});

describe('the phone menu', () => {
  it('opens with its button and closes with Escape', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const layout = new Layout(root, { onLogout: () => {}, onLanguage: async () => true });
    layout.update('/');
    const header = root.querySelector('header')!;
    const button = header.querySelector<HTMLButtonElement>('[data-testid=menu]')!;
    button.click();
    expect(header.classList.contains('menu-open')).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(header.classList.contains('menu-open')).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    root.remove();
  });
});
