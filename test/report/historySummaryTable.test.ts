import { describe, expect, it } from 'vitest';
import { summaryTable } from '../../src/report/summaryTable';
import { handSummary } from '../presentation/report/reportInput';
import { syntheticHistory } from '../presentation/syntheticHistory';

describe('the terminal summary of cases with a life history', () => {
  it('prints each history’s verdict under the table, and nothing for a case without one', () => {
    const history = syntheticHistory();
    const text = summaryTable([
      { name: 'lived', summary: { ...handSummary(), history } },
      { name: 'plain', summary: handSummary() },
    ]);
    expect(text).toContain(`\nlife history (every state: history.csv):\n  lived: ${history.verdict.text}`);
    expect(text).not.toMatch(/plain: \d of/);
    expect(summaryTable([{ name: 'plain', summary: handSummary() }])).not.toContain('life history');
  });
});
