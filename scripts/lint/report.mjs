// Runs one ESLint pass and prints its findings the way `eslint` on the command line does.

/** Lints `patterns`, prints the findings and one summary line; resolves to the number of errors. */
export async function lintAndReport(eslint, patterns, label) {
  const started = Date.now();
  const results = await eslint.lintFiles(patterns);
  const report = await (await eslint.loadFormatter('stylish')).format(results);
  if (report) console.log(report);
  const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${label}: ${errors} error(s) in ${results.length} files, ${seconds} s`);
  return errors;
}
