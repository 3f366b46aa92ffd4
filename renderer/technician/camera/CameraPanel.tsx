import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import {
  CameraError,
  closeStream,
  listCameras,
  openCamera,
  type CameraDevice,
  type CameraProblem,
} from '../../ui/camera/media-devices';
import { useTechSession } from '../session';

const CHOICE_KEY = ['tech', 'camera'] as const;

/**
 * The kiosk's document camera (高拍仪) among the devices: the cameras this machine's browser
 * lists, chosen by name (label) and saved for the kiosk page, tested with a live picture. The
 * list and the test run in this browser, so they show this machine's cameras only when the
 * console is opened on the kiosk itself (as its own screen or the shell's window).
 */
export function CameraPanel() {
  const api = useApi();
  const { t } = useTranslation();
  const session = useTechSession();
  const queryClient = useQueryClient();
  const ids = useId();
  const choice = useQuery({ queryKey: CHOICE_KEY, queryFn: api.cameraChoice });
  const [cameras, setCameras] = useState<CameraDevice[] | null>(null);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const chosen = choice.data?.label ?? null;

  const save = useMutation({
    mutationFn: (label: string | null) => api.saveCameraChoice({ label }),
    onSuccess: (saved) => {
      queryClient.setQueryData(CHOICE_KEY, saved);
      setNotice(saved.label === null ? t('techCamera.savedNone') : t('techCamera.saved', { label: saved.label }));
    },
  });

  const find = async () => {
    setNotice(null);
    setProblem(null);
    try {
      const found = await listCameras();
      setCameras(found);
      setSelected((current) => current ?? chosen ?? found[0]?.label ?? null);
    } catch (error) {
      setCameras([]);
      setProblem(error instanceof CameraError ? error.problem : 'unavailable');
    }
  };

  return (
    <section className="tech-screen tech-camera" aria-labelledby={`${ids}-title`}>
      <div className="tech-screen-head">
        <h2 id={`${ids}-title`}>{t('techCamera.title')}</h2>
        <p className="tech-summary" data-testid="tech-camera-chosen">
          {chosen === null ? t('techCamera.none') : t('techCamera.chosen', { label: chosen })}
        </p>
        <button type="button" className="primary" onClick={() => void find()}>
          {t('techCamera.find')}
        </button>
      </div>
      <p className="console-muted">{t('techCamera.intro')}</p>
      {notice && (
        <p className="console-notice" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <p className="error" role="alert">
          {t(`techCamera.problems.${problem}`)}
        </p>
      )}
      {save.isError && (
        <p className="error" role="alert">
          {session.describeError(save.error)}
        </p>
      )}
      {cameras && cameras.length > 0 && (
        <fieldset className="tech-camera-list">
          <legend>{t('techCamera.listLegend')}</legend>
          {cameras.map((camera) => (
            <label key={camera.deviceId} className="tech-camera-option">
              <input
                type="radio"
                name={`${ids}-camera`}
                checked={selected === camera.label}
                onChange={() => setSelected(camera.label)}
              />
              {camera.label || t('techCamera.unnamed')}
            </label>
          ))}
          <div className="tech-camera-actions">
            <button
              type="button"
              className="secondary"
              disabled={selected === null}
              onClick={() => setPreviewing(previewing === null ? selected : null)}
              aria-pressed={previewing !== null}
            >
              {previewing === null ? t('techCamera.test') : t('techCamera.stopTest')}
            </button>
            {session.canConfigure && (
              <>
                <button
                  type="button"
                  className="primary"
                  disabled={selected === null || save.isPending}
                  onClick={() => selected !== null && save.mutate(selected)}
                >
                  {t('techCamera.use')}
                </button>
                <button type="button" className="secondary" disabled={save.isPending} onClick={() => save.mutate(null)}>
                  {t('techCamera.useNone')}
                </button>
              </>
            )}
          </div>
        </fieldset>
      )}
      {!session.canConfigure && <p className="console-muted">{t('techCamera.readOnly')}</p>}
      {previewing !== null && <CameraPreview label={previewing} onProblem={setProblem} />}
    </section>
  );
}

/** The camera's live picture, the test: open while shown, closed (light off) when hidden. */
function CameraPreview({ label, onProblem }: { label: string; onProblem: (problem: CameraProblem) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [size, setSize] = useState<string | null>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let closed = false;
    const element = video.current;
    openCamera(label).then(
      (opened) => {
        if (closed) return closeStream(opened);
        stream = opened;
        if (element) {
          element.srcObject = opened;
          element.onloadedmetadata = () => setSize(`${element.videoWidth}×${element.videoHeight}`);
        }
      },
      (error: unknown) => onProblem(error instanceof CameraError ? error.problem : 'unavailable'),
    );
    return () => {
      closed = true;
      closeStream(stream);
      if (element) element.srcObject = null;
    };
  }, [label, onProblem]);
  return (
    <figure className="tech-camera-preview">
      <video
        ref={video}
        autoPlay
        muted
        playsInline
        aria-label={t('techCamera.previewLabel', { label })}
        data-testid="tech-camera-preview"
      />
      <figcaption role="status">{size === null ? t('techCamera.opening') : t('techCamera.live', { size })}</figcaption>
    </figure>
  );
}
