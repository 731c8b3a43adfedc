import { describe, expect, it } from 'vitest';
import { CanvasPool, PooledCanvasFactory, pageCanvases } from './canvas-pool.ts';

const A4 = [2480, 3508] as const;
const opaque = (data: Uint8Array) => data.some((v, i) => i % 4 === 3 && v !== 0);

describe('CanvasPool', () => {
  it('gives a large canvas back for its size, blank and as new: pixels cleared, state reset, properties pdf.js adds gone', () => {
    const pool = new CanvasPool(1);
    const canvas = pool.take(...A4);
    const ctx = canvas.getContext('2d');
    const added = ctx as unknown as Record<string, unknown>;
    const ownFresh = Object.getOwnPropertyNames(ctx).sort();
    ctx.setTransform(2, 0, 0, 2, 10, 10);
    ctx.fillStyle = 'red';
    ctx.globalAlpha = 0.5;
    ctx.fillRect(0, 0, 100, 100);
    // what pdf.js leaves on a context: a fill rule of its own, methods it forwarded to a group's canvas
    added.fillRule = 'evenodd';
    added.save = () => undefined;
    pool.give(canvas);
    const again = pool.take(...A4);
    expect(again).toBe(canvas);
    const ctx2 = again.getContext('2d');
    expect(opaque(again.data())).toBe(false);
    expect(Object.getOwnPropertyNames(ctx2).sort()).toEqual(ownFresh);
    expect(ctx2.save).toBe(Object.getPrototypeOf(ctx2).save);
    expect([ctx2.fillStyle, ctx2.globalAlpha, ctx2.getTransform().isIdentity]).toEqual(['#000000', 1, true]);
  });

  it('keeps no small canvas and no more than its size; a large one of another size lets go those kept', () => {
    const pool = new CanvasPool(1);
    const small = pool.take(100, 100);
    pool.give(small);
    expect(pool.take(100, 100)).not.toBe(small);
    const [a, b] = [pool.take(...A4), pool.take(...A4)];
    pool.give(a);
    pool.give(b);
    // a kept, then let go for b: only b comes back; a small canvas meanwhile leaves it kept
    pool.take(100, 100);
    expect(pool.take(...A4)).toBe(b);
    expect(pool.take(...A4)).not.toBe(a);
    pool.give(b);
    // a landscape page: the portrait one kept is let go (its memory not held beside the new one's)
    const landscape = pool.take(A4[1], A4[0]);
    expect(landscape).not.toBe(b);
    expect(b.width * b.height).toBeLessThan(A4[0] * A4[1] / 100);
  });

  it("keeps pdf.js's scratch canvases apart from page rasters", () => {
    const page = pageCanvases.take(...A4);
    pageCanvases.give(page);
    const factory = new PooledCanvasFactory();
    const scratch = factory.create(...A4);
    expect(scratch.canvas).not.toBe(page);
    factory.destroy(scratch);
    expect(scratch.canvas).toBeNull();
    expect(pageCanvases.take(...A4)).toBe(page);
  });
});
