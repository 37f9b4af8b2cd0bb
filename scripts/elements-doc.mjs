#!/usr/bin/env node
// The element reference, docs/elements.md, written from the custom-elements manifest so that it
// cannot drift from the elements' class JSDoc (the single source of their documentation).
//
//   node scripts/elements-doc.mjs          writes docs/elements.md from custom-elements.json (`npm run build`)
//   node scripts/elements-doc.mjs --check  analyzes the code as it is now, into a temporary directory,
//                                          and fails when docs/elements.md is not what that gives (`npm run lint`)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docPath = path.join(root, 'docs', 'elements.md');
const manifestPath = path.join(root, 'custom-elements.json');

/** The order a reader meets the elements in: the whole portal first, then its parts. */
const preferredOrder = [
  'ar-portal',
  'ar-login',
  'ar-invoice-list',
  'ar-invoice-detail',
  'ar-easy-pay',
  'ar-statement',
  'ar-payment-list',
];

/** Table cell text: one line, pipes escaped. */
const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
const code = (text) => (text ? '`' + cell(text) + '`' : '');

/** Every custom element declared in the manifest, with the module that defines its tag. */
function elementsOf(manifest) {
  const definedIn = new Map();
  for (const mod of manifest.modules) {
    for (const exp of mod.exports ?? []) {
      if (exp.kind === 'custom-element-definition') definedIn.set(exp.name, mod.path);
    }
  }
  const elements = [];
  for (const mod of manifest.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) {
        elements.push({ ...declaration, modulePath: mod.path, definePath: definedIn.get(declaration.tagName) });
      }
    }
  }
  const rank = (tag) => (preferredOrder.includes(tag) ? preferredOrder.indexOf(tag) : preferredOrder.length);
  return elements.sort((a, b) => rank(a.tagName) - rank(b.tagName) || a.tagName.localeCompare(b.tagName));
}

const isPublic = (member) => !member.privacy && !member.static && !member.name.startsWith('#');

function table(headings, rows) {
  if (rows.length === 0) return [];
  return [
    `| ${headings.join(' | ')} |`,
    `| ${headings.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ];
}

function section(title, headings, rows) {
  return rows.length === 0 ? [] : [`### ${title}`, '', ...table(headings, rows)];
}

function renderElement(element) {
  // Properties an attribute reflects are in the attributes table; these are the rest.
  const fields = (element.members ?? []).filter((m) => m.kind === 'field' && isPublic(m) && !m.attribute);
  const methods = (element.members ?? []).filter((m) => m.kind === 'method' && isPublic(m));
  const prose = (element.summary || element.description || '').trim();
  const description = element.summary && element.description ? element.description.trim() : '';
  return [
    `## \`<${element.tagName}>\``,
    '',
    `Class \`${element.name}\` in \`${element.modulePath}\`` +
      (element.definePath ? `, defined as \`<${element.tagName}>\` by \`${element.definePath}\`.` : '.'),
    '',
    ...(prose ? [prose, ''] : []),
    ...(description ? [description, ''] : []),
    ...section(
      'Attributes (and their properties)',
      ['attribute', 'property', 'type', 'default', 'description'],
      (element.attributes ?? []).map((a) => [
        code(a.name),
        code(a.fieldName),
        code(a.type?.text),
        code(a.default),
        cell(a.description),
      ]),
    ),
    ...section(
      'Properties without an attribute',
      ['property', 'type', 'default', 'description'],
      fields.map((f) => [code(f.name), code(f.type?.text), code(f.default), cell(f.description)]),
    ),
    ...section(
      'Methods',
      ['method', 'returns', 'description'],
      methods.map((m) => [
        code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`),
        code(m.return?.type?.text),
        cell(m.description),
      ]),
    ),
    ...section(
      'Events',
      ['event', 'description'],
      (element.events ?? []).map((e) => [code(e.name), cell(e.description)]),
    ),
    ...section(
      'Slots',
      ['slot', 'description'],
      (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
    ),
    ...section(
      'CSS parts',
      ['part', 'description'],
      (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
    ...section(
      'CSS custom properties',
      ['property', 'description'],
      (element.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
  ];
}

/** docs/elements.md for a manifest, formatted as `prettier --check` wants it. */
export async function renderElementsDoc(manifest) {
  const elements = elementsOf(manifest);
  const firedBy = new Map();
  for (const element of elements) {
    for (const event of element.events ?? []) {
      firedBy.set(event.name, [...(firedBy.get(event.name) ?? []), `[\`<${element.tagName}>\`](#${element.tagName})`]);
    }
  }
  const firstSentence = (text) => cell(/^[\s\S]*?\.(?=\s|$)/.exec(text ?? '')?.[0] ?? text);
  const lines = [
    '# Element reference',
    '',
    '<!-- Generated by scripts/elements-doc.mjs from custom-elements.json; do not edit. -->',
    '',
    'Generated by `npm run build` from the elements’ class JSDoc (through `custom-elements.json`, the',
    'custom-elements manifest). Do not edit it here: change the JSDoc in `widget/src/elements/` and run',
    '`npm run build`; `npm run lint` fails while this file and the code disagree. How to put the elements on',
    'a page, sign-in, theming and the deep-link routes are in [embedding.md](embedding.md).',
    '',
    ...table(
      ['element', 'what it is'],
      elements.map((e) => [`[\`<${e.tagName}>\`](#${e.tagName})`, firstSentence(e.summary || e.description)]),
    ),
    ...elements.flatMap((element) => renderElement(element)),
    '## Events by name',
    '',
    'Every event bubbles and is composed, so it reaches the page through `<ar-portal>` too.',
    '',
    ...table(
      ['event', 'fired by'],
      [...firedBy.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, by]) => [code(name), by.join(', ')]),
    ),
  ];
  const options = (await prettier.resolveConfig(docPath)) ?? {};
  return prettier.format(lines.join('\n'), { ...options, filepath: docPath });
}

/** Runs the analyzer on the code as it is now and returns the manifest it writes. */
function analyzeNow() {
  const outdir = mkdtempSync(path.join(tmpdir(), 'portico-cem-'));
  try {
    const cli = path.join(root, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
    // The analyzer resolves --outdir against the working directory.
    const args = [cli, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'];
    const run = spawnSync(process.execPath, [...args, '--outdir', path.relative(root, outdir)], {
      cwd: root,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`custom-elements-manifest analyze failed:\n${run.stdout}${run.stderr}`);
    return JSON.parse(readFileSync(path.join(outdir, 'custom-elements.json'), 'utf8'));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const expected = await renderElementsDoc(analyzeNow());
    let actual = '';
    try {
      actual = readFileSync(docPath, 'utf8');
    } catch {
      // missing counts as out of date
    }
    if (actual !== expected) {
      console.error(
        'docs/elements.md is not what the elements’ JSDoc gives: run `npm run build` and commit docs/elements.md.',
      );
      process.exit(1);
    }
    console.log('docs/elements.md matches the elements’ JSDoc.');
  } else {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    writeFileSync(docPath, await renderElementsDoc(manifest));
    console.log(`docs/elements.md written from custom-elements.json (${elementsOf(manifest).length} elements).`);
  }
}
