import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../../../api/context';
import { CameraError, listCameras, matchCamera, type CameraProblem } from '../../../../ui/camera/media-devices';

/**
 * Whether the materials step can use the document camera: `none` (this kiosk has none, chosen in
 * the technician console), `checking`, `ready` (the chosen camera is plugged in and may be used),
 * or `problem` (none found, refused, unplugged): then the step is the tick list, with a message.
 */
export type DocumentCamera =
  { state: 'none' } | { state: 'checking' } | { state: 'ready'; label: string } | { state: 'problem'; problem: CameraProblem };

export function useDocumentCamera(active: boolean): { camera: DocumentCamera; lost: (problem: CameraProblem) => void } {
  const api = useApi();
  // Under the terminal settings' key: their settings.changed event refreshes it too.
  const choice = useQuery({ queryKey: ['terminal', 'camera'], queryFn: api.cameraChoice });
  const label = choice.data?.label ?? null;
  const [found, setFound] = useState<{ label: string; problem: CameraProblem | null } | null>(null);

  // Looked for each time the step opens: a camera plugged in or out since is noticed.
  useEffect(() => {
    if (!active || label === null) return;
    let current = true;
    setFound(null);
    listCameras().then(
      (cameras) => current && setFound({ label, problem: matchCamera(cameras, label) ? null : 'not_found' }),
      (error: unknown) => current && setFound({ label, problem: error instanceof CameraError ? error.problem : 'unavailable' }),
    );
    return () => {
      current = false;
    };
  }, [active, label]);

  const lost = useCallback((problem: CameraProblem) => {
    setFound((prev) => (prev === null ? prev : { ...prev, problem }));
  }, []);

  let camera: DocumentCamera;
  if (choice.isPending) camera = { state: 'checking' };
  else if (label === null) camera = { state: 'none' };
  else if (found === null || found.label !== label) camera = { state: 'checking' };
  else if (found.problem !== null) camera = { state: 'problem', problem: found.problem };
  else camera = { state: 'ready', label };
  return { camera, lost };
}
