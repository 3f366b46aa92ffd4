import { act, fireEvent, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogView } from '../../../../contracts/cases';
import { itemsForHall } from '../../../../contracts/catalog-scope';
import type { CatalogItem } from '../../../../contracts/central-api';
import { DISTRICT_CATALOG } from '../../../../contracts/district-catalog';
import { HALL_CATALOG } from '../../../../contracts/hall-catalog';
import CaseFlow from '../../../../renderer/kiosk/flows/CaseFlow';
import { fakeApi } from '../../support/fake-api';
import { inKioskVisit } from '../../support/kiosk-session';
import { renderScreen } from '../../support/render';

const catalogOf = (items: readonly CatalogItem[]): CatalogView => ({
  source: 'central',
  version: 3,
  fetchedAt: '2027-03-01T00:00:00.000Z',
  items: [...items],
});

/** 办事申报 at a kiosk whose host serves `items`, a card holder at it. */
function caseFlow(items: readonly CatalogItem[]) {
  const visit = inKioskVisit(<CaseFlow />);
  const rendered = renderScreen(visit.ui, fakeApi({ catalog: async () => catalogOf(items) }));
  return { ...rendered, said: visit.said };
}

const themeTiles = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('.theme-tile')].map((tile) => [
    tile.querySelector('.tile-title')?.textContent,
    tile.querySelector('.theme-count')?.textContent,
  ]);

afterEach(async () => {
  await act(() => i18next.changeLanguage('zh-CN'));
});

describe('办事申报 at a community centre (the 41 全域通办 items)', () => {
  const communityCentre = itemsForHall(DISTRICT_CATALOG, 'community-centre');

  it('lists nine themes with their counts, not 41 items to scroll through', async () => {
    const { container } = caseFlow(communityCentre);
    await screen.findByRole('button', { name: /社会保险/ });
    expect(themeTiles(container)).toEqual([
      ['社会保险', '共 6 项'],
      ['医疗保障', '共 6 项'],
      ['社会救助', '共 4 项'],
      ['养老服务', '共 4 项'],
      ['残疾人服务', '共 5 项'],
      ['生育与家庭', '共 5 项'],
      ['户籍与居住', '共 3 项'],
      ['就业创业', '共 5 项'],
      ['退役军人', '共 3 项'],
    ]);
    expect(screen.getByText('请先选择事项分类')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /异地就医备案/ })).toBeNull();
  });

  it('opens a theme under its name, says it, and offers only its items', async () => {
    const { said } = caseFlow(communityCentre);
    fireEvent.click(await screen.findByRole('button', { name: /医疗保障/ }));
    const heading = screen.getByRole('heading', { name: '医疗保障' });
    expect(document.activeElement).toBe(heading);
    expect(said).toContain('医疗保障：请选择要办理的事项。');
    const theme = heading.closest('section');
    if (!theme) throw new Error('the theme has no section');
    const items = within(theme)
      .getAllByRole('button')
      .map((b) => b.querySelector('.tile-title')?.textContent ?? b.textContent);
    expect(items).toEqual([
      '‹ 返回全部分类',
      '城乡居民基本医疗保险参保登记',
      '异地就医备案',
      '门诊慢特病待遇认定',
      '医疗费用零星报销',
      '基本医疗保险关系转移接续',
      '医疗救助申请',
    ]);
    expect(within(theme).getByRole('button', { name: /异地就医备案/ }).textContent).toContain('即办件，受理当日办结');
  });

  it("back from an item's form is its theme again; 返回全部分类 puts the focus back on that theme's tile", async () => {
    caseFlow(communityCentre);
    fireEvent.click(await screen.findByRole('button', { name: /就业创业/ }));
    fireEvent.click(screen.getByRole('button', { name: /失业登记/ }));
    expect(screen.getByRole('heading', { name: '填写「失业登记」申报信息' })).toBeTruthy();
    expect(screen.getByText('求职意向')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '上一步' }));
    expect(screen.getByRole('heading', { name: '就业创业' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '‹ 返回全部分类' }));
    expect(screen.queryByRole('heading', { name: '就业创业' })).toBeNull();
    expect(document.activeElement?.getAttribute('data-theme')).toBe('employment');
  });

  it('reads in English when the citizen switched the kiosk to English', async () => {
    const { container } = caseFlow(communityCentre);
    await screen.findByRole('button', { name: /社会保险/ });
    await act(() => i18next.changeLanguage('en'));
    expect(themeTiles(container)[0]).toEqual(['Social insurance', '6 services']);
    fireEvent.click(screen.getByRole('button', { name: /Veterans/ }));
    expect(screen.getByRole('button', { name: /Veterans' card/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: '‹ All themes' })).toBeTruthy();
  });
});

describe('办事申报 with a short list', () => {
  it("shows the kiosk's built-in few items flat, as before: no theme step for five livelihood items", async () => {
    const { container } = caseFlow(HALL_CATALOG);
    expect((await screen.findByRole('button', { name: /居住证办理/ })).textContent).toContain('承诺 15 个工作日内办结');
    expect(container.querySelectorAll('.theme-tile')).toHaveLength(0);
    expect(screen.getByRole('button', { name: '申报「企业开办一站式办理」' })).toBeTruthy();
  });

  it('at the district centre, the enterprise bundle stays first and the 全域通办 items go by theme below it', async () => {
    const { container } = caseFlow(itemsForHall(DISTRICT_CATALOG, 'district-centre'));
    await screen.findByRole('button', { name: '申报「企业开办一站式办理」' });
    expect(themeTiles(container)).toHaveLength(9);
    const bundle = screen.getByRole('button', { name: '申报「企业开办一站式办理」' });
    const firstTheme = container.querySelector('.theme-tile');
    expect(firstTheme && bundle.compareDocumentPosition(firstTheme) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
