import type { CompoundsResponse, CompoundUnitsRegister, CompoundUnitsUnitView, ListChangesResponse } from '../../api/schema';
import { api } from '../../app/api';
import { banner, formatDateTime, h, replace } from '../../app/dom';
import { t } from '../../app/i18n';
import { loading } from '../../app/router';
import type { RouteContext } from '../../app/routes';
import { changeList } from './compounds';
import { field, openDialog } from './dialog';
import { formatArea, formatShare, joinUnitNumber, minimumTolerance, parsePercent, splitUnitNumber } from './logic';

/** A unit of the owners' register; `ownerKind` is account, person or developer. */
export type UnitView = CompoundUnitsUnitView;

/** GET /api/compounds/{compound}/units (src/Host/Features/Voting/CompoundUnits.cs): the register against the registry. */
export type Register = CompoundUnitsRegister;

/** The owner as the register shows it: the account's name, the name of an owner without one, or 建设单位（未售）. */
export function ownerLabel(unit: Pick<UnitView, 'ownerKind' | 'ownerName' | 'owner'>): string {
  if (unit.ownerKind === 'developer') return t('register.developer');
  return unit.ownerName ?? unit.owner;
}

/** A unit number in words for narrow screens: "3-1-201" → "3栋1单元201". */
export function unitLabel(number: string): string {
  const parts = splitUnitNumber(number);
  return [
    parts.building ? t('register.unitBuilding', { value: parts.building }) : '',
    parts.entrance ? t('register.unitEntrance', { value: parts.entrance }) : '',
    parts.room,
  ].join('');
}

/** 业主名册: the compounds in reach, or one compound's register with totals, units, entry and the tolerance confirmation. */
export async function renderRegister(context: RouteContext): Promise<void> {
  const compound = context.query.get('compound');
  if (compound) await renderCompoundRegister(context, compound);
  else await renderCompoundList(context);
}

async function renderCompoundList({ outlet, signal, query }: RouteContext): Promise<void> {
  replace(outlet, h('h1', null, t('register.title')), loading());
  const text = h('input', { type: 'search', id: 'register-text', value: query.get('text') ?? '', maxlength: '100', placeholder: t('admin.compounds.searchHint') }) as HTMLInputElement;
  const list = h('div', null, loading());
  const load = async () => {
    const result = await api.get<CompoundsResponse>('/api/registry/compounds', { signal, query: { text: text.value.trim(), pageSize: 200 } });
    if (signal.aborted) return;
    replace(list, result.items.length === 0
      ? h('p', { class: 'empty' }, t('admin.compounds.none'))
      : h('ul', { class: 'admin-links', 'data-testid': 'register-compounds' }, result.items.map((c) => h('li', { style: 'list-style:none' },
        h('a', { class: 'card', href: `#/register?compound=${encodeURIComponent(c.path)}` },
          h('strong', null, c.name),
          h('span', { class: 'muted' }, t('register.registryLine', { area: formatArea(c.floorArea), units: c.units })))))));
  };
  const filter = h('form', { class: 'admin-toolbar' }, h('label', { for: 'register-text' }, t('admin.users.search'), text), h('button', { type: 'submit' }, t('admin.users.filter')));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  replace(outlet, h('div', { class: 'admin-page' }, h('h1', null, t('register.title')), h('p', { class: 'muted' }, t('register.intro')), filter, list));
  await load();
}

