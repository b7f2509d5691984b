import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import type { Queue } from 'bullmq';
import { ALL_QUEUES } from '@app/contracts';
import { AuthService } from '../auth/auth.service';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * bull-board at /admin/queues for admins: queues, jobs, retries. A browser page, so it takes HTTP
 * Basic credentials of an admin account (or a bearer token) rather than only API headers.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: ALL_QUEUES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name), { strict: false }))),
    serverAdapter,
  });
  const auth = app.get(AuthService);
  app.use(QUEUE_DASHBOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
    adminOnly(auth, req)
      .then((ok) => (ok ? next() : res.set('WWW-Authenticate', 'Basic realm="queues"').status(401).json({ code: 'UNAUTHENTICATED', message: 'Admins only' })))
      .catch(next);
  });
  app.use(QUEUE_DASHBOARD_PATH, serverAdapter.getRouter());
}

async function adminOnly(auth: AuthService, req: Request): Promise<boolean> {
  const [scheme, credentials] = (req.headers.authorization ?? '').split(' ');
  try {
    if (scheme?.toLowerCase() === 'basic' && credentials) {
      const decoded = Buffer.from(credentials, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return (await auth.verifyPassword(decoded.slice(0, colon), decoded.slice(colon + 1))).roles.includes('admin');
    }
    if (scheme?.toLowerCase() === 'bearer' && credentials) return (await auth.verifyAccessToken(credentials)).roles.includes('admin');
  } catch {
    return false;
  }
  return false;
}
