import { api } from '../../app/api';
import { banner, h, replace } from '../../app/dom';
import { t, type MessageKey } from '../../app/i18n';
import { loadJurisdictions } from '../../app/jurisdictions';
import { loading } from '../../app/router';
import type { RouteContext } from '../../app/routes';
import { fetchTree } from './common';
import { field, openDialog } from './dialog';
import { buildTree, childKinds, type TreeNode } from './logic';

/** A node kind's Chinese name (市, 街道, 镇, 园区, 社区, 小区). */
export function kindName(kind: string): string {
  const key = `admin.kind.${kind}` as MessageKey;
  const text = t(key);
  return text === key ? kind : text;
}

/** 辖区: the tree (town → street → community → compound), rename any node, add what the API allows under it. */
export async function renderJurisdictions({ outlet, signal }: RouteContext): Promise<void> {
  replace(outlet, h('h1', null, t('admin.tree.title')), loading());
  const nodes = await fetchTree(signal);
  if (signal.aborted) return;
  const message = h('div', { 'data-testid': 'tree-message' });

  const refresh = async (note: string) => {
    await renderJurisdictions({ outlet, signal } as RouteContext);
    // The header and filters read the cached tree: drop it so that they see the change.
    void loadJurisdictions();
    outlet.querySelector('[data-testid="tree-message"]')?.append(banner('success', note));
  };

  const rename = (item: TreeNode) => {
    const name = h('input', { type: 'text', name: 'name', maxlength: '100', value: item.node.name }) as HTMLInputElement;
    openDialog({
      title: t('admin.tree.renameTitle', { name: item.node.name }), testId: 'node-rename', confirmLabel: t('admin.save'),
      body: [h('p', { class: 'muted' }, t('admin.tree.renameExplain')), field('name', t('admin.tree.name'), name)],
      async onConfirm() {
        await api.put(`/api/registry/jurisdictions/${item.node.path}`, { name: name.value });
        await refresh(t('admin.tree.renamed', { name: name.value.trim() }));
      },
    });
  };

  const add = (item: TreeNode) => {
    const kinds = childKinds(item.node.kind);
    const kind = h('select', { name: 'kind' }, kinds.map((k) => h('option', { value: k }, kindName(k)))) as HTMLSelectElement;
    const id = h('input', { type: 'text', name: 'id', maxlength: '64', autocomplete: 'off' }) as HTMLInputElement;
    const name = h('input', { type: 'text', name: 'name', maxlength: '100' }) as HTMLInputElement;
    const floorArea = h('input', { type: 'number', name: 'floorArea', min: '0', step: '0.01' }) as HTMLInputElement;
    const units = h('input', { type: 'number', name: 'units', min: '0', step: '1' }) as HTMLInputElement;
    const compound = kinds[0] === 'compound';
    openDialog({
      title: t('admin.tree.addTitle', { name: item.node.name }), testId: 'node-add', confirmLabel: t('admin.tree.add'),
      body: [
        compound ? null : field('kind', t('admin.tree.kind'), kind),
        field('name', t('admin.tree.name'), name),
        field('id', t('admin.tree.id'), id, t('admin.tree.idHint')),
        compound ? field('floorArea', t('admin.compounds.floorArea'), floorArea) : null,
        compound ? field('units', t('admin.compounds.units'), units) : null,
      ].filter((x): x is HTMLElement => x !== null),
      async onConfirm() {
        if (compound) {
          await api.post('/api/registry/compounds', {
            community: item.node.path, id: id.value.trim(), name: name.value,
            floorArea: floorArea.value === '' ? 0 : Number(floorArea.value), units: units.value === '' ? 0 : Number(units.value),
          });
        } else {
          await api.post('/api/registry/jurisdictions', { parent: item.node.path, id: id.value.trim(), name: name.value, kind: kind.value });
        }
        await refresh(t('admin.tree.added', { name: name.value.trim() }));
      },
    });
  };

  const branch = (items: TreeNode[]): HTMLElement => h('ul', null, items.map((item) => h('li', { 'data-path': item.node.path },
    h('div', { class: 'tree-row' },
      h('span', { class: 'badge' }, kindName(item.node.kind)),
      h('span', { class: 'tree-name' }, item.node.name),
      h('span', { class: 'tree-id' }, item.node.id),
      item.node.kind === 'compound' ? h('a', { href: `#/register?compound=${encodeURIComponent(item.node.path)}` }, t('register.title')) : null,
      h('button', { type: 'button', class: 'small', onclick: () => rename(item) }, t('admin.tree.rename')),
      childKinds(item.node.kind).length > 0 ? h('button', { type: 'button', class: 'small', onclick: () => add(item) }, t('admin.tree.addChild', { kind: childKinds(item.node.kind).map(kindName).join(' / ') })) : null),
    item.children.length > 0 ? branch(item.children) : null)));

  const tree = branch(buildTree(nodes));
  tree.className = 'tree';
  tree.setAttribute('data-testid', 'jurisdiction-tree');
  replace(outlet, h('div', { class: 'admin-page' },
    h('p', null, h('a', { href: '#/admin' }, t('admin.back'))),
    h('h1', null, t('admin.tree.title')),
    h('p', { class: 'muted' }, t('admin.tree.intro')),
    message,
    h('div', { class: 'card' }, tree)));
}
