import { LOAD_STATE_LABEL, type LoadState } from '../../../src/presentation/resultFields';

/** Radio buttons for the load states a figure can show ("after load-up", "after swelling"). */
export function LoadStateChoice(props: {
  states: readonly LoadState[];
  state: LoadState;
  onLoadState: (s: LoadState) => void;
  /** radio group name and test-id prefix: `<prefix>` on the fieldset, `<prefix>-<state>` on each */
  name: string;
}) {
  const { states, state, onLoadState, name } = props;
  return (
    <fieldset className="load-states" data-testid={name}>
      {states.map((s) => (
        <label key={s} className="check">
          <input
            type="radio"
            name={name}
            value={s}
            checked={s === state}
            onChange={() => onLoadState(s)}
            data-testid={`${name}-${s}`}
          />{' '}
          {LOAD_STATE_LABEL[s]}
        </label>
      ))}
    </fieldset>
  );
}
