import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

/**
 * Every literal `translate('…')` of the properties panel code that can show up for our elements: the
 * BPMN and Camunda 7 providers, the shared entries and the panel framework. Read from the packages' source
 * maps (sourcesContent), so the Camunda 8 (zeebe) provider and the tooltip texts we do not enable stay out.
 */
const require = createRequire(import.meta.url);

const included = [/\/src\/provider\/bpmn\//, /\/src\/provider\/camunda-platform\//, /\/src\/provider\/shared\//,
  /\/src\/render\//, /\/src\/entries\//, /\/src\/utils\//, /\/src\/provider\/HOCs\//, /\/src\/components\//, /\/src\/features\//];
const excluded = [/zeebe/, /contextProvider/, /element-templates/];

// translate('…') or translate('…' + '…'), the argument being string literals only.
const stringLiteral = `'(?:\\\\.|[^'\\\\])*'|"(?:\\\\.|[^"\\\\])*"`;
const literal = new RegExp(`(?:translate|_translate)\\(\\s*((?:${stringLiteral})(?:\\s*\\+\\s*(?:${stringLiteral}))*)\\s*[,)]`, 'g');

function joinLiterals(expression: string): string {
  return [...expression.matchAll(new RegExp(stringLiteral, 'g'))]
    .map((m) => m[0].slice(1, -1).replace(/\\(['"\\])/g, '$1').replace(/\\n/g, '\n'))
    .join('');
}

function stringsOf(mapFile: string): Map<string, string[]> {
  const map = JSON.parse(readFileSync(require.resolve(mapFile), 'utf8')) as { sources: string[]; sourcesContent: (string | null)[] };
  const found = new Map<string, string[]>();
  map.sources.forEach((source, i) => {
    const normalized = source.replace(/^(\.\.\/)+/, '/');
    if (!included.some((r) => r.test(normalized)) || excluded.some((r) => r.test(normalized))) return;
    for (const match of (map.sourcesContent[i] ?? '').matchAll(literal)) {
      const text = joinLiterals(match[1]!);
      found.set(text, [...(found.get(text) ?? []), normalized]);
    }
  });
  return found;
}

export function propertiesPanelStrings(): Map<string, string[]> {
  const all = stringsOf('bpmn-js-properties-panel/dist/index.esm.js.map');
  for (const [text, files] of stringsOf('@bpmn-io/properties-panel/dist/index.esm.js.map')) all.set(text, [...(all.get(text) ?? []), ...files]);
  return all;
}

/** Literal translate('…') calls of our own panel provider (src/features/designer/modeler/anju-properties.ts). */
export function anjuPanelStrings(): Set<string> {
  const source = readFileSync(join(import.meta.dirname, '..', '..', '..', 'src', 'features', 'designer', 'modeler', 'anju-properties.ts'), 'utf8');
  return new Set([...source.matchAll(literal)].map((match) => joinLiterals(match[1]!)));
}

/** The lint overlay's own strings (bpmn-js-bpmnlint has no source map; its bundle is scanned directly). */
export function lintStrings(): Set<string> {
  const source = readFileSync(require.resolve('bpmn-js-bpmnlint/dist/index.esm.js'), 'utf8');
  const found = new Set<string>();
  for (const match of source.matchAll(literal)) found.add(joinLiterals(match[1]!));
  // the button label is a conditional expression inside translate(...)
  for (const match of source.matchAll(/\? '(\{errors\}[^']*)'\s*:\s*'([^']*)'/g)) {
    found.add(match[1]!);
    found.add(match[2]!);
  }
  return found;
}

/**
 * The panel header's element type labels, as bpmn-js-properties-panel computes them (getConcreteType, then
 * "UserTask" → "User Task"), for every element and event kind of docs/bpmn-subset.json.
 */
export function typeLabels(subset: { supported: Record<string, string[]>; acceptedNotExecuted: string[] }): Set<string> {
  const words = (type: string) => type.replace(/(\B[A-Z])/g, ' $1').replace(/(\bNon Interrupting)/g, '($1)');
  const labels = new Set<string>(['Process']);
  const upper = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
  for (const [type, kinds] of Object.entries(subset.supported)) {
    const raw = upper(type);
    if (type === 'subProcess') {
      labels.add(words('ExpandedSubProcess'));
      labels.add(words('CollapsedSubProcess'));
      continue;
    }
    if (kinds.length === 0) labels.add(words(raw));
    for (const kind of kinds) {
      const concrete = kind === 'none' ? raw : `${upper(kind)}${raw}`;
      labels.add(words(concrete));
      if (type === 'boundaryEvent' && kind !== 'none' && kind !== 'error') labels.add(words(`${concrete}NonInterrupting`));
    }
  }
  for (const type of subset.acceptedNotExecuted) {
    if (['laneSet', 'category', 'documentation', 'extensionElements', 'dataInputAssociation', 'dataOutputAssociation', 'dataObject'].includes(type)) continue;
    labels.add(words(upper(type)));
  }
  return labels;
}

/**
 * Canvas strings of bpmn-js and diagram-js (palette, context pad, replace menu): literal translate('…') calls
 * and the `label: '…'` of menu entries, which are translated where they are shown.
 */
export function canvasStrings(): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const path = join(dir, f);
      return statSync(path).isDirectory() ? walk(path) : path.endsWith('.js') ? [path] : [];
    });
  for (const pkg of ['bpmn-js', 'diagram-js']) {
    const lib = join(dirname(require.resolve(`${pkg}/package.json`)), 'lib');
    for (const file of walk(lib)) {
      if (file.includes(`${join('i18n', 'translate')}`)) continue; // the translate module's own doc example
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(literal)) found.set(joinLiterals(match[1]!), file);
      for (const match of source.matchAll(/\blabel:\s*('(?:\\.|[^'\\])*')/g)) found.set(joinLiterals(match[1]!), file);
    }
  }
  found.delete(' + shift + '); // part of a concatenated path in BpmnRenderer, not a text
  return found;
}
