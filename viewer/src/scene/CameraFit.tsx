import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { Vector3 } from 'three';

export interface CameraFitProps {
  /** bounds of the model [mm] */
  box: { min: [number, number, number]; max: [number, number, number] };
  /** bump to refit */
  request: number;
}

/** Fit to view: an isometric-ish view from the front right that frames the model's bounding sphere. */
export function CameraFit({ box, request }: CameraFitProps) {
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as unknown as { target: Vector3; update: () => void } | null;
  const invalidate = useThree((s) => s.invalidate);
  const size = useThree((s) => s.size);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refit on request, on a new model and on resize
  useEffect(() => {
    const c = box.min.map((v, i) => 0.5 * (v + box.max[i])) as [number, number, number];
    const r = 0.5 * Math.hypot(box.max[0] - box.min[0], box.max[1] - box.min[1], box.max[2] - box.min[2]);
    const fov = 'fov' in camera ? ((camera.fov as number) * Math.PI) / 180 : Math.PI / 4;
    const aspect = size.width / Math.max(1, size.height);
    const dist = (1.2 * r) / Math.sin(Math.min(fov, 2 * Math.atan(Math.tan(fov / 2) * aspect)) / 2);
    const dir = [0.62, -0.95, 1.05];
    const n = Math.hypot(dir[0], dir[1], dir[2]);
    camera.position.set(c[0] + (dist * dir[0]) / n, c[1] + (dist * dir[1]) / n, c[2] + (dist * dir[2]) / n);
    camera.near = dist / 100;
    camera.far = dist * 10;
    camera.updateProjectionMatrix();
    if (controls) {
      controls.target.set(c[0], c[1], c[2]);
      controls.update();
    } else camera.lookAt(c[0], c[1], c[2]);
    invalidate();
  }, [
    request,
    box.min[0],
    box.min[1],
    box.min[2],
    box.max[0],
    box.max[1],
    box.max[2],
    controls,
    size.width,
    size.height,
  ]);
  return null;
}
