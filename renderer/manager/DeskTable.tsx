import type { ReactNode } from 'react';

/** One column of a desk table: its header, what each row shows in it, and how. */
export interface DeskColumn<Row> {
  /** The header, in the supervisor's language (also the column's key: unique in a table). */
  header: string;
  cell: (row: Row) => ReactNode;
  /** A figure: right-aligned in tabular digits (`num`). */
  num?: boolean;
  /** The row's name: a row header (`<th scope="row">`), which a screen reader reads with each cell. */
  rowHeader?: boolean;
  /** The cell's own class (a long note that wraps, details in small type). */
  className?: string;
}

/** What a row carries besides its cells: `data-*` hooks for the tests, the row that is open. */
export type DeskRowAttributes = { [data: `data-${string}`]: string } & { 'aria-current'?: 'true' };

/**
 * A table of the supervisor's desk tools (today's bookings, the steward's requests, notices, the
 * audit log): a header row, one row per item, and what an empty list says instead of the table
 * (nothing when `empty` is left out).
 */
export function DeskTable<Row>({
  columns,
  rows,
  rowKey,
  rowAttributes,
  testId,
  className,
  empty,
}: {
  columns: readonly DeskColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  rowAttributes?: (row: Row) => DeskRowAttributes;
  testId: string;
  className?: string;
  empty?: string;
}) {
  if (rows.length === 0) return empty === undefined ? null : <p>{empty}</p>;
  const classOf = (column: DeskColumn<Row>) =>
    [column.num ? 'num' : '', column.className ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <table className={className} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={column.num ? 'num' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowAttributes?.(row)}>
            {columns.map((column) =>
              column.rowHeader ? (
                <th key={column.header} scope="row" className={classOf(column)}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.header} className={classOf(column)}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
