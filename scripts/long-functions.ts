// Lists the production functions longer than a limit (default 60 lines), longest first:
// `npx tsx scripts/long-functions.ts [limit]`. Test files, test helpers (*.testing.ts) and
// declaration files do not count; route tables (functions named `…Routes`, a list of routes
// with their schemas) are listed apart, as they are long by being declarative.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import ts from 'typescript';

const LIMIT = Number(process.argv[2] ?? 60);
const roots = ['packages', 'functions', 'infra'];

function productionFiles(): string[] {
  const config = ts.parseJsonConfigFileContent({ include: roots.map((r) => `${r}/**/*.ts*`) }, ts.sys, process.cwd());
  return config.fileNames.filter((file) => !/node_modules|\/dist\/|\.test\.tsx?$|\.testing\.tsx?$|\.d\.ts$/.test(file));
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText(source);
  if (ts.isCallExpression(parent)) return `${parent.expression.getText(source).slice(0, 40)}(…)`;
  return '(anonymous)';
}

const long: { where: string; name: string; lines: number }[] = [];
for (const file of productionFiles()) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > LIMIT)
        long.push({ where: `${relative(process.cwd(), file)}:${start + 1}`, name: nameOf(node, source), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
long.sort((a, b) => b.lines - a.lines);
const isRouteTable = (name: string) => /Routes$/.test(name);
const show = (f: (typeof long)[number]) => console.log(`${String(f.lines).padStart(4)}  ${f.where}  ${f.name}`);
const functions = long.filter((f) => !isRouteTable(f.name));
const routeTables = long.filter((f) => isRouteTable(f.name));
functions.forEach(show);
console.log(`${functions.length} production functions over ${LIMIT} lines`);
console.log(`\nroute tables over ${LIMIT} lines:`);
routeTables.forEach(show);
console.log(`${routeTables.length} route tables over ${LIMIT} lines`);
