import type { IDeliveryReport } from '../../domain/notifications';

/**
 * Where every action's Teams delivery outcome is told (the UI shows one calm line). Kept outside the
 * repositories' lazy chunk: the shell subscribes before any repository has loaded.
 */
export class DeliveryBus {
  private readonly listeners = new Set<(report: IDeliveryReport) => void>();

  public subscribe(listener: (report: IDeliveryReport) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  public publish(report: IDeliveryReport): void {
    for (const listener of Array.from(this.listeners)) {
      try {
        listener(report);
      } catch {
        // A listener's failure is the UI's; the action has landed.
      }
    }
  }
}
