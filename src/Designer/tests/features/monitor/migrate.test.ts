import { describe, expect, it } from 'vitest';
import { elementLabel, mappingRows, type MigrationCheck } from '../../../src/features/monitor/migrate';

const check: MigrationCheck = {
  sourceDefinitionId: 'complaint:2',
  targetDefinitionId: 'complaint:3',
  instructions: [{ sourceActivityId: 'accept', targetActivityId: 'accept' }],
  problems: [{ activityId: 'review', code: 'unmapped', message: '环节“复核 (review)”上有进行中的办理', targetActivityId: null }],
  instances: [
    { id: 'i1', businessKey: 'TS-1', startedAt: '2026-12-07T02:00:00Z', activeActivities: ['review'], problems: [] },
    { id: 'i2', businessKey: 'TS-2', startedAt: '2026-12-07T03:00:00Z', activeActivities: ['review'], problems: [] },
  ],
  sourceElements: [
    { id: 'accept', name: '受理', type: 'userTask', parentId: null },
    { id: 'route', name: null, type: 'exclusiveGateway', parentId: null },
    { id: 'review', name: '复核', type: 'userTask', parentId: null },
  ],
  targetElements: [
    { id: 'accept', name: '受理', type: 'userTask', parentId: null },
    { id: 'check', name: '核查', type: 'userTask', parentId: null },
    { id: 'route', name: null, type: 'exclusiveGateway', parentId: null },
  ],
};

describe('migration mapping rows', () => {
  it('puts the steps cases are active in first, with their count, problems and the same kind of targets', () => {
    const rows = mappingRows(check);

    expect(rows.map((r) => r.source.id)).toEqual(['review', 'accept', 'route']);
    expect(rows[0]).toMatchObject({ active: 2, targetId: '' });
    expect(rows[0]!.problems.map((p) => p.code)).toEqual(['unmapped']);
    expect(rows[0]!.options.map((o) => o.id)).toEqual(['accept', 'check']);
    expect(rows[1]).toMatchObject({ active: 0, targetId: 'accept' });
    expect(rows[2]!.options.map((o) => o.id)).toEqual(['route']);
  });

  it('labels an element by name and id, or by its id alone', () => {
    expect(elementLabel(check.sourceElements[0], 'accept')).toBe('受理（accept）');
    expect(elementLabel(check.sourceElements[1], 'route')).toBe('route');
    expect(elementLabel(undefined, 'gone')).toBe('gone');
  });
});
