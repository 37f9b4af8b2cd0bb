// The custom-elements manifest (custom-elements.json at the package root) is generated from the
// elements' class JSDoc by `npm run build`; docs/elements.md is generated from it in turn by
// scripts/elements-doc.mjs, and `npm run lint` fails when that file is not what the code gives.

/**
 * The analyzer lets a property's own doc comment replace the class's `@attr` line for the same
 * attribute. The class JSDoc is the element's reference (it lists the values an attribute takes),
 * so its `@attr` text wins; the property keeps its own comment as the property's description.
 */
function classAttrDescriptions() {
  const byClass = new Map();
  return {
    name: 'portico-class-attr-descriptions',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const attrs = new Map();
      for (const tag of ts.getJSDocTags(node)) {
        if (tag.tagName.text !== 'attr' && tag.tagName.text !== 'attribute') continue;
        const text = (ts.getTextOfJSDocComment(tag.comment) ?? '').replace(/\s+/g, ' ').trim();
        const match = /^(?:\{[^}]*\}\s*)?([\w-]+)\s+-\s+(.*)$/s.exec(text);
        if (match) attrs.set(match[1], match[2]);
      }
      if (attrs.size > 0) byClass.set(node.name.text, attrs);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const attrs = byClass.get(declaration.name);
          for (const attribute of (attrs && declaration.attributes) ?? []) {
            if (attrs.has(attribute.name)) attribute.description = attrs.get(attribute.name);
          }
        }
      }
    },
  };
}

export default {
  // The base element too: the elements inherit `api` and `locale` (their field, type and default) from it.
  globs: ['widget/src/elements/**/*.ts', 'widget/src/internal/portico-element.ts'],
  exclude: ['widget/src/elements/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json carries `"customElements": "custom-elements.json"` itself; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [classAttrDescriptions()],
};
