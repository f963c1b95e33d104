// Loading CommonJS packages (ExcelJS, papaparse, fflate) with import() both in Node and in the bundle.

/**
 * A CommonJS package's exports: Node's `import()` gives them only as `default`, bundlers also as named
 * exports, and the packages' type declarations describe only the named ones.
 */
export function interopDefault<T extends object>(module: T | { default: T }): T {
  return "default" in module ? module.default : module;
}
