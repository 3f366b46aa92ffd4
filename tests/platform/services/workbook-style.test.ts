import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addTable, newWorkbook } from '../../../platform/services/workbook-style';

describe('the platform’s workbook style', () => {
  it('writes a table as a reader opens it: header frozen and bold, numbers as numbers, missing values empty', async () => {
    const book = await newWorkbook('营商诉求办理统计与考核 2026年', new Date('2026-12-31T16:00:00Z'));
    const sheet = book.addWorksheet('统计数据');
    addTable(
      sheet,
      ['单位', '满意率（%）'],
      [
        ['区税务局', 96.5],
        ['星河街道', null],
      ],
      [null, '0.0'],
    );

    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await book.xlsx.writeBuffer());
    expect(read.title).toBe('营商诉求办理统计与考核 2026年');
    const written = read.getWorksheet('统计数据');
    expect(written?.getRow(1).font?.bold).toBe(true);
    expect(written?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(written?.getCell('B2').value).toBe(96.5);
    expect(written?.getCell('B2').numFmt).toBe('0.0');
    expect(written?.getCell('B3').value).toBeNull();
    expect(written?.pageSetup.orientation).toBe('landscape');
  });
});
