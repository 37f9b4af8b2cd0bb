/**
 * Phone-width checks: the browser's real viewport set to a phone's (web-test-runner's setViewport),
 * and what "readable on a phone" means in numbers.
 *
 *   usePhoneViewport();                       // in a describe block: 375 × 812 for each test
 *   expect(overflowsPage()).to.equal(false);
 *   expect(offScreen(cells)).to.deep.equal([]);
 */
import { setViewport } from '@web/test-runner-commands';

/** An iPhone's CSS width; the phones are 320–414 px wide. */
export const phone = { width: 375, height: 812 };

/** Sets the viewport to a phone's before each test of the block and puts the previous one back after. */
export function usePhoneViewport(size: { width: number; height: number } = phone): void {
  let previous = { width: window.innerWidth, height: window.innerHeight };
  beforeEach(async () => {
    previous = { width: window.innerWidth, height: window.innerHeight };
    await setViewport(size);
  });
  afterEach(async () => {
    await setViewport(previous);
  });
}

/** Whether the page scrolls sideways: something is wider than the viewport. */
export function overflowsPage(): boolean {
  return document.documentElement.scrollWidth > document.documentElement.clientWidth;
}

/** The elements (described by their text) that are not wholly inside the viewport's width. */
export function offScreen(elements: Iterable<Element>): string[] {
  const width = document.documentElement.clientWidth;
  return [...elements]
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.left < 0 || box.right > width + 0.5;
    })
    .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** The elements whose text is cut (ellipsis or clipped): it needs more room than their box gives it. */
export function truncated(elements: Iterable<Element>): string[] {
  return [...elements]
    .filter((element) => element.scrollWidth > element.clientWidth || element.clientWidth === 0)
    .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
}
