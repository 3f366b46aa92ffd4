import { describe, expect, it } from 'vitest';
import { rateChart, scoreChart } from '../../../../renderer/district/statistics/chart-options';
import { novemberStatistics } from './fixtures';

const words = { score: '得分', closedOnTimeRate: '规定期限办结率', acceptedOnTimeRate: '按时签收率', satisfactionRate: '满意率' };

describe('the statistics charts', () => {
  it('draws each ranked unit’s score, best at the top, and leaves out a unit without a score', () => {
    const option = scoreChart(novemberStatistics(), words);
    // ECharts draws a category axis bottom up: the best unit is the last category.
    expect(option.yAxis).toMatchObject({ data: ['区税务局', '区市场监管局'] });
    const [series] = [option.series].flat();
    expect(series).toMatchObject({ type: 'bar', name: '得分' });
    const data = series && 'data' in series ? series.data : undefined;
    expect(data).toHaveLength(2);
    expect(data?.[1]).toBe(100);
  });

  it('draws a rate without a basis as a gap, never as 0', () => {
    const option = rateChart(novemberStatistics(), words);
    expect(option.xAxis).toMatchObject({ data: ['区市场监管局', '区税务局'] });
    const series = [option.series].flat();
    const satisfaction = series.find((s) => s?.name === '满意率');
    // The tax office was never evaluated: no 满意率.
    expect(satisfaction && 'data' in satisfaction ? satisfaction.data : undefined).toEqual([100, null]);
  });
});
