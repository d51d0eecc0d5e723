import { describe, expect, it } from 'vitest';
import { ApiError, parseProblem } from '../../../src/app/api';
import { h } from '../../../src/app/dom';
import { field, showProblem } from '../../../src/features/admin/dialog';

describe('server errors in the admin forms', () => {
  it('puts each field error on the visible field of that name and the rest in the message', () => {
    const hiddenBox = h('div', { hidden: true }, field('ownerName', '业主姓名', h('input', { name: 'ownerName' })));
    const visibleBox = h('div', null, field('ownerName', '建设单位名称', h('input', { name: 'developerName' })));
    const form = h('form', null, hiddenBox, visibleBox, field('area', '面积', h('input', { name: 'area' })));
    const message = h('div');
    const error = new ApiError(parseProblem(400, {
      title: '提交的内容有误', errors: { ownerName: ['必填'], area: ['须大于 0'], other: ['别的问题'] },
    }));

    showProblem(form, message, error);

    expect(hiddenBox.querySelector('.field-error')).toBeNull();
    expect(visibleBox.querySelector('.field-error')?.textContent).toBe('必填');
    expect(form.querySelector('[data-field="area"] .field-error')?.textContent).toBe('须大于 0');
    expect(message.textContent).toContain('别的问题');

    // A second answer replaces the first one's marks.
    showProblem(form, message, new ApiError(parseProblem(409, { title: '冲突', detail: '最后一名系统管理员不能删除。', code: 'lastAdmin' })));
    expect(form.querySelectorAll('.field-error')).toHaveLength(0);
    expect(message.textContent).toBe('最后一名系统管理员不能删除。');
  });
});
