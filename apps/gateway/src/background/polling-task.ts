import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';

/**
 * Work the gateway does in the background from rows in PostgreSQL (bookings waiting for a service's
 * answer, webhooks to deliver): run every `intervalMs` and on `kick()`, never twice at once, and
 * finished before shutdown. Rows are claimed with SKIP LOCKED, so gateway replicas share the work.
 */
export abstract class PollingTask implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  protected abstract readonly intervalMs: number;

  /** One batch; returns how many rows it handled (a full batch runs again at once). */
  protected abstract runOnce(): Promise<number>;

  protected abstract readonly batchSize: number;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.intervalMs);
    this.timer.unref();
    this.kick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => (this.running = null));
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        while ((await this.runOnce()) >= this.batchSize && this.timer);
      } catch (error) {
        this.logger.warn({ err: error }, 'background batch failed; the next poll retries');
      }
    } while (this.again && this.timer);
  }
}
