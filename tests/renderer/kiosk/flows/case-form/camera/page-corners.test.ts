import { describe, expect, it } from 'vitest';
import { orderCorners, uprightSize } from '../../../../../../renderer/kiosk/flows/case-form/camera/page-corners';

describe('the paper’s corners', () => {
  it('are put in reading order whatever order the outline gave them, for a sheet turned either way', () => {
    const turnedLeft = [
      { x: 420, y: 1180 },
      { x: 300, y: 200 },
      { x: 1050, y: 80 },
      { x: 1200, y: 1050 },
    ];
    expect(orderCorners(turnedLeft)).toEqual({
      topLeft: { x: 300, y: 200 },
      topRight: { x: 1050, y: 80 },
      bottomRight: { x: 1200, y: 1050 },
      bottomLeft: { x: 420, y: 1180 },
    });
    const turnedRight = [
      { x: 500, y: 100 },
      { x: 1250, y: 260 },
      { x: 1050, y: 1200 },
      { x: 300, y: 1040 },
    ];
    expect(orderCorners(turnedRight)?.topLeft).toEqual({ x: 500, y: 100 });
    expect(orderCorners(turnedRight)?.bottomRight).toEqual({ x: 1050, y: 1200 });
  });

  it('are refused when there are not four distinct ones', () => {
    expect(orderCorners([{ x: 0, y: 0 }])).toBeNull();
  });

  it('give the upright page the longer of each pair of edges, so no text is squeezed', () => {
    const corners = orderCorners([
      { x: 0, y: 0 },
      { x: 200, y: 0 },
      { x: 210, y: 297 },
      { x: 0, y: 297 },
    ]);
    if (!corners) throw new Error('no corners');
    expect(uprightSize(corners)).toEqual({ width: 210, height: 297 });
  });
});
