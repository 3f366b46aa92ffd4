import './capture.css';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraError, closeStream, openCamera, type CameraProblem } from '../../../../ui/camera/media-devices';
import { useKioskSession } from '../../../shell/session';
import type { ProcessedPage } from './page-messages';
import { PageProcessor } from './page-processor';
import { SteadyFrameDetector, toGrey, type SteadyState } from './steady-frame';

/** The small frames the steadiness is judged on. */
const PROBE_WIDTH = 64;
const PROBE_HEIGHT = 48;
const PROBE_EVERY_MS = 150;

type Phase =
  | { kind: 'opening' }
  | { kind: 'live'; steady: SteadyState }
  | { kind: 'processing' }
  | { kind: 'review'; page: ProcessedPage; url: string }
  | { kind: 'failed' };

/**
 * The document camera full screen (below the kiosk's header), for one material: the live picture, a big 拍照 button and
 * steady-frame auto-capture; then the straightened page to confirm or retake. The camera is open
 * only while this screen is (its light goes out on close), and the page worker with OpenCV lives
 * and dies with it. A camera that cannot be opened or is unplugged hands back to the tick list.
 */
export function CaptureScreen({
  label,
  materialName,
  pageNumber,
  onConfirm,
  onClose,
  onCameraLost,
}: {
  /** The technician's choice of camera, by label. */
  label: string;
  materialName: string;
  /** Which page of this material is being taken (1 for the first). */
  pageNumber: number;
  onConfirm: (page: ProcessedPage) => void;
  onClose: () => void;
  onCameraLost: (problem: CameraProblem) => void;
}) {
  const { t } = useTranslation();
  const { keepAlive, voice } = useKioskSession();
  const titleId = useId();
  const video = useRef<HTMLVideoElement>(null);
  const processor = useRef<PageProcessor | null>(null);
  const detector = useRef(new SteadyFrameDetector());
  const [phase, setPhase] = useState<Phase>({ kind: 'opening' });
  const headerBottom = useHeaderBottom();
  const phaseRef = useRef(phase);
  const lost = useRef(onCameraLost);
  useEffect(() => {
    phaseRef.current = phase;
    lost.current = onCameraLost;
  });

  // The camera and the worker: opened with the screen, closed with it.
  useEffect(() => {
    let stream: MediaStream | null = null;
    let closed = false;
    const element = video.current;
    processor.current = new PageProcessor();
    openCamera(label).then(
      (opened) => {
        if (closed) {
          closeStream(opened);
          return;
        }
        stream = opened;
        for (const track of opened.getVideoTracks()) track.addEventListener('ended', () => lost.current('not_found'));
        // 拍照 is offered once the picture is there: a camera opened is not yet a frame (a busy
        // board takes a moment), and a shutter tapped before the first one would take nothing.
        const showLive = () => {
          if (!closed) setPhase({ kind: 'live', steady: 'idle' });
        };
        if (!element) return showLive();
        element.addEventListener('loadeddata', showLive, { once: true });
        element.srcObject = opened;
      },
      (error: unknown) => {
        if (!closed) lost.current(error instanceof CameraError ? error.problem : 'unavailable');
      },
    );
    return () => {
      closed = true;
      closeStream(stream);
      if (element) element.srcObject = null;
      processor.current?.dispose();
      processor.current = null;
    };
  }, [label]);

  useEffect(() => {
    voice.say({ key: 'cameraLive' });
  }, [voice, materialName]);

  const capture = useCallback(async () => {
    const source = video.current;
    const worker = processor.current;
    if (!source || !worker || phaseRef.current.kind !== 'live' || source.videoWidth === 0) return;
    keepAlive();
    detector.current.reset();
    setPhase({ kind: 'processing' });
    try {
      const page = await worker.process(await createImageBitmap(source));
      setPhase({ kind: 'review', page, url: URL.createObjectURL(page.jpeg) });
    } catch {
      setPhase({ kind: 'failed' });
    }
  }, [keepAlive]);

  // Steady-frame auto-capture: small grey frames compared while the live picture shows.
  const live = phase.kind === 'live';
  useEffect(() => {
    if (!live) return;
    const canvas = document.createElement('canvas');
    canvas.width = PROBE_WIDTH;
    canvas.height = PROBE_HEIGHT;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const timer = window.setInterval(() => {
      const source = video.current;
      if (!context || !source || source.videoWidth === 0) return;
      context.drawImage(source, 0, 0, PROBE_WIDTH, PROBE_HEIGHT);
      const state = detector.current.push(toGrey(context.getImageData(0, 0, PROBE_WIDTH, PROBE_HEIGHT).data), performance.now());
      // Papers moving under the camera are the citizen at work: the visit is not idle.
      if (state === 'moving') keepAlive();
      if (state === 'capture') void capture();
      else
        setPhase((current) => (current.kind === 'live' && current.steady !== state ? { kind: 'live', steady: state } : current));
    }, PROBE_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [live, capture, keepAlive]);

  // The reviewed page's URL is this screen's until confirmed (the wizard makes its own) or retaken.
  const reviewUrl = phase.kind === 'review' ? phase.url : null;
  useEffect(() => (reviewUrl === null ? undefined : () => URL.revokeObjectURL(reviewUrl)), [reviewUrl]);

  useEffect(() => {
    if (phase.kind === 'review') voice.say({ key: 'cameraReview' });
  }, [phase.kind, voice, t]);

  const retake = () => {
    keepAlive();
    detector.current.reset();
    setPhase({ kind: 'live', steady: 'idle' });
  };

  return (
    <section
      className="capture"
      aria-labelledby={titleId}
      data-testid="capture-screen"
      data-phase={phase.kind}
      style={{ top: `${headerBottom}px` }}
    >
      <h3 id={titleId} className="capture-title">
        {t('camera.title', { material: materialName, page: pageNumber })}
      </h3>
      <div className="capture-stage">
        <video
          ref={video}
          className="capture-video"
          autoPlay
          muted
          playsInline
          hidden={phase.kind === 'review'}
          aria-label={t('camera.liveLabel')}
          data-testid="capture-video"
        />
        {phase.kind === 'review' && (
          <img
            className="capture-page"
            src={phase.url}
            data-bytes={phase.page.jpeg.size}
            alt={t('camera.pageAlt', { material: materialName, page: pageNumber })}
            data-testid="capture-review"
          />
        )}
      </div>
      <p className="capture-status" role="status" aria-live="polite" data-testid="capture-status">
        {statusText(phase, t)}
      </p>
      <div className="capture-actions">
        {phase.kind === 'review' ? (
          <>
            <button type="button" className="secondary big" onClick={retake}>
              {t('camera.retake')}
            </button>
            <button type="button" className="primary big" onClick={() => onConfirm(phase.page)} data-testid="capture-confirm">
              {t('camera.confirm')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="secondary big" onClick={onClose}>
              {t('camera.cancel')}
            </button>
            {phase.kind === 'failed' ? (
              <button type="button" className="primary big" onClick={retake}>
                {t('camera.retake')}
              </button>
            ) : (
              <button
                type="button"
                className="primary big capture-shutter"
                onClick={() => void capture()}
                disabled={phase.kind !== 'live'}
                data-testid="capture-shutter"
              >
                {t('camera.shutter')}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}

/**
 * Where the kiosk's header ends: the capture screen covers everything below it, so 长辈版, the
 * language, the voice switch and the idle countdown stay within reach while a page is taken.
 */
function useHeaderBottom(): number {
  const [bottom, setBottom] = useState(0);
  useLayoutEffect(() => {
    const header = document.querySelector('.kiosk-header');
    if (!header) return;
    const measure = () => setBottom(Math.max(0, Math.round(header.getBoundingClientRect().bottom)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  return bottom;
}

function statusText(phase: Phase, t: TFunction): string {
  switch (phase.kind) {
    case 'opening':
      return t('camera.status.opening');
    case 'live':
      return phase.steady === 'steadying' ? t('camera.status.holdStill') : t('camera.status.live');
    case 'processing':
      return t('camera.status.processing');
    case 'review':
      return phase.page.cropped ? t('camera.status.review') : t('camera.status.uncropped');
    case 'failed':
      return t('camera.status.failed');
  }
}
