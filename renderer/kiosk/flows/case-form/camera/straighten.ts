import type { CvMat, OpenCv } from './opencv-api';
import { orderCorners, uprightSize, type PageCorners, type Point } from './page-corners';
import { boundedSize, MAX_LONG_SIDE } from './jpeg-budget';

/** The paper is looked for on a copy this wide (long side): fast, and enough for its edges. */
const DETECT_LONG_SIDE = 900;
/** A paper smaller than this share of the picture is not the paper (a card, a stain). */
const MIN_PAGE_SHARE = 0.12;

export interface Straightened {
  image: ImageData;
  /** False: no paper's edges were found; the whole picture is kept as taken. */
  cropped: boolean;
}

/**
 * Finds the paper in a photo from the document camera and makes it an upright page: the largest
 * four-cornered outline (tried on the bright-paper mask first, then on edges, for uneven light),
 * warped so its corners become the page's, at most MAX_LONG_SIDE on its long side.
 */
export function straightenPage(cv: OpenCv, photo: ImageData): Straightened {
  const src = cv.matFromImageData(photo);
  try {
    const corners = findPaper(cv, src);
    if (!corners) return { image: photo, cropped: false };
    return { image: warp(cv, src, corners), cropped: true };
  } finally {
    src.delete();
  }
}

function findPaper(cv: OpenCv, src: CvMat): PageCorners | null {
  const scale = Math.min(1, DETECT_LONG_SIDE / Math.max(src.cols, src.rows));
  const small = new cv.Mat();
  const grey = new cv.Mat();
  const mask = new cv.Mat();
  try {
    cv.resize(src, small, new cv.Size(Math.round(src.cols * scale), Math.round(src.rows * scale)), 0, 0, cv.INTER_AREA);
    cv.cvtColor(small, grey, cv.COLOR_RGBA2GRAY);
    cv.GaussianBlur(grey, grey, new cv.Size(5, 5), 0);
    const minArea = MIN_PAGE_SHARE * small.cols * small.rows;
    // Bright paper on a darker stand: Otsu's threshold, the text's holes closed.
    cv.threshold(grey, mask, 0, 255, cv.THRESH_BINARY + cv.THRESH_OTSU);
    closeHoles(cv, mask, 15);
    const found = largestQuad(cv, mask, minArea) ?? edgesQuad(cv, grey, mask, minArea);
    if (!found) return null;
    return orderCorners(found.map((p) => ({ x: p.x / scale, y: p.y / scale })));
  } finally {
    small.delete();
    grey.delete();
    mask.delete();
  }
}

/** Uneven light can split the paper's mask: its outline by edges instead. */
function edgesQuad(cv: OpenCv, grey: CvMat, edges: CvMat, minArea: number): Point[] | null {
  cv.Canny(grey, edges, 40, 120);
  const kernel = cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(5, 5));
  try {
    cv.dilate(edges, edges, kernel);
  } finally {
    kernel.delete();
  }
  return largestQuad(cv, edges, minArea);
}

function closeHoles(cv: OpenCv, mask: CvMat, size: number): void {
  const kernel = cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(size, size));
  try {
    cv.morphologyEx(mask, mask, cv.MORPH_CLOSE, kernel);
  } finally {
    kernel.delete();
  }
}

/** The largest outer outline that simplifies to four corners, or null. */
function largestQuad(cv: OpenCv, binary: CvMat, minArea: number): Point[] | null {
  const contours = new cv.MatVector();
  const hierarchy = new cv.Mat();
  try {
    cv.findContours(binary, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
    const candidates: { index: number; area: number }[] = [];
    for (let i = 0; i < contours.size(); i++) {
      const area = cv.contourArea(contours.get(i));
      if (area >= minArea) candidates.push({ index: i, area });
    }
    candidates.sort((a, b) => b.area - a.area);
    for (const { index } of candidates) {
      const quad = quadOf(cv, contours.get(index));
      if (quad) return quad;
    }
    return null;
  } finally {
    contours.delete();
    hierarchy.delete();
  }
}

/** The outline's four corners: its convex hull simplified ever more coarsely until four are left. */
function quadOf(cv: OpenCv, contour: CvMat): Point[] | null {
  const hull = new cv.Mat();
  const approx = new cv.Mat();
  try {
    cv.convexHull(contour, hull, false, true);
    const perimeter = cv.arcLength(hull, true);
    for (const share of [0.02, 0.03, 0.04, 0.06, 0.08]) {
      cv.approxPolyDP(hull, approx, share * perimeter, true);
      if (approx.rows === 4) {
        const points: Point[] = [];
        for (let i = 0; i < 4; i++) points.push({ x: approx.data32S[i * 2] ?? 0, y: approx.data32S[i * 2 + 1] ?? 0 });
        return points;
      }
      if (approx.rows < 4) return null;
    }
    return null;
  } finally {
    hull.delete();
    approx.delete();
  }
}

function warp(cv: OpenCv, src: CvMat, corners: PageCorners): ImageData {
  const size = boundedSize(uprightSize(corners), MAX_LONG_SIDE);
  const from = cv.matFromArray(4, 1, cv.CV_32FC2, [
    corners.topLeft.x,
    corners.topLeft.y,
    corners.topRight.x,
    corners.topRight.y,
    corners.bottomRight.x,
    corners.bottomRight.y,
    corners.bottomLeft.x,
    corners.bottomLeft.y,
  ]);
  const to = cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, size.width, 0, size.width, size.height, 0, size.height]);
  const transform = cv.getPerspectiveTransform(from, to);
  const out = new cv.Mat();
  try {
    cv.warpPerspective(
      src,
      out,
      transform,
      new cv.Size(size.width, size.height),
      cv.INTER_LINEAR,
      cv.BORDER_CONSTANT,
      new cv.Scalar(),
    );
    return new ImageData(new Uint8ClampedArray(out.data), out.cols, out.rows);
  } finally {
    from.delete();
    to.delete();
    transform.delete();
    out.delete();
  }
}
