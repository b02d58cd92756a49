import { GizmoHelper, GizmoViewport, OrbitControls } from '@react-three/drei';
import { Canvas, type RootState } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { ResultFields } from '../../../src/presentation/resultFields';
import { AssemblyModel, type AssemblyView } from './AssemblyModel';
import { CameraFit } from './CameraFit';
import { createSceneMaterials } from './materials';
import { SectionClipping } from './SectionClipping';

export interface StackSceneProps {
  /** the solved fields; the solids are drawn from `fields.stack`, the model that was solved */
  fields: ResultFields;
  /** per plate layer: the w to draw [mm] */
  deflection: Float64Array[];
  view: AssemblyView;
  section: { enabled: boolean; at: number };
  fitRequest: number;
  onProbe: (point: { x: number; y: number } | null) => void;
}

/**
 * Test and benchmark hook only (read by test/bench/orbitBench.ts; the app never reads it):
 * exposes the 3D view's renderer, scene and camera as `window.__stackpressScene`.
 */
function exposeSceneForTests({ gl, scene, camera }: RootState): void {
  (window as unknown as { __stackpressScene?: unknown }).__stackpressScene = { gl, scene, camera };
}

/** The 3D view: renders on demand only (orbiting, edits and probing invalidate it). */
export function StackScene({ fields, deflection, view, section, fitRequest, onProbe }: StackSceneProps) {
  const materials = useMemo(() => createSceneMaterials(), []);
  useEffect(
    () => () => {
      for (const m of Object.values(materials)) m.dispose();
    },
    [materials],
  );
  const layout = fields.stack;
  const box = useMemo(
    () => ({
      min: [0, 0, layout.zBottom - 15] as [number, number, number],
      max: [layout.plate.Lx, layout.plate.Ly, layout.zTop + (view.exploded ? layout.topLift : 0) + 25] as [
        number,
        number,
        number,
      ],
    }),
    [layout, view.exploded],
  );
  return (
    <Canvas
      frameloop="demand"
      dpr={[1, 2]}
      gl={{ preserveDrawingBuffer: true, antialias: true, localClippingEnabled: true } as never}
      camera={{ up: [0, 0, 1], fov: 35, position: [300, -300, 250] }}
      data-testid="scene-canvas"
      onCreated={exposeSceneForTests}
    >
      <color attach="background" args={['#1d232b']} />
      <hemisphereLight args={['#dfe7f0', '#2a2f36', 1.1]} />
      <directionalLight position={[200, -150, 300]} intensity={1.6} />
      <directionalLight position={[-150, 200, 120]} intensity={0.5} />
      <AssemblyModel
        fields={fields}
        deflection={deflection}
        view={view}
        materials={materials}
        onProbe={onProbe}
      />
      <SectionClipping enabled={section.enabled} at={section.at} />
      <OrbitControls makeDefault enableDamping={false} />
      <CameraFit box={box} request={fitRequest} />
      <GizmoHelper alignment="bottom-right" margin={[64, 64]}>
        <GizmoViewport axisColors={['#e0524a', '#59b35a', '#4a7fe0']} labelColor="#fff" />
      </GizmoHelper>
    </Canvas>
  );
}
