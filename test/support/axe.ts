import type { Page } from 'playwright-core';

/** One accessibility violation axe-core found, as the tests report it. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: number;
}

/**
 * Runs axe-core on the page as it is now. The page's context must let the script in past its
 * CSP (`bypassCSP`), which then leaves CSP violations unseen for that page.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: unknown[] }> }>;
        };
      }
    ).axe;
    const results = await axe.run();
    return results.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.length }));
  });
}