async function renderCompoundRegister(context: RouteContext, compound: string): Promise<void> {
  const { outlet, signal, user } = context;
  replace(outlet, h('h1', null, t('register.title')), loading());
  const roles = user?.roles ?? [];
  const isAdmin = roles.includes('admin');
  const canKeep = isAdmin || roles.includes('street-office');
  const canConfirm = roles.includes('street-office');
  const path = `/api/compounds/${encodeURIComponent(compound)}`;
  const register = await api.get<Register>(`${path}/units`, { signal });
  const [log, confirmations] = isAdmin
    ? await Promise.all(['unit', 'register-confirmation'].map((entity) =>
      api.get<ListChangesResponse>('/api/registry/changes', { signal, query: { entity, key: register.compound, pageSize: 30 } })))
    : [null, null];
  if (signal.aborted) return;
  const message = h('div', { 'data-testid': 'register-message' });
  const reload = async (note: string) => {
    await renderCompoundRegister(context, compound);
    outlet.querySelector('[data-testid="register-message"]')?.append(banner('success', note));
  };
  const c = register.comparison;

  const totals = h('div', { class: 'register-totals', 'data-testid': 'register-totals' },
    h('div', { class: 'card' },
      h('div', { class: 'sub' }, t('register.area')),
      h('div', { class: 'figure', 'data-testid': 'register-area' }, `${formatArea(register.totalArea)} m²`),
      h('div', { class: 'sub' }, t('register.registered', { value: `${formatArea(c.registeredArea)} m²`, share: formatShare(c.areaDifferenceShare) }))),
    h('div', { class: 'card' },
      h('div', { class: 'sub' }, t('register.units')),
      h('div', { class: 'figure', 'data-testid': 'register-units' }, String(register.unitCount)),
      h('div', { class: 'sub' }, t('register.registered', { value: String(c.registeredUnits), share: formatShare(c.unitDifferenceShare) }))),
    h('div', { class: 'card' },
      h('div', { class: 'sub' }, t('register.persons')),
      h('div', { class: 'figure', 'data-testid': 'register-persons' }, String(register.ownerCount)),
      h('div', { class: 'sub' }, t('register.personsRule'))),
    h('div', { class: 'card', 'data-testid': 'register-agreement' },
      h('div', { class: 'sub' }, t('register.agreement')),
      h('div', { class: `figure ${c.agrees ? 'agree-ok' : 'agree-no'}` }, c.agrees ? t('register.agrees') : t('register.disagrees')),
      h('div', { class: 'sub' }, t('register.tolerance', { share: formatShare(c.tolerance) })),
      c.confirmation
        ? h('div', { class: 'sub', 'data-testid': 'register-confirmation' }, t('register.confirmedLine', {
          share: formatShare(c.confirmation.tolerance), by: c.confirmation.confirmedBy, at: formatDateTime(c.confirmation.confirmedAt), note: c.confirmation.note }))
        : null));

  const unitForm = (existing: UnitView | null) => {
    const parts = splitUnitNumber(existing?.number ?? '');
    const building = h('input', { type: 'text', name: 'building', maxlength: '16', value: parts.building, 'aria-label': t('register.building') }) as HTMLInputElement;
    const entrance = h('input', { type: 'text', name: 'entrance', maxlength: '16', value: parts.entrance, 'aria-label': t('register.entrance') }) as HTMLInputElement;
    const room = h('input', { type: 'text', name: 'room', maxlength: '16', value: parts.room, 'aria-label': t('register.room') }) as HTMLInputElement;
    const area = h('input', { type: 'number', name: 'area', min: '0.01', step: '0.01', value: existing ? String(existing.area) : '' }) as HTMLInputElement;
    const kind = existing?.ownerKind ?? 'person';
    const kindRadio = (value: string, label: string) => h('label', null, h('input', { type: 'radio', name: 'ownerKind', value, checked: kind === value }), label);
    const account = h('input', { type: 'text', name: 'owner', maxlength: '64', autocomplete: 'off', value: existing?.ownerKind === 'account' ? existing.owner : '' }) as HTMLInputElement;
    const personName = h('input', { type: 'text', name: 'ownerName', maxlength: '100', value: existing?.ownerKind === 'person' ? existing.ownerName ?? '' : '' }) as HTMLInputElement;
    const idTail = h('input', { type: 'text', name: 'ownerIdTail', maxlength: '6', autocomplete: 'off', value: existing?.ownerIdTail ?? '' }) as HTMLInputElement;
    const phone = h('input', { type: 'tel', name: 'ownerPhone', maxlength: '30', value: existing?.ownerPhone ?? '' }) as HTMLInputElement;
    const developerName = h('input', { type: 'text', name: 'developerName', maxlength: '100', value: existing?.ownerKind === 'developer' ? existing.ownerName ?? '' : '' }) as HTMLInputElement;
    const accountBox = h('div', { 'data-kind': 'account' }, field('owner', t('register.ownerAccount'), account, t('register.ownerAccountHint')));
    const personBox = h('div', { 'data-kind': 'person' },
      field('ownerName', t('register.ownerName'), personName),
      field('ownerIdTail', t('register.ownerIdTail'), idTail, t('register.ownerIdTailHint')),
      field('ownerPhone', t('register.ownerPhone'), phone));
    const developerBox = h('div', { 'data-kind': 'developer' }, field('ownerName', t('register.developerName'), developerName));
    const kinds = h('div', { class: 'checks', role: 'radiogroup' },
      kindRadio('person', t('register.kind.person')), kindRadio('account', t('register.kind.account')), kindRadio('developer', t('register.kind.developer')));
    const selected = () => (kinds.querySelector<HTMLInputElement>('input:checked')?.value ?? 'person');
    const show = () => {
      for (const box of [accountBox, personBox, developerBox]) box.hidden = box.getAttribute('data-kind') !== selected();
    };
    kinds.addEventListener('change', show);
    show();
    const body = [
      h('div', { class: 'field', 'data-field': 'number' },
        h('span', { class: 'field-caption' }, t('register.number')),
        h('div', { class: 'checks' },
          h('label', null, building, t('register.building')),
          h('label', null, entrance, t('register.entrance')),
          h('label', null, room, t('register.room'))),
        h('span', { class: 'field-hint muted' }, t('register.numberHint'))),
      field('area', t('register.unitArea'), area),
      h('div', { class: 'field', 'data-field': 'ownerKind' }, h('span', { class: 'field-caption' }, t('register.owner')), kinds),
      personBox, accountBox, developerBox,
    ];
    for (const input of [building, entrance, room]) input.style.width = '5rem';
    const values = () => {
      const base = { number: joinUnitNumber(building.value, entrance.value, room.value), area: area.value === '' ? null : Number(area.value) };
      switch (selected()) {
        case 'account': return { ...base, owner: account.value.trim() };
        case 'developer': return { ...base, developer: true, ownerName: developerName.value };
        default: return { ...base, ownerName: personName.value, ownerIdTail: idTail.value, ownerPhone: phone.value };
      }
    };
    return { body, values };
  };

  const addUnit = () => {
    const form = unitForm(null);
    openDialog({
      title: t('register.addTitle', { name: register.compoundName }), testId: 'unit-add', confirmLabel: t('register.add'), body: form.body,
      async onConfirm() {
        const created = await api.post<UnitView>(`${path}/units`, form.values());
        await reload(t('register.added', { number: created.number }));
      },
    });
  };

  const editUnit = (unit: UnitView) => {
    const form = unitForm(unit);
    openDialog({
      title: t('register.editTitle', { number: unit.number }), testId: 'unit-edit', confirmLabel: t('admin.save'), body: form.body,
      async onConfirm() {
        await api.put<UnitView>(`${path}/units/${unit.id}`, form.values());
        await reload(t('register.saved', { number: unit.number }));
      },
    });
  };

  const deleteUnit = (unit: UnitView) => {
    openDialog({
      title: t('register.deleteTitle', { number: unit.number }), testId: 'unit-delete', confirmLabel: t('register.delete'), danger: true,
      body: [h('p', null, t('register.deleteExplain', { number: unit.number, owner: ownerLabel(unit) }))],
      async onConfirm() {
        await api.delete(`${path}/units/${unit.id}`);
        await reload(t('register.deleted', { number: unit.number }));
      },
    });
  };

  const confirmTolerance = () => {
    const minimum = minimumTolerance(register.totalArea, c.registeredArea, register.unitCount, c.registeredUnits);
    const tolerance = h('input', { type: 'text', name: 'tolerance', inputmode: 'decimal', maxlength: '8', value: String(Math.round(minimum * 10000) / 100) }) as HTMLInputElement;
    const note = h('textarea', { name: 'note', rows: 3, maxlength: '500' }) as HTMLTextAreaElement;
    openDialog({
      title: t('register.confirmTitle', { name: register.compoundName }), testId: 'tolerance-confirm', confirmLabel: t('register.confirm'),
      body: [
        h('p', null, t('register.confirmDifference', {
          area: `${formatArea(register.totalArea)} / ${formatArea(c.registeredArea)} m²`, areaShare: formatShare(c.areaDifferenceShare),
          units: `${register.unitCount} / ${c.registeredUnits}`, unitShare: formatShare(c.unitDifferenceShare) })),
        h('p', { class: 'muted' }, t('register.confirmExplain', { share: formatShare(minimum) })),
        field('tolerance', t('register.tolerancePercent'), tolerance),
        field('note', t('register.reason'), note, t('register.reasonHint')),
      ],
      async onConfirm() {
        const share = parsePercent(tolerance.value);
        await api.post(`${path}/register/confirmation`, { tolerance: share ?? -1, note: note.value });
        await reload(t('register.confirmed'));
      },
    });
  };

  const heads = ['register.building', 'register.entrance', 'register.room', 'register.unitArea', 'register.owner'] as const;
  const rows = register.units.map((unit) => {
    const parts = splitUnitNumber(unit.number);
    return h('tr', { 'data-unit': unit.number },
      h('td', { class: 'unit-whole', 'data-label': t('register.number') }, unitLabel(unit.number)),
      h('td', { class: 'unit-part', 'data-label': t(heads[0]) }, parts.building || '—'),
      h('td', { class: 'unit-part', 'data-label': t(heads[1]) }, parts.entrance || '—'),
      h('td', { class: 'unit-part', 'data-label': t(heads[2]) }, parts.room),
      h('td', { 'data-label': t(heads[3]), class: 'num' }, `${formatArea(unit.area)} m²`),
      h('td', { 'data-label': t(heads[4]) },
        h('span', { class: 'user-name' }, ownerLabel(unit)), ' ',
        unit.ownerKind === 'person' ? h('span', { class: 'badge badge-person' }, t('register.noAccount')) : null,
        unit.ownerKind === 'developer' ? h('span', { class: 'user-login' }, unit.ownerName) : null,
        unit.ownerKind === 'person' && unit.ownerPhone ? h('span', { class: 'user-login' }, unit.ownerPhone) : null),
      canKeep ? h('td', { 'data-label': t('admin.users.col.actions') }, h('div', { class: 'row-actions' },
        h('button', { type: 'button', class: 'small', onclick: () => editUnit(unit) }, t('register.edit')),
        h('button', { type: 'button', class: 'small danger', onclick: () => deleteUnit(unit) }, t('register.delete')))) : null);
  });
  const table = register.units.length === 0
    ? h('p', { class: 'empty' }, t('register.noUnits'))
    : h('table', { class: 'grid stack', 'data-testid': 'register-units-table' },
      h('thead', null, h('tr', null, h('th', { class: 'unit-whole' }, t('register.number')), heads.map((k) => h('th', { class: k === 'register.building' || k === 'register.entrance' || k === 'register.room' ? 'unit-part' : null }, t(k))), canKeep ? h('th', null, t('admin.users.col.actions')) : null)),
      h('tbody', null, rows));

  const actions = h('div', { class: 'admin-toolbar' },
    canKeep ? h('button', { type: 'button', class: 'primary', 'data-testid': 'unit-new', onclick: addUnit }, t('register.add')) : null,
    canConfirm ? h('button', { type: 'button', 'data-testid': 'tolerance-new', onclick: confirmTolerance }, t('register.confirmOpen')) : null);

  replace(outlet, h('div', { class: 'admin-page' },
    h('p', null, h('a', { href: '#/register' }, t('register.back'))),
    h('h1', null, t('register.compoundTitle', { name: register.compoundName })),
    message,
    totals,
    actions,
    h('div', { class: log ? 'register-sections' : null },
      h('section', null, table),
      log ? h('section', { class: 'register-side' },
        h('div', { class: 'card' }, h('h2', null, t('register.log')), changeList(log.items, 'unit-changes')),
        confirmations ? h('div', { class: 'card' }, h('h2', null, t('register.confirmations')), changeList(confirmations.items, 'confirmation-changes')) : null) : null)));
}
