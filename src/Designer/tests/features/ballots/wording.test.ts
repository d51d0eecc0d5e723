import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/app/i18n';
import { electorName, matchesElector } from '../../../src/features/ballots/staff';
import {
  channelText, formatArea, isMajor, itemText, majorityText, matterText, percent, turnoutText, verdictText,
} from '../../../src/features/ballots/wording';

describe('ballot wording (Civil Code art. 278)', () => {
  setLanguage('zh-CN');

  it('takes the majority from the art. 278 item: items 6 to 8 need three quarters, the others more than half', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].filter((item) => isMajor({ matter: 'ordinary', item }))).toEqual([6, 7, 8]);
    // A question of an older model without an item keeps its matter.
    expect(isMajor({ matter: 'major', item: null })).toBe(true);
    expect(isMajor({ matter: 'ordinary' })).toBe(false);
    expect(majorityText({ matter: 'major', item: 7 })).toBe('通过条件：参与表决的业主中，专有部分面积四分之三以上、且人数四分之三以上同意。');
    expect(majorityText({ matter: 'ordinary', item: 3 })).toBe('通过条件：参与表决的业主中，专有部分面积过半数、且人数过半数同意。');
  });

  it('says what a question decides in plain Chinese, with its item', () => {
    expect(matterText({ matter: 'ordinary', item: 3 })).toBe('一般事项 · 民法典第二百七十八条第（三）项：选举业主委员会或者更换业主委员会成员');
    expect(matterText({ matter: 'major', item: 8 })).toBe('重大事项 · 民法典第二百七十八条第（八）项：改变共有部分的用途或者利用共有部分从事经营活动');
    expect(matterText({ matter: 'major' })).toBe('重大事项');
    expect(itemText(0)).toBeNull();
    expect(itemText(10)).toBeNull();
  });

  it('formats areas and shares as residents read them', () => {
    expect(formatArea(1004.4)).toBe('1,004.40 m²');
    expect(formatArea(48600)).toBe('48,600.00 m²');
    expect(formatArea(89.5)).toBe('89.50 m²');
    expect(percent(2, 3)).toBe('66.67%');
    expect(percent(3, 4)).toBe('75.00%');
    expect(percent(1, 0)).toBe('—');
  });

  it('states turnout against the whole register and why a question failed', () => {
    const result = { eligibleArea: 300, eligibleHeadcount: 3, turnoutArea: 200, turnoutHeadcount: 2, quorum: true };
    expect(turnoutText(result)).toBe('参与表决 2 人，占全体 3 人的 66.67%；所持专有部分面积 200.00 m²，占全体 300.00 m² 的 66.67%。达到三分之二，表决有效。');
    expect(turnoutText({ ...result, turnoutHeadcount: 1, turnoutArea: 100, quorum: false })).toContain('未达到三分之二，表决无效');
    expect(verdictText(result, { approved: true, matter: 'ordinary', item: 4 })).toBe('通过');
    expect(verdictText({ quorum: false }, { approved: false, matter: 'ordinary', item: 4 })).toBe('未通过：参与表决的业主不足三分之二');
    expect(verdictText(result, { approved: false, matter: 'major', item: 7 })).toBe('未通过：同意的面积或人数未达到四分之三');
    expect(verdictText(result, { approved: false, matter: 'ordinary', item: 1 })).toBe('未通过：同意的面积或人数未过半数');
  });

  it('names channels and electors without raw keys, and finds them by name or unit', () => {
    expect([channelText('online'), channelText('paper'), channelText('proxy'), channelText(null)]).toEqual(['网上投票', '书面表决', '委托投票', '']);
    expect(electorName({ name: '江阴滨江置业有限公司', kind: 'developer' })).toBe('江阴滨江置业有限公司（开发建设单位未售房屋）');
    expect(electorName({ name: null, kind: 'developer' })).toBe('开发建设单位（未售房屋）');
    expect(electorName({ name: null, kind: 'person' })).toBe('—');
    const zhang = { name: '张三', kind: 'person', unitNumbers: ['2-101', '2-102'] };
    expect(matchesElector(zhang, '张')).toBe(true);
    expect(matchesElector(zhang, ' 2-102 ')).toBe(true);
    expect(matchesElector(zhang, '李')).toBe(false);
    expect(matchesElector(zhang, '')).toBe(true);
  });

  it('has every wording in English too', () => {
    setLanguage('en');
    try {
      expect(majorityText({ matter: 'ordinary', item: 7 })).toContain('three quarters');
      expect(matterText({ matter: 'ordinary', item: 2 })).toBe('Ordinary matter · Civil Code art. 278 item 2: making and amending the management statute');
    } finally {
      setLanguage('zh-CN');
    }
  });
});
