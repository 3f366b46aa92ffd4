/** A point of the captured picture, in pixels. */
export interface Point {
  x: number;
  y: number;
}

/** The paper's corners in reading order. */
export interface PageCorners {
  topLeft: Point;
  topRight: Point;
  bottomRight: Point;
  bottomLeft: Point;
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Four corners found in any order, put in reading order: top-left has the smallest x + y,
 * bottom-right the largest; top-right the smallest y − x, bottom-left the largest. This holds
 * for a sheet turned by up to 45° either way, which is how a citizen lays a paper on a stand.
 */
export function orderCorners(points: readonly Point[]): PageCorners | null {
  if (points.length !== 4) return null;
  const bySum = [...points].sort((a, b) => a.x + a.y - (b.x + b.y));
  const byDiff = [...points].sort((a, b) => a.y - a.x - (b.y - b.x));
  const topLeft = bySum[0];
  const bottomRight = bySum[3];
  const topRight = byDiff[0];
  const bottomLeft = byDiff[3];
  if (!topLeft || !bottomRight || !topRight || !bottomLeft) return null;
  // Four distinct corners (a degenerate quadrilateral would put one point in two roles).
  if (new Set([topLeft, topRight, bottomRight, bottomLeft]).size !== 4) return null;
  return { topLeft, topRight, bottomRight, bottomLeft };
}

/** The upright page's size: the longer of each pair of opposite edges, so no text is squeezed. */
export function uprightSize(corners: PageCorners): { width: number; height: number } {
  const width = Math.max(distance(corners.topLeft, corners.topRight), distance(corners.bottomLeft, corners.bottomRight));
  const height = Math.max(distance(corners.topLeft, corners.bottomLeft), distance(corners.topRight, corners.bottomRight));
  return { width: Math.round(width), height: Math.round(height) };
}
