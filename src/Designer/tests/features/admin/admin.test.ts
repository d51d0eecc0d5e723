import { describe, expect, it } from 'vitest';
import { buildTree, changedFields, childKinds, flatten, formatArea, formatShare, joinUnitNumber, minimumTolerance, parsePercent, shareNeeded, splitUnitNumber } from '../../../src/features/admin/logic';
import { ownerLabel } from '../../../src/features/admin/register';

const node = (path: string, kind: string, name = path) => ({
  path, id: path.split('/').pop()!, name, kind, parentPath: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null,
});

describe('jurisdiction tree', () => {
  it('nests towns, communities and compounds under the city whatever the order given', () => {
    const tree = buildTree([
      node('jy/cj/hs/bj', 'compound'), node('jy', 'city'), node('jy/cj/hs', 'community'), node('jy/cj', 'street'), node('jy/nz', 'street'),
    ]);
    expect(tree.map((n) => n.node.path)).toEqual(['jy']);
    expect(flatten(tree).map((n) => [n.node.path, n.depth])).toEqual([['jy', 0], ['jy/cj', 1], ['jy/cj/hs', 2], ['jy/cj/hs/bj', 3], ['jy/nz', 1]]);
  });

  it('offers only what the API creates under each kind', () => {
    expect(childKinds('city')).toEqual(['street', 'town', 'zone']);
    expect(childKinds('town')).toEqual(['community']);
    expect(childKinds('community')).toEqual(['compound']);
    expect(childKinds('compound')).toEqual([]);
  });
});

describe('owners register', () => {
  it('splits and joins building, entrance and room', () => {
    expect(splitUnitNumber('3-1-201')).toEqual({ building: '3', entrance: '1', room: '201' });
    expect(splitUnitNumber('5-101')).toEqual({ building: '5', entrance: '', room: '101' });
    expect(splitUnitNumber('A101')).toEqual({ building: '', entrance: '', room: 'A101' });
    expect(joinUnitNumber(' 3 ', '', '201')).toBe('3-201');
    expect(joinUnitNumber('3', '1', '201')).toBe('3-1-201');
  });

  it('names the owner: an account or a person by name, unsold units as the developer', () => {
    expect(ownerLabel({ ownerKind: 'account', ownerName: '李明', owner: 'owner.li' })).toBe('李明');
    expect(ownerLabel({ ownerKind: 'person', ownerName: '张三', owner: 'person:1234:张三' })).toBe('张三');
    expect(ownerLabel({ ownerKind: 'developer', ownerName: '江阴置业', owner: 'developer' })).toBe('建设单位（未售）');
  });

  it('formats areas and shares', () => {
    expect(formatArea(1004.4)).toBe('1,004.40');
    expect(formatArea(86000)).toBe('86,000.00');
    expect(formatShare(0.0125)).toBe('1.25%');
    expect(formatShare(0)).toBe('0%');
  });

  it('asks for a tolerance that covers both differences, rounded up as the server compares exactly', () => {
    // 1004.4 m² listed of 1200 registered: 16.3%; 9 of 12 units: 25%.
    expect(minimumTolerance(1004.4, 1200, 9, 12)).toBe(0.25);
    // 1 m² short of 3000: 0.000333… → 0.0004, not 0.0003 (which would not cover it).
    expect(shareNeeded(2999, 3000)).toBe(0.0004);
    expect(shareNeeded(0, 0)).toBe(0);
    expect(shareNeeded(5, 0)).toBe(1);
  });

  it('reads a typed percentage as the API share', () => {
    expect(parsePercent('2')).toBe(0.02);
    expect(parsePercent('16.33%')).toBe(0.1633);
    expect(parsePercent('２５％')).toBe(0.25);
    expect(parsePercent('abc')).toBeNull();
    expect(parsePercent('101')).toBeNull();
  });

  it('lists the fields an edit changed', () => {
    expect(changedFields({ name: 'A', units: 9, firm: null }, { name: 'A', units: 12, firm: 'B' })).toEqual([
      { field: 'units', before: '9', after: '12' }, { field: 'firm', before: '—', after: 'B' }]);
    expect(changedFields(null, { number: '1-101' })).toEqual([{ field: 'number', before: '—', after: '1-101' }]);
  });
});

describe('unit label', () => {
  it('writes building, entrance and room in words on narrow screens', async () => {
    const { unitLabel } = await import('../../../src/features/admin/register');
    expect(unitLabel('3-1-201')).toBe('3栋1单元201');
    expect(unitLabel('5-101')).toBe('5栋101');
  });
});
