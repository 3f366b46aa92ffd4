import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CatalogItem, CatalogResponse } from '../../../../contracts/central-api';
import type { ConsoleCatalog } from '../../../../contracts/platform-console';
import CatalogScreen from '../../../../renderer/district/catalog/CatalogScreen';
import { DistrictClientError } from '../../../../renderer/district/district-client';
import { fakeDistrict, renderSection } from '../support';

const item: CatalogItem = {
  code: 'QYTB-001',
  name: '居民身份证换领',
  nameEn: 'ID card renewal',
  category: 'livelihood',
  handledAt: 'anywhere',
  formFields: [{ key: 'address', label: '地址', labelEn: 'Address', type: 'text', required: true }],
  materials: [],
  promisedWorkingDays: 5,
};
const catalogOf = (version: number, items: CatalogItem[] = [item]): ConsoleCatalog => ({
  version,
  updatedAt: '2026-11-27T02:00:00.000Z',
  etag: `"v${version}"`,
  items,
  retired: [],
});
const response = (version: number): CatalogResponse => ({ version, updatedAt: '2026-11-27T02:00:00.000Z', items: [item] });

describe('事项目录: the catalog editor', () => {
  it('edits an item on the version it read, keeping its form fields', async () => {
    const editCatalogItem = vi.fn(async () => response(8));
    renderSection(
      <CatalogScreen />,
      fakeDistrict({ catalog: vi.fn(async () => catalogOf(7)), editCatalogItem }),
      'district-admin',
    );
    expect((await screen.findByTestId('dst-catalog-version')).textContent).toContain('第 7 版');
    expect(within(screen.getByTestId('dst-catalog')).getByText('全域通办（任一社区中心）')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '修改“居民身份证换领”' }));
    const form = screen.getByTestId('dst-item-form');
    fireEvent.change(within(form).getByLabelText('事项名称'), { target: { value: '居民身份证换领（补领）' } });
    fireEvent.change(within(form).getByLabelText(/承诺办结时限/), { target: { value: '3' } });
    fireEvent.change(within(form).getByLabelText('办理地点'), { target: { value: 'community-centre' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存，目录升为第 8 版。')).toBeTruthy();
    expect(editCatalogItem).toHaveBeenCalledWith(7, {
      ...item,
      name: '居民身份证换领（补领）',
      handledAt: 'community-centre',
      promisedWorkingDays: 3,
    });
  });

  it('reads the catalog again when someone else changed it meanwhile', async () => {
    const catalog = vi.fn(async () => catalogOf(catalog.mock.calls.length === 1 ? 7 : 9));
    const retireCatalogItem = vi.fn(async () => Promise.reject(new DistrictClientError('catalog_changed', 'x', { version: 9 })));
    renderSection(<CatalogScreen />, fakeDistrict({ catalog, retireCatalogItem }), 'district-admin');
    fireEvent.click(await screen.findByRole('button', { name: '停用“居民身份证换领”' }));
    expect(await screen.findByText('error:catalog_changed')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('dst-catalog-version').textContent).toContain('第 9 版'));
    expect(retireCatalogItem).toHaveBeenCalledWith(7, 'QYTB-001');
  });

  it('adds a new item, and restores a retired one', async () => {
    const addCatalogItem = vi.fn(async () => response(8));
    const catalog = vi.fn(async () => ({
      ...catalogOf(7),
      retired: [{ item: { ...item, code: 'OLD-1', name: '旧事项' }, retiredAt: '2026-11-20T02:00:00.000Z' }],
    }));
    renderSection(<CatalogScreen />, fakeDistrict({ catalog, addCatalogItem }), 'district-admin');
    fireEvent.click(await screen.findByRole('button', { name: '新增事项' }));
    const form = screen.getByTestId('dst-item-form');
    fireEvent.change(within(form).getByLabelText('事项编码'), { target: { value: 'QYTB-042' } });
    fireEvent.change(within(form).getByLabelText('事项名称'), { target: { value: '新事项' } });
    fireEvent.change(within(form).getByLabelText('英文名称'), { target: { value: 'New item' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(addCatalogItem).toHaveBeenCalledWith(7, {
        code: 'QYTB-042',
        name: '新事项',
        nameEn: 'New item',
        category: 'livelihood',
        formFields: [],
        materials: [],
        promisedWorkingDays: 5,
      }),
    );
    fireEvent.click(await screen.findByRole('button', { name: '恢复“旧事项”' }));
    await waitFor(() => expect(addCatalogItem).toHaveBeenLastCalledWith(7, expect.objectContaining({ code: 'OLD-1' })));
  });

  it('lets operators and viewers read the catalog only', async () => {
    renderSection(<CatalogScreen />, fakeDistrict({ catalog: vi.fn(async () => catalogOf(7)) }), 'district-operator');
    await screen.findByTestId('dst-catalog');
    expect(screen.getByText('只有平台管理员可以修改事项目录。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /修改|停用|新增/ })).toBeNull();
  });
});
