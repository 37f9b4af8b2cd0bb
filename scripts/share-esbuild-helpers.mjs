// A Rollup plugin, placed right after rollup-plugin-esbuild: esbuild writes its helpers (the
// decorator and private-field ones above all) at the top of every module it compiles, so every
// element carried its own copy. This takes them out of each module and imports each from one module
// of its own (`\0esbuild-helper:<name>`), so a chunk holds each helper once.
const prefix = '\0esbuild-helper:';

/** @returns {import('rollup').Plugin} */
export function shareEsbuildHelpers() {
  /** @type {Map<string, string>} the source of each helper's `var` statement, by its name */
  const helpers = new Map();
  const uses = (source, self) =>
    [...new Set(source.match(/\b__[A-Za-z]+\b/g) ?? [])].filter((name) => name !== self && helpers.has(name));

  return {
    name: 'portico-share-esbuild-helpers',
    transform(code, id) {
      if (!/\.ts$/.test(id) || !/^(?:"use strict";\s*)?var __/.test(code)) return null;
      const program = this.parse(code);
      const taken = [];
      for (const node of program.body) {
        if (node.type === 'ExpressionStatement' && node.directive) continue;
        const declarator =
          node.type === 'VariableDeclaration' && node.declarations.length === 1 && node.declarations[0];
        if (!declarator || declarator.id.type !== 'Identifier' || !declarator.id.name.startsWith('__')) break;
        helpers.set(declarator.id.name, code.slice(node.start, node.end));
        taken.push(node);
      }
      if (!taken.length) return null;
      const names = taken.map((node) => node.declarations[0].id.name);
      const imports = names.map((name) => `import { ${name} } from ${JSON.stringify(prefix + name)};`).join(' ');
      // Blank out what was taken and add the imports at the end (imports are hoisted), so nothing
      // moves and esbuild's source map stays right.
      const end = taken.at(-1).end;
      return { code: `${code.slice(0, end).replace(/[^\n]/g, ' ')}${code.slice(end)}\n${imports}\n`, map: null };
    },
    resolveId(source) {
      return source.startsWith(prefix) ? source : null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const name = id.slice(prefix.length);
      const source = helpers.get(name);
      if (!source) return null;
      const imports = uses(source, name).map((other) => `import { ${other} } from ${JSON.stringify(prefix + other)};`);
      return `${imports.join('\n')}\n${source}\nexport { ${name} };\n`;
    },
  };
}
