// Every key, in order, to whoever holds it: handlers by priority (the app's router first, then the open
// panel); a handler that returns true keeps the key. Renders asked for while a read's keys are handed out
// happen once after them, so a 5,000-key burst is one frame, not 5,000.
import type { KeyEvent } from './key-event.js';

export type KeyHandler = (key: KeyEvent) => boolean | void;

interface Subscription {
  handler: { current: KeyHandler };
  priority: number;
  order: number;
}

export class KeyDispatcher {
  private subscriptions: Subscription[] = [];
  private nextOrder = 0;
  private dispatching = false;
  private readonly pendingRenders = new Set<() => void>();

  subscribe(handler: { current: KeyHandler }, priority: number): () => void {
    const subscription = { handler, priority, order: this.nextOrder++ };
    this.subscriptions = [...this.subscriptions, subscription].sort((a, b) => b.priority - a.priority || a.order - b.order);
    return () => {
      this.subscriptions = this.subscriptions.filter((s) => s !== subscription);
    };
  }

  dispatch(keys: readonly KeyEvent[]): void {
    if (keys.length === 0) return;
    this.dispatching = true;
    try {
      for (const key of keys) {
        for (const { handler } of this.subscriptions) if (handler.current(key) === true) break;
      }
    } finally {
      this.dispatching = false;
      const renders = [...this.pendingRenders];
      this.pendingRenders.clear();
      for (const render of renders) render();
    }
  }

  /** render now, or once after the keys being handed out */
  requestRender(render: () => void): void {
    if (this.dispatching) this.pendingRenders.add(render);
    else render();
  }
}
