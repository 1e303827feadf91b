// ESLint rules for the layering inside src-shared and src-renderer (README, "Layout of the code"):
// `layers/order` — a folder imports only folders at its rank or below in a declared order;
// `layers/no-cycle` — no import cycle between modules (type-only imports included: a cycle of
// types is a knot in the design too). Lazy `import()` is a load-time choice, not a dependency edge.
import ts from 'typescript';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const EXTS = ['.ts', '.tsx'];

/** The file a relative specifier names, or null (a package, JSON, CSS …). */
function resolveImport(fromFile, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), spec);
  for (const c of [base, ...EXTS.map((e) => base + e), ...EXTS.map((e) => join(base, `index${e}`))]) {
    if (EXTS.some((e) => c.endsWith(e)) && existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

/** Static import/export-from specifiers of a source text (dynamic import() is not a static edge). */
function specifiersOf(fileName, text) {
  const src = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out = [];
  for (const st of src.statements) {
    if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) out.push(st.moduleSpecifier.text);
  }
  return out;
}

const graphs = new Map();

/** Import graph of every non-test source file under `dirs` (absolute), built once per process. */
function diskGraph(root, dirs) {
  const key = `${root}|${dirs.join(',')}`;
  if (graphs.has(key)) return graphs.get(key);
  const graph = new Map();
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules') walk(abs); continue; }
      if (!EXTS.some((x) => e.name.endsWith(x)) || /\.(test|bench)\.tsx?$/.test(e.name) || e.name.endsWith('.d.ts')) continue;
      const targets = specifiersOf(abs, readFileSync(abs, 'utf8')).map((s) => resolveImport(abs, s)).filter(Boolean);
      graph.set(abs, targets);
    }
  };
  for (const d of dirs) walk(join(root, d));
  graphs.set(key, graph);
  return graph;
}

/** A path target → … → file through the graph (with `file`'s own edges as linted now), or null. */
function pathBack(graph, file, target, ownTargets) {
  const edges = (n) => (n === file ? ownTargets : graph.get(n) ?? []);
  const prev = new Map([[target, null]]);
  const queue = [target];
  while (queue.length) {
    const n = queue.shift();
    if (n === file) {
      const path = [];
      for (let k = n; k !== null; k = prev.get(k)) path.unshift(k);
      return path;
    }
    for (const m of edges(n)) if (!prev.has(m)) { prev.set(m, n); queue.push(m); }
  }
  return null;
}

const noCycle = {
  meta: { type: 'problem', schema: [{ type: 'object', properties: { dirs: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }] },
  create(context) {
    const file = context.filename;
    const root = context.cwd;
    const dirs = context.options[0]?.dirs ?? ['src-shared', 'src-main', 'src-renderer'];
    const nodes = [];
    const collect = (node) => { if (node.source && typeof node.source.value === 'string') nodes.push(node); };
    return {
      ImportDeclaration: collect,
      ExportNamedDeclaration: collect,
      ExportAllDeclaration: collect,
      'Program:exit'() {
        const graph = diskGraph(root, dirs);
        const own = nodes.map((n) => resolveImport(file, n.source.value));
        const ownTargets = own.filter(Boolean);
        nodes.forEach((node, i) => {
          const target = own[i];
          if (!target || !graph.has(target)) return;
          const back = pathBack(graph, file, target, ownTargets);
          if (back) {
            const chain = [file, ...back].map((p) => relative(root, p).split(sep).join('/')).join(' → ');
            context.report({ node, message: `Import cycle: ${chain}. Move what both need into a lower module.` });
          }
        });
      },
    };
  },
};

/** The folder (or top-level file, without extension) of a path under `base`, or null outside it. */
function unitOf(base, file) {
  const rel = relative(base, file);
  if (rel.startsWith('..') || rel === '') return null;
  const first = rel.split(sep)[0];
  return rel.includes(sep) ? first : first.replace(/\.(tsx?|json)$/, '');
}

const order = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { base: { type: 'string' }, order: { type: 'array' } }, required: ['base', 'order'], additionalProperties: false }],
  },
  create(context) {
    const { base, order: levels } = context.options[0];
    const absBase = resolve(context.cwd, base);
    const rank = new Map();
    levels.forEach((level, i) => { for (const u of [level].flat()) rank.set(u, i); });
    const from = unitOf(absBase, context.filename);
    const check = (node) => {
      const spec = node.source && node.source.value;
      // Code only: a stylesheet or a data file is not a layer.
      if (typeof spec !== 'string' || !spec.startsWith('.') || from === null || /\.(css|json|svg|png)$/.test(spec)) return;
      const to = unitOf(absBase, resolve(dirname(context.filename), spec));
      if (to === null || to === from) return;
      const a = rank.get(from);
      const b = rank.get(to);
      const list = levels.map((l) => [l].flat().join('/')).join(' → ');
      if (a === undefined || b === undefined) {
        context.report({ node, message: `${base}/${a === undefined ? from : to} has no place in the layer order (${list}); add it in eslint.config.js and the README.` });
      } else if (b > a) {
        context.report({ node, message: `${base}/${from} must not import ${base}/${to}: the order is ${list} (a folder imports only its own rank or lower).` });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { order, 'no-cycle': noCycle } };
