import type { Response } from 'express';
import { PendingRequest } from './pending-request';

/** A service's answer sent as a CSV download; a request still queued stays a 202 with its status resource. */
export function csvAttachment<T>(res: Response, filename: string, answer: T | PendingRequest, toCsv: (value: T) => string): string | PendingRequest {
  if (answer instanceof PendingRequest) return answer;
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  return toCsv(answer);
}
