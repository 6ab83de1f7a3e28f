// `npm run bench:size [-- --check]`: gzip size of each entrypoint of the production Chrome build
// against its budget. Deterministic and quick (no browser): CI runs it with --check on every push.
import { bundleSizes, failureWordsGzipBytes, judgeBundleSizes, kilobytes } from '../test/bench/bundle-size';
import { figureRow, renderTable, verdictRow, type TableRow } from '../test/bench/report-table';

const check = process.argv.includes('--check');
try {
  const sizes = bundleSizes();
  const verdicts = judgeBundleSizes(sizes);
  const rows: TableRow[] = [
    ...verdicts.map((v) => verdictRow('size', v)),
    figureRow('size', 'Failure words, read by the background on its first failure (gzip, no budget)', kilobytes(failureWordsGzipBytes()), 'KB'),
    ...sizes.filter((s) => s.kind === 'options').map((s) => figureRow('size', 'Options page (gzip, no budget)', kilobytes(s.gzipBytes), 'KB')),
  ];
  console.log(renderTable(rows));
  const broken = verdicts.filter((v) => !v.holds);
  if (check && broken.length) {
    console.error(`\nBundle size over budget: ${broken.map((v) => `${v.label} ${v.value} KB > ${v.limit} KB`).join('; ')}`);
    process.exit(1);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
