import type { ViewSettings } from '../state/viewSettings';

export interface ViewControlsProps {
  settings: ViewSettings;
  /** the stack's interface names, top first ("cell stack", "cells 1–2 (top plate ↔ interleaf 1)") */
  interfaces: string[];
  plateLength: number;
  /** largest exaggeration that keeps the stack's faces in order */
  maxExaggeration: number;
  onChange: (s: ViewSettings) => void;
  onFit: () => void;
}

/** Display options of the 3D view (its PNG export, with the colour bar, is in the Export panel). */
export function ViewControls({
  settings,
  interfaces,
  plateLength,
  maxExaggeration,
  onChange,
  onFit,
}: ViewControlsProps) {
  const set = (patch: Partial<ViewSettings>) => onChange({ ...settings, ...patch });
  return (
    <div className="view-controls">
      <label className="param">
        <span>Interface</span>
        <select
          value={settings.interfaceIndex}
          onChange={(e) => set({ interfaceIndex: Number(e.target.value) })}
          title={interfaces[settings.interfaceIndex]}
          data-testid="interface-select"
        >
          {interfaces.map((name, k) => (
            <option key={name} value={k}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="param">
        <span>
          Bending × <b>{settings.exaggeration.toFixed(0)}</b>
        </span>
        <input
          type="range"
          min={0}
          max={Math.log10(Math.max(1, maxExaggeration))}
          step={0.01}
          value={Math.log10(Math.max(1, settings.exaggeration))}
          onChange={(e) => set({ exaggeration: Math.round(10 ** Number(e.target.value)) })}
          data-testid="exaggeration"
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.exploded}
          onChange={(e) => set({ exploded: e.target.checked })}
          data-testid="exploded"
        />{' '}
        Exploded view
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.section.enabled}
          onChange={(e) => set({ section: { ...settings.section, enabled: e.target.checked } })}
        />{' '}
        Section plane x = {settings.section.at.toFixed(0)} mm
      </label>
      <input
        type="range"
        min={0}
        max={plateLength}
        step={0.5}
        disabled={!settings.section.enabled}
        value={settings.section.at}
        onChange={(e) => set({ section: { ...settings.section, at: Number(e.target.value) } })}
      />
      <div className="button-row">
        <button type="button" onClick={onFit}>
          Fit to view
        </button>
      </div>
    </div>
  );
}
