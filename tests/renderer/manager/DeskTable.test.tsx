import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeskTable, type DeskColumn } from '../../../renderer/manager/DeskTable';

interface Slot {
  id: number;
  name: string;
  booked: number;
}

const columns: DeskColumn<Slot>[] = [
  { header: '时段', rowHeader: true, cell: (s) => s.name },
  { header: '已预约', num: true, cell: (s) => s.booked },
];

describe('the desk tools’ table', () => {
  it('shows a header row and one row per item, its name as the row header and figures aligned', () => {
    render(
      <DeskTable
        testId="slots"
        columns={columns}
        rows={[
          { id: 1, name: '09:00–09:30', booked: 3 },
          { id: 2, name: '09:30–10:00', booked: 12 },
        ]}
        rowKey={(s) => s.id}
        rowAttributes={(s) => ({ 'data-slot': String(s.id) })}
      />,
    );
    const table = screen.getByTestId('slots');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['时段', '已预约']);
    const row = within(table).getByRole('row', { name: /09:30–10:00/ });
    expect(row.getAttribute('data-slot')).toBe('2');
    expect(within(row).getByRole('rowheader').textContent).toBe('09:30–10:00');
    expect(within(row).getByRole('cell').className).toBe('num');
  });

  it('says what an empty list means instead of an empty table, or shows nothing', () => {
    const { rerender, container } = render(
      <DeskTable testId="slots" columns={columns} rows={[]} rowKey={(s) => s.id} empty="今天没有预约。" />,
    );
    expect(screen.getByText('今天没有预约。')).toBeTruthy();
    expect(screen.queryByTestId('slots')).toBeNull();
    rerender(<DeskTable testId="slots" columns={columns} rows={[]} rowKey={(s) => s.id} />);
    expect(container.textContent).toBe('');
  });
});
