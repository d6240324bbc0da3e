import { describe, expect, it } from 'vitest';
import { LOADED_SLOT_MS, SLOT_MS, currentSlot, msToNextSlot, sampleLoad, slotLengthMs } from './broadcastSlots.js';

describe('broadcast slots', () => {
  it('lengthen while the event loop is loaded and shorten again once it has headroom', async () => {
    sampleLoad();
    const until = performance.now() + 80;
    while (performance.now() < until) {
      // The event loop is fully busy.
    }
    sampleLoad();
    expect(slotLengthMs()).toBe(LOADED_SLOT_MS);
    expect(msToNextSlot()).toBeLessThanOrEqual(LOADED_SLOT_MS);

    await new Promise((resolve) => setTimeout(resolve, 300));
    sampleLoad();
    expect(slotLengthMs()).toBe(SLOT_MS);
  });

  it('never ask for a timer that fires within the current slot', () => {
    const slot = currentSlot();
    const wait = msToNextSlot();
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(Math.floor((performance.now() + wait) / slotLengthMs())).toBeGreaterThanOrEqual(slot + 1);
  });
});
