import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CatalogView } from '../../../../contracts/cases';
import { itemsForHall } from '../../../../contracts/catalog-scope';
import type { CatalogItem } from '../../../../contracts/central-api';
import { DISTRICT_CATALOG } from '../../../../contracts/district-catalog';
import { HALL_CATALOG } from '../../../../contracts/hall-catalog';
import GuideFlow from '../../../../renderer/kiosk/flows/GuideFlow';
import { fakeApi } from '../../support/fake-api';
import { inKioskVisit } from '../../support/kiosk-session';
import { renderScreen } from '../../support/render';

/** 办事指南 at a kiosk whose host serves `items` (no queue services: the guide's public part only). */
function guide(items: readonly CatalogItem[]) {
  const catalog: CatalogView = { source: 'central', version: 3, fetchedAt: '2027-03-01T00:00:00.000Z', items: [...items] };
  const api = fakeApi({
    catalog: async () => catalog,
    services: async () => ({ services: [] }),
    windows: async () => ({ windows: [] }),
  });
  return renderScreen(inKioskVisit(<GuideFlow />, { citizen: null }).ui, api);
}

const titles = (container: HTMLElement, selector: string) =>
  [...container.querySelectorAll(`${selector} .tile-title`)].map((title) => title.textContent);

describe('办事指南 at a community centre (the 41 全域通办 items)', () => {
  const communityCentre = itemsForHall(DISTRICT_CATALOG, 'community-centre');

  it('shelves 民生事项 by theme: a theme, an item, and back the way the citizen came', async () => {
    const { container } = guide(communityCentre);
    fireEvent.click(await screen.findByRole('button', { name: /民生事项/ }));
    expect(screen.getByRole('heading', { name: '民生事项' })).toBeTruthy();
    expect(titles(container, '.theme-tile')).toHaveLength(9);
    expect(container.querySelectorAll('[data-item]')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: /社会救助/ }));
    expect(screen.getByRole('heading', { name: '社会救助' })).toBeTruthy();
    expect(titles(container, '[data-item]')).toEqual([
      '最低生活保障申请',
      '特困人员救助供养认定',
      '临时救助申请',
      '低收入人口认定',
    ]);

    fireEvent.click(screen.getByRole('button', { name: /临时救助申请/ }));
    expect(screen.getByRole('heading', { name: '临时救助申请' })).toBeTruthy();
    expect(screen.getByTestId('guide-handled-at').textContent).toContain('全域通办：本区任一政务服务中心均可办理');
    expect(screen.getByTestId('guide-promise').textContent).toBe('受理后 10 个工作日内办结');
    expect(screen.getByTestId('guide-required').textContent).toContain('困难情况证明');

    fireEvent.click(screen.getByRole('button', { name: '‹ 返回事项列表' }));
    expect(screen.getByRole('heading', { name: '社会救助' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '‹ 返回全部分类' }));
    expect(screen.getByRole('heading', { name: '民生事项' })).toBeTruthy();
    expect(document.activeElement?.getAttribute('data-theme')).toBe('social-assistance');
    fireEvent.click(screen.getByRole('button', { name: '‹ 返回事项类别' }));
    expect(screen.getByRole('heading', { name: '请选择事项类别' })).toBeTruthy();
  });

  it('opens another category at its list, not at the theme left open in 民生事项', async () => {
    const { container } = guide([...communityCentre, ...HALL_CATALOG.filter((i) => i.category === 'complaint')]);
    fireEvent.click(await screen.findByRole('button', { name: /民生事项/ }));
    fireEvent.click(screen.getByRole('button', { name: /退役军人/ }));
    fireEvent.click(screen.getByRole('button', { name: '‹ 返回全部分类' }));
    fireEvent.click(screen.getByRole('button', { name: '‹ 返回事项类别' }));
    fireEvent.click(screen.getByRole('button', { name: /营商诉求/ }));
    expect(titles(container, '[data-item]')).toEqual(['营商环境诉求']);
    fireEvent.click(screen.getByRole('button', { name: '‹ 返回事项类别' }));
    fireEvent.click(screen.getByRole('button', { name: /民生事项/ }));
    expect(titles(container, '.theme-tile')).toHaveLength(9);
  });
});

describe('办事指南 with a short list', () => {
  it('lists the built-in five livelihood items flat, and says where an enterprise matter is handled', async () => {
    const { container } = guide(HALL_CATALOG);
    fireEvent.click(await screen.findByRole('button', { name: /民生事项/ }));
    expect(titles(container, '[data-item]')).toEqual([
      '居住证办理',
      '老年人优待证办理',
      '残疾人证补换',
      '城乡居民基本医疗保险参保登记',
      '生育登记',
    ]);
    fireEvent.click(screen.getByRole('button', { name: '‹ 返回事项类别' }));
    fireEvent.click(screen.getByRole('button', { name: /企业开办/ }));
    fireEvent.click(screen.getByRole('button', { name: /企业开办一站式办理/ }));
    expect(screen.getByTestId('guide-handled-at').textContent).toContain('区政务服务中心');
  });
});
